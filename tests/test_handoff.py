"""The human hand-off: the card in the operators' group, replies both ways, closing, privacy."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.clock import FrozenClock
from bot.i18n import I18n
from bot.local_api import ApiCall, FakeUser
from storage import handoff as threads
from storage.database import Database
from storage.documents import add_document
from storage.privacy import export_user
from storage.users import touch_user
from tests.bot_process import BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer
from tests.harness import START, Chat, make_services, replies

GROUP = -1001234567890
ANN = FakeUser(id=10, first_name="Ann <&> Co", language_code="ru", username="ann_k")
BOB = FakeUser(id=11, first_name="Bob", language_code="en")
OPERATOR = FakeUser(id=500, first_name="Olga", language_code="ru")


@pytest.fixture
async def hchat(tmp_path: Path) -> AsyncIterator[Chat]:
    chat = Chat(make_services(tmp_path / "bot.db", OPERATOR_CHAT_ID=str(GROUP)))
    await chat.start()
    yield chat
    await chat.close()


def to_group(calls: list[ApiCall], method: str = "sendMessage") -> list[ApiCall]:
    return [c for c in calls if c.method == method and c.chat_id == GROUP and c.status == 200]


def to_user(calls: list[ApiCall], user: FakeUser, method: str) -> list[ApiCall]:
    return [c for c in calls if c.method == method and c.chat_id == user.id and c.status == 200]


def group_message(chat: Chat, call: ApiCall) -> dict[str, Any]:
    """The message a call put in the group, as Telegram holds it."""
    return chat.telegram.messages[(GROUP, call.result["message_id"])]


async def operator_says(
    chat: Chat, reply_to: dict[str, Any] | None, text: str | None = None, **content: Any
) -> list[ApiCall]:
    chat.telegram.group_message(OPERATOR, GROUP, text, reply_to=reply_to, **content)
    return await chat.deliver()


async def open_handoff(chat: Chat, user: FakeUser, question: str, i18n: I18n) -> ApiCall:
    """The user presses "Talk to an operator" and writes a question: the card it made."""
    t = i18n.translator(user.language_code or "en")
    await chat.say(user, "/start")
    [prompt] = replies(await chat.press(user, t("menu-operator")))
    assert prompt.text == t("handoff-ask") or prompt.text.startswith(t("handoff-ask-last")[:8])
    calls = await chat.say(user, question)
    [card] = to_group(calls)
    [opened] = [r for r in replies(calls) if r.chat_id == user.id]
    assert (opened.chat_id, opened.text) == (user.id, t("handoff-opened"))
    return card


async def test_the_card_says_who_asks_with_documents_and_the_question(
    hchat: Chat, i18n: I18n
) -> None:
    await hchat.say(ANN, "/start")
    now = int(START.timestamp())
    await add_document(hchat.services.db, ANN.id, "visa", "", date(2026, 12, 1), now, None)
    await add_document(hchat.services.db, ANN.id, "registration", "", date(2026, 11, 1), now, None)
    card = await open_handoff(hchat, ANN, "Мне продлят визу, если <работодатель> сменился?", i18n)

    text = card.text  # operators read the group in the default language, English
    assert "Conversation #1" in text
    assert '<a href="tg://user?id=10">Ann &lt;&amp;&gt; Co</a> @ann_k' in text
    assert "Language: Русский" in text
    kb = hchat.services.content.kb
    visa = kb.documents["visa"].text("en").title
    registration = kb.documents["registration"].text("en").title
    assert f"• {visa}: " in text and "10 days left" in text  # 21 Nov to 1 Dec, Moscow time
    assert f"• {registration}: " in text and "expired" in text
    assert "Мне продлят визу, если &lt;работодатель&gt; сменился?" in text
    [close] = card.buttons
    assert close["text"] == i18n.translator("en")("handoff-btn-close")
    thread = await threads.open_thread_of(hchat.services.db, ANN.id)
    assert thread is not None and thread.card_message_id == card.result["message_id"]


async def test_a_recent_question_is_offered_with_a_button(hchat: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    [declined] = replies(await hchat.say(BOB, "what's the weather like in moscow tomorrow"))
    assert declined.text == t("decline-daily-life")
    [prompt] = replies(await hchat.press(BOB, t("menu-operator")))
    assert "<i>what's the weather like in moscow tomorrow</i>" in prompt.text
    assert [b["text"] for b in prompt.buttons] == [
        t("handoff-btn-send-last"),
        t("handoff-btn-cancel"),
    ]
    calls = await hchat.press(BOB, t("handoff-btn-send-last"))
    [card] = to_group(calls)
    assert "moscow tomorrow" in card.text
    assert [r.text for r in replies(calls) if r.chat_id == BOB.id] == [t("handoff-opened")]


async def test_an_old_question_is_not_offered(hchat: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    await hchat.say(BOB, "what's the weather like in moscow tomorrow")
    clock = hchat.services.clock
    assert isinstance(clock, FrozenClock)
    clock.advance(timedelta(hours=1))
    [prompt] = replies(await hchat.press(BOB, t("menu-operator")))
    assert prompt.text == t("handoff-ask")
    assert [b["text"] for b in prompt.buttons] == [t("handoff-btn-cancel")]
    [cancelled] = replies(await hchat.press(BOB, t("handoff-btn-cancel")))
    assert cancelled.text == t("handoff-cancelled")
    # back to the matcher: the next message is a question, not a hand-off
    calls = await hchat.say(BOB, "registration deadline")
    assert not to_group(calls) and replies(calls)[0].chat_id == BOB.id


async def test_operator_replies_reach_the_user_as_text_and_as_a_photo(
    hchat: Chat, i18n: I18n
) -> None:
    card = await open_handoff(hchat, BOB, "Can you check my case?", i18n)
    calls = await operator_says(hchat, group_message(hchat, card), "Yes, send me your visa page.")
    [copy] = to_user(calls, BOB, "copyMessage")
    assert int(copy.params["from_chat_id"]) == GROUP
    delivered = hchat.telegram.messages[(BOB.id, copy.result["message_id"])]
    assert delivered["text"] == "Yes, send me your visa page."
    assert not to_group(calls)  # nothing to report

    # The user answers with a photo: it joins the thread, as a reply to the card.
    photo = [{"file_id": "visa-page", "file_unique_id": "v", "width": 10, "height": 10}]
    hchat.telegram.send_content(BOB, photo=photo, caption="here it is")
    calls = await hchat.deliver()
    [follow_up] = to_group(calls, "copyMessage")
    assert follow_up.params["reply_parameters"]["message_id"] == card.result["message_id"]
    in_group = group_message(hchat, follow_up)
    assert in_group["photo"] == photo and in_group["caption"] == "here it is"
    assert not replies(calls)  # not answered by the matcher or the fallback

    # The operator replies to the user's photo with a photo of their own.
    answer_photo = [{"file_id": "form", "file_unique_id": "f", "width": 5, "height": 5}]
    calls = await operator_says(hchat, in_group, photo=answer_photo, caption="Fill in this form")
    [copy] = to_user(calls, BOB, "copyMessage")
    delivered = hchat.telegram.messages[(BOB.id, copy.result["message_id"])]
    assert delivered["photo"] == answer_photo and delivered["caption"] == "Fill in this form"

    # Replying to an operator's own earlier reply reaches the user too.
    operator_reply = hchat.telegram.received[(GROUP, int(copy.params["message_id"]))]
    calls = await operator_says(hchat, operator_reply, "And sign it.")
    assert len(to_user(calls, BOB, "copyMessage")) == 1


async def test_follow_ups_join_the_thread_instead_of_the_matcher(hchat: Chat, i18n: I18n) -> None:
    card = await open_handoff(hchat, BOB, "My landlord won't register me", i18n)
    calls = await hchat.say(BOB, "how many days do i have to register")
    [copied] = to_group(calls, "copyMessage")
    assert copied.params["reply_parameters"]["message_id"] == card.result["message_id"]
    assert group_message(hchat, copied)["text"] == "how many days do i have to register"
    assert not replies(calls)
    # commands still work
    [help_reply] = replies(await hchat.say(BOB, "/help"))
    assert help_reply.text == i18n.translator("en")("help-text")
    # a second "Talk to an operator" says the conversation is open instead of opening another
    [again] = replies(await hchat.press(BOB, i18n.translator("en")("menu-operator")))
    assert again.text == i18n.translator("en")("handoff-already-open")
    kinds = [k for _, k in await threads.thread_messages(hchat.services.db, 1)]
    assert kinds == ["card", "user"]


async def test_a_photo_as_the_question_is_copied_under_its_card(hchat: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    await hchat.say(BOB, "/start")
    await hchat.press(BOB, t("menu-operator"))
    photo = [{"file_id": "stamp", "file_unique_id": "s", "width": 10, "height": 10}]
    hchat.telegram.send_content(BOB, photo=photo, caption="What does this stamp mean?")
    calls = await hchat.deliver()
    [card] = to_group(calls)
    assert "What does this stamp mean?" in card.text
    [original] = to_group(calls, "copyMessage")
    assert original.params["reply_parameters"]["message_id"] == card.result["message_id"]
    assert group_message(hchat, original)["photo"] == photo
    # an operator replying to the photo, not the card, reaches Bob too
    calls = await operator_says(hchat, group_message(hchat, original), "An entry stamp.")
    assert len(to_user(calls, BOB, "copyMessage")) == 1


async def test_operators_close_with_the_button_or_close_and_users_are_told(
    hchat: Chat, i18n: I18n
) -> None:
    en, ru = i18n.translator("en"), i18n.translator("ru")
    card = await open_handoff(hchat, ANN, "Вопрос про патент", i18n)
    calls = await hchat.say(ANN, "и ещё вопрос")
    [follow_up] = to_group(calls, "copyMessage")

    hchat.telegram.press(OPERATOR, group_message(hchat, card), card.buttons[0]["callback_data"])
    calls = await hchat.deliver()
    [told] = replies([c for c in calls if c.chat_id == ANN.id])
    assert told.text == ru("handoff-closed")
    [notice] = to_group(calls)
    assert notice.text == en("handoff-op-closed", thread=1, name="Olga")
    [unbutton] = [c for c in calls if c.method == "editMessageReplyMarkup"]
    assert int(unbutton.params["message_id"]) == card.result["message_id"]
    assert await threads.open_thread_of(hchat.services.db, ANN.id) is None

    # now her messages go to the matcher again, and a late reply is refused in the group
    calls = await hchat.say(ANN, "сколько дней на регистрацию")
    assert not to_group(calls, "copyMessage") and replies(calls)[0].chat_id == ANN.id
    calls = await operator_says(hchat, group_message(hchat, follow_up), "Ещё кое-что")
    assert not to_user(calls, ANN, "copyMessage")
    [refused] = to_group(calls)
    assert refused.text.startswith("Conversation #1 is closed")

    # a second conversation, closed with /close replying to any of its messages
    card2 = await open_handoff(hchat, ANN, "Новый вопрос", i18n)
    calls = await operator_says(hchat, group_message(hchat, card2), "/close")
    assert [r.text for r in replies(calls) if r.chat_id == ANN.id] == [ru("handoff-closed")]
    assert to_group(calls)[0].text == en("handoff-op-closed", thread=2, name="Olga")
    # /close again, and /close replying to nothing, explain themselves
    calls = await operator_says(hchat, group_message(hchat, card2), "/close")
    assert to_group(calls)[0].text == en("handoff-op-already-closed", thread=2)
    calls = await operator_says(hchat, None, "/close")
    assert to_group(calls)[0].text == en("handoff-op-close-how")


async def test_the_memo_of_open_threads_follows_every_change(hchat: Chat, i18n: I18n) -> None:
    """On SQLite whether a user has an open thread is kept in memory (storage/memo.py): each
    opening, card, closing and /forget must show in the next message's routing."""
    t = i18n.translator("en")
    memo = hchat.services.db.memo(threads.OPEN_THREADS_MEMO)
    assert memo is not None
    calls = await hchat.say(BOB, "registration deadline")
    assert not to_group(calls, "copyMessage") and BOB.id in memo and memo[BOB.id] is None

    card = await open_handoff(hchat, BOB, "Is my registration valid?", i18n)
    [copied] = to_group(await hchat.say(BOB, "and one more thing"), "copyMessage")
    assert copied.params["reply_parameters"]["message_id"] == card.result["message_id"]

    calls = await operator_says(hchat, group_message(hchat, card), "/close")
    assert [r.text for r in replies(calls) if r.chat_id == BOB.id] == [t("handoff-closed")]
    calls = await hchat.say(BOB, "registration deadline")
    assert not to_group(calls, "copyMessage") and replies(calls)[0].chat_id == BOB.id

    await open_handoff(hchat, BOB, "Forget me while this is open", i18n)
    await hchat.say(BOB, "/forget")
    await hchat.press(BOB, t("forget-btn-yes"))
    calls = await hchat.say(BOB, "registration deadline")
    assert not to_group(calls, "copyMessage") and replies(calls)[0].chat_id == BOB.id


async def test_a_user_who_blocked_the_bot_is_reported_in_the_group(hchat: Chat, i18n: I18n) -> None:
    card = await open_handoff(hchat, BOB, "Call me back please", i18n)
    hchat.telegram.blocked.add(BOB.id)
    calls = await operator_says(hchat, group_message(hchat, card), "Hello Bob")
    [report] = to_group(calls)
    assert report.text == i18n.translator("en")("handoff-op-blocked", name="Bob")
    assert report.params["reply_parameters"]["message_id"] in {
        m for (chat, m) in hchat.telegram.received if chat == GROUP
    }


async def test_only_replies_in_the_operator_group_count(hchat: Chat, i18n: I18n) -> None:
    card = await open_handoff(hchat, BOB, "Is my visa fine?", i18n)
    # someone in another group replying with the same message (as if forwarded there)
    hchat.telegram.group_message(
        OPERATOR, -100999, "fake answer", reply_to=group_message(hchat, card)
    )
    calls = await hchat.deliver()
    assert not to_user(calls, BOB, "copyMessage")
    # operators chatting in the group without replying to a conversation: ignored
    calls = await operator_says(hchat, None, "who takes this one?")
    assert calls == []


async def test_the_card_failing_leaves_no_thread_and_tells_the_user(
    hchat: Chat, i18n: I18n
) -> None:
    t = i18n.translator("en")
    await hchat.say(BOB, "/start")
    await hchat.press(BOB, t("menu-operator"))
    hchat.telegram.fail_next(
        "sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat", chat_id=GROUP
    )
    [reply] = replies(await hchat.say(BOB, "Please help"))
    assert reply.text == t("handoff-failed")
    assert await threads.open_thread_of(hchat.services.db, BOB.id) is None


async def test_without_operator_chat_the_button_shows_the_contact(
    tmp_path: Path, chat: Chat, i18n: I18n
) -> None:
    t = i18n.translator("en")
    await chat.say(BOB, "/start")
    [reply] = replies(await chat.press(BOB, t("menu-operator")))
    assert reply.text == t("operator-contact", contact="agency@example.com")
    # and a message afterwards is a question for the matcher, not a hand-off
    assert replies(await chat.say(BOB, "registration deadline"))[0].chat_id == BOB.id

    bare = Chat(make_services(tmp_path / "bare.db"))
    await bare.start()
    await bare.say(BOB, "/start")
    [reply] = replies(await bare.press(BOB, t("menu-operator")))
    assert reply.text == t("operator-unavailable")
    await bare.close()


async def test_export_lists_threads_and_forget_removes_them(hchat: Chat, i18n: I18n) -> None:
    card = await open_handoff(hchat, BOB, "Delete me later", i18n)
    exported = await export_user(hchat.services.db, BOB.id)
    [thread] = exported["handoff_threads"]
    assert (thread["status"], thread["question"]) == ("open", "Delete me later")

    await hchat.say(BOB, "/forget")
    await hchat.press(BOB, i18n.translator("en")("forget-btn-yes"))
    assert await threads.open_thread_of(hchat.services.db, BOB.id) is None
    assert await threads.thread_messages(hchat.services.db, thread["id"]) == []
    # an operator's reply to the old card reaches nobody now
    calls = await operator_says(hchat, group_message(hchat, card), "Hello?")
    assert not to_user(calls, BOB, "copyMessage")


# --- the whole bot process, restarted between the question and the answer ---------------------


async def test_round_trip_through_the_bot_process_survives_a_restart(
    tmp_path: Path, i18n: I18n
) -> None:
    user = FakeUser(id=2001, first_name="Wei", language_code="zh")
    t = i18n.translator("zh")
    async with FakeTelegramServer() as server:
        tg = server.telegram
        process = BotProcess(
            {
                "BOT_TOKEN": TEST_TOKEN,
                "TELEGRAM_API_URL": server.url,
                "DATABASE_PATH": str(tmp_path / "bot.db"),
                "OPERATOR_CHAT_ID": str(GROUP),
            },
            tmp_path / "bot.log",
        )

        async def user_sees(start: int) -> ApiCall:
            return await tg.wait_for(
                lambda c: c.chat_id == user.id and c.status == 200 and c.method != "sendChatAction",
                after=start,
                timeout=15,
            )

        process.start()
        try:
            await server.wait_for_poll(since=0)
            start = len(tg.calls)
            tg.send_text(user, "/start")
            await user_sees(start)
            start = len(tg.calls)
            tg.press_button(user, t("menu-operator"))
            assert (await user_sees(start)).text == t("handoff-ask")
            start = len(tg.calls)
            tg.send_text(user, "我的签证下周到期 雇主换了 怎么办")
            card = await tg.wait_for(
                lambda c: c.method == "sendMessage" and c.chat_id == GROUP, after=start
            )
            assert "我的签证下周到期" in card.text and "Language: 中文" in card.text
            assert (await user_sees(start)).text == t("handoff-opened")

            assert await process.stop() == 0
            polls = server.polls
            process.start()
            await server.wait_for_poll(since=polls)

            # after the restart an operator's reply to the card still finds the user
            start = len(tg.calls)
            card_message = tg.messages[(GROUP, card.result["message_id"])]
            tg.group_message(OPERATOR, GROUP, "请把护照首页发给我们。", reply_to=card_message)
            copy = await tg.wait_for(
                lambda c: c.method == "copyMessage" and c.chat_id == user.id, after=start
            )
            assert copy.status == 200
            assert tg.messages[(user.id, copy.result["message_id"])]["text"] == (
                "请把护照首页发给我们。"
            )

            # the user's follow-up joins the thread; /close ends it and the user is told
            start = len(tg.calls)
            tg.send_text(user, "好的 马上发")
            follow_up = await tg.wait_for(
                lambda c: c.method == "copyMessage" and c.chat_id == GROUP, after=start
            )
            assert follow_up.params["reply_parameters"]["message_id"] == card.result["message_id"]
            start = len(tg.calls)
            tg.group_message(
                OPERATOR,
                GROUP,
                "/close",
                reply_to=tg.messages[(GROUP, follow_up.result["message_id"])],
            )
            assert (await user_sees(start)).text == t("handoff-closed")
            assert await process.stop() == 0
            assert "Traceback" not in process.log
        finally:
            if process.proc and process.proc.poll() is None:
                process.kill()


async def test_threads_and_their_messages_survive_reopening_the_database(tmp_path: Path) -> None:
    db = Database(tmp_path / "h.db")
    await db.connect()
    await touch_user(db, 7, "Ann", "en", 1)
    thread, new = await threads.open_thread(db, 7, GROUP, "my question", 10)
    assert new and thread.is_open and thread.card_message_id is None
    await threads.set_card(db, thread.id, 555, 10)
    await threads.record_message(db, GROUP, 556, thread.id, "user", 11)
    await db.close()

    db = Database(tmp_path / "h.db")
    await db.connect()
    for message_id in (555, 556):
        found = await threads.thread_for_message(db, GROUP, message_id)
        assert found is not None and found.id == thread.id and found.card_message_id == 555
    assert await threads.thread_for_message(db, -100777, 556) is None  # same id, another chat
    assert await threads.open_thread(db, 7, GROUP, "again", 12) == (
        await threads.get_thread(db, thread.id),
        False,
    )
    # OPERATOR_CHAT_ID changed: the thread left open in the old group is closed, a new one opens
    moved, new = await threads.open_thread(db, 7, -100777, "new group", 13)
    assert new and moved.id != thread.id
    old = await threads.get_thread(db, thread.id)
    assert old is not None and (old.status, old.closed_at) == ("closed", 13)
    await db.close()


async def test_a_stale_send_last_button_does_not_open_a_second_thread(
    hchat: Chat, i18n: I18n
) -> None:
    t = i18n.translator("en")
    await hchat.say(BOB, "what's the weather like in moscow tomorrow")
    await hchat.press(BOB, t("menu-operator"))
    prompt = hchat.telegram.last_message_to(BOB.id, with_button=t("handoff-btn-send-last"))
    send_last = prompt["reply_markup"]["inline_keyboard"][0][0]
    assert send_last["text"] == t("handoff-btn-send-last")
    [card] = to_group(await hchat.press(BOB, t("handoff-btn-send-last")))
    # the same button pressed again (a double tap, or an old message)
    hchat.telegram.press(BOB, prompt, send_last["callback_data"])
    calls = await hchat.deliver()
    assert not to_group(calls)
    assert [r.text for r in replies(calls)] == [t("handoff-already-open")]
    assert (
        card.result["message_id"]
        == (await threads.open_thread_of(hchat.services.db, BOB.id)).card_message_id
    )


@pytest.mark.parametrize("how", ["garbage", "reset", "redirects"])
async def test_a_reply_that_cannot_be_delivered_is_reported_without_details(
    hchat: Chat, i18n: I18n, how: str
) -> None:
    card = await open_handoff(hchat, BOB, "Call me back please", i18n)
    hchat.telegram.break_next("copyMessage", how, chat_id=BOB.id, times=10)  # type: ignore[arg-type]
    calls = await operator_says(hchat, group_message(hchat, card), "Hello Bob")
    [report] = to_group(calls)
    token = hchat.bot.token
    assert report.text.startswith(i18n.translator("en")("handoff-op-failed", error="")[:10])
    assert token not in report.text and "://" not in report.text and "{" not in report.text
    assert len(report.text) < 400


async def test_export_includes_the_conversations_messages(hchat: Chat, i18n: I18n) -> None:
    card = await open_handoff(hchat, BOB, "Call me back please", i18n)
    await hchat.say(BOB, "I am still here")
    await operator_says(hchat, group_message(hchat, card), "Hello Bob")
    exported = await export_user(hchat.services.db, BOB.id)
    [thread] = exported["handoff_threads"]
    kinds = [m["kind"] for m in exported["handoff_messages"]]
    assert sorted(kinds) == ["card", "operator", "user"]
    assert {m["thread_id"] for m in exported["handoff_messages"]} == {thread["id"]}


async def test_the_user_ends_a_handoff_with_the_button_or_cancel(hchat: Chat, i18n: I18n) -> None:
    en = i18n.translator("en")
    card = await open_handoff(hchat, BOB, "Can you call me?", i18n)
    calls = await hchat.press(BOB, en("handoff-btn-end"))
    [ended] = replies([c for c in calls if c.chat_id == BOB.id])
    assert ended.text == en("handoff-ended")
    [notice] = to_group(calls)
    assert notice.text == en("handoff-op-user-ended", thread=1)
    [unbutton] = [c for c in calls if c.method == "editMessageReplyMarkup"]
    assert int(unbutton.params["message_id"]) == card.result["message_id"]
    assert await threads.open_thread_of(hchat.services.db, BOB.id) is None
    calls = await hchat.say(BOB, "how many days do i have to register")
    assert not to_group(calls, "copyMessage") and "Sources" in replies(calls)[0].text

    # /cancel ends the next one; a late reply from the group is refused there
    card2 = await open_handoff(hchat, BOB, "Another question", i18n)
    calls = await hchat.say(BOB, "/cancel")
    assert [r.text for r in replies(calls) if r.chat_id == BOB.id] == [en("handoff-ended")]
    assert to_group(calls)[0].text == en("handoff-op-user-ended", thread=2)
    calls = await operator_says(hchat, group_message(hchat, card2), "Still there?")
    assert not to_user(calls, BOB, "copyMessage")
    # the old End chat button does nothing more
    calls = await hchat.press(BOB, en("handoff-btn-end"))
    assert not to_group(calls)


async def test_operator_replies_are_labelled_as_from_a_person(hchat: Chat, i18n: I18n) -> None:
    ru = i18n.translator("ru")
    card = await open_handoff(hchat, ANN, "Вопрос про патент", i18n)
    calls = await operator_says(hchat, group_message(hchat, card), "Здравствуйте!")
    [label] = to_user(calls, ANN, "sendMessage")
    assert label.text == ru("handoff-from-operator")
    [copy] = to_user(calls, ANN, "copyMessage")
    assert [b["text"] for b in copy.buttons] == [ru("handoff-btn-end")]
    # a second reply in a row needs no second label; after the user writes, the next one does
    calls = await operator_says(hchat, group_message(hchat, card), "Пришлите фото паспорта.")
    assert not to_user(calls, ANN, "sendMessage") and to_user(calls, ANN, "copyMessage")
    await hchat.say(ANN, "Сейчас")
    calls = await operator_says(hchat, group_message(hchat, card), "Спасибо")
    assert [c.text for c in to_user(calls, ANN, "sendMessage")] == [ru("handoff-from-operator")]


async def test_the_user_is_told_when_to_expect_an_answer(tmp_path: Path, i18n: I18n) -> None:
    env = {"OPERATOR_CHAT_ID": str(GROUP), "OPERATOR_HOURS": "Mon-Fri 10-19 Europe/Moscow"}
    chat = Chat(make_services(tmp_path / "bot.db", **env))
    await chat.start()
    try:
        en = i18n.translator("en")
        await chat.say(BOB, "/start")
        await chat.press(BOB, en("menu-operator"))
        # START is Saturday 21 November 2026, 12:00 in Moscow: outside the hours
        [opened] = replies([c for c in await chat.say(BOB, "Hello?") if c.chat_id == BOB.id])
        assert opened.text.startswith(en("handoff-opened"))
        assert "Mo\u2013Fr 10:00\u201319:00, Moscow (UTC+3)" in opened.text
        assert "outside those hours" in opened.text
        assert "from 23 November 2026, 10:00 your time" in opened.text
        await chat.say(BOB, "/cancel")

        clock: FrozenClock = chat.services.clock  # type: ignore[assignment]
        clock.set(START + timedelta(days=2))  # Monday, 12:00 in Moscow
        await chat.press(BOB, en("menu-operator"))
        [opened] = replies([c for c in await chat.say(BOB, "Hello again") if c.chat_id == BOB.id])
        assert "They are at work now" in opened.text
    finally:
        await chat.close()


async def test_the_group_texts_follow_operators_language(tmp_path: Path, i18n: I18n) -> None:
    chat = Chat(
        make_services(tmp_path / "bot.db", OPERATOR_CHAT_ID=str(GROUP), OPERATORS_LANGUAGE="ru")
    )
    await chat.start()
    try:
        card = await open_handoff(chat, BOB, "can my employer change my patent?", i18n)
    finally:
        await chat.close()
    ru = i18n.translator("ru")
    assert ru("handoff-card-header", thread=1) in card.text
    assert ru("handoff-card-no-documents") in card.text
    assert [b["text"] for b in card.buttons] == [ru("handoff-btn-close")]
