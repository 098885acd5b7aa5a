"""Broadcasts in several languages, and clients who turned off news."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.i18n import I18n
from bot.local_api import ApiCall, FakeUser
from storage.broadcasts import broadcasts_with_status
from storage.users import get_user, set_news
from tests.harness import Chat, replies
from tests.test_broadcast import OPERATOR, operator_chat, report, seed

EN_CLIENTS = (100_000, 100_002)  # seed(): even ids speak English, odd ones Russian
RU_CLIENTS = (100_001, 100_003)


@pytest.fixture
async def fast(database_url: str) -> AsyncIterator[Chat]:
    async for chat in operator_chat(
        database_url, ALLOW_PAID_BROADCAST="true", BROADCAST_RATE="1000"
    ):
        yield chat


def copies_to(calls: list[ApiCall], user_id: int) -> list[ApiCall]:
    return [
        c for c in calls if c.method == "copyMessage" and c.chat_id == user_id and c.status == 200
    ]


async def compose_in_two_languages(chat: Chat, t: object) -> tuple[int, int]:
    """/broadcast with an English message and a Russian version; returns their message ids."""
    await chat.say(OPERATOR, "/broadcast")
    english = chat.telegram.send_text(OPERATOR, "The office is closed on Friday.")
    [preview] = replies(await chat.deliver())
    assert preview.text == t("broadcast-preview-above")  # type: ignore[operator]
    await chat.press(OPERATOR, t("broadcast-btn-add-version"))  # type: ignore[operator]
    [ask] = replies(await chat.press(OPERATOR, "Русский"))
    assert ask.text == t("broadcast-ask-version", language="Русский")  # type: ignore[operator]
    russian = chat.telegram.send_text(OPERATOR, "Офис закрыт в пятницу.")
    calls = await chat.deliver()
    assert [c.chat_id for c in calls if c.method == "copyMessage"] == [OPERATOR.id]  # its preview
    [added] = replies(calls)
    assert "Русский" in added.text
    return english["message"]["message_id"], russian["message"]["message_id"]


async def test_each_client_gets_the_version_in_their_language(fast: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    await seed(fast.services.db, 4)
    english, russian = await compose_in_two_languages(fast, t)
    [audience] = replies(await fast.press(OPERATOR, t("broadcast-seg-all")))
    assert "<b>5</b>" in audience.text and "Русский" in audience.text  # the operator too

    start = len(fast.telegram.calls)
    [started] = replies(await fast.press(OPERATOR, t("broadcast-btn-confirm")))
    assert "5 recipients" in started.text
    done = await report(fast.telegram, start)
    assert "5 of 5" in done.text
    sent = fast.telegram.calls[start:]
    for user_id in EN_CLIENTS:
        [copy] = copies_to(sent, user_id)
        assert int(copy.params["message_id"]) == english
        assert [b["text"] for b in copy.buttons] == [t("news-btn-off")]
    for user_id in RU_CLIENTS:
        [copy] = copies_to(sent, user_id)
        assert int(copy.params["message_id"]) == russian
        assert [b["text"] for b in copy.buttons] == [i18n.translator("ru")("news-btn-off")]


async def test_a_language_without_a_version_gets_the_first_message(fast: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    await seed(fast.services.db, 2)
    chinese = FakeUser(id=100_100, first_name="Li", language_code="zh-hans")
    await fast.say(chinese, "/start")
    english, _ = await compose_in_two_languages(fast, t)
    await fast.press(OPERATOR, t("broadcast-seg-all"))
    start = len(fast.telegram.calls)
    await fast.press(OPERATOR, t("broadcast-btn-confirm"))
    await report(fast.telegram, start)
    [copy] = copies_to(fast.telegram.calls[start:], chinese.id)
    assert int(copy.params["message_id"]) == english
    assert copy.buttons[0]["text"] == i18n.translator("zh")("news-btn-off")


async def test_clients_who_turned_off_news_are_left_out_and_counted(fast: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    db = fast.services.db
    await seed(db, 4)
    await set_news(db, RU_CLIENTS[0], False)
    await fast.say(OPERATOR, "/broadcast")
    fast.telegram.send_text(OPERATOR, "News")
    await fast.deliver()
    [audience] = replies(await fast.press(OPERATOR, t("broadcast-seg-all")))
    assert "<b>4</b>" in audience.text  # 3 clients and the operator
    assert t("broadcast-news-off", count=1) in audience.text
    assert "1 client who turned off news" in audience.text
    start = len(fast.telegram.calls)
    await fast.press(OPERATOR, t("broadcast-btn-confirm"))
    await report(fast.telegram, start)
    assert copies_to(fast.telegram.calls[start:], RU_CLIENTS[0]) == []
    [broadcast] = await broadcasts_with_status(db, "done")
    assert broadcast.total == 4


async def test_the_button_under_a_broadcast_turns_news_off_and_settings_back_on(
    fast: Chat, i18n: I18n
) -> None:
    t = i18n.translator("en")
    db = fast.services.db
    await seed(db, 1)
    client = FakeUser(id=EN_CLIENTS[0], first_name="U", language_code="en")
    await fast.say(OPERATOR, "/broadcast")
    fast.telegram.send_text(OPERATOR, "News")
    await fast.deliver()
    await fast.press(OPERATOR, t("broadcast-seg-all"))
    start = len(fast.telegram.calls)
    await fast.press(OPERATOR, t("broadcast-btn-confirm"))
    await report(fast.telegram, start)

    calls = await fast.press(client, t("news-btn-off"))
    user = await get_user(db, client.id)
    assert user is not None and not user.news
    assert any(c.method == "editMessageReplyMarkup" for c in calls)  # the notice itself stays
    [told] = replies(calls)
    assert told.text == t("news-status-off")

    await fast.say(client, "/settings")
    [status] = replies(await fast.press(client, t("settings-btn-news")))
    assert status.text == t("news-status-off")
    [on] = replies(await fast.press(client, t("news-btn-on")))
    assert on.text == t("news-status-on")
    user = await get_user(db, client.id)
    assert user is not None and user.news


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "to 1 recipient has", "to 5 recipients has"),
        ("ru", "на 1 получателя", "на 5 получателей"),
        ("it", "a 1 destinatario", "a 5 destinatari"),
    ],
)
def test_recipient_counts_are_plural_aware(i18n: I18n, lang: str, one: str, many: str) -> None:
    t = i18n.translator(lang)
    assert one in t("broadcast-started", id=1, count=1)
    assert many in t("broadcast-started", id=1, count=5)
    assert one.split(" has")[0] in t("broadcast-scheduled", id=1, count=1, when="x", timezone="y")
