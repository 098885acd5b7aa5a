docs-header = 📂 <b>Ваши документы</b>
docs-empty = У вас пока нет сохранённых документов. Составьте план продления, и я напомню вам до окончания срока.
docs-line = { $days ->
    [0] • <b>{ $document }</b>: срок истекает <b>сегодня</b>, { $date }
    [one] { $days ->
        [1] • <b>{ $document }</b>: срок истекает <b>завтра</b>, { $date }
       *[other] • <b>{ $document }</b>: { $date }, остался <b>{ $days } день</b>
    }
    [few] • <b>{ $document }</b>: { $date }, осталось <b>{ $days } дня</b>
    [many] • <b>{ $document }</b>: { $date }, осталось <b>{ $days } дней</b>
   *[other] • <b>{ $document }</b>: { $date }, осталось <b>{ $days } дней</b>
}
docs-btn-add = ➕ Добавить документ
doc-btn-ics = 📅 Добавить в календарь
doc-btn-rename = 🏷 Переименовать
doc-btn-delete = 🗑 Удалить
doc-btn-really-delete = 🗑 Да, удалить
doc-confirm-delete = Удалить документ <b>{ $document }</b> и напоминания о нём?
doc-deleted = Удалено.
doc-gone = Этот документ больше не сохранён.
doc-renamed = Новое название: <b>{ $document }</b>.
doc-ask-new-date = Отлично! Давайте укажем новую дату окончания срока.
doc-updated = ✅ Теперь срок документа <b>{ $document }</b> истекает { $date }. Напоминания о нём начнутся заново.
doc-next-reminder = Следующее напоминание: { $date } в { $time } ({ $timezone }).
doc-no-reminders = Для этой даты напоминаний больше не осталось.
doc-snoozed = Хорошо, я напомню вам ещё раз { $date } в { $time }.
doc-ics-caption = 📅 <b>{ $document }</b>: откройте файл, чтобы добавить в календарь дату начала продления и дату окончания срока.
ics-expiry = Истекает срок: { $document }
ics-start = Начать продление: { $document }
ics-description = Напоминание от бота по продлению документов. Прежде чем что-то делать, сверьтесь с официальными источниками (мвд.рф, gosuslugi.ru).
docs-line-expired = • <b>{ $document }</b>: срок истёк { $date }
doc-paid = ✅ <b>{ $document }</b>: оплачен до { $date }.
