reminder-upcoming = { $days ->
    [0] ⚠️ Your <b>{ $document }</b> expires <b>today</b>, { $date }.
    [one] ⏰ Your <b>{ $document }</b> expires <b>tomorrow</b>, { $date }.
   *[other] ⏰ Your <b>{ $document }</b> expires in <b>{ $days } days</b>, on { $date }.
}
reminder-start-by = Start the renewal by { $date } at the latest.
reminder-start-today = Today is the day to start the renewal: start today.
reminder-start-now = The recommended time to start has passed: start the renewal today.
reminder-expired =
    ❗ Your <b>{ $document }</b> expired on { $date }.
    Staying in Russia without a valid document can mean a fine, expulsion and an entry ban. Act now: talk to an operator or to your migration office (MVD). This is the last reminder for this document.
reminder-btn-renewed = ✅ I renewed it
reminder-btn-tomorrow = ⏰ Remind me tomorrow
reminder-btn-checklist = 📋 Show checklist
reminder-payment-due = { $days ->
    [0] ⚠️ Your <b>{ $document }</b> is paid until <b>today</b>, { $date }: pay the next month today, or the patent ends tomorrow.
    [one] 💳 Your <b>{ $document }</b> is paid until <b>tomorrow</b>, { $date }: pay the next month by then.
   *[other] 💳 Your <b>{ $document }</b> is paid until { $date }: pay the next month within <b>{ $days } days</b>.
}
reminder-btn-paid = 💳 I paid
