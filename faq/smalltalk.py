"""Messages that are not questions: greetings, thanks, "are you a bot", a lone 👍. A message made
only of small-talk phrases, emoji and filler gets a short reply instead of an article."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from faq.model import LANGUAGES
from faq.normalize import normalize

KINDS = (
    "complaint",
    "bot_or_human",
    "capabilities",
    "help",
    "menu",
    "thanks",
    "bye",
    "greeting",
    "praise",
    "ok",
)
"""Most informative first: "ok thanks bye" is thanks."""
MAX_LENGTH = 200  # longer messages are never small talk
_MODIFIERS = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f\u200d\u20e3]")


class SmallTalk:
    def __init__(self, table: Mapping[str, Mapping[str, Iterable[str]]]) -> None:
        """`table`: kind -> language (or "emoji", or the kind "filler") -> phrases."""
        self._phrases: dict[str, str] = {}
        self._emoji: dict[str, str] = {}
        for kind, lists in table.items():
            if kind == "filler":
                continue
            for lang, phrases in lists.items():
                for phrase in phrases:
                    if lang == "emoji":
                        self._emoji[_MODIFIERS.sub("", phrase)] = kind
                    elif key := normalize(phrase):
                        self._phrases.setdefault(key, kind)
        self._filler = frozenset(
            normalize(
                " ".join(p for lang in LANGUAGES for p in table.get("filler", {}).get(lang, []))
            ).split()
        )
        spelled = sorted(self._phrases, key=len, reverse=True)
        worded = [re.escape(p) for p in spelled if not _han(p)]
        han = [re.escape(p) for p in spelled if _han(p)]
        parts = [r"(?<!\S)(?:" + "|".join(worded) + r")(?!\S)"] if worded else []
        parts += ["|".join(han)] if han else []
        self._pattern = re.compile("|".join(parts) or r"(?!)")

    def phrases(self) -> list[tuple[str, str]]:
        """Every (kind, phrase or emoji) it knows."""
        return [(k, p) for p, k in self._phrases.items()] + [(k, e) for e, k in self._emoji.items()]

    def kind(self, text: str) -> str | None:
        """The kind of small talk, or None for a message that says something more."""
        if not text.strip() or len(text) > MAX_LENGTH:
            return None
        found: set[str] = set()
        pictures = False
        kept = []
        for ch in _MODIFIERS.sub("", text):
            if ch in self._emoji:
                found.add(self._emoji[ch])
                pictures = True
            elif unicodedata.category(ch) in ("So", "Sk", "Cs", "Co"):
                pictures = True
            else:
                kept.append(ch)
        rest = self._pattern.sub(
            lambda m: found.add(self._phrases[m.group()]) or " ", normalize("".join(kept))
        )
        if any(word not in self._filler for word in rest.split()):
            return None
        if found:
            return min(found, key=KINDS.index)
        return "ok" if pictures else None


def _han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)
