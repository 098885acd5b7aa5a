## Small talk (st-<kind>, kinds in faq/content/smalltalk.toml) and declined subjects
## (decline-<id>, ids in faq/content/offtopic.toml). The buttons are added by code.

st-greeting =
    Hello! 👋 I help foreigners with their Russian stay documents.
    Type your question, or choose an option below.
st-thanks =
    You're welcome! 😊
    Anything else? Just type your question, or make a renewal plan below.
st-bye =
    Goodbye, and good luck with your documents! 👋
    Come back any time: the main menu is below.
st-praise =
    Thank you, that's nice to hear! 😊
    Anything else? Ask away, or browse the topics below.
st-complaint =
    Sorry, I didn't get that right. 🙏
    Try asking again in a few words, or talk to an operator: a person at the agency will help.
st-help =
    I'm here to help! Tell me in a few words what's going on, for example <i>my visa expires in two weeks</i>.
    Or browse the topics, make a renewal plan or talk to an operator below.
st-menu = Here's the main menu. What would you like to do?
st-capabilities =
    <b>Here's what I can do</b>
    • Answer questions about migration registration, visa extension, patents, residence permits (RVP, VNZh), fees, fines and deadlines
    • Make a renewal plan with dates for your document
    • Remind you before your deadlines
    • Put you in touch with an operator at the agency
    Type your question, or choose an option below.
st-bot_or_human =
    I'm the agency's bot 🤖: I answer right away from a checked knowledge base.
    If you'd rather talk to a person, tap <i>Talk to an operator</i>.
st-ok = 👍 Type another question whenever you like, or choose an option below.

decline-other-visas = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits). For another country's visa or residence, please ask that country's embassy or consulate.
decline-citizenship = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits), not Russian citizenship. For citizenship, see the MVD's citizenship service or gosuslugi.ru, or talk to an operator.
decline-russian-citizens = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits). Russian citizens' passports and registration (propiska) are handled on gosuslugi.ru or at an MFC office.
decline-housing = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits), not renting or buying a flat: a listings site or an estate agent will help with that. If you need to be registered at your address, just ask me.
decline-banking = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits). For accounts, cards, transfers and currency exchange, please ask your bank.
decline-taxes = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits). For taxes, self-employment and registering a business, see nalog.gov.ru; the monthly payment for a work patent I can help with.
decline-travel = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits). For tickets, sights and bookings, a travel site will help more; how registration works at a hotel I can tell you.
decline-daily-life = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits). For everyday things like SIM cards, doctors, shops or the weather, local services and apps are your best bet.
decline-study-admission = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits). For admission, tuition fees and courses, please contact the university's admissions office; about a study visa and its extension, ask me.
decline-jobs = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits). For vacancies and salaries, try job sites; about a work patent or work permit, ask me.
decline-cars = I only cover Russian stay documents for foreigners (registration, visas, patents, residence permits). For driving licences, car registration, traffic fines and OSAGO, see the Gosavtoinspektsiya (GIBDD) or gosuslugi.ru.
decline-chitchat =
    I'd love to chat, but I'm a one-topic bot 😄 What I know really well is Russian stay documents for foreigners: registration, visas, patents, residence permits.
    Ask me about those, or make a renewal plan below.
decline-generic = That's outside what I cover: I only help with Russian stay documents for foreigners (registration, visas, patents, residence permits). Ask me about those, or talk to an operator.
unsupported-language = I speak English, Russian, Chinese and Italian — please choose a language. / Я говорю по-английски, по-русски, по-китайски и по-итальянски — выберите язык.
date-offer = Your <b>{ $document }</b> expires on { $date }. Shall I make a renewal plan for it?
btn-plan-for-date = 📅 Make my renewal plan
