# Date picker and dates in text: month and weekday names, word order. Read by bot/dates.py.
# cal-month-N: month N standing alone (calendar header); cal-month-of-N: month N inside a date.
# Both lists are also the month names the bot understands when a user types a date.
cal-title = { $year }年{ $month }
cal-date = { $year }年{ $month }{ $day }日
cal-month-1 = 1月
cal-month-2 = 2月
cal-month-3 = 3月
cal-month-4 = 4月
cal-month-5 = 5月
cal-month-6 = 6月
cal-month-7 = 7月
cal-month-8 = 8月
cal-month-9 = 9月
cal-month-10 = 10月
cal-month-11 = 11月
cal-month-12 = 12月
cal-month-of-1 = 1月
cal-month-of-2 = 2月
cal-month-of-3 = 3月
cal-month-of-4 = 4月
cal-month-of-5 = 5月
cal-month-of-6 = 6月
cal-month-of-7 = 7月
cal-month-of-8 = 8月
cal-month-of-9 = 9月
cal-month-of-10 = 10月
cal-month-of-11 = 11月
cal-month-of-12 = 12月
cal-wd-1 = 一
cal-wd-2 = 二
cal-wd-3 = 三
cal-wd-4 = 四
cal-wd-5 = 五
cal-wd-6 = 六
cal-wd-7 = 日
