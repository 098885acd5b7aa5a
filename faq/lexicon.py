"""The matcher's word lists, all data files: stopwords, synonyms, the glossary's concepts, the
question kinds, small talk, the subjects the bot declines; and its calibrated confidence."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faq.confidence import UNCALIBRATED, Confidence, load_confidence
from faq.glossary import load_glossary
from faq.loader import CONTENT_DIR
from faq.model import LANGUAGES
from faq.normalize import is_han, normalize
from faq.smalltalk import SmallTalk

SMALLTALK_KINDS_FILE = "smalltalk.toml"


@dataclass(frozen=True, slots=True)
class Lexicon:
    stopwords: Mapping[str, frozenset[str]]
    synonyms: Mapping[str, str]
    """Normalised phrase -> normalised replacement; Chinese keys too."""
    concepts: Mapping[str, str]
    """Normalised spelling of a glossary concept, in any language -> the concept's token."""
    glossary_spellings: Mapping[str, tuple[str, ...]]
    """Glossary concept -> every way of writing it, in any language."""
    kinds: Mapping[str, re.Pattern[str]]
    """Question kind -> the words that ask it."""
    social: re.Pattern[str]
    """Small-talk phrases, removed from questions ("hi, how do I ...")."""
    social_words: Mapping[str, frozenset[str]]
    """The same, as single words per language (they also tell English from Italian)."""
    subjects: Mapping[str, Mapping[str, tuple[str, ...]]]
    """Declined subject -> language -> example messages."""
    smalltalk: SmallTalk
    foreign_words: Mapping[str, tuple[str, ...]]
    """Language we don't speak -> its commonest words."""
    foreign_letters: Mapping[str, str]
    """Language we don't speak -> letters of its own (Cyrillic-script languages)."""
    confidence: Confidence = UNCALIBRATED
    """When the best topic is sent without asking."""


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex: whole-word phrases (a trailing * allows any ending), Chinese ones anywhere."""
    worded, chinese = [], []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [(normalize(w), w.endswith("*")) for w in phrase.split()]
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


def concept_token(concept: str) -> str:
    """A word no language writes, the same for every spelling of the concept."""
    return "qq" + re.sub(r"[^a-z]", "", concept.lower())


def load_lexicon(root: Path = CONTENT_DIR, *, calibrated: bool = True) -> Lexicon:
    """`calibrated=False`: without the stored confidence, as the calibration itself reads it
    (a calibration of other evidence is refused)."""
    stop = _read(root / "stopwords.toml")
    syn = _read(root / "synonyms.toml")
    talk = _read(root / SMALLTALK_KINDS_FILE)
    kinds = _read(root / "question_kinds.toml")
    subjects = _read(root / "offtopic.toml")
    foreign = _read(root / "languages.toml")
    glossary = load_glossary(root / "glossary.toml")
    synonyms = {
        normalize(key): normalize(value)
        for lang in LANGUAGES
        for key, value in syn.get(lang, {}).items()
    }
    concepts = {
        spelling: concept_token(concept)
        for concept, spellings in glossary.concepts().items()
        for spelling in map(normalize, spellings)
        if spelling
    }
    social = {lang: [p for kind in talk.values() for p in kind.get(lang, [])] for lang in LANGUAGES}
    return Lexicon(
        stopwords={lang: frozenset(stop.get(lang, "").split()) for lang in LANGUAGES},
        synonyms=synonyms,
        concepts=concepts,
        glossary_spellings=glossary.concepts(),
        kinds={
            kind: phrase_pattern(p for lang in LANGUAGES for p in cues.get(lang, []))
            for kind, cues in kinds.items()
        },
        social=phrase_pattern(p for phrases in social.values() for p in phrases),
        social_words={
            lang: frozenset(normalize(" ".join(phrases)).split())
            for lang, phrases in social.items()
        },
        subjects={
            subject: {lang: tuple(examples.get(lang, ())) for lang in LANGUAGES}
            for subject, examples in subjects.items()
            if isinstance(examples, dict) and "markers" not in examples
        },
        smalltalk=SmallTalk(talk),
        foreign_words={k: tuple(v.split()) for k, v in foreign.get("words", {}).items()},
        foreign_letters=dict(foreign.get("letters", {})),
        confidence=load_confidence(root) if calibrated else UNCALIBRATED,
    )
