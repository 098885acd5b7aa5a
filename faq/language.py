"""Which of the four languages a message is written in, from its scripts and words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from faq.model import LANGUAGES
from faq.normalize import Token

HAN_WEIGHT = 2  # one Chinese character carries about as much as two letters


OWN_SHARE = 4


class LanguageDetector:
    """Chinese and Russian by script; English against Italian by known words of each."""

    def __init__(self, english: Iterable[str], italian: Iterable[str]) -> None:
        """Words as often as they are written: a word tells the language it is written in
        OWN_SHARE times more often than in the other (users mix an English word into Italian)."""
        en, it = Counter(english), Counter(italian)
        self._english = frozenset(w for w, n in en.items() if n >= OWN_SHARE * it[w])
        self._italian = frozenset(w for w, n in it.items() if n >= OWN_SHARE * en[w])
        self._all = {"en": frozenset(en), "it": frozenset(it)}

    def words(self, lang: str) -> frozenset[str]:
        """The words known to be English or Italian."""
        return self._all.get(lang, frozenset())

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


class ForeignLanguage:
    """Messages in a language the bot does not speak: German, Uzbek in Latin letters, Kazakh..."""

    MIN_WORDS = 2  # foreign function words needed, and more of them than of ours

    def __init__(
        self, words: Mapping[str, Iterable[str]], letters: Mapping[str, str], ours: Iterable[str]
    ) -> None:
        ours = frozenset(ours)
        self._words = {lang: frozenset(w) - ours for lang, w in words.items()}
        self._ours = ours
        self._letters = {lang: frozenset(chars) for lang, chars in letters.items()}

    def detect(self, text: str, tokens: Sequence[Token]) -> str | None:
        """The foreign language's code, or None when the message may be in one of ours."""
        lowered = set(text.lower())
        for lang, chars in self._letters.items():
            if not lowered.isdisjoint(chars):
                return lang
        latin = [t.text for t in tokens if t.script == "latin"]
        if len(latin) < 2 or len(latin) < len(tokens) * 0.8:
            return None
        ours = sum(w in self._ours for w in latin)
        best, hits = max(
            ((lang, sum(w in words for w in latin)) for lang, words in self._words.items()),
            key=lambda pair: pair[1],
            default=(None, 0),
        )
        return best if hits >= self.MIN_WORDS and hits > ours else None
