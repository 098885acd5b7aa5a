"""`python -m faq calibrate`: fits when the matcher sends its best topic without asking.

The model (faq/confidence.py) learns from the topics' own examples, each matched by a matcher
built without it (one fold of `FOLDS` held out at a time), with the held-out examples of the
declined subjects as cases it must not be sure of. Only the threshold is chosen on the dev split
of the evaluation set: the most direct answers while the wrong ones, off-topic questions answered
at once included, stay within `MAX_WRONG` of the in-scope dev questions, and the in-scope wrong
ones within `MAX_WRONG_PER_LANGUAGE` in every language. The test split is never read."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from faq.confidence import Confidence, content_digest, fit
from faq.evaluation import Example
from faq.lexicon import Lexicon, load_lexicon
from faq.loader import load_knowledge_base
from faq.matcher import Evidence, Match, Matcher
from faq.model import LANGUAGES, KnowledgeBase

FOLDS = 5
MAX_WRONG = 0.015
MAX_WRONG_PER_LANGUAGE = 0.02

Held = tuple[str, str, str | None]
"""Language, question, and the topic it belongs to (None: a declined subject's example)."""


def calibrate(root: Path, dev: Sequence[Example]) -> Confidence:
    kb = load_knowledge_base(root)
    lexicon = load_lexicon(root, calibrated=False)
    evidence, right = held_out_evidence(kb, lexicon)
    fitted = fit(evidence, right)
    unbounded = replace(lexicon, confidence=replace(fitted, threshold=0.0))
    threshold = choose_threshold(Matcher(kb, unbounded), fitted, dev)
    return replace(fitted, threshold=threshold, digest=content_digest(root))


def held_out_evidence(kb: KnowledgeBase, lexicon: Lexicon) -> tuple[np.ndarray, np.ndarray]:
    """The evidence for every example the matcher ranked a topic first for, and whether that
    topic was its own."""
    rows: list[tuple[float, ...]] = []
    right: list[bool] = []
    for case in held_out_matches(kb, lexicon):
        if case.evidence is not None:
            rows.append(case.evidence)
            right.append(case.match.topic_id == case.topic_id)
    return np.array(rows), np.array(right, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class HeldOut:
    lang: str
    question: str
    topic_id: str | None
    """Where the example is filed (None: a declined subject's example)."""
    match: Match
    """What a matcher built without the example made of it."""
    evidence: Evidence | None


def held_out_matches(kb: KnowledgeBase, lexicon: Lexicon) -> Iterator[HeldOut]:
    """Every example, matched by a matcher that did not learn from it (one fold of `FOLDS` held
    out at a time)."""
    for fold in range(FOLDS):
        held: list[Held] = []
        matcher = Matcher(_without(kb, fold, held), _subjects_without(lexicon, fold, held))
        for lang, question, topic_id in held:
            match, evidence = matcher.weigh(question, lang)
            yield HeldOut(lang, question, topic_id, match, evidence)


def misfiled(kb: KnowledgeBase, lexicon: Lexicon) -> list[HeldOut]:
    """Topic examples a matcher built without them puts under another topic: misfiled ones,
    ones on a border two topics share, or the matcher's own mistakes: an editor tells which."""
    return [
        case
        for case in held_out_matches(kb, lexicon)
        if case.topic_id is not None
        and case.match.topic_id is not None
        and case.match.topic_id != case.topic_id
    ]


def choose_threshold(matcher: Matcher, confidence: Confidence, dev: Sequence[Example]) -> float:
    """`matcher`: one whose confidence has no threshold, so that it is sure of every match its
    own rules allow."""
    counts = {lang: sum(e.lang == lang and e.expect is not None for e in dev) for lang in LANGUAGES}
    ranked: list[tuple[float, str, bool | None]] = []
    for example in dev:
        match, evidence = matcher.weigh(example.question, example.lang)
        if evidence is not None and match.confident:
            right = example.answered_by(match.topic_id) if example.expect else None
            ranked.append((confidence.probability(evidence), example.lang, right))
    ranked.sort(key=lambda case: case[0], reverse=True)
    wrong = dict.fromkeys(LANGUAGES, 0)
    off_topic = 0
    threshold = 1.0
    for probability, lang, right in ranked:
        off_topic += right is None
        wrong[lang] += right is False
        if (
            sum(wrong.values()) + off_topic > MAX_WRONG * sum(counts.values())
            or wrong[lang] > MAX_WRONG_PER_LANGUAGE * counts[lang]
        ):
            break
        threshold = probability
    return math.floor(threshold * 1e6) / 1e6  # a shorter number, still below the last case kept


def _without(kb: KnowledgeBase, fold: int, held: list[Held]) -> KnowledgeBase:
    topics = {}
    for topic_id, topic in kb.topics.items():
        texts = {}
        for lang, text in topic.texts.items():
            kept, out = _split(text.questions, fold)
            held.extend((lang, q, topic_id) for q in out)
            texts[lang] = replace(text, questions=kept)
        topics[topic_id] = replace(topic, texts=texts)
    return replace(kb, topics=topics)


def _subjects_without(lexicon: Lexicon, fold: int, held: list[Held]) -> Lexicon:
    subjects: dict[str, dict[str, tuple[str, ...]]] = {}
    for subject, by_language in lexicon.subjects.items():
        subjects[subject] = {}
        for lang, examples in by_language.items():
            subjects[subject][lang], out = _split(examples, fold)
            held.extend((lang, q, None) for q in out)
    return replace(lexicon, subjects=subjects)


def _split(questions: Sequence[str], fold: int) -> tuple[tuple[str, ...], list[str]]:
    """The questions outside `fold`, and those in it."""
    kept = tuple(q for i, q in enumerate(questions) if i % FOLDS != fold)
    return kept, [q for i, q in enumerate(questions) if i % FOLDS == fold]
