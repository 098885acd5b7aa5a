reminder-upcoming = { $days ->
    [0] ⚠️ 您的<b>{ $document }</b><b>今天</b>（{ $date }）到期。
   *[other] { $days ->
        [1] ⏰ 您的<b>{ $document }</b>将于<b>明天</b>（{ $date }）到期。
       *[other] ⏰ 您的<b>{ $document }</b>将在 <b>{ $days } 天</b>后（{ $date }）到期。
    }
}
reminder-start-by = 请最晚在 { $date } 开始办理续签。
reminder-start-today = 今天就是建议开始办理的日子：请今天开始办理续签。
reminder-start-now = 建议的开始办理时间已过：请今天就开始办理。
reminder-expired =
    ❗ 您的<b>{ $document }</b>已于 { $date } 到期。
    在俄罗斯没有有效证件停留，可能会被罚款、驱逐出境并禁止入境。请立即行动：联系人工客服或内务部（MVD）移民部门。这是该证件的最后一次提醒。
reminder-btn-renewed = ✅ 我已续签
reminder-btn-tomorrow = ⏰ 明天提醒我
reminder-btn-checklist = 📋 查看材料清单
reminder-payment-due = { $days ->
    [0] ⚠️ 您的<b>{ $document }</b>缴费至<b>今天</b>（{ $date }）：请今天缴纳下个月的费用，否则特许证明天失效。
   *[other] 💳 您的<b>{ $document }</b>缴费至 { $date }：请在 <b>{ $days } 天</b>内缴纳下个月的费用。
}
reminder-btn-paid = 💳 我已缴费
