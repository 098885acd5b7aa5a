"""Telegram conventions: deep links into the bot, inline results that lead back, /help for
operators, the bot's description per language."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.commands import OPERATOR_COMMANDS
from bot.i18n import I18n
from bot.local_api import FakeUser
from faq.model import LANGUAGES, KnowledgeBase
from tests.harness import Chat, make_services, replies

ANN = FakeUser(id=10, first_name="Ann", language_code="en")
IVAN = FakeUser(id=11, first_name="Ivan", language_code="ru")
OPERATOR = FakeUser(id=7, first_name="Olga", language_code="en")
TOPIC = "overstay-penalties"


@pytest.fixture
async def ops(tmp_path: Path) -> AsyncIterator[Chat]:
    chat = Chat(make_services(tmp_path / "bot.db", ADMIN_IDS=str(OPERATOR.id)))
    await chat.start()
    yield chat
    await chat.close()


async def test_start_renew_opens_the_wizard(chat: Chat, i18n: I18n, kb: KnowledgeBase) -> None:
    [reply] = replies(await chat.say(ANN, "/start renew"))
    assert reply.text == i18n.translator("en")("wizard-ask-kind")
    labels = [b["text"] for b in reply.buttons]
    assert kb.documents["visa"].text("en").title in labels
    # the wizard is really open: choosing a kind asks for the date
    [step] = replies(await chat.press(ANN, kb.documents["visa"].text("en").title))
    assert "visa" in step.text.lower()


async def test_start_docs_shows_the_saved_documents(chat: Chat, i18n: I18n) -> None:
    [reply] = replies(await chat.say(ANN, "/start docs"))
    assert reply.text == i18n.translator("en")("docs-empty")


async def test_start_topic_shows_that_topic_in_the_users_language(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    [reply] = replies(await chat.say(IVAN, f"/start t-{TOPIC}"))
    assert kb.topics[TOPIC].text("ru").title in reply.text
    [gone] = replies(await chat.say(IVAN, "/start t-no-such-topic"))
    assert gone.text == i18n.translator("ru")("topic-gone")


async def test_an_unknown_payload_greets_as_plain_start(chat: Chat) -> None:
    [reply] = replies(await chat.say(ANN, "/start something-else"))
    assert "Ann" in reply.text


async def test_inline_answers_are_personal_and_lead_back_to_the_bot(chat: Chat, i18n: I18n) -> None:
    chat.telegram.inline_query(IVAN, "штраф за просрочку визы")
    [call] = [c for c in await chat.deliver() if c.method == "answerInlineQuery"]
    assert str(call.params["is_personal"]).lower() == "true"
    username = chat.telegram.bot_username
    for result in call.params["results"]:
        [button] = [b for row in result["reply_markup"]["inline_keyboard"] for b in row]
        assert button["url"] == f"https://t.me/{username}?start=t-{result['id']}"
        assert button["text"] == i18n.translator("ru")("inline-open-bot")
    # the link opens the topic it came with
    first = call.params["results"][0]["id"]
    [opened] = replies(await chat.say(IVAN, f"/start t-{first}"))
    assert first in chat.services.content.kb.topics
    assert chat.services.content.kb.topics[first].text("ru").title in opened.text


async def test_the_bot_username_is_asked_once(chat: Chat) -> None:
    for query in ("visa fine", "registration deadline"):
        chat.telegram.inline_query(ANN, query)
        await chat.deliver()
    assert sum(c.method == "getMe" for c in chat.telegram.calls) <= 1


async def test_help_lists_operator_commands_to_operators_only(ops: Chat) -> None:
    [for_operator] = replies(await ops.say(OPERATOR, "/help"))
    [for_client] = replies(await ops.say(ANN, "/help"))
    for name in OPERATOR_COMMANDS:
        assert f"/{name}" in for_operator.text
        assert f"/{name}" not in for_client.text


async def test_description_and_short_description_are_set_per_language(
    chat: Chat, i18n: I18n
) -> None:
    for method, key in (
        ("setMyDescription", "bot-description"),
        ("setMyShortDescription", "bot-short-description"),
    ):
        calls = [c for c in chat.telegram.calls if c.method == method and c.status == 200]
        by_lang = {c.params.get("language_code"): c.params for c in calls}
        assert set(by_lang) == {None, *LANGUAGES}
        field = "description" if method == "setMyDescription" else "short_description"
        for lang in LANGUAGES:
            assert by_lang[lang][field] == i18n.translator(lang)(key)
