# Date picker and dates in text: month and weekday names, word order. Read by bot/dates.py.
# cal-month-N: month N standing alone (calendar header); cal-month-of-N: month N inside a date.
# Both lists are also the month names the bot understands when a user types a date.
cal-title = { $month } { $year }
cal-date = { $day } { $month } { $year }
cal-month-1 = January
cal-month-2 = February
cal-month-3 = March
cal-month-4 = April
cal-month-5 = May
cal-month-6 = June
cal-month-7 = July
cal-month-8 = August
cal-month-9 = September
cal-month-10 = October
cal-month-11 = November
cal-month-12 = December
cal-month-of-1 = January
cal-month-of-2 = February
cal-month-of-3 = March
cal-month-of-4 = April
cal-month-of-5 = May
cal-month-of-6 = June
cal-month-of-7 = July
cal-month-of-8 = August
cal-month-of-9 = September
cal-month-of-10 = October
cal-month-of-11 = November
cal-month-of-12 = December
cal-wd-1 = Mo
cal-wd-2 = Tu
cal-wd-3 = We
cal-wd-4 = Th
cal-wd-5 = Fr
cal-wd-6 = Sa
cal-wd-7 = Su
# Words for days, understood when an operator schedules a broadcast ("tomorrow 10:00",
# "friday 18:30"): comma-separated variants, any of the four languages.
cal-word-today = today
cal-word-tomorrow = tomorrow, tmrw, tmr
cal-word-after-tomorrow = day after tomorrow, the day after tomorrow
cal-weekday-1 = monday, mon
cal-weekday-2 = tuesday, tue, tues
cal-weekday-3 = wednesday, wed
cal-weekday-4 = thursday, thu, thur, thurs
cal-weekday-5 = friday, fri
cal-weekday-6 = saturday, sat
cal-weekday-7 = sunday, sun
