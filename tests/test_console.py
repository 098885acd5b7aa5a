"""The offline console (`python -m bot` without BOT_TOKEN): the conversation on stdout, the log in
LOG_FILE."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README_INPUT = "/start\nhow many days do i have to register\n1\n"


def run_console(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        input=README_INPUT,
        env={
            "PYTHONPATH": str(REPO),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DATABASE_PATH": str(tmp_path / "bot.db"),
            "LANG": "en_US.UTF-8",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_readme_example_answers_the_question_and_logs_go_to_the_file(tmp_path: Path) -> None:
    assert README_INPUT.replace("\n", "\\n") in (REPO / "README.md").read_text("utf-8")
    log_file = tmp_path / "logs" / "bot.log"
    result = run_console(tmp_path, LOG_FILE=str(log_file))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "within 7 working days" in out  # the answer
    assert "I couldn't read that date" not in out
    assert out.count("bot> ") == 3  # greeting, answer, the related topic it opened
    for noise in (" INFO ", " WARNING ", "apscheduler", "applying migration"):
        assert noise not in out and noise not in result.stderr
    assert "bot started" in log_file.read_text("utf-8")


def test_with_debug_the_log_stays_in_the_terminal(tmp_path: Path) -> None:
    log_file = tmp_path / "bot.log"
    result = run_console(tmp_path, LOG_FILE=str(log_file), LOG_LEVEL="DEBUG")
    assert result.returncode == 0
    assert "bot started" in result.stderr
    assert not log_file.exists()
    assert "within 7 working days" in result.stdout
