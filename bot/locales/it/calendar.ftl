# Date picker and dates in text: month and weekday names, word order. Read by bot/dates.py.
# cal-month-N: month N standing alone (calendar header); cal-month-of-N: month N inside a date.
# Both lists are also the month names the bot understands when a user types a date.
cal-title = { $month } { $year }
cal-date = { $day } { $month } { $year }
cal-month-1 = Gennaio
cal-month-2 = Febbraio
cal-month-3 = Marzo
cal-month-4 = Aprile
cal-month-5 = Maggio
cal-month-6 = Giugno
cal-month-7 = Luglio
cal-month-8 = Agosto
cal-month-9 = Settembre
cal-month-10 = Ottobre
cal-month-11 = Novembre
cal-month-12 = Dicembre
cal-month-of-1 = gennaio
cal-month-of-2 = febbraio
cal-month-of-3 = marzo
cal-month-of-4 = aprile
cal-month-of-5 = maggio
cal-month-of-6 = giugno
cal-month-of-7 = luglio
cal-month-of-8 = agosto
cal-month-of-9 = settembre
cal-month-of-10 = ottobre
cal-month-of-11 = novembre
cal-month-of-12 = dicembre
cal-wd-1 = Lu
cal-wd-2 = Ma
cal-wd-3 = Me
cal-wd-4 = Gi
cal-wd-5 = Ve
cal-wd-6 = Sa
cal-wd-7 = Do
# Parole per i giorni, capite quando si programma un invio ("domani 10:00", "venerdì 18:30").
cal-word-today = oggi
cal-word-tomorrow = domani
cal-word-after-tomorrow = dopodomani
cal-weekday-1 = lunedì, lunedi, lun
cal-weekday-2 = martedì, martedi, mar
cal-weekday-3 = mercoledì, mercoledi, mer
cal-weekday-4 = giovedì, giovedi, gio
cal-weekday-5 = venerdì, venerdi, ven
cal-weekday-6 = sabato, sab
cal-weekday-7 = domenica, dom
