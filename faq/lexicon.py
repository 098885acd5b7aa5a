"""The matcher's word lists: stopwords, greetings, off-topic markers and synonyms (data files)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faq.loader import CONTENT_DIR
from faq.model import LANGUAGES
from faq.normalize import is_han, normalize


@dataclass(frozen=True, slots=True)
class Lexicon:
    stopwords: Mapping[str, frozenset[str]]
    social: re.Pattern[str]
    """Greetings, thanks and filler, removed from messages."""
    social_words: Mapping[str, frozenset[str]]
    """The same, as single words per language (they also tell English from Italian)."""
    off_topic: re.Pattern[str]
    synonyms: Mapping[str, str]
    """Normalised phrase -> normalised replacement; Chinese keys too."""


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def _phrase_pattern(markers: list[str]) -> re.Pattern[str]:
    """One regex: whole-word phrases (a trailing * allows any ending), Chinese ones anywhere."""
    worded, chinese = [], []
    for marker in sorted(markers, key=len, reverse=True):
        words = [(normalize(w), w.endswith("*")) for w in marker.split()]
        words = [(w, star) for w, star in words if w]
        if not words:
            continue
        if all(is_han(ch) for w, _ in words for ch in w):
            chinese.append(re.escape("".join(w for w, _ in words)))
            continue
        worded.append(r"\s+".join(re.escape(w) + (r"\S*" if star else "") for w, star in words))
    alternatives = []
    if worded:
        alternatives.append(r"(?<!\S)(?:" + "|".join(worded) + r")(?!\S)")
    if chinese:
        alternatives.append("|".join(chinese))
    return re.compile("|".join(alternatives) or r"(?!)")


def load_lexicon(root: Path = CONTENT_DIR) -> Lexicon:
    stop = _read(root / "stopwords.toml")
    off = _read(root / "offtopic.toml")
    syn = _read(root / "synonyms.toml")
    stopwords = {lang: frozenset(stop.get(lang, "").split()) for lang in LANGUAGES}
    social: list[str] = []
    markers: list[str] = []
    synonyms: dict[str, str] = {}
    for lang in LANGUAGES:
        social.extend(off.get(lang, {}).get("social", []))
        markers.extend(off.get(lang, {}).get("markers", []))
        for key, value in syn.get(lang, {}).items():
            synonyms[normalize(key)] = normalize(value)
    return Lexicon(
        stopwords=stopwords,
        social=_phrase_pattern(social),
        social_words={
            lang: frozenset(normalize(" ".join(off.get(lang, {}).get("social", []))).split())
            for lang in LANGUAGES
        },
        off_topic=_phrase_pattern(markers),
        synonyms=synonyms,
    )
