wizard-ask-kind = 🗓 <b>Piano di rinnovo</b>, passo 1 di 3: per quale documento vuoi fare il piano?
wizard-ask-date =
    🗓 Passo 2 di 3: quando scade il tuo documento <b>{ $document }</b>?
    Scrivi la data (per esempio <i>{ $example }</i> o 15.03.2027) oppure sceglila nel calendario.
wizard-bad-date =
    Non sono riuscito a leggere la data. Scrivila così: <i>{ $example }</i>, 15.03.2027 o 2027-03-15, oppure sceglila nel calendario.
wizard-past-date =
    ⚠️ Il { $date } è già passato. Se il tuo documento è scaduto, potresti trovarti in Russia senza un documento valido, e questo può comportare una multa, l'espulsione e un divieto d'ingresso: agisci oggi stesso e parla con un operatore o con l'ufficio migrazione.
    Se hai sbagliato a scrivere, manda la data corretta.
wizard-too-far = Quella data è tra più di { $years } { $years ->
        [one] anno
       *[other] anni
    }. Controllala e manda di nuovo la data di scadenza.
wizard-use-buttons = Usa i pulsanti qui sotto, oppure /cancel per interrompere.
wizard-btn-cancel = ✖️ Annulla
wizard-btn-save = 💾 Salva e ricordamelo
wizard-btn-label = 🏷 Aggiungi un nome (es. “il visto di mio figlio”)
wizard-btn-nosave = Non salvare
wizard-ask-label = Manda un nome breve per questo documento, per esempio <i>visto di Anna</i> (massimo 40 caratteri).
wizard-cancelled = Annullato. Non ho salvato niente.
wizard-not-saved = Va bene, il piano non è stato salvato. Puoi ricominciare quando vuoi con /renew.
wizard-saved = ✅ Salvato. Ti avviserò prima di ogni scadenza.
wizard-expired = Questo passaggio è già concluso. Ricomincia con /renew.
plan-header = 🗓 Passo 3 di 3: il tuo piano per <b>{ $document }</b>
plan-expires = { $days ->
    [0] Scade <b>oggi</b>, { $date }.
    [one] Scade <b>domani</b>, { $date }.
   *[other] Scade il <b>{ $date }</b>: mancano <b>{ $days } giorni</b>.
}
plan-start-by = Avvia il rinnovo entro il <b>{ $date }</b>.
plan-start-today = 📌 Oggi è il giorno consigliato per iniziare: <b>inizia oggi</b>.
plan-start-now = ⚠️ Il momento consigliato per iniziare è passato: <b>inizia oggi</b>.
plan-checklist = <b>Checklist</b>
wizard-ask-paid-until =
    🗓 Passo 2 di 3: fino a che data è pagata la tua <b>{ $document }</b>? È l'ultimo giorno coperto dall'ultimo acconto NDFL.
    Scrivi la data (per esempio <i>{ $example }</i> o 15.03.2027) o sceglila nel calendario.
plan-paid-until = { $days ->
    [0] Pagata fino a <b>oggi</b>, { $date }: paga il mese successivo <b>oggi</b>.
    [one] Pagata fino a <b>domani</b>, { $date }: paga il mese successivo entro allora.
   *[other] Pagata fino al <b>{ $date }</b>: paga il mese successivo entro allora (<b>{ $days } giorni</b> rimasti).
}
plan-pay-monthly = 💳 La patente scade il giorno dopo l'ultimo giorno pagato, senza periodo di tolleranza. Ti ricorderò prima di ogni pagamento; premi “Ho pagato” e la data passa al mese successivo.
