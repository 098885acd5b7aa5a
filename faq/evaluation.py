"""Scores a matcher on labelled questions it never learned from: the figures the benchmark prints.

`tests/data/eval/dev.jsonl` is for tuning weights and thresholds; `test.jsonl` is looked at only to
report. Neither is ever a training example (a test checks)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from faq.matcher import Matcher
from faq.model import LANGUAGES

EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "eval"
SPLITS = ("dev", "test")


@dataclass(frozen=True, slots=True)
class Example:
    lang: str
    question: str
    expect: str | None
    also: tuple[str, ...] = ()
    """Topics that answer the question as well as `expect` does (two topics cover it alike)."""

    def answered_by(self, topic_id: str | None) -> bool:
        return topic_id is not None and (topic_id == self.expect or topic_id in self.also)


@dataclass(slots=True)
class Figures:
    answerable: int = 0
    direct_right: int = 0
    """Answered at once, with the right topic."""
    direct_wrong: int = 0
    """Answered at once, with a wrong topic."""
    top1: int = 0
    top3: int = 0
    off_topic: int = 0
    declined: int = 0
    lang_right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def rates(self) -> dict[str, float]:
        return {
            "direct_right": _rate(self.direct_right, self.answerable),
            "direct_wrong": _rate(self.direct_wrong, self.answerable),
            "top1": _rate(self.top1, self.answerable),
            "top3": _rate(self.top3, self.answerable),
            "declined": _rate(self.declined, self.off_topic),
            "lang": _rate(self.lang_right, self.total),
        }


def load_examples(path: Path) -> list[Example]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = (json.loads(line) for line in lines if line.strip())
    return [Example(r["lang"], r["q"], r["expect"], tuple(r.get("also", ()))) for r in rows]


def load_split(split: str) -> list[Example]:
    return load_examples(EVAL_DIR / f"{split}.jsonl")


def evaluate(matcher: Matcher, examples: Iterable[Example]) -> dict[str, Figures]:
    """Per language; the user's interface language is taken to be the question's language."""
    figures = {lang: Figures() for lang in LANGUAGES}
    for ex in examples:
        f = figures[ex.lang]
        match = matcher.match(ex.question, lang_hint=ex.lang)
        f.total += 1
        f.lang_right += match.lang == ex.lang
        if ex.expect is None:
            f.off_topic += 1
            f.declined += match.topic_id is None
            if match.topic_id is not None:
                f.misses.append(f"{ex.question!r}: expected decline, got {match.topic_id}")
            continue
        f.answerable += 1
        right = ex.answered_by(match.topic_id)
        f.top1 += right
        f.top3 += any(map(ex.answered_by, (match.topic_id, *match.alternatives)))
        f.direct_right += match.confident and right
        f.direct_wrong += match.confident and not right
        if not right:
            f.misses.append(f"{ex.question!r}: expected {ex.expect}, got {match.topic_id}")
    return figures


def summary(figures: dict[str, Figures]) -> dict[str, dict[str, float]]:
    return {lang: f.rates() for lang, f in figures.items() if f.total}


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 1.0
