broadcast-ask-message =
    📣 <b>New broadcast</b>
    Send or forward the message to broadcast: text with formatting, a photo, a video or a document with a caption. Recipients get an exact copy. /cancel to stop.
broadcast-not-copyable = This kind of message can't be copied to clients. Send text, a photo, a video or a document.
broadcast-preview-above = ☝️ This is exactly what recipients will see (clients whose language gets no version of its own get this one). Who should get it?
broadcast-choose-audience = Who should get the broadcast?
broadcast-seg-all = 👥 Everyone
broadcast-seg-lang = 🌐 By language
broadcast-seg-doc = 📄 By document
broadcast-seg-expiring = ⏳ Documents expiring within N days
broadcast-seg-active = 🟢 Active within N days
broadcast-btn-confirm = ✅ Send now
broadcast-btn-later = 🕒 Send at…
broadcast-btn-audience = 👥 Change the audience
broadcast-btn-cancel = ✖️ Cancel
broadcast-segment-all = everyone
broadcast-segment-lang = clients who speak { $language }
broadcast-segment-doc = clients with a saved document: { $document }
broadcast-segment-expiring = clients whose document expires within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
broadcast-segment-active = clients active within the last { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
broadcast-audience =
    Audience: { $segment }
    Recipients: <b>{ $count }</b> (clients who blocked the bot are left out)
broadcast-empty-audience = Nobody is in this audience ({ $segment }). Choose another one.
broadcast-ask-language = Which language do the recipients speak?
broadcast-ask-document = Clients with which saved document?
broadcast-days = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
broadcast-ask-days-expiring = Documents expiring within how many days? Pick one or type a number.
broadcast-ask-days-active = Clients active within how many days? Pick one or type a number.
broadcast-bad-days = Please type a whole number of days from 1 to { $max }.
broadcast-expired = This broadcast draft is no longer open. Start again with /broadcast.
broadcast-started = 🚀 Broadcast #{ $id } to { $count ->
        [one] { $count } recipient
       *[other] { $count } recipients
    } has started. Progress follows below; /broadcast_cancel stops it.
broadcast-ask-time = When should it go out? Type the date and time in your time zone ({ $timezone }), for example <i>{ $example }</i>, <i>tomorrow 10:00</i>, <i>friday 18:30</i>, or just <i>18:30</i> for the next 18:30.
broadcast-bad-time = I couldn't read that. Type a date and a time like <i>25.12.2026 10:00</i> (time zone { $timezone }).
broadcast-past-time = That moment has already passed. Type a time in the future.
broadcast-scheduled = 🕒 Broadcast #{ $id } to { $count ->
        [one] { $count } recipient
       *[other] { $count } recipients
    } is scheduled for { $when } ({ $timezone }). /broadcast_cancel cancels it.
broadcast-draft-cancelled = Cancelled. Nothing was sent.
broadcast-use-buttons = Please use the buttons above, or /cancel to stop.
broadcast-item-scheduled = 🕒 #{ $id } (scheduled)
broadcast-item-sending = 📣 #{ $id } (sending)
broadcast-nothing-to-cancel = There is no scheduled or running broadcast.
broadcast-cancel-which = Which broadcast should be cancelled?
broadcast-cancelled = ⛔ Broadcast #{ $id } is cancelled.
broadcast-already-over = Broadcast #{ $id } has already finished.
broadcast-progress =
    📣 <b>Broadcast #{ $id }</b>: sending
    { $bar }
    ✅ Sent: { $sent }
    ⚠️ Failed: { $failed }
    🚫 Blocked the bot: { $blocked }
    ⏳ Remaining: { $remaining } of { $total }, about { $eta } left
broadcast-progress-final =
    📣 <b>Broadcast #{ $id }</b>: finished
    { $bar }
    ✅ Sent: { $sent }
    ⚠️ Failed: { $failed }
    🚫 Blocked the bot: { $blocked }
    ⏳ Not sent: { $remaining } of { $total }
broadcast-report =
    🏁 <b>Broadcast #{ $id } is done</b> in { $duration }.
    Delivered to { $sent } of { $total }; failed: { $failed }; blocked the bot: { $blocked } (they are marked inactive).
broadcast-report-cancelled =
    ⛔ <b>Broadcast #{ $id } was cancelled</b> after { $duration }.
    Delivered to { $sent } of { $total }; failed: { $failed }; blocked the bot: { $blocked }; not sent: { $remaining }.
broadcast-report-twice = ♻️ { $count ->
        [one] { $count } message was in flight when the bot restarted and was sent again: that client may have received it twice.
       *[other] { $count } messages were in flight when the bot restarted and were sent again: those clients may have received it twice.
    }
broadcast-btn-add-version = 🌐 Add a version in another language
broadcast-ask-version-language = A version for the speakers of which language?
broadcast-ask-version = Send or forward the message for clients who speak { $language }.
broadcast-versions-one = This message goes to everyone (written for { $default } speakers). Add a version in another language if you like.
broadcast-versions = Versions: { $languages } get their own; everyone else gets the first message ({ $default }).
broadcast-news-off = 🔕 Left out: { $count ->
        [one] { $count } client who turned off news
       *[other] { $count } clients who turned off news
    }.
