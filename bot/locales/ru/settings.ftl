settings-summary =
    ⚙️ <b>Настройки напоминаний</b>
    Часовой пояс: <b>{ $timezone }</b>
    Время: <b>{ $hour }</b>
    Дни до окончания срока: <b>{ $days }</b>
settings-days-default = рекомендуемые дни для каждого документа
settings-btn-tz = 🌍 Часовой пояс
settings-btn-hour = 🕙 Время напоминаний
settings-btn-days = 📅 Дни до окончания срока
settings-btn-days-default = ↩️ Рекомендуемые дни
settings-ask-tz = Выберите часовой пояс или напишите его название (например, <i>Asia/Shanghai</i> или <i>Europe/Rome</i>).
settings-bad-tz = Я не знаю часового пояса «{ $typed }». Напишите название вроде <i>Asia/Shanghai</i> или нажмите одну из кнопок.
settings-ask-hour = В какое время присылать напоминания?
settings-ask-days = Отметьте, за сколько дней до окончания срока присылать напоминания (0 — в сам день).
settings-days-need-one = Оставьте хотя бы один день или выберите рекомендуемые дни.
settings-saved = ✅ Сохранено. Напоминания будут приходить по новым настройкам.
