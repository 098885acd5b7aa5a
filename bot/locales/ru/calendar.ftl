# Date picker and dates in text: month and weekday names, word order. Read by bot/dates.py.
# cal-month-N: month N standing alone (calendar header); cal-month-of-N: month N inside a date.
# Both lists are also the month names the bot understands when a user types a date.
cal-title = { $month } { $year }
cal-date = { $day } { $month } { $year }
cal-month-1 = Январь
cal-month-2 = Февраль
cal-month-3 = Март
cal-month-4 = Апрель
cal-month-5 = Май
cal-month-6 = Июнь
cal-month-7 = Июль
cal-month-8 = Август
cal-month-9 = Сентябрь
cal-month-10 = Октябрь
cal-month-11 = Ноябрь
cal-month-12 = Декабрь
cal-month-of-1 = января
cal-month-of-2 = февраля
cal-month-of-3 = марта
cal-month-of-4 = апреля
cal-month-of-5 = мая
cal-month-of-6 = июня
cal-month-of-7 = июля
cal-month-of-8 = августа
cal-month-of-9 = сентября
cal-month-of-10 = октября
cal-month-of-11 = ноября
cal-month-of-12 = декабря
cal-wd-1 = Пн
cal-wd-2 = Вт
cal-wd-3 = Ср
cal-wd-4 = Чт
cal-wd-5 = Пт
cal-wd-6 = Сб
cal-wd-7 = Вс
# Слова для дней, понятные при планировании рассылки ("завтра 10:00", "в пятницу 18:30").
cal-word-today = сегодня
cal-word-tomorrow = завтра
cal-word-after-tomorrow = послезавтра
cal-weekday-1 = понедельник, пн
cal-weekday-2 = вторник, вт
cal-weekday-3 = среда, среду, ср
cal-weekday-4 = четверг, чт
cal-weekday-5 = пятница, пятницу, пт
cal-weekday-6 = суббота, субботу, сб
cal-weekday-7 = воскресенье, вс
