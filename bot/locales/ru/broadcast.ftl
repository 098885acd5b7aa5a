broadcast-ask-message =
    📣 <b>Новая рассылка</b>
    Отправьте или перешлите сообщение для рассылки: текст с форматированием, фото, видео или документ с подписью. Получатели увидят точную копию. /cancel — отменить.
broadcast-not-copyable = Такое сообщение нельзя скопировать клиентам. Отправьте текст, фото, видео или документ.
broadcast-preview-above = ☝️ Именно так сообщение увидят получатели (те, для чьего языка нет своей версии). Кому его отправить?
broadcast-choose-audience = Кому отправить рассылку?
broadcast-seg-all = 👥 Всем
broadcast-seg-lang = 🌐 По языку
broadcast-seg-doc = 📄 По документу
broadcast-seg-expiring = ⏳ Документ истекает в ближайшие N дней
broadcast-seg-active = 🟢 Активны за последние N дней
broadcast-btn-confirm = ✅ Отправить сейчас
broadcast-btn-later = 🕒 Отправить в…
broadcast-btn-audience = 👥 Изменить аудиторию
broadcast-btn-cancel = ✖️ Отмена
broadcast-segment-all = все клиенты
broadcast-segment-lang = клиенты с языком «{ $language }»
broadcast-segment-doc = клиенты с сохранённым документом: { $document }
broadcast-segment-expiring = клиенты, у которых документ истекает в ближайшие { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
broadcast-segment-active = клиенты, активные за последние { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
broadcast-audience =
    Аудитория: { $segment }
    Получателей: <b>{ $count }</b> (заблокировавшие бота не учитываются)
broadcast-empty-audience = В этой аудитории никого нет ({ $segment }). Выберите другую.
broadcast-ask-language = На каком языке говорят получатели?
broadcast-ask-document = Клиентам с каким сохранённым документом?
broadcast-days = { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
broadcast-ask-days-expiring = Документ истекает в течение скольких дней? Выберите или введите число.
broadcast-ask-days-active = Активны за сколько последних дней? Выберите или введите число.
broadcast-bad-days = Введите целое число дней от 1 до { $max }.
broadcast-expired = Этот черновик рассылки уже закрыт. Начните заново: /broadcast.
broadcast-started = 🚀 Рассылка №{ $id } на { $count ->
        [one] { $count } получателя
       *[other] { $count } получателей
    } началась. Ход отправки — ниже; /broadcast_cancel её остановит.
broadcast-ask-time = Когда отправить? Введите дату и время в вашем часовом поясе ({ $timezone }), например <i>{ $example }</i>, <i>завтра 10:00</i>, <i>в пятницу 18:30</i> или просто <i>18:30</i> — ближайшие 18:30.
broadcast-bad-time = Не удалось разобрать. Введите дату и время, например <i>25.12.2026 10:00</i> (часовой пояс { $timezone }).
broadcast-past-time = Это время уже прошло. Укажите время в будущем.
broadcast-scheduled = 🕒 Рассылка №{ $id } на { $count ->
        [one] { $count } получателя
       *[other] { $count } получателей
    } запланирована на { $when } ({ $timezone }). /broadcast_cancel — отменить.
broadcast-draft-cancelled = Отменено. Ничего не отправлено.
broadcast-use-buttons = Пожалуйста, воспользуйтесь кнопками выше или отмените: /cancel.
broadcast-item-scheduled = 🕒 №{ $id } (запланирована)
broadcast-item-sending = 📣 №{ $id } (отправляется)
broadcast-nothing-to-cancel = Нет запланированных или идущих рассылок.
broadcast-cancel-which = Какую рассылку отменить?
broadcast-cancelled = ⛔ Рассылка №{ $id } отменена.
broadcast-already-over = Рассылка №{ $id } уже завершена.
broadcast-progress =
    📣 <b>Рассылка №{ $id }</b>: идёт отправка
    { $bar }
    ✅ Отправлено: { $sent }
    ⚠️ Ошибки: { $failed }
    🚫 Заблокировали бота: { $blocked }
    ⏳ Осталось: { $remaining } из { $total }, примерно { $eta }
broadcast-progress-final =
    📣 <b>Рассылка №{ $id }</b>: завершена
    { $bar }
    ✅ Отправлено: { $sent }
    ⚠️ Ошибки: { $failed }
    🚫 Заблокировали бота: { $blocked }
    ⏳ Не отправлено: { $remaining } из { $total }
broadcast-report =
    🏁 <b>Рассылка №{ $id } завершена</b> за { $duration }.
    Доставлено: { $sent } из { $total }; ошибки: { $failed }; заблокировали бота: { $blocked } (отмечены как неактивные).
broadcast-report-cancelled =
    ⛔ <b>Рассылка №{ $id } отменена</b> через { $duration }.
    Доставлено: { $sent } из { $total }; ошибки: { $failed }; заблокировали бота: { $blocked }; не отправлено: { $remaining }.
broadcast-report-twice = ♻️ Сообщений в пути при перезапуске бота: { $count }; они отправлены повторно, эти клиенты могли получить рассылку дважды.
broadcast-btn-add-version = 🌐 Добавить версию на другом языке
broadcast-ask-version-language = Версия для говорящих на каком языке?
broadcast-ask-version = Отправьте или перешлите сообщение для клиентов, говорящих на языке { $language }.
broadcast-versions-one = Это сообщение получат все (написано для языка { $default }). При желании добавьте версию на другом языке.
broadcast-versions = Версии: { $languages } получат свою; все остальные — первое сообщение ({ $default }).
broadcast-news-off = 🔕 Не получат: { $count ->
        [one] { $count } клиент, отключивший новости
        [few] { $count } клиента, отключивших новости
       *[other] { $count } клиентов, отключивших новости
    }.
