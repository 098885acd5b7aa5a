"""Callback data is the client's word: forged, stale or malformed presses are answered, never
crash a handler, and never reach another user's data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.callbacks import whole_number
from bot.i18n import I18n
from bot.local_api import ApiCall, FakeUser
from storage.documents import add_document, user_documents
from tests.harness import Chat, replies

ANN = FakeUser(id=10, first_name="Ann", language_code="en")
EVE = FakeUser(id=66, first_name="Eve", language_code="en")
HUGE = "9" * 25  # beyond 64 bits


def test_whole_number_reads_ascii_digits_in_range_only() -> None:
    assert whole_number(" 7 ", 1, 10) == 7
    assert whole_number("10", 1, 10) == 10
    for bad in ("²", "٣", "1²", "-1", "+3", "0", "11", HUGE, "", "1e3", "७"):
        assert whole_number(bad, 1, 10) is None, bad


def answers(calls: list[ApiCall]) -> list[ApiCall]:
    return [c for c in calls if c.method == "answerCallbackQuery" and c.status == 200]


async def press_data(chat: Chat, user: FakeUser, data: str) -> list[ApiCall]:
    message: dict[str, Any] = chat.telegram.last_message_to(user.id)
    chat.telegram.press(user, message, data)
    return await chat.deliver()


FORGED = [
    "d:show:²",
    f"d:show:{HUGE}",
    "d:show:-1",
    f"d:really-delete:{HUGE}",
    "d:snooze:²",
    "d:show",
    "c:visa:²",
    f"c:visa:{HUGE}",
    "h:close:²",
    f"h:last:{HUGE}",
    "s:hour-pick:²",
    f"s:hour-pick:{HUGE}",
    "s:day-toggle:²",
    f"s:day-toggle:{HUGE}",
    "b:stop:²",
    "b:days:²",
    "w:save",
    "k:nonsense",
    "t:no-such-topic",
    "l:xx",
    "m:nowhere",
    "zz:unknown:1",
    "",
    "garbage without colons",
]


@pytest.mark.parametrize("data", FORGED)
async def test_every_forged_or_stale_press_is_answered_without_an_error(
    chat: Chat, i18n: I18n, data: str
) -> None:
    await chat.say(ANN, "/start")
    calls = await press_data(chat, ANN, data)
    assert len(answers(calls)) == 1, [c.method for c in calls]
    apology = i18n.translator("en")("error-apology")
    assert apology not in [c.text for c in replies(calls)]


async def test_an_unknown_button_says_it_no_longer_works(chat: Chat, i18n: I18n) -> None:
    await chat.say(ANN, "/start")
    [answer] = answers(await press_data(chat, ANN, "zz:unknown:1"))
    assert answer.params["text"] == i18n.translator("en")("button-outdated")


async def test_every_menu_button_is_answered_once(chat: Chat) -> None:
    await chat.say(ANN, "/start")
    menu = chat.telegram.last_message_to(ANN.id)
    for row in menu["reply_markup"]["inline_keyboard"]:
        calls = await press_data(chat, ANN, row[0]["callback_data"])
        assert len(answers(calls)) == 1, row[0]


async def test_a_forged_delete_of_another_users_document_is_not_found(
    chat: Chat, i18n: I18n
) -> None:
    t = i18n.translator("en")
    await chat.say(ANN, "/start")
    await chat.say(EVE, "/start")
    anns = await add_document(chat.services.db, ANN.id, "visa", "", date(2027, 3, 15), 0, None)
    calls = await press_data(chat, EVE, f"d:really-delete:{anns}")
    [reply] = replies(calls)
    assert t("doc-gone") in reply.text and t("doc-deleted") not in reply.text
    assert [d.id for d in await user_documents(chat.services.db, ANN.id)] == [anns]
