start-greeting =
    Ciao, { $name }! 👋
    Aiuto gli stranieri a mantenere validi i documenti di soggiorno in Russia: registrazione migratoria, proroga del visto, costi, multe e scadenze.

    Fai una domanda con parole tue (per esempio <i>entro quanti giorni devo registrarmi?</i>) oppure scegli un argomento qui sotto.
help-text =
    <b>Cosa posso fare</b>
    • Rispondere a domande su registrazione, proroga del visto, costi, multe e scadenze: scrivi la tua domanda.
    • /topics: sfoglia tutti gli argomenti per categoria
    • /renew: fai un piano di rinnovo e ricevi i promemoria
    • /mydocs: vedi i tuoi documenti salvati
    • /settings: imposta fuso orario, ora e giorni dei promemoria
    • /privacy: cosa conservo; /export e /forget: scarica o cancella i tuoi dati
    • /language: cambia lingua (English, Русский, 中文, Italiano)
    • In qualsiasi chat scrivi <code>@bot</code> e la domanda per condividere una risposta.

    Le risposte vengono da una base di conoscenza curata, con fonti e data di verifica. Sono informazioni generali, non consulenza legale.
main-menu = Cosa vuoi fare?
ask-hint =
    Scrivi la tua domanda in un messaggio, con parole tue. Per esempio:
    • <i>il visto scade il mese prossimo, cosa faccio?</i>
    • <i>il padrone di casa non mi registra</i>
    • <i>quanto è la multa se resto oltre il visto?</i>
menu-renew = 🗓 Piano di rinnovo
menu-docs = 📂 I miei documenti
menu-topics = 📚 Argomenti
menu-ask = ❓ Come chiedere
menu-operator = 🧑‍💼 Parla con un operatore
menu-language = 🌐 Lingua
btn-back = ⬅️ Indietro
btn-home = 🏠 Menu principale
language-choose = Scegli la lingua:
language-set = Lingua impostata: { $language }.
topics-choose-category = Scegli una categoria:
topics-in-category = { $category } (pagina { $page } di { $pages }): scegli un argomento.
topic-gone = Questo argomento non è più disponibile. Scegline un altro.
match-unsure = Non sono sicuro di aver capito. Intendevi una di queste?
throttled = Stai scrivendo molto velocemente. Risponderò a tutto, un messaggio alla volta.
flood-skipped = Scrivi più in fretta di quanto io riesca a rispondere: ho saltato questo messaggio e quelli inviati subito dopo, fino alla mia prossima risposta. Inviali di nuovo, uno alla volta.
operator-contact = Per parlare con una persona dell'agenzia, contattaci qui: { $contact }
operator-unavailable = Per ora non è possibile contattare gli operatori da questa chat. Informazioni ufficiali: мвд.рф e gosuslugi.ru.
unknown-command = Non conosco questo comando. /help elenca cosa posso fare.
text-only = Posso leggere solo testo. Scrivi la tua domanda a parole oppure scegli un'opzione qui sotto.
button-outdated = Questo pulsante non funziona più. /start mostra il menu.
error-apology = Scusa, qualcosa è andato storto da parte mia. Riprova tra un minuto.
cmd-start = Inizio e menu principale
cmd-topics = Sfoglia gli argomenti
cmd-language = Cambia lingua
cmd-help = Cosa sa fare il bot
cmd-renew = Piano di rinnovo e promemoria
cmd-mydocs = I miei documenti salvati
cmd-settings = Fuso orario, ora e giorni dei promemoria
cmd-cancel = Annulla l'operazione in corso
cmd-export = Scarica i miei dati
cmd-forget = Cancella tutti i miei dati
nothing-to-cancel = Non c'è niente da annullare.
inline-open-bot = 🤖 Apri nel bot
bot-short-description = Risposte su registrazione migratoria, proroga del visto, tasse e scadenze; promemoria prima delle tue.
bot-description =
    Aiuto gli stranieri a mantenere validi i documenti di soggiorno in Russia.
    • Chiedi con parole tue di registrazione migratoria, proroga del visto, tasse, multe e scadenze: risposte con fonti e data di verifica.
    • Crea un piano di rinnovo con le date e ricevi promemoria prima di ogni scadenza.
    • Parla con gli operatori dell'agenzia quando serve una persona.
    English, Русский, 中文, Italiano. /privacy spiega cosa conservo.
