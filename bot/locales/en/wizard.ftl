wizard-ask-kind = 🗓 <b>Renewal plan</b>, step 1 of 3: which document do you want to plan for?
wizard-ask-date =
    🗓 Step 2 of 3: when does your <b>{ $document }</b> expire?
    Type the date (for example <i>{ $example }</i> or 15.03.2027) or pick it in the calendar.
wizard-bad-date =
    I couldn't read that date. Please type it like <i>{ $example }</i>, 15.03.2027 or 2027-03-15, or pick it in the calendar.
wizard-past-date =
    ⚠️ { $date } is already past. If your document has expired, you may be staying in Russia without a valid document, which can mean a fine, expulsion and an entry ban: act today, and talk to an operator or your migration office.
    If you mistyped, send the correct date.
wizard-too-far = That date is more than { $years } years away. Please check it and send the expiry date again.
wizard-use-buttons = Please use the buttons below, or /cancel to stop.
wizard-btn-cancel = ✖️ Cancel
wizard-btn-save = 💾 Save and remind me
wizard-btn-label = 🏷 Add a name (e.g. “my son's visa”)
wizard-btn-nosave = Don't save
wizard-ask-label = Send a short name for this document, for example <i>Anna's visa</i> (up to 40 characters).
wizard-cancelled = Cancelled. Nothing was saved.
wizard-not-saved = OK, the plan is not saved. You can start again any time with /renew.
wizard-saved = ✅ Saved. I'll remind you before each deadline.
wizard-expired = That step has already finished. Start again with /renew.
plan-header = 🗓 Step 3 of 3: your plan for <b>{ $document }</b>
plan-expires = { $days ->
    [0] Expires <b>today</b>, { $date }.
    [one] Expires <b>tomorrow</b>, { $date }.
   *[other] Expires on <b>{ $date }</b>: <b>{ $days } days</b> left.
}
plan-start-by = Start the renewal by <b>{ $date }</b>.
plan-start-today = 📌 Today is the recommended day to start: <b>start today</b>.
plan-start-now = ⚠️ The recommended time to start has passed: <b>start today</b>.
plan-checklist = <b>Checklist</b>
wizard-ask-paid-until =
    🗓 Step 2 of 3: until what date is your <b>{ $document }</b> paid? It is the last day covered by your latest NDFL advance payment; the patent expires the day after it.
    Type the date (for example <i>{ $example }</i> or 15.03.2027) or pick it in the calendar.
plan-paid-until = { $days ->
    [0] Paid until <b>today</b>, { $date }: pay the next month <b>today</b>.
    [one] Paid until <b>tomorrow</b>, { $date }: pay the next month by then.
   *[other] Paid until <b>{ $date }</b>: pay the next month by then (<b>{ $days } days</b> left).
}
plan-pay-monthly = 💳 The patent ends the day after its last paid day, with no grace period. I'll remind you before each payment is due; press “I paid” and the date moves to the next month.
