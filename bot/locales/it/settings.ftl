settings-summary =
    ⚙️ <b>Impostazioni dei promemoria</b>
    Fuso orario: <b>{ $timezone }</b>
    Ora del giorno: <b>{ $hour }</b>
    Giorni prima della scadenza: <b>{ $days }</b>
settings-days-default = i giorni consigliati per ogni documento
settings-btn-tz = 🌍 Fuso orario
settings-btn-hour = 🕙 Ora del giorno
settings-btn-days = 📅 Giorni prima della scadenza
settings-btn-days-default = ↩️ Usa i giorni consigliati
settings-ask-tz = Scegli il tuo fuso orario o scrivi una città o uno scarto (per esempio <i>Pechino</i>, <i>Mosca</i> o <i>UTC+3</i>).
settings-bad-tz = Non conosco il fuso orario “{ $typed }”. Scrivi una città come <i>Pechino</i> o uno scarto come <i>UTC+3</i>, oppure scegli uno dei pulsanti.
settings-ask-hour = A che ora vuoi ricevere i promemoria?
settings-ask-days = Tocca i giorni prima della scadenza in cui vuoi un promemoria (0 = il giorno stesso).
settings-days-need-one = Tieni almeno un giorno, oppure usa i giorni consigliati.
settings-saved = ✅ Salvato. I tuoi promemoria seguiranno le nuove impostazioni.
settings-days-silent = ⚠️ Non modificato: con questi giorni, { $documents } non { $count ->
    [one] riceverebbe
   *[other] riceverebbero
} alcun promemoria prima della scadenza. Tieni un giorno più vicino alla scadenza.
