handoff-ask = Write your question to our operators in <b>one message</b> (you can attach a photo or a document). They will answer you here, in this chat.
handoff-ask-last =
    Your last question was:
    <i>{ $question }</i>

    Send it to an operator with the button, or write a new question in one message.
handoff-btn-send-last = 📨 Send my last question
handoff-btn-cancel = ✖️ Cancel
handoff-cancelled = OK, nothing was sent to the operators.
handoff-opened = ✅ Your question is with our operators. They will answer here. Anything you write now goes to them too, until they close the conversation.
handoff-already-open = Your conversation with an operator is still open: just write here and they will see it.
handoff-closed = The operator closed the conversation. I'll answer your questions myself again; press “Talk to an operator” whenever you need a person.
handoff-failed = Sorry, I couldn't reach our operators just now. Please try again later.
handoff-not-delivered = Sorry, that message didn't reach the operators. Please send it again in a minute.
handoff-card-header = 🆘 <b>Conversation #{ $thread }</b>
handoff-card-user = 👤 <a href="tg://user?id={ $id }">{ $name }</a>{ $username } · id <code>{ $id }</code>
handoff-card-language = 🌐 Language: { $language }
handoff-card-documents = 📂 Saved documents:
handoff-card-document = { $days ->
    [0] • { $document }: { $date }, expires today
    [one] • { $document }: { $date }, { $days } day left
   *[other] • { $document }: { $date }, { $days } days left
}
handoff-card-document-expired = • { $document }: { $date }, expired
handoff-card-no-documents = 📂 No saved documents.
handoff-card-question = ❓ <b>Question:</b>
handoff-card-see-below = (see the message below)
handoff-card-hint = <i>Reply to this message, or to any message of this conversation, to answer. Close it with the button or by replying /close.</i>
handoff-btn-close = ✅ Close the conversation
handoff-op-closed = ✅ Conversation #{ $thread } closed by { $name }.
handoff-op-already-closed = Conversation #{ $thread } is closed, so this was not sent. The user can start a new one with “Talk to an operator”.
handoff-op-gone = This conversation no longer exists.
handoff-op-blocked = ⚠️ Not delivered: { $name } has blocked the bot.
handoff-op-failed = ⚠️ Not delivered: { $error }
handoff-op-close-how = To close a conversation, reply /close to one of its messages.
handoff-btn-end = ✖️ End chat
handoff-ended = ✅ The chat with our operators is ended. I'll answer your questions myself again; press “Talk to an operator” whenever you need a person.
handoff-already-ended = This chat has already ended.
handoff-from-operator = 👤 <b>Our operator</b> (a person, not the bot) replies:
handoff-hours-open = 🕙 Our operators work { $hours }, { $zone }. They are at work now: expect an answer soon.
handoff-hours-closed = 🕙 Our operators work { $hours }, { $zone }. It is outside those hours now, so expect an answer from { $date }, { $time } your time.
handoff-op-user-ended = ✖️ Conversation #{ $thread } ended by the user.
