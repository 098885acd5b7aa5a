# City names of time zones; see en/timezones.ftl.
tz-europe-kaliningrad = Калининград
tz-europe-moscow = Москва
tz-europe-samara = Самара
tz-asia-yekaterinburg = Екатеринбург
tz-asia-omsk = Омск
tz-asia-novosibirsk = Новосибирск
tz-asia-krasnoyarsk = Красноярск
tz-asia-irkutsk = Иркутск
tz-asia-yakutsk = Якутск
tz-asia-vladivostok = Владивосток
tz-asia-magadan = Магадан
tz-asia-kamchatka = Петропавловск-Камчатский
tz-asia-shanghai = Пекин
tz-europe-rome = Рим
tz-europe-minsk = Минск
tz-asia-tashkent = Ташкент
