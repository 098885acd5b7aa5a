"""Whether to answer at once: the probability that the best-ranked topic is the right one.

A logistic model over what the ranking shows (`EVIDENCE`), fitted by `python -m faq calibrate`
on training examples the matcher did not learn from, and stored in the content as
`confidence.toml` with a digest of the content it was fitted on. Without that file the matcher
never answers at once: it offers its best topics as buttons."""

from __future__ import annotations

import hashlib
import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CONFIDENCE_FILE = "confidence.toml"
EVIDENCE = (
    "score",  # the best topic's score
    "lead",  # ...minus the runner-up's
    "runner_up_ratio",  # the runner-up's score over the best one's
    "subject_lead",  # the best score minus the nearest declined subject's
    "third_lead",  # the best score minus the third topic's
    "centroid_agrees",  # 1 when the topic's texts taken together rank the same topic first
    "example_score",  # the best topic's closest single example
    "centroid_score",  # the best topic's texts in one language taken together
    "centroid_lead",  # ...minus the best other topic's
)
L2 = 1e-3  # ridge penalty per example on the standardised weights


@dataclass(frozen=True, slots=True)
class Confidence:
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    """Per standardised piece of evidence, in the order of `EVIDENCE`."""
    bias: float
    threshold: float
    """The probability from which the best topic is sent without asking."""
    digest: str = ""
    """Of the content it was fitted on (`content_digest`)."""

    def probability(self, evidence: Sequence[float]) -> float:
        if not self.weights:
            return 0.0  # uncalibrated
        z = self.bias + sum(
            w * (e - m) / s
            for w, e, m, s in zip(self.weights, evidence, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-z))

    def confident(self, evidence: Sequence[float]) -> bool:
        return self.probability(evidence) >= self.threshold


UNCALIBRATED = Confidence((), (), (), 0.0, math.inf)
"""No calibration: never sure enough to answer without asking."""


def fit(evidence: np.ndarray, right: np.ndarray) -> Confidence:
    """Logistic regression by Newton's method; `threshold` is left at one half."""
    mean = evidence.mean(axis=0)
    scale = evidence.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(evidence - mean) / scale, np.ones((len(evidence), 1))])
    ridge = L2 * len(right) * np.diag([*np.ones(z.shape[1] - 1), 0.0])
    w = np.zeros(z.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        hessian = (z * (p * (1 - p))[:, None]).T @ z + ridge
        step = np.linalg.solve(hessian, z.T @ (p - right) + ridge @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    values = (tuple(map(_stable, v)) for v in (mean, scale, w[:-1]))
    return Confidence(*values, bias=_stable(w[-1]), threshold=0.5)


def _stable(value: float) -> float:
    """Without the last digits, which differ from run to run with the order of summation."""
    return float(f"{value:.10g}")


def content_digest(root: Path) -> str:
    """Of every content file but the calibration itself: what the matcher learns from."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.toml")):
        if path.name != CONFIDENCE_FILE:
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def load_confidence(root: Path) -> Confidence:
    path = root / CONFIDENCE_FILE
    if not path.exists():
        return UNCALIBRATED
    with path.open("rb") as f:
        data = tomllib.load(f)
    names = tuple(data["evidence"])
    if names != EVIDENCE:
        raise ValueError(f"{path}: fitted on {names}, the matcher weighs {EVIDENCE}")
    return Confidence(
        tuple(data["mean"]),
        tuple(data["scale"]),
        tuple(data["weights"]),
        float(data["bias"]),
        float(data["threshold"]),
        str(data["digest"]),
    )


def save_confidence(confidence: Confidence, root: Path, note: str) -> Path:
    def floats(values: Sequence[float]) -> str:
        return "[" + ", ".join(map(repr, values)) + "]"

    lines = [
        "# Written by `python -m faq calibrate`; do not edit. " + note,
        f'digest = "{confidence.digest}"',
        "evidence = [" + ", ".join(f'"{name}"' for name in EVIDENCE) + "]",
        f"mean = {floats(confidence.mean)}",
        f"scale = {floats(confidence.scale)}",
        f"weights = {floats(confidence.weights)}",
        f"bias = {confidence.bias!r}",
        f"threshold = {confidence.threshold!r}",
    ]
    path = root / CONFIDENCE_FILE
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
