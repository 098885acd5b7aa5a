"""Text normalisation and tokenisation shared by the index and the queries."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

Script = Literal["latin", "cyrillic", "han", "digit"]

_TOKEN = re.compile(
    r"(?P<latin>[a-z]+)|(?P<cyrillic>[\u0430-\u044f]+)|(?P<digit>[0-9]+)"
    r"|(?P<han>[\u3400-\u4dbf\u4e00-\u9fff]+)"
)
_WORD = re.compile(r"[a-z]+|[\u0430-\u044f]+|[0-9]+|[\u3400-\u4dbf\u4e00-\u9fff]+")
_ACCENTED = "àáâãäåāèéêëēìíîïīòóôõöōùúûüūçñýÿ"
_FOLD = dict(zip(_ACCENTED, "aaaaaaaeeeeeiiiiiooooooooooucnyy", strict=True))
_ACCENT = re.compile(f"[{_ACCENTED}]")


class Token(NamedTuple):
    text: str
    script: Script


def normalize(text: str) -> str:
    """Full-width to ASCII, lowercase, yo to ye, no soft or hard signs, Latin accents dropped,
    punctuation to spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    # yo as ye, and no soft or hard signs: transliterations leave them out
    text = text.replace("\u0451", "\u0435").replace("\u044c", "").replace("\u044a", "")
    text = _ACCENT.sub(lambda m: _FOLD[m.group()], text)
    return " ".join(_WORD.findall(text))


def is_cyrillic(char: str) -> bool:
    return "\u0430" <= char <= "\u044f"


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def tokenize(normalized: str) -> list[Token]:
    """Splits normalised text into runs of one script; a Chinese run stays whole."""
    return [Token(m.group(), m.lastgroup) for m in _TOKEN.finditer(normalized)]  # type: ignore[arg-type]
