# Operators (ADMIN_IDS) only: their command menu, /stats with its chart, /reload_faq.
cmd-stats = Статистика и график (операторы)
cmd-broadcast = Разослать сообщение клиентам (операторы)
cmd-broadcast_cancel = Остановить идущую рассылку (операторы)
cmd-reload_faq = Перечитать базу знаний (операторы)
stats-title = <b>📊 Статистика бота</b> ({ $date })
stats-users = <b>Пользователи</b>: всего { $total } · активны за 30 дней: { $active } · заблокировали бота: { $blocked }
stats-users-language = • { $language }: { $total } · активны { $active } · заблокировали { $blocked }
stats-documents = <b>Сохранённые документы</b>: { $total }
stats-documents-kind = • { $kind }: { $count }
stats-expiring = Истекают в ближайшие 7 дней: { $week } · в ближайшие 30 дней: { $month }
stats-reminders = <b>Отправлено напоминаний</b> за 7 дней: { $count }
stats-questions = <b>Вопросы</b> за 30 дней: отвечено { $answered } · предложены темы { $suggested } · без ответа { $declined }
stats-declined-title = <b>Частые вопросы без ответа</b> (30 дней), кандидаты в новые темы:
stats-declined-item = { $count } × { $text }
stats-declined-none = За последние 30 дней вопросов без ответа не было.
stats-chart-caption = 📈 Истекающие документы по неделям и вопросы по дням.
stats-chart-failed = График сейчас построить не удалось; цифры выше полные.
chart-expiring-title = Истекающие документы по неделям (следующие 12 недель)
chart-documents-axis = Документы
chart-questions-title = Вопросы по дням (последние 30 дней)
chart-questions-axis = Вопросы
chart-answered = Отвечено
chart-declined = Без ответа
chart-day = { NUMBER($day, minimumIntegerDigits: 2) }.{ NUMBER($month, minimumIntegerDigits: 2) }
reload-faq-done = ✅ База знаний перечитана. Тем: было { $before }, стало { $after }.
reload-faq-failed = ❌ В файлах базы знаний есть ошибки ({ $count }). Ничего не изменено: бот работает с прежней базой.
reload-faq-more = …и ещё { $count }.

cmd-review = Научить бота: вопросы, на которые он не ответил (операторы)
review-item =
    <b>{ $left ->
        [one] Ждёт { $left } вопрос
        [few] Ждут { $left } вопроса
       *[other] Ждут { $left } вопросов
    }</b> · задан { $count ->
        [one] { $count } раз
        [few] { $count } раза
       *[other] { $count } раз
    } ({ $lang }):
    <i>{ $question }</i>

    Какая тема на него отвечает?
review-empty = Разбирать нечего: у всех вопросов, которые бот отклонил или в которых сомневался, уже есть решение.
review-other = Выберите раздел, затем тему:
review-stopped = Разбор остановлен. Отправьте /review, чтобы продолжить с того же места.
btn-review-other = 🗂 Другая тема…
btn-review-offtopic = 🚫 Не наша тема
btn-review-skip = ⏭ Пропустить
btn-review-stop = ⏹ Стоп
stats-review = Вопросов ждут /review: { $count }
help-operators = <b>Команды операторов</b> (их видите только вы и другие операторы)
chart-suggested = Предложены темы
stats-expiring-chart = Истекают в ближайшие { $weeks } недель (график): { $count }
