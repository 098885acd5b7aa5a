# City names of time zones (tz- + the IANA name, lowercase, / and _ as -). Read by bot/timezones.py:
# shown on the time zone buttons, and understood when typed, in any of the four languages.
tz-europe-kaliningrad = Kaliningrad
tz-europe-moscow = Moscow
tz-europe-samara = Samara
tz-asia-yekaterinburg = Yekaterinburg
tz-asia-omsk = Omsk
tz-asia-novosibirsk = Novosibirsk
tz-asia-krasnoyarsk = Krasnoyarsk
tz-asia-irkutsk = Irkutsk
tz-asia-yakutsk = Yakutsk
tz-asia-vladivostok = Vladivostok
tz-asia-magadan = Magadan
tz-asia-kamchatka = Petropavlovsk-Kamchatsky
tz-asia-shanghai = Beijing
tz-europe-rome = Rome
tz-europe-minsk = Minsk
tz-asia-tashkent = Tashkent
