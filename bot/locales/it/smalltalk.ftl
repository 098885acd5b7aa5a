## Small talk (st-<kind>, kinds in faq/content/smalltalk.toml) and declined subjects
## (decline-<id>, ids in faq/content/offtopic.toml). The buttons are added by code.

st-greeting =
    Ciao! 👋 Aiuto gli stranieri con i documenti di soggiorno in Russia.
    Scrivi la tua domanda o scegli un'opzione qui sotto.
st-thanks =
    Prego! 😊
    Hai altre domande? Scrivile pure, oppure fai un piano di rinnovo qui sotto.
st-bye =
    Arrivederci e in bocca al lupo con i documenti! 👋
    Torna quando vuoi: il menu principale è qui sotto.
st-praise =
    Grazie, fa piacere sentirlo! 😊
    Altre domande? Chiedi pure, o sfoglia gli argomenti qui sotto.
st-complaint =
    Mi dispiace, questa volta non ti ho aiutato bene. 🙏
    Prova a chiedere di nuovo in poche parole, oppure parla con un operatore: una persona dell'agenzia ti aiuterà.
st-help =
    Sono qui per aiutarti! Descrivi la situazione in poche parole, per esempio <i>il visto scade tra due settimane</i>.
    Oppure sfoglia gli argomenti, fai un piano di rinnovo o parla con un operatore qui sotto.
st-menu = Ecco il menu principale. Cosa vuoi fare?
st-capabilities =
    <b>Ecco cosa posso fare</b>
    • Rispondere a domande su registrazione migratoria, proroga del visto, patent, permessi di residenza (RVP, VNZh), costi, multe e scadenze
    • Fare un piano di rinnovo con le date per il tuo documento
    • Ricordarti le scadenze in anticipo
    • Metterti in contatto con un operatore dell'agenzia
    Scrivi la tua domanda o scegli un'opzione qui sotto.
st-bot_or_human =
    Sono il bot dell'agenzia 🤖: rispondo subito da una base di conoscenza verificata.
    Se preferisci parlare con una persona, tocca <i>Parla con un operatore</i>.
st-ok = 👍 Quando vuoi, scrivi un'altra domanda o scegli un'opzione qui sotto.

decline-other-visas = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Per il visto o la residenza di un altro paese, chiedi all'ambasciata o al consolato di quel paese.
decline-citizenship = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza), non della cittadinanza russa. Per la cittadinanza rivolgiti al servizio cittadinanza del MVD o a gosuslugi.ru, oppure parla con un operatore.
decline-russian-citizens = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Passaporti e propiska dei cittadini russi si fanno su gosuslugi.ru o all'MFC.
decline-housing = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza), non di affitto o acquisto di case: per questo servono i siti di annunci o un'agenzia immobiliare. Se invece devi registrarti all'indirizzo di casa, chiedilo a me.
decline-banking = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Per conti, carte, bonifici e cambio valuta, rivolgiti alla tua banca.
decline-taxes = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Per tasse, lavoro autonomo e apertura di un'attività vedi nalog.gov.ru; sul pagamento mensile del patent di lavoro, invece, chiedi pure a me.
decline-travel = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Per biglietti, musei e prenotazioni è meglio un sito di viaggi; come funziona la registrazione in hotel, invece, te lo spiego io.
decline-daily-life = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Per la vita di tutti i giorni (SIM, medici, negozi, meteo) ti aiuteranno di più i servizi e le app locali.
decline-study-admission = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Per iscrizione, tasse universitarie e corsi contatta l'ufficio ammissioni dell'università; sul visto di studio e la sua proroga, chiedi a me.
decline-jobs = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Per offerte di lavoro e stipendi prova i siti di annunci di lavoro; sul patent o il permesso di lavoro, chiedi a me.
decline-cars = Mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Per patente, immatricolazione, multe stradali e assicurazione OSAGO rivolgiti alla Gosavtoinspektsiya (GIBDD) o a gosuslugi.ru.
decline-chitchat =
    Chiacchiererei volentieri, ma sono un bot monotematico 😄 In compenso conosco bene i documenti di soggiorno in Russia per stranieri: registrazione, visti, patent, permessi di residenza.
    Chiedimi di questo, oppure fai un piano di rinnovo qui sotto.
decline-generic = Questo è fuori dal mio campo: mi occupo solo dei documenti di soggiorno in Russia per stranieri (registrazione, visti, patent, permessi di residenza). Chiedimi di questo, oppure parla con un operatore.
unsupported-language = I speak English, Russian, Chinese and Italian — please choose a language. / Я говорю по-английски, по-русски, по-китайски и по-итальянски — выберите язык.
date-offer = Il tuo documento <b>{ $document }</b> scade il { $date }. Vuoi che prepari un piano di rinnovo?
btn-plan-for-date = 📅 Fai il mio piano di rinnovo
