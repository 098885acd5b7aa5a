# Operators (ADMIN_IDS) only: their command menu, /stats with its chart, /reload_faq.
cmd-stats = Statistics and chart (operators)
cmd-broadcast = Send a notice to clients (operators)
cmd-broadcast_cancel = Stop the running broadcast (operators)
cmd-reload_faq = Reload the knowledge base (operators)
stats-title = <b>📊 Bot statistics</b> ({ $date })
stats-users = <b>Users</b>: { $total } in all · active in the last 30 days: { $active } · blocked the bot: { $blocked }
stats-users-language = • { $language }: { $total } · active { $active } · blocked { $blocked }
stats-documents = <b>Saved documents</b>: { $total }
stats-documents-kind = • { $kind }: { $count }
stats-expiring = Expiring within 7 days: { $week } · within 30 days: { $month }
stats-reminders = <b>Reminders sent</b> in the last 7 days: { $count }
stats-questions = <b>Questions</b> in the last 30 days: answered { $answered } · suggestions offered { $suggested } · declined { $declined }
stats-declined-title = <b>Most frequent declined questions</b> (30 days), candidates for new topics:
stats-declined-item = { $count } × { $text }
stats-declined-none = No declined questions in the last 30 days.
stats-chart-caption = 📈 Documents expiring per week, and questions per day.
stats-chart-failed = The chart could not be drawn this time; the figures above are complete.
chart-expiring-title = Documents expiring per week (next 12 weeks)
chart-documents-axis = Documents
chart-questions-title = Questions per day (last 30 days)
chart-questions-axis = Questions
chart-answered = Answered
chart-declined = Declined
chart-day = { NUMBER($month, minimumIntegerDigits: 2) }/{ NUMBER($day, minimumIntegerDigits: 2) }
reload-faq-done = ✅ Content reloaded. Topics: { $before } before, { $after } now.
reload-faq-failed = ❌ The content files have problems ({ $count }). Nothing was changed: the bot keeps the content it had.
reload-faq-more = …and { $count } more.

cmd-review = Teach the bot: questions it could not place (operators)
review-item =
    <b>{ $left ->
        [one] One question waits
       *[other] { $left } questions wait
    }</b> · asked { $count ->
        [one] once
       *[other] { $count } times
    } ({ $lang }):
    <i>{ $question }</i>

    Which topic answers it?
review-empty = Nothing to review: every question the bot declined or was unsure about has a verdict.
review-other = Choose the category, then the topic:
review-stopped = Review stopped. Send /review to go on where you left off.
btn-review-other = 🗂 Other topic…
btn-review-offtopic = 🚫 Not our subject
btn-review-skip = ⏭ Skip
btn-review-stop = ⏹ Stop
stats-review = Questions awaiting /review: { $count }
help-operators = <b>Operator commands</b> (only you and the other operators see these)
chart-suggested = Suggestions offered
stats-expiring-chart = Expiring in the next { $weeks } weeks (the chart): { $count }
