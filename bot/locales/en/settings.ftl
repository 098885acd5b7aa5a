settings-summary =
    ⚙️ <b>Reminder settings</b>
    Time zone: <b>{ $timezone }</b>
    Time of day: <b>{ $hour }</b>
    Days before expiry: <b>{ $days }</b>
settings-days-default = the recommended days for each document
settings-btn-tz = 🌍 Time zone
settings-btn-hour = 🕙 Time of day
settings-btn-days = 📅 Days before expiry
settings-btn-days-default = ↩️ Use the recommended days
settings-ask-tz = Choose your time zone, or type a city or an offset (for example <i>Beijing</i>, <i>Moscow</i> or <i>UTC+3</i>).
settings-bad-tz = I don't know the time zone “{ $typed }”. Type a city like <i>Beijing</i> or an offset like <i>UTC+3</i>, or choose one of the buttons.
settings-ask-hour = At what time should reminders arrive?
settings-ask-days = Tap the days before expiry on which you want a reminder (0 = on the day).
settings-days-need-one = Keep at least one day, or use the recommended days.
settings-saved = ✅ Saved. Your reminders follow the new settings.
settings-days-silent = ⚠️ Not changed: with these days, { $documents } would get no reminder before { $count ->
    [one] it expires
   *[other] they expire
}. Keep a day closer to the expiry date.
