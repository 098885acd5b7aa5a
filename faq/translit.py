"""Russian typed in Latin letters ("kak prodlit vizu", "registratsiya") back into Cyrillic."""
# ruff: noqa: RUF001 (Cyrillic letters that look Latin are the point of this module)

from __future__ import annotations

import re
from functools import lru_cache

_DIGRAPHS = {
    "shch": "щ",
    "sch": "щ",
    "zh": "ж",
    "kh": "х",
    "ts": "ц",
    "tz": "ц",
    "ch": "ч",
    "sh": "ш",
    "ya": "я",
    "ja": "я",
    "ia": "я",
    "yu": "ю",
    "ju": "ю",
    "iu": "ю",
    "yo": "е",
    "jo": "е",
    "ye": "е",
    "je": "е",
    "x": "кс",
}
_DIGRAPH = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_LETTERS = str.maketrans("abcdefghijklmnopqrstuvwyz", "абцдефгхийклмнопкрстуввыз")
_SHORT_I = re.compile("(?<=[аеиоуыэюя])ы|(?<=[аеоуыэюя])и$")


@lru_cache(maxsize=16384)
def to_cyrillic(word: str) -> str:
    """Best-effort transliteration of a lowercase Latin word; y after a vowel and a final i after
    a vowel become й ("novyy", "otryvnoi")."""
    word = _DIGRAPH.sub(lambda m: _DIGRAPHS[m.group()], word).translate(_LETTERS)
    return _SHORT_I.sub("й", word)


_LAYOUT = str.maketrans("qwertyuiopasdfghjklzxcvbnm", "йцукенгшщзфывапролдячсмить")


def from_latin_layout(word: str) -> str:
    """Russian typed with the keyboard left in English layout: "ghbdtn" is "привет"."""
    return word.translate(_LAYOUT)
