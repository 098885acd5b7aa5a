"""What must never reach the project, and the editorial rules `faq check` enforces."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from faq.editorial import BUTTON_LIMIT, host_of
from faq.loader import CONTENT_DIR, ContentError, load_knowledge_base

ROOT = Path(__file__).resolve().parents[1]

# The seed pages' advertisement (a Telegram handle and its image) and their malformed phone
# numbers, as SHA-256 prefixes, so that this test does not carry what it looks for.
BANNED_WORDS = {"77f72c7e45ff033c", "812d279bfdb8ce6f"}
BANNED_NUMBERS = {
    "8165a724c0b2aa1a", "8e4d139910e525b6", "d1405e2d13491f79", "ea8995dd079a147b",
    "3f8437fba13bf8ad", "4d85996766c09e63", "b0f1d79b96a11315", "e7fc1fa171bddf89",
    "396a658a14754899", "6863b18b5b767465", "8674914fbec562d3", "220a03b65a9bceec",
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9_]{6,12}")
_PHONE = re.compile(r"\d[\d\s()\-]{4,}\d")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _tracked_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def _banned(text: str, words: set[str], numbers: set[str]) -> list[str]:
    found = [w for w in _WORD.findall(text.lower()) if _digest(w) in words]
    for run in _PHONE.findall(text):
        digits = re.sub(r"\D", "", run)
        windows = {digits[i : i + n] for n in (6, 7) for i in range(len(digits) - n + 1)}
        found += [run.strip() for w in sorted(windows) if _digest(w) in numbers]
    return found


def test_the_seeds_advertisement_and_phone_numbers_appear_nowhere() -> None:
    found = []
    for path in _tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [f"{path.name}: {hit}" for hit in _banned(text, BANNED_WORDS, BANNED_NUMBERS)]
    assert not found


def test_the_scan_finds_what_it_looks_for() -> None:
    planted = "call +7 (495) 123-45-67 or write to @SomeHandle"
    words, numbers = {_digest("somehandle")}, {_digest("1234567")}
    assert _banned(planted, words, numbers) == ["somehandle", "7 (495) 123-45-67"]
    assert _banned("call 2026-11-30 at 10:00", words, numbers) == []


def test_hosts_compare_in_their_ascii_form() -> None:
    assert host_of("https://мвд.рф/services") == host_of("https://xn--b1aew.xn--p1ai/") != ""
    assert host_of("https://www.Gosuslugi.ru/600") == "gosuslugi.ru"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def _problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_knowledge_base(root)
    return caught.value.problems


def test_a_denied_source_fails_the_check(content: Path) -> None:
    path = content / "topics" / "registration-deadline.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('url = "', 'url = "https://ufms-ru.com/x"\nold = "', 1))
    assert any("deny list" in p for p in _problems(content))


def test_a_legal_topic_needs_an_official_source(content: Path) -> None:
    path = content / "topics" / "registration-deadline.toml"
    text = re.sub(r'url = "[^"]*"', 'url = "https://example.org/"', path.read_text("utf-8"))
    path.write_text(text, encoding="utf-8")
    assert any("needs an official source" in p for p in _problems(content))


def test_a_forbidden_term_fails_the_check(content: Path) -> None:
    path = content / "topics" / "registration-cis-nationals.toml"
    text = path.read_text(encoding="utf-8")
    marker = '[zh]\ntitle = "'
    assert marker in text
    path.write_text(text.replace(marker, marker + "俄乌协议 ", 1), encoding="utf-8")
    assert any("俄乌协议" in p and "forbidden" in p for p in _problems(content))


def test_iso_dates_in_answers_fail_the_check(content: Path) -> None:
    path = content / "topics" / "registration-deadline.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('answer = """', 'answer = """2025-09-01 ', 1), encoding="utf-8")
    assert any("as en writes dates" in p for p in _problems(content))


def test_a_question_taught_to_two_topics_fails_the_check(content: Path) -> None:
    path = content / "topics" / "registration-deadline.toml"
    text = path.read_text(encoding="utf-8")
    marker = "questions = [\n"
    assert marker in text
    twin = '  "How much is the visa extension fee?",\n'  # renewal-fees asks it in other words
    path.write_text(text.replace(marker, marker + twin, 1), encoding="utf-8")
    fees = content / "topics" / "renewal-fees.toml"
    fees_text = fees.read_text(encoding="utf-8")
    fees.write_text(fees_text.replace(marker, marker + twin, 1), encoding="utf-8")
    assert any("is also in" in p and "visa extension fee" in p for p in _problems(content))


def test_every_button_label_fits_a_phone() -> None:
    kb = load_knowledge_base()
    labels = [t.short for topic in kb.topics.values() for t in topic.texts.values()]
    labels += [c.title(lang) for c in kb.categories for lang in c.titles]
    labels += [k.text(lang).title for k in kb.documents.values() for lang in k.texts]
    for ftl in (ROOT / "bot" / "locales").glob("*/*.ftl"):
        for _key, value in re.findall(r"^((?:btn|menu)-[\w-]+) = (.+)$", ftl.read_text(), re.M):
            labels.append(value)
    too_long = [label for label in labels if len(label) > BUTTON_LIMIT]
    assert not too_long
