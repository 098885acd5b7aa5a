docs-header = 📂 <b>您的证件</b>
docs-empty = 您还没有保存任何证件。制定续签计划后，我会在证件到期前提醒您。
docs-line = { $days ->
    [0] • <b>{ $document }</b>：<b>今天</b>（{ $date }）到期
   *[other] { $days ->
        [1] • <b>{ $document }</b>：<b>明天</b>（{ $date }）到期
       *[other] • <b>{ $document }</b>：{ $date }，还剩 <b>{ $days } 天</b>
    }
}
docs-btn-add = ➕ 添加证件
doc-btn-ics = 📅 添加到日历
doc-btn-rename = 🏷 重命名
doc-btn-delete = 🗑 删除
doc-btn-really-delete = 🗑 是的，删除
doc-confirm-delete = 要删除<b>{ $document }</b>及其提醒吗？
doc-deleted = 已删除。
doc-gone = 该证件已不在保存列表中。
doc-renamed = 已重命名：<b>{ $document }</b>。
doc-ask-new-date = 太好了！我们来填写新的到期日期。
doc-updated = ✅ <b>{ $document }</b>的到期日期已更新为 { $date }，提醒将重新开始。
doc-next-reminder = 下次提醒：{ $date } { $time }（{ $timezone }）。
doc-no-reminders = 这个到期日期已经没有剩余的提醒了。
doc-snoozed = 好的，我会在 { $date } { $time } 再次提醒您。
doc-ics-caption = 📅 <b>{ $document }</b>：打开文件，即可将开始办理日期和到期日期添加到您的日历中。
ics-expiry = { $document }到期
ics-start = 开始办理续签：{ $document }
ics-description = 来自续签机器人的提醒。采取行动前，请查看官方信息来源（мвд.рф、gosuslugi.ru）。
docs-line-expired = • <b>{ $document }</b>：已于 { $date } 到期
doc-paid = ✅ <b>{ $document }</b>：已缴费至 { $date }。
