"""One rule for a user's language and one for their time zone, on every path."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import I18n
from bot.local_api import FakeUser
from bot.preferences import language_of, timezone_of
from bot.reminders import next_due, reminder_message
from bot.schedule import days_left
from bot.settings import load_settings
from storage.documents import add_document, get_document
from storage.users import get_user
from tests.harness import START, Chat, make_services, replies

GROUP = -1001234567890
HANS = FakeUser(id=21, first_name="Hans", language_code="de")  # a language the bot doesn't speak


@dataclass
class Someone:
    language: str | None = None
    tg_language: str | None = None
    timezone: str | None = None


def test_saved_choice_then_telegram_language_then_the_default() -> None:
    settings = load_settings({"DEFAULT_LANGUAGE": "ru", "DEFAULT_TIMEZONE": "Asia/Omsk"})
    assert language_of(Someone("it", "zh-hans"), settings) == "it"
    assert language_of(Someone(None, "zh-hans"), settings) == "zh"
    assert language_of(Someone(None, "de"), settings) == "ru"
    assert language_of(Someone(None, None), settings) == "ru"
    assert timezone_of(Someone(timezone="Europe/Samara"), settings) == ZoneInfo("Europe/Samara")
    assert timezone_of(Someone(), settings) == ZoneInfo("Asia/Omsk")


@pytest.fixture
async def russian_default(tmp_path: Path) -> AsyncIterator[Chat]:
    services = make_services(
        tmp_path / "bot.db", DEFAULT_LANGUAGE="ru", OPERATOR_CHAT_ID=str(GROUP)
    )
    chat = Chat(services)
    await chat.start()
    yield chat
    await chat.close()


async def test_a_user_whose_language_we_dont_speak_gets_the_default_everywhere(
    russian_default: Chat, i18n: I18n
) -> None:
    """DEFAULT_LANGUAGE=ru and a German user: the chat, the reminders and the hand-off card all
    speak Russian (the chat used to answer in English while reminders came in Russian)."""
    chat, ru = russian_default, i18n.translator("ru")
    [greeting] = replies(await chat.say(HANS, "/start"))
    assert greeting.text == ru("start-greeting", name="Hans")

    services = chat.services
    user = await get_user(services.db, HANS.id)
    assert user is not None
    now = services.clock.now()
    expiry = START.date() + timedelta(days=10)
    first = next_due(
        services.content.kb,
        "visa",
        expiry,
        timezone="Europe/Moscow",
        hour=user.reminder_hour,
        custom_days=None,
        after=now,
    )
    assert first is not None
    doc_id = await add_document(
        services.db, HANS.id, "visa", "", expiry, int(now.timestamp()), first
    )
    doc = await get_document(services.db, HANS.id, doc_id)
    assert doc is not None
    before, sent_at = len(chat.telegram.calls), now + timedelta(days=4)
    assert await services.reminders.send_due(sent_at) == 1
    [reminder] = [c for c in chat.telegram.calls[before:] if c.method == "sendMessage"]
    moscow = ZoneInfo("Europe/Moscow")
    left = days_left(expiry, sent_at, moscow)
    text, _ = reminder_message(
        services.content.kb, ru, doc, left, sent_at.astimezone(moscow).date()
    )
    assert reminder.chat_id == HANS.id and reminder.text == text

    await chat.press(HANS, ru("menu-operator"))
    calls = await chat.say(HANS, "Kann ich mein Visum verlängern?")
    [card] = [c for c in calls if c.chat_id == GROUP and c.method == "sendMessage"]
    assert ru("handoff-card-language", language="Русский") in card.text
    [told] = replies([c for c in calls if c.chat_id == HANS.id])
    assert told.text == ru("handoff-opened")
