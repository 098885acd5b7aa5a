"""Operators: who they are, their command menus, /stats with its chart, and /reload_faq."""

from __future__ import annotations

import io
import logging
import shutil
import struct
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiogram.utils.text_decorations import html_decoration
from PIL import Image

from bot import charts
from bot.charts import ChartLabels, draw_stats_chart, font_for
from bot.commands import OPERATOR_COMMANDS, USER_COMMANDS
from bot.i18n import I18n
from bot.local_api import ApiCall, FakeUser
from faq import ContentError, load_knowledge_base
from faq.loader import CONTENT_DIR
from faq.model import LANGUAGES
from faq.telegram_html import visible_length
from handlers.operators import chart_labels
from storage.documents import add_document, reminder_sent
from storage.questions import LoggedQuestion, log_question
from storage.stats import gather_stats, normalise_question
from storage.users import mark_blocked, set_language, touch_user
from tests.harness import START, Chat, make_services, replies

OPERATOR = FakeUser(id=7, first_name="Olga", language_code="en")
SECOND_OPERATOR = FakeUser(id=8, first_name="Li", language_code="zh-hans")
CLIENT = FakeUser(id=10, first_name="Ann", language_code="en")
DAY = 86400
NOW = int(START.timestamp())
TODAY = date(2026, 11, 21)  # START (09:00 UTC) is 12:00 in Moscow, the default time zone
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def ops(tmp_path: Path) -> AsyncIterator[Chat]:
    chat = Chat(make_services(tmp_path / "bot.db", ADMIN_IDS="7, 8"))
    await chat.start()
    yield chat
    await chat.close()


def photos(calls: list[ApiCall]) -> list[ApiCall]:
    return [c for c in calls if c.method == "sendPhoto" and c.status == 200]


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", png[16:24])
    return width, height


# --- who is an operator ---------------------------------------------------------------------------


async def test_a_non_operator_gets_the_unknown_command_answer_and_is_logged(
    ops: Chat, i18n: I18n, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="handlers.operators")
    [unknown] = replies(await ops.say(CLIENT, "/no_such_command"))
    assert unknown.text == i18n.translator("en")("unknown-command")
    for command in OPERATOR_COMMANDS:
        calls = await ops.say(CLIENT, f"/{command} secret-argument")
        [reply] = replies(calls)
        assert (reply.text, reply.params.get("reply_markup")) == (
            unknown.text,
            unknown.params.get("reply_markup"),
        ), command
        assert not photos(calls)
    refused = [r for r in caplog.records if r.name == "handlers.operators"]
    assert [r.levelno for r in refused] == [logging.WARNING] * len(OPERATOR_COMMANDS)
    for record, command in zip(refused, OPERATOR_COMMANDS, strict=True):
        message = record.getMessage()
        assert f"/{command}" in message and str(CLIENT.id) in message
        assert "secret-argument" not in message


async def test_a_non_operator_is_refused_even_in_the_middle_of_a_wizard(
    ops: Chat, i18n: I18n, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="handlers.operators")
    await ops.say(CLIENT, "/renew")
    [reply] = replies(await ops.say(CLIENT, "/stats"))
    assert reply.text == i18n.translator("en")("unknown-command")
    assert any("/stats" in r.getMessage() for r in caplog.records)


async def test_operator_commands_are_listed_only_in_each_operators_own_chat(
    ops: Chat, i18n: I18n
) -> None:
    calls = [c for c in ops.telegram.calls if c.method == "setMyCommands"]
    assert all(c.status == 200 for c in calls)
    listed = {
        (c.params.get("scope", {}).get("chat_id"), c.params.get("language_code")): [
            command["command"] for command in c.params["commands"]
        ]
        for c in calls
    }
    languages = {None, *LANGUAGES}
    assert set(listed) == {(chat, lang) for chat in (None, 7, 8) for lang in languages}
    for lang in languages:
        assert listed[None, lang] == list(USER_COMMANDS)
        for operator in (7, 8):
            assert listed[operator, lang] == [*USER_COMMANDS, *OPERATOR_COMMANDS]
    [ru_menu] = [
        c
        for c in calls
        if c.params.get("scope", {}).get("chat_id") == 7 and c.params.get("language_code") == "ru"
    ]
    described = {c["command"]: c["description"] for c in ru_menu.params["commands"]}
    assert described["stats"] == i18n.translator("ru")("cmd-stats")
    assert described["reload_faq"] == i18n.translator("ru")("cmd-reload_faq")


async def test_an_operator_who_never_started_the_bot_does_not_stop_start_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    chat = Chat(make_services(tmp_path / "bot.db", ADMIN_IDS="7,8"))
    answer = chat.telegram._answer

    def no_chat_with_7(method: str, p: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "setmycommands" and (p.get("scope") or {}).get("chat_id") == 7:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: chat not found",
            }
        return answer(method, p)

    monkeypatch.setattr(chat.telegram, "_answer", no_chat_with_7)
    await chat.start()
    try:
        scoped = {
            c.params["scope"]["chat_id"]
            for c in chat.telegram.calls
            if c.method == "setMyCommands" and c.status == 200 and c.params.get("scope")
        }
        assert scoped == {8}
        assert any("operator 7" in r.getMessage() for r in caplog.records)
        [reply] = replies(await chat.say(OPERATOR, "/reload_faq"))
        assert "✅" in reply.text
    finally:
        await chat.close()


# --- /stats ---------------------------------------------------------------------------------------

QUESTIONS = [
    (NOW - 3600, "answered", "how to register"),
    (NOW - 3600, "answered", "visa fine"),
    (NOW - 2 * DAY, "answered", "renewal steps"),
    (NOW, "suggested", "registration?"),
    (NOW, "declined", "Can I  work on a TOURIST visa?"),
    (NOW - DAY, "declined", "can i work on a tourist visa?"),
    (NOW - 2 * DAY, "declined", "  CAN I work on a tourist\tvisa? "),
    (NOW - DAY, "declined", "ГДЕ  купить СИМ-карту"),
    (NOW - 3 * DAY, "declined", "где купить сим-карту"),
    (NOW - 20 * DAY, "declined", "<b>hack</b> & co"),
    *[(NOW - 10 * DAY + i, "declined", f"off topic {i}") for i in range(9)],
    (NOW - 35 * DAY, "declined", "ancient question"),
    (NOW - 35 * DAY, "answered", "ancient answer"),
]


async def seed(chat: Chat) -> None:
    """Five clients, seven documents, three recent reminders, questions over six weeks."""
    db = chat.services.db
    await touch_user(db, 1, "Ivan", "ru", NOW)
    await touch_user(db, 2, "Wei", "zh-hans", NOW)
    await touch_user(db, 3, "Hans", "de", NOW - 40 * DAY)  # speaks English with us, inactive
    await touch_user(db, 4, "Gianni", "it-IT", NOW)
    await set_language(db, 4, "ru")
    await mark_blocked(db, 4)
    await touch_user(db, 5, "Sam", None, NOW)
    docs = [
        ("visa", 3),
        ("registration", 7),
        ("visa", 10),
        ("patent", 30),
        ("visa", 31),
        ("visa", -5),  # already expired
        ("other", 100),  # beyond 12 weeks
    ]
    ids = [
        await add_document(db, 1, kind, "", TODAY + timedelta(days=days), NOW, None)
        for kind, days in docs
    ]
    for ago in (1, 1, 6, 8):
        await reminder_sent(db, ids[0], 3, NOW - ago * DAY, None)
    for asked_at, outcome, text in QUESTIONS:
        await log_question(db, LoggedQuestion(1, asked_at, text, "en", None, 0.0, outcome))  # type: ignore[arg-type]


async def test_stats_figures_on_a_seeded_database(tmp_path: Path) -> None:
    services = make_services(tmp_path / "bot.db")
    chat = Chat(services)
    await chat.start()
    try:
        await seed(chat)
        midnight = NOW - 12 * 3600  # Moscow midnight of TODAY
        stats = await gather_stats(
            services.db, now=NOW, today=TODAY, day_starts_at=midnight, utc_offset=3 * 3600
        )
    finally:
        await chat.close()
    users = {(u.language, u.tg_language): (u.total, u.active, u.blocked) for u in stats.users}
    assert users == {
        (None, "ru"): (1, 1, 0),
        (None, "zh-hans"): (1, 1, 0),
        (None, "de"): (1, 0, 0),
        ("ru", "it-IT"): (1, 1, 1),
        (None, None): (1, 1, 0),
    }
    assert stats.documents_by_kind == {"visa": 4, "registration": 1, "patent": 1, "other": 1}
    assert (stats.expiring_7, stats.expiring_30) == (2, 4)
    assert stats.expiring_per_week == [1, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]
    assert stats.reminders_sent_7 == 3
    assert stats.outcomes == {"answered": 3, "suggested": 1, "declined": 15}
    assert stats.top_declined == [
        ("can i work on a tourist visa?", 3),
        ("где купить сим-карту", 2),
        ("<b>hack</b> & co", 1),
        *[(f"off topic {i}", 1) for i in range(7)],
    ]
    per_day = {d: (a, n) for d, a, n in stats.questions_per_day if a or n}
    assert len(stats.questions_per_day) == 30
    assert stats.questions_per_day[0][0] == TODAY - timedelta(days=29)
    assert stats.questions_per_day[-1][0] == TODAY
    assert per_day == {
        TODAY: (2, 1),
        TODAY - timedelta(days=1): (0, 2),
        TODAY - timedelta(days=2): (1, 1),
        TODAY - timedelta(days=3): (0, 1),
        TODAY - timedelta(days=10): (0, 9),
        TODAY - timedelta(days=20): (0, 1),
    }


def test_questions_are_normalised_by_case_and_spacing() -> None:
    assert normalise_question("  ГДЕ\tвзять   СИМ ") == "где взять сим"


async def test_stats_message_and_chart_for_an_operator(ops: Chat, i18n: I18n) -> None:
    await seed(ops)
    calls = await ops.say(OPERATOR, "/stats")
    t = i18n.translator("en")
    [text] = replies(calls)
    kb = ops.services.content.kb
    # The operator counts too: six users, five of them seen within 30 days, one blocked.
    expected_lines = [
        t("stats-title", date="2026-11-21"),
        t("stats-users", total=6, active=5, blocked=1),
        t("stats-users-language", language="English", total=3, active=2, blocked=0),
        t("stats-users-language", language="Русский", total=2, active=2, blocked=1),
        t("stats-users-language", language="中文", total=1, active=1, blocked=0),
        t("stats-documents", total=7),
        t("stats-documents-kind", kind=kb.documents["visa"].text("en").title, count=4),
        t("stats-documents-kind", kind=kb.documents["patent"].text("en").title, count=1),
        t("stats-expiring", week=2, month=4),
        t("stats-reminders", count=3),
        t("stats-questions", answered=3, suggested=1, declined=15),
        t("stats-declined-item", count=3, text="can i work on a tourist visa?"),
        t("stats-declined-item", count=2, text="где купить сим-карту"),
        t("stats-declined-item", count=1, text="&lt;b&gt;hack&lt;/b&gt; &amp; co"),
        t("stats-declined-item", count=1, text="off topic 6"),
    ]
    lines = text.text.split("\n")
    for line in expected_lines:
        assert line in lines, line
    assert "off topic 7" not in text.text and "ancient" not in text.text
    assert lines.index(expected_lines[1]) < lines.index(expected_lines[2])

    [photo] = photos(calls)
    assert photo.params["caption"] == t("stats-chart-caption")
    png = photo.params["photo"]["content"]
    assert png_size(png) == (900, 750)
    assert 20_000 < len(png) < 2_000_000
    with Image.open(io.BytesIO(png)) as image:
        image.verify()


async def test_stats_on_an_empty_database_still_draws_a_chart(ops: Chat, i18n: I18n) -> None:
    calls = await ops.say(SECOND_OPERATOR, "/stats")
    t = i18n.translator("zh")
    [text] = replies(calls)
    assert t("stats-declined-none") in text.text
    assert t("stats-users", total=1, active=1, blocked=0) in text.text
    [photo] = photos(calls)
    assert photo.params["caption"] == t("stats-chart-caption")
    assert png_size(photo.params["photo"]["content"]) == (900, 750)


def _labels(lang: str, i18n: I18n) -> ChartLabels:
    days = [TODAY - timedelta(days=29 - i) for i in range(30)]
    return chart_labels(i18n.translator(lang), TODAY, 12, days)


def test_chart_labels_come_from_the_operators_language(i18n: I18n) -> None:
    ru = _labels("ru", i18n)
    assert ru.answered == i18n.translator("ru")("chart-answered")
    assert ru.week_ticks[:2] == ["21.11", "28.11"]
    assert _labels("en", i18n).day_ticks[-1] == "11/21"


def test_the_chart_uses_a_font_that_has_every_glyph_or_falls_back_to_english(
    i18n: I18n, monkeypatch: pytest.MonkeyPatch
) -> None:
    weeks, days = [3, 0, 1] + [0] * 9, [(i % 4, i % 3) for i in range(30)]
    zh, en = _labels("zh", i18n), _labels("en", i18n)
    assert font_for(en.characters()) == charts.DEFAULT_FONT
    cjk = font_for(zh.characters())
    assert cjk is None or not cjk.startswith(charts.PLACEHOLDER_FONTS)
    english = draw_stats_chart(weeks, days, en, en)
    chinese = draw_stats_chart(weeks, days, zh, en)
    # Without a font for Chinese, the chart is the English one rather than rows of boxes.
    assert (chinese == english) == (cjk is None)

    monkeypatch.setattr(charts, "font_for", lambda characters: None)
    assert draw_stats_chart(weeks, days, zh, en) == english


def test_matplotlib_is_not_imported_at_start_up() -> None:
    code = "import sys, bot.app, bot.__main__; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


# --- /reload_faq ----------------------------------------------------------------------------------


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


async def test_reload_faq_swaps_in_the_new_content_everywhere(
    ops: Chat, content: Path, i18n: I18n
) -> None:
    holder = ops.services.content
    old_kb, old_matcher = holder.kb, holder.matcher
    question = "what is the penalty if i overstay my visa"
    [before] = replies(await ops.say(CLIENT, question))
    title = old_kb.topics["overstay-penalties"].text("en").title
    assert before.text.startswith(f"<b>{title}</b>")

    path = content / "topics" / "overstay-penalties.toml"
    path.write_text(
        path.read_text("utf-8").replace(f'title = "{title}"', 'title = "Fines for overstaying"', 1),
        "utf-8",
    )
    extra = (content / "topics" / "renewal-photos.toml").read_text("utf-8")
    extra = extra.replace('id = "renewal-photos"', 'id = "renewal-photos-2"', 1)
    extra = extra.replace('\n  "', '\n  "second copy: ')  # a question may teach one topic only
    (content / "topics" / "renewal-photos-2.toml").write_text(extra, "utf-8")
    holder.directory = content

    [reply] = replies(await ops.say(OPERATOR, "/reload_faq"))
    topics = len(old_kb.topics)
    assert reply.text == i18n.translator("en")("reload-faq-done", before=topics, after=topics + 1)
    assert holder.kb is not old_kb and holder.matcher is not old_matcher
    # one holder, shared by the dispatcher and every service that reads the content
    assert ops.dp.workflow_data["content"] is holder
    assert ops.services.reminders.content is holder and ops.services.desk.content is holder
    assert "renewal-photos-2" in holder.kb.topics

    [after] = replies(await ops.say(CLIENT, question))
    assert after.text.startswith("<b>Fines for overstaying</b>")


async def test_reload_faq_with_invalid_content_keeps_the_old_and_shows_the_problems(
    ops: Chat, content: Path, i18n: I18n
) -> None:
    holder = ops.services.content
    old_kb, old_matcher = holder.kb, holder.matcher
    (content / "topics" / "broken.toml").write_text('id = "broken\n', "utf-8")
    shutil.copy(content / "topics" / "renewal-photos.toml", content / "topics" / "photos<b>.toml")
    with pytest.raises(ContentError) as error:
        load_knowledge_base(content)
    problems = error.value.problems
    holder.directory = content

    [reply] = replies(await ops.say(OPERATOR, "/reload_faq"))
    lines = reply.text.split("\n")
    assert lines[0] == i18n.translator("en")("reload-faq-failed", count=len(problems))
    assert [f"• {html_decoration.quote(p)}" for p in problems] == lines[2:]
    assert any("photos&lt;b&gt;" in line for line in lines)
    assert holder.kb is old_kb and holder.matcher is old_matcher
    assert ops.services.reminders.content.kb is old_kb

    title = old_kb.topics["overstay-penalties"].text("en").title
    [answer] = replies(await ops.say(CLIENT, "what is the penalty if i overstay my visa"))
    assert answer.text.startswith(f"<b>{title}</b>")


async def test_reload_faq_shows_the_first_twenty_problems_within_the_message_limit(
    ops: Chat, content: Path, i18n: I18n
) -> None:
    for i in range(25):
        (content / "topics" / f"broken-{i:02d}.toml").write_text(
            f'id = "broken-{i:02d}"\ntitle = "{"x" * 400}\n', "utf-8"
        )
    with pytest.raises(ContentError) as error:
        load_knowledge_base(content)
    assert len(error.value.problems) == 25
    ops.services.content.directory = content

    [reply] = replies(await ops.say(OPERATOR, "/reload_faq"))
    lines = reply.text.split("\n")
    bullets = [line for line in lines if line.startswith("• ")]
    assert len(bullets) == 20
    assert bullets[0].startswith("• broken-00.toml")
    assert lines[-1] == i18n.translator("en")("reload-faq-more", count=5)
    assert visible_length(reply.text) <= 4096


async def test_the_charts_totals_are_the_texts_figures(ops: Chat, i18n: I18n) -> None:
    await seed(ops)
    db = ops.services.db
    stats = await gather_stats(
        db, now=NOW, today=TODAY, day_starts_at=NOW - 12 * 3600, utc_offset=3 * 3600
    )
    # the day series the chart draws add up to the outcomes the text gives
    assert sum(a for _, a, _ in stats.questions_per_day) == stats.outcomes["answered"]
    assert sum(stats.suggested_per_day) == stats.outcomes["suggested"] == 1
    assert sum(d for _, _, d in stats.questions_per_day) == stats.outcomes["declined"]
    assert len(stats.suggested_per_day) == len(stats.questions_per_day)
    # and the weekly bars' total is a line of the text
    t = i18n.translator("en")
    [text] = replies(await ops.say(OPERATOR, "/stats"))
    assert t("stats-expiring-chart", weeks=12, count=sum(stats.expiring_per_week)) in text.text
    assert sum(stats.expiring_per_week) == 5
