"""`python -m faq ask`: the readable line and the JSON-lines mode over stdin; `check`'s word on
the calibration; `suspects`, the examples an editor should look at."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "faq", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_ask_reads_questions_from_stdin_as_json_lines() -> None:
    lines = [
        "how do I extend my visa",
        "привет",
        "签证延期要多少钱",
        "quanto costa la proroga del visto",
    ]
    result = run("ask", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in records] == lines
    assert [r["lang"] for r in records] == ["en", "ru", "zh", "it"]
    assert records[1]["id"] is None and records[1]["alternatives"] == []
    assert records[1]["kind"] == "smalltalk:greeting" and records[1]["confident"] is False
    for record in (records[0], records[2], records[3]):
        assert isinstance(record["id"], str)
        assert record["kind"] in ("topic", "uncertain")
        assert record["confident"] is (record["kind"] == "topic")
        assert isinstance(record["score"], float)
        assert record["id"] not in record["alternatives"]


def test_ask_prints_a_readable_line_with_the_title() -> None:
    result = run("ask", "--lang", "en", "how many days do I have to register")
    assert result.returncode == 0, result.stderr
    first, title = result.stdout.splitlines()[:2]
    assert "score=" in first and "confident=" in first and "lang=en" in first
    assert title.strip()


def test_ask_json_for_one_question() -> None:
    result = run("ask", "--json", "--lang", "ru", "hello")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["id"] is None and record["kind"] == "smalltalk:greeting"


def test_ask_json_names_the_declined_subject() -> None:
    result = run("ask", "--json", "--lang", "en", "how do i get a schengen visa for france")
    record = json.loads(result.stdout)
    assert (record["id"], record["kind"], record["subject"]) == (None, "offtopic", "other-visas")


def test_check_warns_when_the_content_changed_since_calibration(tmp_path: Path) -> None:
    content = Path(shutil.copytree(ROOT / "faq" / "content", tmp_path / "content"))
    unchanged = run("--content", str(content), "check")
    assert unchanged.returncode == 0 and "calibrate" not in unchanged.stderr
    topic = content / "topics" / "registration-deadline.toml"
    topic.write_text(topic.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    changed = run("--content", str(content), "check")
    assert changed.returncode == 0, changed.stderr
    assert "python -m faq calibrate" in changed.stderr


def test_suspects_lists_an_example_filed_under_the_wrong_topic(tmp_path: Path) -> None:
    content = Path(shutil.copytree(ROOT / "faq" / "content", tmp_path / "content"))
    topic = content / "topics" / "passport-lost.toml"
    misfiled = "how many days after arrival do i have to get my migration registration done"
    text = topic.read_text(encoding="utf-8")
    english = text.index("[en]")
    at = text.index("questions = [", english) + len("questions = [")
    topic.write_text(f'{text[:at]}\n  "{misfiled}",{text[at:]}', encoding="utf-8")

    result = run("--content", str(content), "suspects", "--lang", "en")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    listed = lines.index(f'  "{misfiled}"')
    header = next(line for line in reversed(lines[:listed]) if line.startswith("# "))
    assert header.startswith("# topics/passport-lost.toml [en]: matched to registration-")
    assert all("[en]" in line for line in lines if line.startswith("# topics/"))
