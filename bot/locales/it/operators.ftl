# Operators (ADMIN_IDS) only: their command menu, /stats with its chart, /reload_faq.
cmd-stats = Statistiche e grafico (operatori)
cmd-broadcast = Invia un avviso ai clienti (operatori)
cmd-broadcast_cancel = Ferma l'invio in corso (operatori)
cmd-reload_faq = Ricarica la base di conoscenza (operatori)
stats-title = <b>📊 Statistiche del bot</b> ({ $date })
stats-users = <b>Utenti</b>: { $total } in tutto · attivi negli ultimi 30 giorni: { $active } · hanno bloccato il bot: { $blocked }
stats-users-language = • { $language }: { $total } · attivi { $active } · bloccato { $blocked }
stats-documents = <b>Documenti salvati</b>: { $total }
stats-documents-kind = • { $kind }: { $count }
stats-expiring = In scadenza entro 7 giorni: { $week } · entro 30 giorni: { $month }
stats-reminders = <b>Promemoria inviati</b> negli ultimi 7 giorni: { $count }
stats-questions = <b>Domande</b> negli ultimi 30 giorni: con risposta { $answered } · con suggerimenti { $suggested } · senza risposta { $declined }
stats-declined-title = <b>Domande senza risposta più frequenti</b> (30 giorni), possibili nuovi argomenti:
stats-declined-item = { $count } × { $text }
stats-declined-none = Nessuna domanda senza risposta negli ultimi 30 giorni.
stats-chart-caption = 📈 Documenti in scadenza per settimana e domande al giorno.
stats-chart-failed = Questa volta non è stato possibile disegnare il grafico; i dati sopra sono completi.
chart-expiring-title = Documenti in scadenza per settimana (prossime 12 settimane)
chart-documents-axis = Documenti
chart-questions-title = Domande al giorno (ultimi 30 giorni)
chart-questions-axis = Domande
chart-answered = Con risposta
chart-declined = Senza risposta
chart-day = { NUMBER($day, minimumIntegerDigits: 2) }/{ NUMBER($month, minimumIntegerDigits: 2) }
reload-faq-done = ✅ Contenuti ricaricati. Argomenti: { $before } prima, { $after } ora.
reload-faq-failed = ❌ I file dei contenuti hanno dei problemi ({ $count }). Non è cambiato nulla: il bot continua con i contenuti di prima.
reload-faq-more = …e altri { $count }.

cmd-review = Insegna al bot: domande che non ha saputo collocare (operatori)
review-item =
    <b>{ $left ->
        [one] Una domanda in attesa
       *[other] { $left } domande in attesa
    }</b> · chiesta { $count ->
        [one] una volta
       *[other] { $count } volte
    } ({ $lang }):
    <i>{ $question }</i>

    Quale tema risponde?
review-empty = Niente da rivedere: tutte le domande rifiutate o incerte hanno già una decisione.
review-other = Scegli la categoria, poi il tema:
review-stopped = Revisione interrotta. Invia /review per riprendere da dove eri rimasto.
btn-review-other = 🗂 Altro tema…
btn-review-offtopic = 🚫 Non è di nostra competenza
btn-review-skip = ⏭ Salta
btn-review-stop = ⏹ Stop
stats-review = Domande in attesa di /review: { $count }
help-operators = <b>Comandi per gli operatori</b> (li vedete solo voi operatori)
chart-suggested = Suggerimenti offerti
stats-expiring-chart = In scadenza nelle prossime { $weeks } settimane (il grafico): { $count }
