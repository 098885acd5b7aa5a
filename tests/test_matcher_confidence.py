"""When the matcher answers at once: the fitted confidence, stored with the content it fits."""

from __future__ import annotations

import math
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from faq.calibration import choose_threshold
from faq.confidence import (
    CONFIDENCE_FILE,
    EVIDENCE,
    UNCALIBRATED,
    Confidence,
    content_digest,
    fit,
    load_confidence,
    save_confidence,
)
from faq.evaluation import Example
from faq.lexicon import load_lexicon
from faq.loader import CONTENT_DIR, load_knowledge_base
from faq.matcher import Match, Matcher

QUESTION = "how many days do i have to register after arrival"
LEAD = EVIDENCE.index("lead")


def synthetic(rng: np.random.Generator, n: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    """Evidence whose lead alone tells a right best topic from a wrong one."""
    evidence = rng.uniform(0.0, 1.0, size=(n, len(EVIDENCE)))
    right = evidence[:, LEAD] + rng.normal(0, 0.05, n) > 0.5
    return evidence, right.astype(np.float64)


def at(lead: float) -> list[float]:
    evidence = [0.5] * len(EVIDENCE)
    evidence[LEAD] = lead
    return evidence


def test_the_calibration_is_fitted_on_this_content() -> None:
    stored = load_confidence(CONTENT_DIR)
    assert stored.digest == content_digest(CONTENT_DIR), (
        "the content changed since the matcher's confidence was fitted: "
        "run `python -m faq calibrate` and commit faq/content/confidence.toml"
    )
    assert 0.5 <= stored.threshold < 1.0


def test_fit_learns_which_evidence_tells_right_from_wrong() -> None:
    fitted = fit(*synthetic(np.random.default_rng(1)))
    assert fitted.probability(at(0.9)) > 0.95
    assert fitted.probability(at(0.1)) < 0.05
    assert fitted.confident(at(0.7)) and not fitted.confident(at(0.3))
    assert abs(fitted.weights[LEAD]) > 5 * max(
        abs(w) for i, w in enumerate(fitted.weights) if i != LEAD
    )


def test_a_stored_calibration_reads_back_the_same(tmp_path: Path) -> None:
    fitted = replace(
        fit(*synthetic(np.random.default_rng(2))), threshold=0.6123, digest=content_digest(tmp_path)
    )
    save_confidence(fitted, tmp_path, "test")
    assert load_confidence(tmp_path) == fitted


def test_a_calibration_of_other_evidence_is_refused(tmp_path: Path) -> None:
    save_confidence(fit(*synthetic(np.random.default_rng(3))), tmp_path, "test")
    path = tmp_path / CONFIDENCE_FILE
    path.write_text(path.read_text().replace('"lead"', '"margin"'), encoding="utf-8")
    with pytest.raises(ValueError, match="fitted on"):
        load_confidence(tmp_path)


def test_the_calibration_reads_content_whose_calibration_weighs_other_evidence(
    tmp_path: Path,
) -> None:
    """After the evidence changes, `python -m faq calibrate` must still run, to replace it."""
    content = Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))
    path = content / CONFIDENCE_FILE
    path.write_text(path.read_text().replace('"lead"', '"margin"'), encoding="utf-8")
    with pytest.raises(ValueError, match="fitted on"):
        load_lexicon(content)
    assert load_lexicon(content, calibrated=False).confidence == UNCALIBRATED


def test_without_a_calibration_the_matcher_always_asks(tmp_path: Path) -> None:
    content = Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))
    kb = load_knowledge_base(content)
    calibrated = Matcher(kb, load_lexicon(content)).match(QUESTION)
    assert (calibrated.topic_id, calibrated.confident) == ("registration-deadline", True)
    (content / CONFIDENCE_FILE).unlink()
    uncalibrated = Matcher(kb, load_lexicon(content)).match(QUESTION)
    assert (uncalibrated.topic_id, uncalibrated.kind) == ("registration-deadline", "uncertain")
    assert uncalibrated.alternatives == calibrated.alternatives


class Ranked:
    """A matcher whose best topic and its probability of being right are given per question."""

    def __init__(self, cases: dict[str, tuple[str, float]]) -> None:
        self._cases = cases

    def weigh(self, question: str, lang: str) -> tuple[Match, list[float]]:
        topic, probability = self._cases[question]
        evidence = [math.log(probability / (1 - probability))] + [0.0] * (len(EVIDENCE) - 1)
        return Match(topic, 0.5, True, lang, ()), evidence


def test_the_threshold_stops_before_the_wrong_answers_exceed_their_share() -> None:
    score_only = Confidence(
        (0.0,) * len(EVIDENCE),
        (1.0,) * len(EVIDENCE),
        (1.0,) + (0.0,) * (len(EVIDENCE) - 1),
        0.0,
        0.5,
    )
    dev = [Example("en", f"q{i}", "right") for i in range(100)]
    dev += [Example("ru", f"r{i}", "right") for i in range(100)]
    dev.append(Example("en", "offtopic", None))
    cases = {e.question: ("right", 0.99 - i / 1000) for i, e in enumerate(dev)}
    cases["q10"] = ("wrong", 0.95)  # en's first wrong answer: within 2 % of 100
    cases["q20"] = ("wrong", 0.94)  # its second: within 2 %, 1 % of all 200
    cases["offtopic"] = ("right", 0.93)  # answered at once: wrong too, 1.5 % of all 200
    cases["r5"] = ("wrong", 0.92)  # over 1.5 % of all: the threshold stays above it
    threshold = choose_threshold(Ranked(cases), score_only, dev)  # type: ignore[arg-type]
    assert 0.92 < threshold <= 0.93
    cases["offtopic"] = ("right", 0.5)
    cases["q30"] = ("wrong", 0.9305)  # en's third: over 2 % of en's 100
    assert 0.9305 < choose_threshold(Ranked(cases), score_only, dev) <= 0.94  # type: ignore[arg-type]
