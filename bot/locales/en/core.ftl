start-greeting =
    Hello, { $name }! 👋
    I help foreigners keep their Russian stay documents valid: migration registration, visa extension, fees, fines and deadlines.

    Ask me a question in your own words (for example <i>how many days do I have to register?</i>), or pick a topic below.
help-text =
    <b>What I can do</b>
    • Answer questions about registration, visa extension, fees, fines and deadlines: just type your question.
    • /topics: browse all topics by category
    • /renew: make a renewal plan and get reminders
    • /mydocs: see your saved documents
    • /settings: set the reminder time zone, hour and days
    • /privacy: what I store; /export and /forget: download or delete your data
    • /language: change the language (English, Русский, 中文, Italiano)
    • In any chat, type <code>@bot</code> and your question to share an answer.

    My answers come from a curated knowledge base with sources and a review date. They are general information, not legal advice.
main-menu = What would you like to do?
ask-hint =
    Just type your question in a message, in your own words. For example:
    • <i>my visa ends next month, what do I do?</i>
    • <i>landlord won't register me</i>
    • <i>how much is the fine for overstaying?</i>
menu-renew = 🗓 Renewal plan
menu-docs = 📂 My documents
menu-topics = 📚 Browse topics
menu-ask = ❓ How to ask
menu-operator = 🧑‍💼 Talk to an operator
menu-language = 🌐 Language
btn-back = ⬅️ Back
btn-home = 🏠 Main menu
language-choose = Choose your language:
language-set = Language set: { $language }.
topics-choose-category = Choose a category:
topics-in-category = { $category } (page { $page } of { $pages }): choose a topic.
topic-gone = That topic is no longer available. Please choose another one.
match-unsure = I'm not sure I understood. Did you mean one of these?
throttled = You're sending messages very quickly. I'll answer them one by one in a moment.
flood-skipped = You're sending faster than I can answer, so I skipped this message and the ones you sent right after it, until my next reply. Please send them again, one at a time.
operator-contact = To talk to a person at the agency, contact us here: { $contact }
operator-unavailable = Our operators can't be reached through this chat yet. For official information, see мвд.рф and gosuslugi.ru.
unknown-command = I don't know that command. /help lists what I can do.
text-only = I can only read text. Please type your question in words, or pick an option below.
button-outdated = This button no longer works. /start shows the menu.
error-apology = Sorry, something went wrong on my side. Please try again in a minute.
cmd-start = Start and main menu
cmd-topics = Browse topics
cmd-language = Change language
cmd-help = What this bot can do
cmd-renew = Renewal plan and reminders
cmd-mydocs = My saved documents
cmd-settings = Reminder time zone, hour and days
cmd-cancel = Cancel what I'm doing
cmd-export = Download my data
cmd-forget = Delete all my data
nothing-to-cancel = There is nothing to cancel.
inline-open-bot = 🤖 Open in the bot
bot-short-description = Answers on Russian migration registration, visa extension, fees and deadlines; reminds you before yours.
bot-description =
    I help foreigners keep their Russian stay documents valid.
    • Ask about migration registration, visa extension, fees, fines and deadlines in your own words: answers come with sources and a review date.
    • Make a dated renewal plan and get reminders before each deadline.
    • Talk to the agency's operators when you need a person.
    English, Русский, 中文, Italiano. /privacy explains what I store.
