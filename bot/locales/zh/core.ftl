start-greeting =
    { $name }，您好！👋
    我帮助外国人保持在俄罗斯的居留证件有效：移民登记（落地签）、签证延期、费用、罚款和期限。

    请直接用自己的话提问（例如<i>入境后几天内要办落地签？</i>），或在下方选择主题。
help-text =
    <b>我能做什么</b>
    • 回答关于登记、签证延期、费用、罚款和期限的问题：直接输入问题即可。
    • /topics：按分类浏览所有主题
    • /renew：制定续签计划并接收提醒
    • /mydocs：查看您保存的证件
    • /settings：设置提醒的时区、时间和天数
    • /privacy：我保存哪些数据；/export 和 /forget：下载或删除您的数据
    • /language：切换语言（English、Русский、中文、Italiano）
    • 在任何聊天中输入 <code>@bot</code> 加问题，即可分享答案。

    我的回答来自经过整理的知识库，注明来源和审核日期。仅为一般信息，不构成法律意见。
main-menu = 您想做什么？
ask-hint =
    直接用一条消息写下您的问题即可。例如：
    • <i>签证下个月到期怎么办</i>
    • <i>房东不给我办落地签</i>
    • <i>签证逾期罚多少钱</i>
menu-renew = 🗓 续签计划
menu-docs = 📂 我的证件
menu-topics = 📚 浏览主题
menu-ask = ❓ 如何提问
menu-operator = 🧑‍💼 联系人工客服
menu-language = 🌐 语言
btn-back = ⬅️ 返回
btn-home = 🏠 主菜单
language-choose = 请选择语言：
language-set = 语言已设置为：{ $language }。
topics-choose-category = 请选择分类：
topics-in-category = { $category }（第 { $page }/{ $pages } 页）：请选择主题。
topic-gone = 该主题已不存在，请选择其他主题。
match-unsure = 我不太确定您的意思。您是想问以下哪一个？
throttled = 您发送消息太快了，我稍后会逐条回复。
flood-skipped = 您发送得比我回复得还快，所以我跳过了这条消息以及紧随其后、在我下一次回复之前发送的消息。请逐条重新发送。
operator-contact = 如需与旅行社工作人员联系，请通过以下方式：{ $contact }
operator-unavailable = 目前还无法通过本聊天联系人工客服。官方信息请查看 мвд.рф 和 gosuslugi.ru。
unknown-command = 我不认识这个命令。/help 可以查看我的功能。
text-only = 我只能读取文字。请用文字输入您的问题，或选择下方的选项。
button-outdated = 这个按钮已失效。/start 可以打开菜单。
error-apology = 抱歉，我这边出了点问题。请过一分钟再试。
cmd-start = 开始和主菜单
cmd-topics = 浏览主题
cmd-language = 切换语言
cmd-help = 机器人功能
cmd-renew = 续签计划与提醒
cmd-mydocs = 我保存的证件
cmd-settings = 提醒的时区、时间和天数
cmd-cancel = 取消当前操作
cmd-export = 下载我的数据
cmd-forget = 删除我的全部数据
nothing-to-cancel = 当前没有可取消的操作。
inline-open-bot = 🤖 在机器人中打开
bot-short-description = 解答俄罗斯移民登记、签证延期、费用和期限的问题，并在您的期限前提醒您。
bot-description =
    我帮助外国人保持在俄罗斯居留证件的有效性。
    • 用自己的话询问移民登记、签证延期、费用、罚款和期限：回答附有来源和核对日期。
    • 制定带日期的续办计划，并在每个期限前提醒您。
    • 需要人工帮助时，可联系代理机构的工作人员。
    English、Русский、中文、Italiano。/privacy 说明我保存哪些数据。
