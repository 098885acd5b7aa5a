"""When the matcher answers at once: the fitted confidence, stored with the content it fits."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from faq.confidence import (
    CONFIDENCE_FILE,
    EVIDENCE,
    content_digest,
    fit,
    load_confidence,
    save_confidence,
)
from faq.lexicon import load_lexicon
from faq.loader import CONTENT_DIR, load_knowledge_base
from faq.matcher import Matcher

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


def test_without_a_calibration_the_matcher_always_asks(tmp_path: Path) -> None:
    content = Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))
    kb = load_knowledge_base(content)
    calibrated = Matcher(kb, load_lexicon(content)).match(QUESTION)
    assert (calibrated.topic_id, calibrated.confident) == ("registration-deadline", True)
    (content / CONFIDENCE_FILE).unlink()
    uncalibrated = Matcher(kb, load_lexicon(content)).match(QUESTION)
    assert (uncalibrated.topic_id, uncalibrated.kind) == ("registration-deadline", "uncertain")
    assert uncalibrated.alternatives == calibrated.alternatives
