# City names of time zones; see en/timezones.ftl.
tz-europe-kaliningrad = 加里宁格勒
tz-europe-moscow = 莫斯科
tz-europe-samara = 萨马拉
tz-asia-yekaterinburg = 叶卡捷琳堡
tz-asia-omsk = 鄂木斯克
tz-asia-novosibirsk = 新西伯利亚
tz-asia-krasnoyarsk = 克拉斯诺亚尔斯克
tz-asia-irkutsk = 伊尔库茨克
tz-asia-yakutsk = 雅库茨克
tz-asia-vladivostok = 符拉迪沃斯托克
tz-asia-magadan = 马加丹
tz-asia-kamchatka = 堪察加彼得罗巴甫洛夫斯克
tz-asia-shanghai = 北京
tz-europe-rome = 罗马
tz-europe-minsk = 明斯克
tz-asia-tashkent = 塔什干
