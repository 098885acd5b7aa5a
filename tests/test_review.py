"""Operators teach the bot with /review; a message naming a document and a date offers its plan."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.i18n import I18n
from bot.local_api import FakeUser
from storage.questions import recent_questions
from storage.reviews import taught
from tests.harness import Chat, make_services, replies

OPERATOR = FakeUser(id=7, first_name="Olga", language_code="en")
CLIENT = FakeUser(id=10, first_name="Ann", language_code="en")
OTHER = FakeUser(id=11, first_name="Bob", language_code="en")
UNPLACED = "my host vanished and the flat got sealed by the police"
SMALL_TALK = "thank you so much 🙏"


@pytest.fixture
async def ops(tmp_path: Path) -> AsyncIterator[Chat]:
    chat = Chat(make_services(tmp_path / "bot.db", ADMIN_IDS="7"))
    await chat.start()
    yield chat
    await chat.close()


async def test_review_walks_the_most_asked_question_and_teaches_the_next_user(
    ops: Chat, i18n: I18n
) -> None:
    t = i18n.translator("en")
    content = ops.services.content
    before = content.matcher.match(UNPLACED, lang_hint="en")
    assert not before.confident
    for _ in range(3):
        await ops.say(CLIENT, UNPLACED)
    await ops.say(CLIENT, "how do i get a schengen visa for france")
    await ops.say(CLIENT, SMALL_TALK)

    [card] = replies(await ops.say(OPERATOR, "/review"))
    assert UNPLACED in card.text and "3 times" in card.text
    labels = [b["text"] for b in card.buttons]
    assert t("btn-review-other") in labels and t("btn-review-offtopic") in labels
    assert SMALL_TALK not in card.text

    await ops.press(OPERATOR, t("btn-review-other"))
    category = content.kb.category("registration")
    assert category is not None
    await ops.press(OPERATOR, category.title("en"))
    who = content.kb.topics["registration-who-submits"]
    [following] = replies(await ops.press(OPERATOR, who.text("en").short))
    assert "schengen" in following.text  # the next question, at once

    [answer] = replies(await ops.say(OTHER, UNPLACED))
    assert answer.text.startswith(f"<b>{who.text('en').title}</b>")
    [stored] = await taught(ops.services.db)
    assert (stored.question, stored.topic_id, stored.operator_id) == (UNPLACED, who.id, 7)

    [done] = replies(await ops.press(OPERATOR, t("btn-review-offtopic")))
    assert done.text == t("review-empty")
    await content.settled()
    assert content.matcher.match(UNPLACED).topic_id == who.id  # the rebuilt matcher knows it too


async def test_review_is_for_operators_only(ops: Chat, i18n: I18n) -> None:
    [reply] = replies(await ops.say(CLIENT, "/review"))
    assert reply.text == i18n.translator("en")("unknown-command")


async def test_learned_prints_what_operators_taught(ops: Chat, i18n: I18n, tmp_path: Path) -> None:
    t = i18n.translator("en")
    await ops.say(CLIENT, UNPLACED)
    await ops.say(OPERATOR, "/review")
    await ops.press(OPERATOR, t("btn-review-offtopic"))
    result = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "faq", "learned", "--database", str(tmp_path / "bot.db")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "offtopic.toml" in result.stdout and f'"{UNPLACED}"' in result.stdout


async def test_a_document_and_a_date_offer_the_plan_filled_in(ops: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    [offer] = replies(await ops.say(CLIENT, "my visa ends on 15 March"))
    assert "15 March 2027" in offer.text
    assert t("btn-plan-for-date") in [b["text"] for b in offer.buttons]
    [plan] = replies(await ops.press(CLIENT, t("btn-plan-for-date")))
    assert "15 March 2027" in plan.text
    assert t("wizard-btn-save") in [b["text"] for b in plan.buttons]
    logged = await recent_questions(ops.services.db, since=0)
    assert logged[-1].outcome == "plan"


async def test_small_talk_gets_a_reply_and_the_next_step(ops: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    [reply] = replies(await ops.say(CLIENT, SMALL_TALK))
    assert reply.text == t("st-thanks")
    assert t("menu-renew") in [b["text"] for b in reply.buttons]
    [foreign] = replies(await ops.say(CLIENT, "Wie kann ich mein Visum verlängern?"))
    assert foreign.text == t("unsupported-language")
    assert "Italiano" in [b["text"] for b in foreign.buttons]


async def test_stats_counts_the_questions_awaiting_review(ops: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    await ops.say(CLIENT, UNPLACED)
    await ops.say(CLIENT, SMALL_TALK)
    calls = await ops.say(OPERATOR, "/stats")
    [text] = [c.text for c in replies(calls) if "<b>" in c.text][:1]
    assert t("stats-review", count=1) in text
    assert SMALL_TALK not in text
