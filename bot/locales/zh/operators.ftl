# Operators (ADMIN_IDS) only: their command menu, /stats with its chart, /reload_faq.
cmd-stats = 统计与图表（运营人员）
cmd-broadcast = 向客户群发通知（运营人员）
cmd-broadcast_cancel = 停止正在进行的群发（运营人员）
cmd-reload_faq = 重新加载知识库（运营人员）
stats-title = <b>📊 机器人统计</b>（{ $date }）
stats-users = <b>用户</b>：共 { $total } · 30 天内活跃：{ $active } · 已屏蔽机器人：{ $blocked }
stats-users-language = • { $language }：{ $total } · 活跃 { $active } · 已屏蔽 { $blocked }
stats-documents = <b>已保存的证件</b>：{ $total }
stats-documents-kind = • { $kind }：{ $count }
stats-expiring = 7 天内到期：{ $week } · 30 天内到期：{ $month }
stats-reminders = 最近 7 天<b>发送的提醒</b>：{ $count }
stats-questions = 最近 30 天的<b>提问</b>：已回答 { $answered } · 给出建议 { $suggested } · 未能回答 { $declined }
stats-declined-title = <b>最常见的未回答问题</b>（30 天），可考虑新增的主题：
stats-declined-item = { $count } × { $text }
stats-declined-none = 最近 30 天没有未回答的问题。
stats-chart-caption = 📈 每周到期的证件与每天的提问。
stats-chart-failed = 这次未能生成图表；上面的数字是完整的。
chart-expiring-title = 每周到期的证件（未来 12 周）
chart-documents-axis = 证件
chart-questions-title = 每天的提问（最近 30 天）
chart-questions-axis = 提问
chart-answered = 已回答
chart-declined = 未能回答
chart-day = { NUMBER($month, minimumIntegerDigits: 2) }/{ NUMBER($day, minimumIntegerDigits: 2) }
reload-faq-done = ✅ 知识库已重新加载。主题数：之前 { $before }，现在 { $after }。
reload-faq-failed = ❌ 知识库文件有问题（{ $count } 处）。未做任何更改：机器人继续使用原有内容。
reload-faq-more = ……另有 { $count } 处。

cmd-review = 教机器人：它无法归类的问题（客服）
review-item =
    <b>待处理问题：{ $left } 个</b> · 被问过 { $count } 次（{ $lang }）：
    <i>{ $question }</i>

    哪个主题能回答它？
review-empty = 没有待处理的问题：机器人拒答或不确定的问题都已有结论。
review-other = 请选择分类，然后选择主题：
review-stopped = 已停止。发送 /review 可从上次的位置继续。
btn-review-other = 🗂 其他主题…
btn-review-offtopic = 🚫 不属于我们的业务
btn-review-skip = ⏭ 跳过
btn-review-stop = ⏹ 停止
stats-review = 等待 /review 的问题：{ $count }
help-operators = <b>操作员命令</b>（只有您和其他操作员能看到）
chart-suggested = 提供了建议
stats-expiring-chart = 未来 { $weeks } 周内到期（见图表）：{ $count }
