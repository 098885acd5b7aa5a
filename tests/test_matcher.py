"""The free-text matcher: held-out accuracy per language, and the behaviours it promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from faq.evaluation import Figures, evaluate, load_examples
from faq.language import LanguageDetector
from faq.loader import load_knowledge_base
from faq.matcher import Match, Matcher
from faq.model import LANGUAGES
from faq.normalize import normalize, tokenize
from faq.translit import to_cyrillic

EVAL = Path(__file__).parent / "data" / "faq_eval.jsonl"
MIN_TOP1 = 0.95
MIN_DECLINED = 0.90


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_knowledge_base())


@pytest.fixture(scope="module")
def figures(matcher: Matcher) -> dict[str, Figures]:
    return evaluate(matcher, load_examples(EVAL))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_top1_accuracy(figures: dict[str, Figures], lang: str) -> None:
    f = figures[lang]
    assert f.answerable, f"no {lang} questions in {EVAL.name}"
    rates = f.rates()
    print(f"{lang}: top-1 {rates['top1']:.1%}, top-3 {rates['top3']:.1%}")
    assert rates["top1"] >= MIN_TOP1, "\n".join(f.misses)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_off_topic_declined(figures: dict[str, Figures], lang: str) -> None:
    f = figures[lang]
    assert f.off_topic, f"no {lang} off-topic questions in {EVAL.name}"
    assert f.rates()["declined"] >= MIN_DECLINED, "\n".join(f.misses)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_top3_at_least_top1(figures: dict[str, Figures], lang: str) -> None:
    rates = figures[lang].rates()
    assert rates["top3"] >= rates["top1"]


def test_normalize_folds_case_accents_and_punctuation() -> None:
    assert normalize("  Ёлки, ВИЗА!!  Perché? ") == "елки виза perche"
    assert normalize("\uff32\uff36\uff30怎么办\uff1f") == "rvp 怎么办"  # full-width RVP and ?
    assert [t.script for t in tokenize(normalize("RVP на 3 года 居留"))] == [
        "latin",
        "cyrillic",
        "digit",
        "cyrillic",
        "han",
    ]


def test_transliteration_back_to_cyrillic() -> None:
    assert to_cyrillic("registratsiya") == "регистрация"
    assert to_cyrillic("vnzh") == "внж"
    assert to_cyrillic("kakoy") == "какой"


@pytest.mark.parametrize(
    ("text", "hint", "lang"),
    [
        ("как продлить визу", None, "ru"),
        ("how do i extend my visa", "ru", "en"),
        ("come posso prorogare il visto", "en", "it"),
        ("签证怎么延期", "en", "zh"),
        ("RVP怎么办", "ru", "zh"),
        ("kak prodlit vizu", "en", "ru"),
        ("rvp", "it", "it"),
        ("rvp", "en", "en"),
        ("", "zh", "zh"),
        ("grazie mille", "en", "it"),
        ("thanks", "ru", "en"),
    ],
)
def test_language_detection(matcher: Matcher, text: str, hint: str | None, lang: str) -> None:
    assert matcher.match(text, lang_hint=hint).lang == lang


def test_detector_needs_words_of_a_language() -> None:
    detector = LanguageDetector(["visa", "how"], ["visto", "come"])
    tokens = tokenize(normalize("visto come"))
    assert detector.detect(tokens, "en") == "it"
    assert detector.detect(tokenize(normalize("ok")), "it") == "it"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "?!...",
        "hi",
        "Hello!",
        "thanks a lot",
        "привет",
        "Спасибо большое!",
        "добрый день",
        "你好",
        "谢谢",
        "ciao",
        "grazie mille",
        "asdkjh qwpoeiru",
        "what's the weather in Moscow tomorrow",
        "курс доллара на сегодня",
        "how do I get a Schengen visa",
        "can I extend my US visa",
        "где купить сим-карту",
        "申根签证怎么办",
        "dove prendo un taxi",
        "tell me a joke",
    ],
)
def test_declines_greetings_and_off_topic(matcher: Matcher, text: str) -> None:
    match = matcher.match(text, lang_hint="en")
    assert match == Match(None, match.score, False, match.lang, ())


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("za skolko dney nado sdelat registraciyu posle priezda", "registration-deadline"),
        ("kak oplatit patent", "patent-payment"),
        ("shtraf za prosrochennuyu vizu", "overstay-penalties"),
        ("poteryal otryvnoy talon", "registration-lost-slip"),
        ("rvp i vnzh v chem raznica", "residence-permit-vs-registration"),
        ("propiska v gostinice", "registration-hotel"),
        ("kak prodlit vizu", "visa-extension-how"),
    ],
)
def test_transliterated_russian(matcher: Matcher, text: str, topic: str) -> None:
    match = matcher.match(text, lang_hint="en")
    assert topic in (match.topic_id, *match.alternatives)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how mnay days do i have to registr", "registration-deadline"),
        ("потерял миграцоную карту", "migration-card-lost"),
        ("штраф за просрочку регистарции", "overstay-penalties"),
        ("ho perso la carta migratria", "migration-card-lost"),
    ],
)
def test_typos(matcher: Matcher, text: str, topic: str) -> None:
    assert matcher.match(text).topic_id == topic


def test_russian_typed_in_english_keyboard_layout(matcher: Matcher) -> None:
    assert matcher.match("ghbdtn", lang_hint="en") == Match(None, 0.0, False, "ru", ())
    match = matcher.match("rfr ghjlkbnm dbpe", lang_hint="en")  # как продлить визу
    assert match.lang == "ru"
    assert "visa-extension-how" in (match.topic_id, *match.alternatives)


def test_greeting_does_not_hide_the_question(matcher: Matcher) -> None:
    assert matcher.match("привет! как продлить визу?").topic_id is not None


def test_alternatives_are_distinct_and_exclude_the_answer(matcher: Matcher) -> None:
    match = matcher.match("visa extension documents and fee")
    assert match.topic_id is not None
    assert len(match.alternatives) <= 3
    assert len(set(match.alternatives)) == len(match.alternatives)
    assert match.topic_id not in match.alternatives


def test_search_is_ranked_and_limited(matcher: Matcher) -> None:
    results = matcher.search("patent", limit=3)
    assert 0 < len(results) <= 3
    assert [s for _, s in results] == sorted((s for _, s in results), reverse=True)
    assert matcher.search("hello") == []
    assert matcher.search("what's the weather like") == []
    assert matcher.search("patent", limit=0) == []


def test_search_completes_a_word_being_typed(matcher: Matcher) -> None:
    ids = [topic for topic, _ in matcher.search("overstay pen")]
    assert "overstay-penalties" in ids[:3]
