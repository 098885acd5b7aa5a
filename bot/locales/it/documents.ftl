docs-header = 📂 <b>I tuoi documenti</b>
docs-empty = Non hai ancora documenti salvati. Fai un piano di rinnovo e ti avviserò prima della scadenza.
docs-line = { $days ->
    [0] • <b>{ $document }</b>: scade <b>oggi</b>, { $date }
    [one] • <b>{ $document }</b>: scade <b>domani</b>, { $date }
   *[other] • <b>{ $document }</b>: { $date }, mancano <b>{ $days } giorni</b>
}
docs-btn-add = ➕ Aggiungi un documento
doc-btn-ics = 📅 Aggiungi al calendario
doc-btn-rename = 🏷 Rinomina
doc-btn-delete = 🗑 Elimina
doc-btn-really-delete = 🗑 Sì, eliminalo
doc-confirm-delete = Vuoi eliminare <b>{ $document }</b> e i suoi promemoria?
doc-deleted = Eliminato.
doc-gone = Questo documento non è più salvato.
doc-renamed = Nuovo nome: <b>{ $document }</b>.
doc-ask-new-date = Ottimo! Aggiorniamolo con la nuova data di scadenza.
doc-updated = ✅ Il tuo documento <b>{ $document }</b> ora scade il { $date }. I suoi promemoria ripartono da capo.
doc-next-reminder = Prossimo promemoria: { $date } alle { $time } ({ $timezone }).
doc-no-reminders = Non restano promemoria per questa data.
doc-snoozed = Va bene, te lo ricorderò di nuovo il { $date } alle { $time }.
doc-ics-caption = 📅 <b>{ $document }</b>: apri il file per aggiungere al calendario la data di inizio e la data di scadenza.
ics-expiry = Scadenza: { $document }
ics-start = Avvia il rinnovo: { $document }
ics-description = Promemoria dal bot dei rinnovi. Prima di agire, controlla le fonti ufficiali (мвд.рф, gosuslugi.ru).
docs-line-expired = • <b>{ $document }</b>: scaduto il { $date }
doc-paid = ✅ <b>{ $document }</b>: pagata fino al { $date }.
