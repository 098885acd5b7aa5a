reminder-upcoming = { $days ->
    [0] ⚠️ Il tuo documento <b>{ $document }</b> scade <b>oggi</b>, { $date }.
    [one] ⏰ Il tuo documento <b>{ $document }</b> scade <b>domani</b>, { $date }.
   *[other] ⏰ Il tuo documento <b>{ $document }</b> scade tra <b>{ $days } giorni</b>, il { $date }.
}
reminder-start-by = Avvia il rinnovo entro il { $date }.
reminder-start-today = Oggi è il giorno consigliato per iniziare: avvia il rinnovo oggi.
reminder-start-now = Il momento consigliato per iniziare è passato: avvia il rinnovo oggi.
reminder-expired =
    ❗ Il tuo documento <b>{ $document }</b> è scaduto il { $date }.
    Restare in Russia senza un documento valido può comportare una multa, l'espulsione e un divieto d'ingresso. Agisci ora: parla con un operatore o con l'ufficio migrazione (MVD). Questo è l'ultimo promemoria per questo documento.
reminder-btn-renewed = ✅ L'ho rinnovato
reminder-btn-tomorrow = ⏰ Ricordamelo domani
reminder-btn-checklist = 📋 Mostra la checklist
reminder-payment-due = { $days ->
    [0] ⚠️ La tua <b>{ $document }</b> è pagata fino a <b>oggi</b>, { $date }: paga il mese successivo oggi, o la patente scade domani.
    [one] 💳 La tua <b>{ $document }</b> è pagata fino a <b>domani</b>, { $date }: paga il mese successivo entro allora.
   *[other] 💳 La tua <b>{ $document }</b> è pagata fino al { $date }: paga il mese successivo entro <b>{ $days } giorni</b>.
}
reminder-btn-paid = 💳 Ho pagato
