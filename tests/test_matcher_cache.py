"""Built matchers kept on disk: loaded when nothing they are built from changed, else built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.matcher_cache import MatcherCache
from faq.loader import CONTENT_DIR, load_knowledge_base
from faq.matcher import Learned, Matcher


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the matchers actually built (a loaded one is not built: pickle skips __init__)."""
    made: list[int] = []
    build = Matcher.__init__

    def counting(self: Matcher, *args: object, **kwargs: object) -> None:
        made.append(1)
        build(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Matcher, "__init__", counting)
    return made


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


QUESTION = "how many days do i have to register after arrival"


def opened(directory: Path) -> MatcherCache:
    cache = MatcherCache(directory)
    cache.open()
    return cache


def test_nothing_is_written_before_start_up_went_well(tmp_path: Path, content: Path) -> None:
    cache = MatcherCache(tmp_path / "cache")
    cache.matcher(load_knowledge_base(content), content, [])
    assert not (tmp_path / "cache").exists()
    cache.open()
    assert len(list((tmp_path / "cache").glob("*.matcher"))) == 1


def test_a_restart_loads_the_matcher_built_before(
    tmp_path: Path, content: Path, builds: list[int]
) -> None:
    kb = load_knowledge_base(content)
    cache = opened(tmp_path / "cache")
    first = cache.matcher(kb, content, [])
    again = opened(tmp_path / "cache").matcher(kb, content, [])
    assert len(builds) == 1
    assert again is not first
    assert again.match(QUESTION) == first.match(QUESTION)


def test_changed_content_or_verdicts_are_built_anew(
    tmp_path: Path, content: Path, builds: list[int]
) -> None:
    cache = opened(tmp_path / "cache")
    kb = load_knowledge_base(content)
    cache.matcher(kb, content, [])
    taught = [Learned("где ставят печать в паспорт", "registration-what")]
    assert cache.matcher(kb, content, taught).match(taught[0].question).topic_id == (
        "registration-what"
    )
    path = content / "topics" / "registration-deadline.toml"
    path.write_text(path.read_text("utf-8") + "\n# edited\n", "utf-8")
    cache.matcher(load_knowledge_base(content), content, [])
    assert len(builds) == 3
    assert len(list((tmp_path / "cache").glob("*.matcher"))) == 3


def test_an_unreadable_file_is_built_again_and_replaced(
    tmp_path: Path, content: Path, builds: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    kb = load_knowledge_base(content)
    cache = opened(tmp_path / "cache")
    cache.matcher(kb, content, [])
    [kept] = (tmp_path / "cache").glob("*.matcher")
    kept.write_bytes(b"torn")
    assert cache.matcher(kb, content, []).match(QUESTION).topic_id == "registration-deadline"
    assert len(builds) == 2
    assert "unreadable" in caplog.text
    assert opened(tmp_path / "cache").matcher(kb, content, []).match(QUESTION).confident
    assert len(builds) == 2
