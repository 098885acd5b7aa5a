handoff-ask = 请用<b>一条消息</b>写下您想问客服的问题（可以附上照片或文件）。客服会在这个聊天里回复您。
handoff-ask-last =
    您上一个问题是：
    <i>{ $question }</i>

    点击按钮把它发给客服，或者用一条消息写一个新问题。
handoff-btn-send-last = 📨 发送上一个问题
handoff-btn-cancel = ✖️ 取消
handoff-cancelled = 好的，没有发送任何内容给客服。
handoff-opened = ✅ 您的问题已转给客服，他们会在这里回复。在客服结束对话之前，您接下来发送的消息也都会转给他们。
handoff-already-open = 您与客服的对话仍在进行中：直接在这里留言，客服就能看到。
handoff-closed = 客服已结束对话。现在由我继续回答您的问题；需要人工帮助时，请点击“联系人工客服”。
handoff-failed = 抱歉，暂时无法联系到客服，请稍后再试。
handoff-not-delivered = 抱歉，这条消息没有送达客服，请一分钟后重新发送。
handoff-card-header = 🆘 <b>对话 #{ $thread }</b>
handoff-card-user = 👤 <a href="tg://user?id={ $id }">{ $name }</a>{ $username } · id <code>{ $id }</code>
handoff-card-language = 🌐 语言：{ $language }
handoff-card-documents = 📂 已保存的证件：
handoff-card-document = { $days ->
    [0] • { $document }：{ $date }，今天到期
   *[other] • { $document }：{ $date }，还剩 { $days } 天
}
handoff-card-document-expired = • { $document }：{ $date }，已过期
handoff-card-no-documents = 📂 没有已保存的证件。
handoff-card-question = ❓ <b>问题：</b>
handoff-card-see-below = （见下一条消息）
handoff-card-hint = <i>回复这条消息或本对话中的任何一条消息即可答复用户。点击按钮或回复 /close 结束对话。</i>
handoff-btn-close = ✅ 结束对话
handoff-op-closed = ✅ 对话 #{ $thread } 已由 { $name } 结束。
handoff-op-already-closed = 对话 #{ $thread } 已结束，因此这条消息没有发送。用户可以点击“联系人工客服”开始新的对话。
handoff-op-gone = 这个对话已不存在。
handoff-op-blocked = ⚠️ 未送达：{ $name } 已屏蔽机器人。
handoff-op-failed = ⚠️ 未送达：{ $error }
handoff-op-close-how = 要结束对话，请用 /close 回复该对话中的任意一条消息。
handoff-btn-end = ✖️ 结束对话
handoff-ended = ✅ 与人工客服的对话已结束。我会重新自动回答您的问题；需要人工时请点“联系人工客服”。
handoff-already-ended = 此对话已经结束。
handoff-from-operator = 👤 <b>我们的人工客服</b>（真人，不是机器人）回复：
handoff-hours-open = 🕙 我们的客服工作时间为 { $hours }，{ $zone }。现在是工作时间，请稍候回复。
handoff-hours-closed = 🕙 我们的客服工作时间为 { $hours }，{ $zone }。现在不在工作时间内，最早将在您当地时间 { $date } { $time } 起回复。
handoff-op-user-ended = ✖️ 用户结束了对话 #{ $thread }。
