docs-header = 📂 <b>Your documents</b>
docs-empty = You have no saved documents yet. Make a renewal plan and I'll remind you before it expires.
docs-line = { $days ->
    [0] • <b>{ $document }</b>: expires <b>today</b>, { $date }
    [one] • <b>{ $document }</b>: expires <b>tomorrow</b>, { $date }
   *[other] • <b>{ $document }</b>: { $date }, <b>{ $days } days</b> left
}
docs-btn-add = ➕ Add a document
doc-btn-ics = 📅 Add to calendar
doc-btn-rename = 🏷 Rename
doc-btn-delete = 🗑 Delete
doc-btn-really-delete = 🗑 Yes, delete it
doc-confirm-delete = Delete <b>{ $document }</b> and its reminders?
doc-deleted = Deleted.
doc-gone = That document is no longer saved.
doc-renamed = Renamed: <b>{ $document }</b>.
doc-ask-new-date = Great! Let's update it with the new expiry date.
doc-updated = ✅ <b>{ $document }</b> now expires on { $date }. Its reminders start again.
doc-next-reminder = Next reminder: { $date } at { $time } ({ $timezone }).
doc-no-reminders = No reminders are left for this date.
doc-snoozed = OK, I'll remind you again on { $date } at { $time }.
doc-ics-caption = 📅 <b>{ $document }</b>: open the file to add the start date and the expiry date to your calendar.
ics-expiry = { $document } expires
ics-start = Start renewing: { $document }
ics-description = Reminder from the renewal bot. Check the official sources (мвд.рф, gosuslugi.ru) before you act.
docs-line-expired = • <b>{ $document }</b>: expired on { $date }
doc-paid = ✅ <b>{ $document }</b>: paid until { $date }.
