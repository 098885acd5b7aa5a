broadcast-ask-message =
    📣 <b>Nuovo invio di massa</b>
    Invia o inoltra il messaggio da diffondere: testo formattato, una foto, un video o un documento con didascalia. I destinatari ne ricevono una copia identica. /cancel per annullare.
broadcast-not-copyable = Questo tipo di messaggio non si può copiare ai clienti. Invia un testo, una foto, un video o un documento.
broadcast-preview-above = ☝️ Ecco esattamente ciò che vedranno i destinatari (chi non ha una versione nella propria lingua riceve questa). A chi inviarlo?
broadcast-choose-audience = A chi inviare il messaggio?
broadcast-seg-all = 👥 A tutti
broadcast-seg-lang = 🌐 Per lingua
broadcast-seg-doc = 📄 Per documento
broadcast-seg-expiring = ⏳ Documenti in scadenza entro N giorni
broadcast-seg-active = 🟢 Attivi negli ultimi N giorni
broadcast-btn-confirm = ✅ Invia ora
broadcast-btn-later = 🕒 Invia alle…
broadcast-btn-audience = 👥 Cambia destinatari
broadcast-btn-cancel = ✖️ Annulla
broadcast-segment-all = tutti i clienti
broadcast-segment-lang = clienti che parlano { $language }
broadcast-segment-doc = clienti con un documento salvato: { $document }
broadcast-segment-expiring = clienti con un documento in scadenza entro { $days ->
        [one] { $days } giorno
       *[other] { $days } giorni
    }
broadcast-segment-active = clienti attivi negli ultimi { $days ->
        [one] { $days } giorno
       *[other] { $days } giorni
    }
broadcast-audience =
    Destinatari: { $segment }
    Numero: <b>{ $count }</b> (chi ha bloccato il bot è escluso)
broadcast-empty-audience = Nessuno rientra in questo gruppo ({ $segment }). Scegline un altro.
broadcast-ask-language = Che lingua parlano i destinatari?
broadcast-ask-document = Clienti con quale documento salvato?
broadcast-days = { $days ->
        [one] { $days } giorno
       *[other] { $days } giorni
    }
broadcast-ask-days-expiring = Documenti in scadenza entro quanti giorni? Scegli o scrivi un numero.
broadcast-ask-days-active = Attivi negli ultimi quanti giorni? Scegli o scrivi un numero.
broadcast-bad-days = Scrivi un numero intero di giorni da 1 a { $max }.
broadcast-expired = Questa bozza non è più aperta. Ricomincia con /broadcast.
broadcast-started = 🚀 L'invio n. { $id } a { $count ->
        [one] { $count } destinatario
       *[other] { $count } destinatari
    } è iniziato. L'avanzamento segue qui sotto; /broadcast_cancel lo ferma.
broadcast-ask-time = Quando inviarlo? Scrivi data e ora nel tuo fuso orario ({ $timezone }), per esempio <i>{ $example }</i>, <i>domani 10:00</i>, <i>venerdì 18:30</i>, oppure solo <i>18:30</i> per le prossime 18:30.
broadcast-bad-time = Non ho capito. Scrivi data e ora come <i>25.12.2026 10:00</i> (fuso orario { $timezone }).
broadcast-past-time = Quel momento è già passato. Scrivi un orario futuro.
broadcast-scheduled = 🕒 L'invio n. { $id } a { $count ->
        [one] { $count } destinatario
       *[other] { $count } destinatari
    } è programmato per { $when } ({ $timezone }). /broadcast_cancel lo annulla.
broadcast-draft-cancelled = Annullato. Non è stato inviato nulla.
broadcast-use-buttons = Usa i pulsanti qui sopra, oppure /cancel per annullare.
broadcast-item-scheduled = 🕒 n. { $id } (programmato)
broadcast-item-sending = 📣 n. { $id } (in invio)
broadcast-nothing-to-cancel = Non ci sono invii programmati o in corso.
broadcast-cancel-which = Quale invio vuoi annullare?
broadcast-cancelled = ⛔ L'invio n. { $id } è annullato.
broadcast-already-over = L'invio n. { $id } è già terminato.
broadcast-progress =
    📣 <b>Invio n. { $id }</b>: in corso
    { $bar }
    ✅ Inviati: { $sent }
    ⚠️ Non riusciti: { $failed }
    🚫 Hanno bloccato il bot: { $blocked }
    ⏳ Restano: { $remaining } su { $total }, circa { $eta }
broadcast-progress-final =
    📣 <b>Invio n. { $id }</b>: terminato
    { $bar }
    ✅ Inviati: { $sent }
    ⚠️ Non riusciti: { $failed }
    🚫 Hanno bloccato il bot: { $blocked }
    ⏳ Non inviati: { $remaining } su { $total }
broadcast-report =
    🏁 <b>Invio n. { $id } completato</b> in { $duration }.
    Consegnati: { $sent } su { $total }; non riusciti: { $failed }; hanno bloccato il bot: { $blocked } (segnati come inattivi).
broadcast-report-cancelled =
    ⛔ <b>Invio n. { $id } annullato</b> dopo { $duration }.
    Consegnati: { $sent } su { $total }; non riusciti: { $failed }; hanno bloccato il bot: { $blocked }; non inviati: { $remaining }.
broadcast-report-twice = ♻️ { $count ->
        [one] { $count } messaggio era in viaggio al riavvio del bot ed è stato inviato di nuovo: quel cliente potrebbe averlo ricevuto due volte.
       *[other] { $count } messaggi erano in viaggio al riavvio del bot e sono stati inviati di nuovo: quei clienti potrebbero averlo ricevuto due volte.
    }
broadcast-btn-add-version = 🌐 Aggiungi una versione in un'altra lingua
broadcast-ask-version-language = Una versione per chi parla quale lingua?
broadcast-ask-version = Invia o inoltra il messaggio per i clienti che parlano { $language }.
broadcast-versions-one = Questo messaggio va a tutti (scritto per chi parla { $default }). Se vuoi, aggiungi una versione in un'altra lingua.
broadcast-versions = Versioni: { $languages } ricevono la propria; tutti gli altri il primo messaggio ({ $default }).
broadcast-news-off = 🔕 Esclusi: { $count ->
        [one] { $count } cliente che ha disattivato le notizie
       *[other] { $count } clienti che hanno disattivato le notizie
    }.
