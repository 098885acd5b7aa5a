"""Telegram failing the way it and its proxies do: replies still arrive, nothing is left hanging."""

from __future__ import annotations

import pytest

from bot.i18n import I18n
from bot.local_api import FakeUser
from bot.retry import RETRY_ATTEMPTS
from tests.harness import Chat, replies

ANN = FakeUser(id=10, first_name="Ann", language_code="en")
QUESTION = "what is the penalty if i overstay my visa"


def inject(chat: Chat, kind: str, times: int = 1) -> None:
    telegram = chat.telegram
    if kind == "429":
        telegram.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    elif kind == "500":
        telegram.fail_next("sendMessage", 500, "Internal Server Error", times=times)
    else:
        telegram.break_next("sendMessage", kind, times=times)  # type: ignore[arg-type]


KINDS = ["429", "500", "html", "garbage", "reset", "timeout"]


@pytest.mark.parametrize("kind", KINDS)
async def test_an_answer_survives_one_failure_of_each_kind(
    chat: Chat, i18n: I18n, kind: str
) -> None:
    inject(chat, kind)
    calls = await chat.say(ANN, QUESTION)
    sends = [c for c in calls if c.method == "sendMessage"]
    assert len(sends) == 2 and (sends[0].status != 200 or sends[0].broken)
    [answer] = replies(calls)
    assert "overstay" in answer.text.lower()
    assert i18n.translator("en")("error-apology") not in [c.text for c in replies(calls)]


async def test_a_429_pauses_and_is_counted_once(chat: Chat) -> None:
    inject(chat, "429")
    calls = await chat.say(ANN, QUESTION)
    first, second = [c for c in calls if c.method == "sendMessage"]
    assert second.at - first.at >= 0.95
    assert chat.services.sender.retries_after_429 == 1


@pytest.mark.parametrize("kind", ["500", "html", "garbage", "reset"])
async def test_the_apology_comes_only_after_every_retry_failed(
    chat: Chat, i18n: I18n, kind: str
) -> None:
    inject(chat, kind, times=RETRY_ATTEMPTS)
    calls = await chat.say(ANN, QUESTION)
    sends = [c for c in calls if c.method == "sendMessage"]
    assert len(sends) == RETRY_ATTEMPTS + 1
    assert [c.text for c in replies(calls)] == [i18n.translator("en")("error-apology")]
