settings-summary =
    ⚙️ <b>提醒设置</b>
    时区：<b>{ $timezone }</b>
    提醒时间：<b>{ $hour }</b>
    到期前提醒天数：<b>{ $days }</b>
settings-days-default = 按每种证件的建议天数
settings-btn-tz = 🌍 时区
settings-btn-hour = 🕙 提醒时间
settings-btn-days = 📅 到期前提醒天数
settings-btn-days-default = ↩️ 使用建议天数
settings-ask-tz = 请选择您的时区，或输入城市或时差（例如 <i>北京时间</i>、<i>莫斯科</i> 或 <i>UTC+3</i>）。
settings-bad-tz = 我不认识时区“{ $typed }”。请输入类似 <i>北京</i> 的城市或类似 <i>UTC+3</i> 的时差，或点击下方的按钮选择。
settings-ask-hour = 您希望在几点收到提醒？
settings-ask-days = 请点选您希望在到期前哪几天收到提醒（0 = 到期当天）。
settings-days-need-one = 请至少保留一天，或使用建议天数。
settings-saved = ✅ 已保存。您的提醒将按新的设置发送。
settings-days-silent = ⚠️ 未更改：按这些天数，{ $documents } 在到期前将不会收到任何提醒。请保留一个更接近到期日的天数。
