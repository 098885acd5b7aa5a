from __future__ import annotations

import re

from fluent.syntax import FluentParser, ast

from bot.commands import USER_COMMANDS
from bot.i18n import LOCALES_DIR, I18n, pick_language
from faq.model import LANGUAGES
from faq.telegram_html import html_problems


def message_ids(lang: str) -> set[str]:
    ids: set[str] = set()
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text("utf-8"))
        junk = [e for e in resource.body if isinstance(e, ast.Junk)]
        assert not junk, f"{path} has syntax errors: {[j.content[:60] for j in junk]}"
        found = {e.id.name for e in resource.body if isinstance(e, ast.Message)}
        assert not ids & found, f"{path} repeats keys {ids & found}"
        ids |= found
    return ids


def test_every_language_has_the_same_files() -> None:
    files = {lang: sorted(p.name for p in (LOCALES_DIR / lang).glob("*.ftl")) for lang in LANGUAGES}
    assert all(names == files["en"] for names in files.values()), files


def test_every_key_exists_in_every_language() -> None:
    english = message_ids("en")
    assert {f"cmd-{c}" for c in USER_COMMANDS} <= english
    for lang in LANGUAGES:
        ids = message_ids(lang)
        assert ids == english, f"{lang}: missing {english - ids}, extra {ids - english}"


def test_every_key_used_in_code_exists() -> None:
    used = set()
    for path in [
        *LOCALES_DIR.parent.parent.joinpath("handlers").glob("*.py"),
        *LOCALES_DIR.parent.glob("*.py"),
    ]:
        if path.name == "i18n.py":
            continue
        used |= set(re.findall(r"\bt\(\s*\"([a-z0-9-]+)\"", path.read_text("utf-8")))
    assert used, "no t(...) calls found: the pattern is stale"
    assert used <= message_ids("en"), used - message_ids("en")


def test_strings_are_valid_telegram_html_in_every_language() -> None:
    i18n = I18n()
    for lang in LANGUAGES:
        t = i18n.translator(lang)
        for key in message_ids(lang):
            text = t(
                key, name="N", language="L", category="C", page=1, pages=2, limit=500, contact="c"
            )
            assert not html_problems(text), (lang, key, html_problems(text))
            assert "{" not in text, (lang, key)


def test_telegram_language_codes_map_onto_ours() -> None:
    assert pick_language("ru", "en") == "ru"
    assert pick_language("zh-hans", "en") == "zh"
    assert pick_language("it-IT", "en") == "it"
    assert pick_language("de", "en") == "en"
    assert pick_language(None, "ru") == "ru"


def test_every_small_talk_kind_and_declined_subject_has_a_reply() -> None:
    from faq.lexicon import load_lexicon
    from faq.smalltalk import KINDS

    lexicon = load_lexicon()
    needed = {f"st-{kind}" for kind in KINDS}
    needed |= {f"decline-{subject}" for subject in lexicon.subjects} | {"decline-generic"}
    needed |= {"unsupported-language"}
    for lang in LANGUAGES:
        assert needed <= message_ids(lang), needed - message_ids(lang)


def test_ids_and_thread_numbers_are_never_formatted_as_numbers(i18n: I18n) -> None:
    for lang in LANGUAGES:
        t = i18n.translator(lang)
        card = t("handoff-card-user", id=123456789, name="Ann", username="")
        assert 'href="tg://user?id=123456789"' in card and "<code>123456789</code>" in card
        assert "12345" in t("handoff-op-closed", thread=12345, name="Olga")
        assert "12345" in t("broadcast-cancelled", id=12345)
    counts = i18n.translator("en")(
        "broadcast-report",
        id=1,
        sent=12345,
        failed=0,
        blocked=0,
        total=12345,
        remaining=0,
        duration="1:00",
    )
    assert "12,345" in counts  # counts are still numbers, formatted for the reader
