handoff-ask = Напишите вопрос операторам <b>одним сообщением</b> (можно приложить фото или документ). Они ответят вам здесь, в этом чате.
handoff-ask-last =
    Ваш последний вопрос:
    <i>{ $question }</i>

    Отправьте его оператору кнопкой или напишите новый вопрос одним сообщением.
handoff-btn-send-last = 📨 Отправить последний вопрос
handoff-btn-cancel = ✖️ Отмена
handoff-cancelled = Хорошо, операторам ничего не отправлено.
handoff-opened = ✅ Ваш вопрос передан операторам. Они ответят здесь. Всё, что вы напишете дальше, тоже получат они, пока не закроют разговор.
handoff-already-open = Разговор с оператором ещё открыт: просто пишите сюда, оператор увидит.
handoff-closed = Оператор закрыл разговор. Теперь на вопросы снова отвечаю я; нажмите «Связаться с оператором», когда понадобится человек.
handoff-failed = К сожалению, сейчас не удалось связаться с операторами. Попробуйте позже.
handoff-not-delivered = К сожалению, это сообщение не дошло до операторов. Отправьте его ещё раз через минуту.
handoff-card-header = 🆘 <b>Разговор №{ $thread }</b>
handoff-card-user = 👤 <a href="tg://user?id={ $id }">{ $name }</a>{ $username } · id <code>{ $id }</code>
handoff-card-language = 🌐 Язык: { $language }
handoff-card-documents = 📂 Сохранённые документы:
handoff-card-document = { $days ->
    [0] • { $document }: { $date }, истекает сегодня
   *[other] • { $document }: { $date }, осталось дней: { $days }
}
handoff-card-document-expired = • { $document }: { $date }, срок истёк
handoff-card-no-documents = 📂 Сохранённых документов нет.
handoff-card-question = ❓ <b>Вопрос:</b>
handoff-card-see-below = (см. сообщение ниже)
handoff-card-hint = <i>Чтобы ответить, ответьте (reply) на это или любое сообщение этого разговора. Закрыть разговор: кнопкой или ответом /close.</i>
handoff-btn-close = ✅ Закрыть разговор
handoff-op-closed = ✅ Разговор №{ $thread } закрыл(а) { $name }.
handoff-op-already-closed = Разговор №{ $thread } закрыт, поэтому сообщение не отправлено. Пользователь может начать новый кнопкой «Связаться с оператором».
handoff-op-gone = Этого разговора больше нет.
handoff-op-blocked = ⚠️ Не доставлено: { $name } заблокировал(а) бота.
handoff-op-failed = ⚠️ Не доставлено: { $error }
handoff-op-close-how = Чтобы закрыть разговор, ответьте /close на одно из его сообщений.
handoff-btn-end = ✖️ Завершить чат
handoff-ended = ✅ Чат с операторами завершён. Теперь я снова отвечаю на ваши вопросы сам; нажмите «Связаться с оператором», когда понадобится человек.
handoff-already-ended = Этот чат уже завершён.
handoff-from-operator = 👤 <b>Отвечает наш оператор</b> (человек, а не бот):
handoff-hours-open = 🕙 Наши операторы работают { $hours }, { $zone }. Сейчас они на месте: ждите ответа в ближайшее время.
handoff-hours-closed = 🕙 Наши операторы работают { $hours }, { $zone }. Сейчас нерабочее время, ответ придёт не раньше { $date }, { $time } по вашему времени.
handoff-op-user-ended = ✖️ Пользователь завершил разговор #{ $thread }.
