# City names of time zones; see en/timezones.ftl.
tz-europe-kaliningrad = Kaliningrad
tz-europe-moscow = Mosca
tz-europe-samara = Samara
tz-asia-yekaterinburg = Ekaterinburg
tz-asia-omsk = Omsk
tz-asia-novosibirsk = Novosibirsk
tz-asia-krasnoyarsk = Krasnojarsk
tz-asia-irkutsk = Irkutsk
tz-asia-yakutsk = Jakutsk
tz-asia-vladivostok = Vladivostok
tz-asia-magadan = Magadan
tz-asia-kamchatka = Petropavlovsk-Kamčatskij
tz-asia-shanghai = Pechino
tz-europe-rome = Roma
tz-europe-minsk = Minsk
tz-asia-tashkent = Tashkent
