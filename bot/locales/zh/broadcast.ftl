broadcast-ask-message =
    📣 <b>新的群发</b>
    请发送或转发要群发的消息：带格式的文字、照片、视频或带说明的文件。收件人将收到完全相同的副本。发送 /cancel 取消。
broadcast-not-copyable = 这种消息无法复制给客户。请发送文字、照片、视频或文件。
broadcast-preview-above = ☝️ 收件人看到的就是这个样子（没有本语言版本的客户会收到这一条）。要发给谁？
broadcast-choose-audience = 群发给谁？
broadcast-seg-all = 👥 所有人
broadcast-seg-lang = 🌐 按语言
broadcast-seg-doc = 📄 按证件
broadcast-seg-expiring = ⏳ 证件在 N 天内到期
broadcast-seg-active = 🟢 最近 N 天内活跃
broadcast-btn-confirm = ✅ 立即发送
broadcast-btn-later = 🕒 定时发送…
broadcast-btn-audience = 👥 更改收件人
broadcast-btn-cancel = ✖️ 取消
broadcast-segment-all = 所有客户
broadcast-segment-lang = 使用{ $language }的客户
broadcast-segment-doc = 保存了以下证件的客户：{ $document }
broadcast-segment-expiring = 证件在 { $days } 天内到期的客户
broadcast-segment-active = 最近 { $days } 天内活跃的客户
broadcast-audience =
    收件人范围：{ $segment }
    收件人数：<b>{ $count }</b>（已屏蔽机器人的用户不计入）
broadcast-empty-audience = 这个范围内没有人（{ $segment }）。请另选一个。
broadcast-ask-language = 收件人使用哪种语言？
broadcast-ask-document = 保存了哪种证件的客户？
broadcast-days = { $days } 天
broadcast-ask-days-expiring = 证件在多少天内到期？请选择或输入数字。
broadcast-ask-days-active = 最近多少天内活跃？请选择或输入数字。
broadcast-bad-days = 请输入 1 到 { $max } 之间的整数天数。
broadcast-expired = 这份群发草稿已经关闭。请用 /broadcast 重新开始。
broadcast-started = 🚀 第 { $id } 号群发已开始，共 { $count } 位收件人。进度见下方；发送 /broadcast_cancel 可停止。
broadcast-ask-time = 什么时候发送？请按您的时区（{ $timezone }）输入日期和时间，例如 <i>{ $example }</i>，<i>明天 10:00</i>、<i>周五 18:30</i>，或只输入 <i>18:30</i> 表示最近的 18:30。
broadcast-bad-time = 无法识别。请输入日期和时间，例如 <i>25.12.2026 10:00</i>（时区 { $timezone }）。
broadcast-past-time = 这个时间已经过去了。请输入一个将来的时间。
broadcast-scheduled = 🕒 第 { $id } 号群发（{ $count } 位收件人）已定于 { $when }（{ $timezone }）发送。发送 /broadcast_cancel 可取消。
broadcast-draft-cancelled = 已取消，没有发送任何内容。
broadcast-use-buttons = 请使用上方的按钮，或发送 /cancel 取消。
broadcast-item-scheduled = 🕒 第 { $id } 号（已定时）
broadcast-item-sending = 📣 第 { $id } 号（发送中）
broadcast-nothing-to-cancel = 没有已定时或正在进行的群发。
broadcast-cancel-which = 要取消哪一个群发？
broadcast-cancelled = ⛔ 第 { $id } 号群发已取消。
broadcast-already-over = 第 { $id } 号群发已经结束。
broadcast-progress =
    📣 <b>第 { $id } 号群发</b>：发送中
    { $bar }
    ✅ 已发送：{ $sent }
    ⚠️ 失败：{ $failed }
    🚫 已屏蔽机器人：{ $blocked }
    ⏳ 剩余：{ $remaining } / { $total }，约需 { $eta }
broadcast-progress-final =
    📣 <b>第 { $id } 号群发</b>：已结束
    { $bar }
    ✅ 已发送：{ $sent }
    ⚠️ 失败：{ $failed }
    🚫 已屏蔽机器人：{ $blocked }
    ⏳ 未发送：{ $remaining } / { $total }
broadcast-report =
    🏁 <b>第 { $id } 号群发已完成</b>，用时 { $duration }。
    已送达 { $sent } / { $total }；失败：{ $failed }；已屏蔽机器人：{ $blocked }（已标记为不活跃）。
broadcast-report-cancelled =
    ⛔ <b>第 { $id } 号群发已取消</b>，已进行 { $duration }。
    已送达 { $sent } / { $total }；失败：{ $failed }；已屏蔽机器人：{ $blocked }；未发送：{ $remaining }。
broadcast-report-twice = ♻️ 机器人重启时有 { $count } 条消息正在发送，已重新发送：这些客户可能收到了两次。
broadcast-btn-add-version = 🌐 添加另一种语言的版本
broadcast-ask-version-language = 为哪种语言的客户添加版本？
broadcast-ask-version = 请发送或转发给说{ $language }的客户的消息。
broadcast-versions-one = 这条消息发给所有人（为说{ $default }的客户撰写）。如需要，可添加另一种语言的版本。
broadcast-versions = 版本：{ $languages } 收到各自的版本；其他人收到第一条消息（{ $default }）。
broadcast-news-off = 🔕 已排除 { $count } 位关闭了通知的客户。
