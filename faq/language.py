"""Which of the four languages a message is written in, from its scripts and words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from faq.model import LANGUAGES
from faq.normalize import Token

HAN_WEIGHT = 2  # one Chinese character carries about as much as two letters


class LanguageDetector:
    """Chinese and Russian by script; English against Italian by known words of each."""

    def __init__(self, english: Iterable[str], italian: Iterable[str]) -> None:
        en, it = set(english), set(italian)
        self._english = frozenset(en - it)
        self._italian = frozenset(it - en)

    def detect(
        self, tokens: Sequence[Token], hint: str | None = None, russian_translit: int = 0
    ) -> str:
        """`russian_translit`: how many Latin words read as Russian once transliterated."""
        fallback = hint if hint is not None and hint in LANGUAGES else "en"
        han = sum(len(t.text) for t in tokens if t.script == "han") * HAN_WEIGHT
        cyrillic = sum(len(t.text) for t in tokens if t.script == "cyrillic")
        latin = sum(len(t.text) for t in tokens if t.script == "latin")
        if han and han >= cyrillic and han >= latin:
            return "zh"
        if cyrillic and cyrillic >= latin:
            return "ru"
        if not latin:
            return fallback
        words = [t.text for t in tokens if t.script == "latin"]
        english = sum(w in self._english for w in words)
        italian = sum(w in self._italian for w in words)
        if russian_translit > max(english, italian) and russian_translit >= 2:
            return "ru"
        if english > italian:
            return "en"
        if italian > english:
            return "it"
        return fallback
