wizard-ask-kind = 🗓 <b>续签计划</b>，第 1/3 步：您想为哪种证件制定计划？
wizard-ask-date =
    🗓 第 2/3 步：您的<b>{ $document }</b>什么时候到期？
    请输入日期（例如<i>{ $example }</i>或 15.03.2027），或在日历中选择。
wizard-bad-date =
    我没能识别这个日期。请按<i>{ $example }</i>、15.03.2027 或 2027-03-15 的格式输入，或在日历中选择。
wizard-past-date =
    ⚠️ { $date } 已经过去了。如果您的证件已过期，您可能正在没有有效证件的情况下停留在俄罗斯，这可能会被罚款、驱逐出境并禁止入境：请今天就采取行动，联系人工客服或移民部门。
    如果是输入错误，请发送正确的日期。
wizard-too-far = 这个日期距今超过 { $years } 年。请检查后重新发送到期日期。
wizard-use-buttons = 请使用下方的按钮，或发送 /cancel 退出。
wizard-btn-cancel = ✖️ 取消
wizard-btn-save = 💾 保存并提醒我
wizard-btn-label = 🏷 添加名称（例如“儿子的签证”）
wizard-btn-nosave = 不保存
wizard-ask-label = 请为这份证件发送一个简短的名称，例如<i>安娜的签证</i>（最多 40 个字符）。
wizard-cancelled = 已取消，没有保存任何内容。
wizard-not-saved = 好的，计划未保存。您可以随时发送 /renew 重新开始。
wizard-saved = ✅ 已保存。每个期限到来之前，我都会提醒您。
wizard-expired = 这一步已经结束。请发送 /renew 重新开始。
plan-header = 🗓 第 3/3 步：您的<b>{ $document }</b>续签计划
plan-expires = { $days ->
    [0] <b>今天</b>（{ $date }）到期。
   *[other] { $days ->
        [1] <b>明天</b>（{ $date }）到期。
       *[other] 将于 <b>{ $date }</b> 到期：还剩 <b>{ $days } 天</b>。
    }
}
plan-start-by = 请在 <b>{ $date }</b> 之前开始办理续签。
plan-start-today = 📌 今天就是建议开始办理的日子：<b>请今天开始</b>。
plan-start-now = ⚠️ 建议的开始办理时间已过：<b>请今天就开始</b>。
plan-checklist = <b>材料清单</b>
wizard-ask-paid-until =
    🗓 第 2 步（共 3 步）：您的<b>{ $document }</b>缴费至哪一天？即您最近一次个人所得税预缴所覆盖的最后一天。
    请输入日期（例如 <i>{ $example }</i> 或 15.03.2027），或在日历中选择。
plan-paid-until = { $days ->
    [0] 缴费至<b>今天</b>（{ $date }）：请<b>今天</b>缴纳下个月的费用。
   *[other] 缴费至 <b>{ $date }</b>：请在此之前缴纳下个月的费用（还剩 <b>{ $days } 天</b>）。
}
plan-pay-monthly = 💳 特许证在最后缴费日的次日失效，没有宽限期。每次缴费到期前我都会提醒您；点“我已缴费”，日期会顺延到下个月。
