"""A test marked `requires_redis` is skipped, with the reason, when REDIS_URL is unset, and fails
instead when CI=true: in CI a server that is missing must not pass for a green run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
A_REDIS_TEST = "tests/test_redis.py::test_the_client_pool_waits_for_a_free_connection"


def run_without_redis(**env: str) -> subprocess.CompletedProcess[str]:
    inherited = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CI")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", A_REDIS_TEST],
        cwd=REPO,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("ci", "status", "outcome"), [("", 0, "1 skipped"), ("true", 1, "1 error")]
)
def test_a_redis_test_without_redis_is_skipped_or_fails_under_ci(
    ci: str, status: int, outcome: str
) -> None:
    result = run_without_redis(CI=ci)
    assert result.returncode == status, result.stdout
    assert outcome in result.stdout and "REDIS_URL is not set" in result.stdout
