export-caption = 📦 Tutto quello che conservo su di te, in un file JSON.
forget-confirm = Vuoi cancellare tutto quello che conservo su di te: documenti salvati, promemoria, impostazioni e domande? Non si potrà tornare indietro.
forget-btn-yes = 🗑 Sì, cancella tutto
forget-btn-no = Tieni i miei dati
forget-kept = Va bene, non ho cancellato niente.
forget-done = ✅ Fatto: ho cancellato tutto quello che conservavo su di te. Se mi scrivi di nuovo, ripartirò da zero.
cmd-privacy = Cosa conservo su di te
privacy-text =
    🔒 <b>Cosa conservo su di te</b>
    • Il tuo id Telegram, nome e lingua, il fuso orario e le impostazioni dei promemoria.
    • I documenti che salvi (tipo, la tua etichetta, la data di scadenza) e i promemoria inviati: conservati finché non li elimini in /mydocs o con /forget.
    • Le domande che scrivi, con la mia risposta: conservate al massimo { $days ->
        [one] { $days } giorno
       *[other] { $days } giorni
    }, poi eliminate automaticamente. L'agenzia le legge per migliorare le risposte. Le domande che un operatore usa per istruirmi sono conservate senza il tuo nome.
    • Le conversazioni con un operatore: quali messaggi sono tuoi (i messaggi stessi sono nella chat degli operatori dell'agenzia).
    • Quali comunicazioni ti sono arrivate.
    Nulla viene condiviso con nessuno fuori dall'agenzia.

    /export ti invia tutto in un file; /forget elimina tutto in una volta.
