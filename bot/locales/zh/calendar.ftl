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
# 安排群发时可理解的日期词（"明天 10:00"、"周五 18:30"）。
cal-word-today = 今天, 今日
cal-word-tomorrow = 明天, 明日
cal-word-after-tomorrow = 后天
cal-weekday-1 = 星期一, 周一, 礼拜一
cal-weekday-2 = 星期二, 周二, 礼拜二
cal-weekday-3 = 星期三, 周三, 礼拜三
cal-weekday-4 = 星期四, 周四, 礼拜四
cal-weekday-5 = 星期五, 周五, 礼拜五
cal-weekday-6 = 星期六, 周六, 礼拜六
cal-weekday-7 = 星期日, 星期天, 周日, 周天, 礼拜天
