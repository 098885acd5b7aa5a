"""Handlers through the real Dispatcher, a real SQLite file and the in-memory Bot API."""

from __future__ import annotations

import asyncio
import gc
import time
import weakref
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import Response
from aiogram.types import Message

from bot.filters import IsCommand
from bot.flood import LocalFloodPace
from bot.i18n import I18n
from bot.local_api import ApiCall, FakeUser
from bot.middlewares import ThrottlingMiddleware
from bot.retry import RETRY_ATTEMPTS
from faq.model import LANGUAGES, KnowledgeBase
from handlers.keyboards import TOPICS_PER_PAGE, answer_menu
from storage.questions import recent_questions
from storage.users import get_user
from tests.harness import Chat, make_services, replies

ANN = FakeUser(id=10, first_name="Ann", language_code="en")


async def test_start_greets_in_the_telegram_language(chat: Chat, i18n: I18n) -> None:
    for index, lang in enumerate(LANGUAGES):
        user = FakeUser(id=100 + index, first_name="Li", language_code=lang)
        [greeting] = replies(await chat.say(user, "/start"))
        assert greeting.text.startswith(i18n.translator(lang)("start-greeting", name="Li")[:8])
        assert len(greeting.buttons) == 6


async def test_unsupported_telegram_language_falls_back_to_english(chat: Chat) -> None:
    [greeting] = replies(
        await chat.say(FakeUser(id=3, first_name="Hans", language_code="de"), "/start")
    )
    assert greeting.text.startswith("Hello, Hans!")


async def test_a_confident_question_is_answered_and_logged(chat: Chat, kb: KnowledgeBase) -> None:
    [answer] = replies(await chat.say(ANN, "what is the penalty if i overstay my visa"))
    topic = kb.topics["overstay-penalties"]
    assert answer.text.startswith(f"<b>{topic.text('en').title}</b>")
    assert kb.labels["en"].disclaimer in answer.text
    related_titles = {kb.topics[r].text("en").short for r in topic.related}
    assert related_titles <= {b["text"].removeprefix("➡️ ") for b in answer.buttons}
    [logged] = await recent_questions(chat.services.db, since=0)
    assert (logged.topic_id, logged.outcome, logged.lang) == (
        "overstay-penalties",
        "answered",
        "en",
    )


async def test_filters_are_checked_in_the_event_loop(
    chat: Chat, kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """aiogram would run each `F` expression and `State` filter in a worker thread."""
    sent_to_threads: list[Any] = []
    real_to_thread = asyncio.to_thread

    async def counted(func: Any, /, *args: Any, **kwargs: Any) -> Any:
        sent_to_threads.append(func)
        return await real_to_thread(func, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", counted)
    [answer] = replies(await chat.say(ANN, "what is the penalty if i overstay my visa"))
    assert answer.text.startswith(f"<b>{kb.topics['overstay-penalties'].text('en').title}</b>")
    replies(await chat.say(ANN, "/renew"))  # a form: its steps are State filters
    [step] = replies(await chat.press(ANN, kb.documents["visa"].text("en").title))
    [again] = replies(await chat.say(ANN, "not a date"))
    assert again.text != step.text
    assert sent_to_threads == []


async def test_command_routers_are_gated_as_aiogram_reads_commands(chat: Chat) -> None:
    """Routers of commands only are skipped by other text at one check (bot/filters.py); the
    gate reads a command as aiogram's Command filter does, blanks before it and captions too."""
    gated = {
        r.name
        for r in chat.dp.chain_tail
        if any(isinstance(f.callback, IsCommand) for f in r.message._handler.filters or ())
    }
    assert {"start", "privacy", "language", "topics"} <= gated
    assert not gated & {"wizard", "questions", "fallback"}
    [help_text] = replies(await chat.say(ANN, "/help"))
    [after_blanks] = replies(await chat.say(ANN, "  /help"))
    assert after_blanks.text == help_text.text


async def test_the_response_model_of_a_call_outlives_garbage_collection(chat: Chat) -> None:
    """pydantic caches `Response[Message]` by weak reference only: collected, it was rebuilt."""
    replies(await chat.say(ANN, "/help"))
    model = weakref.ref(Response[Message])
    gc.collect()
    assert model() is not None


def test_answer_menus_are_kept_for_the_knowledge_base_in_use(kb: KnowledgeBase, i18n: I18n) -> None:
    en, ru = i18n.translator("en"), i18n.translator("ru")
    topic = kb.topics["overstay-penalties"]
    menu = answer_menu(kb, topic, "en", en)
    assert answer_menu(kb, topic, "en", en) is menu
    assert answer_menu(kb, topic, "ru", ru).inline_keyboard[-1][0].text == ru("btn-back")
    # /reload_faq brings another knowledge base: here one related topic fewer
    gone = topic.related[0]
    reloaded = replace(kb, topics={k: v for k, v in kb.topics.items() if k != gone})
    assert (
        len(answer_menu(reloaded, topic, "en", en).inline_keyboard) == len(menu.inline_keyboard) - 1
    )
    assert answer_menu(kb, topic, "en", en).inline_keyboard == menu.inline_keyboard


async def test_off_topic_is_declined_with_a_way_forward(chat: Chat, i18n: I18n) -> None:
    [reply] = replies(await chat.say(ANN, "what's the weather like in moscow tomorrow"))
    t = i18n.translator("en")
    assert reply.text == t("decline-daily-life")
    assert {t("menu-operator"), t("menu-topics")} <= {b["text"] for b in reply.buttons}
    [logged] = await recent_questions(chat.services.db, since=0)
    assert (logged.topic_id, logged.outcome) == (None, "declined")


async def test_a_question_in_another_language_is_answered_in_that_language(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    [answer] = replies(await chat.say(ANN, "какой штраф за просроченную визу"))
    ru = i18n.translator("ru")
    assert kb.labels["ru"].disclaimer in answer.text or answer.text == ru("match-unsure")
    labels = [b["text"] for b in answer.buttons]
    assert ru("menu-operator") in labels or ru("btn-back") in labels


async def test_browsing_pages_through_a_category_and_back(
    chat: Chat, kb: KnowledgeBase, i18n: I18n
) -> None:
    t = i18n.translator("en")
    category = max(kb.categories, key=lambda c: len(kb.topics_in(c.id)))
    topics = kb.topics_in(category.id)
    assert len(topics) > TOPICS_PER_PAGE, "need a category with two pages to test paging"
    await chat.say(ANN, "/topics")
    [page1] = replies(await chat.press(ANN, category.title("en")))
    assert "1 of 2" in page1.text or "(page 1 of" in page1.text
    [page2] = replies(await chat.press(ANN, "▶️"))
    assert topics[TOPICS_PER_PAGE].text("en").short in [b["text"] for b in page2.buttons]
    assert topics[0].text("en").short not in [b["text"] for b in page2.buttons]
    [back] = replies(await chat.press(ANN, t("btn-back")))
    assert back.text == t("topics-choose-category")


async def test_every_topic_opens_from_its_button_in_every_language(
    chat: Chat, kb: KnowledgeBase
) -> None:
    for index, lang in enumerate(LANGUAGES):
        user = FakeUser(id=200 + index, language_code=lang)
        await chat.say(user, "/start")
        for topic in kb.topics.values():
            chat.telegram.press(user, chat.telegram.last_message_to(user.id), f"t:{topic.id}")
            [answer] = replies(await chat.deliver())
            assert answer.text.startswith(f"<b>{topic.text(lang).title}</b>"), (lang, topic.id)


async def test_language_switch_is_stored_and_used(chat: Chat, i18n: I18n) -> None:
    await chat.say(ANN, "/language")
    [done] = replies(await chat.press(ANN, "中文"))
    assert done.text == i18n.translator("zh")("language-set", language="中文")
    assert (await get_user(chat.services.db, ANN.id)).language == "zh"
    [help_reply] = replies(await chat.say(ANN, "/help"))
    assert help_reply.text == i18n.translator("zh")("help-text")


async def test_unknown_commands_stickers_and_edits(chat: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    [unknown] = replies(await chat.say(ANN, "/frobnicate"))
    assert unknown.text == t("unknown-command")
    chat.telegram.send_content(ANN, location={"latitude": 55.75, "longitude": 37.62})
    [location] = replies(await chat.deliver())
    assert location.text == t("text-only")
    chat.telegram.edit_text(ANN, "changed my mind")
    assert replies(await chat.deliver()) == []


async def test_operator_button_shows_the_agency_contact(chat: Chat) -> None:
    await chat.say(ANN, "/start")
    [reply] = replies(await chat.press(ANN, "operator"))
    assert "agency@example.com" in reply.text


async def test_a_crash_mid_work_apologises_without_a_traceback(tmp_path: Path, i18n: I18n) -> None:
    class BrokenMatcher:
        def match(self, *args: Any, **kwargs: Any) -> None:
            raise RuntimeError("index exploded")

    services = make_services(tmp_path / "b.db")
    services.content.swap(services.content.kb, BrokenMatcher())  # type: ignore[arg-type]
    chat = Chat(services)
    await chat.start()
    [apology] = replies(await chat.say(ANN, "hello there"))
    assert apology.text == i18n.translator("en")("error-apology")
    assert "Traceback" not in apology.text and "exploded" not in apology.text
    [after] = replies(await chat.say(ANN, "/help"))
    assert after.text == i18n.translator("en")("help-text")
    await chat.close()


async def test_a_telegram_server_error_is_survived(chat: Chat, i18n: I18n) -> None:
    # one 500 is retried (tests/test_telegram_faults.py); here every try of the answer fails
    chat.telegram.fail_next("sendMessage", 500, "Internal Server Error", times=RETRY_ATTEMPTS)
    calls = await chat.say(ANN, "/help")
    assert [c.status for c in calls if c.method == "sendMessage"] == [500] * RETRY_ATTEMPTS + [200]
    assert replies(calls)[0].text == i18n.translator("en")("error-apology")


async def test_a_user_who_blocked_the_bot_is_marked(chat: Chat) -> None:
    await chat.say(ANN, "/start")
    chat.telegram.blocked.add(ANN.id)
    calls = await chat.say(ANN, "/help")
    assert [c.status for c in calls] == [403]
    assert (await get_user(chat.services.db, ANN.id)).blocked


async def test_a_flood_is_slowed_down_politely_and_nothing_is_lost(chat: Chat, i18n: I18n) -> None:
    throttle = ThrottlingMiddleware(LocalFloodPace(burst=2, interval=0.05, max_delay=5))
    handled: list[str] = []
    warnings: list[str] = []

    async def handler(event: Message, data: dict[str, Any]) -> None:
        handled.append(event.text or "")

    t = i18n.translator("en")

    def message(n: int) -> Message:
        raw = chat.telegram.send_text(ANN, f"q{n}")["message"]
        return Message.model_validate(raw, context={"bot": chat.bot})

    chat.telegram.listeners.append(lambda c: warnings.append(c.text))
    started = time.monotonic()
    await asyncio.gather(*(throttle(handler, message(n), {"t": t}) for n in range(6)))
    elapsed = time.monotonic() - started
    assert sorted(handled) == [f"q{n}" for n in range(6)]
    assert warnings == [t("throttled")]
    assert elapsed >= 4 * 0.05 * 0.9


async def test_the_per_chat_lock_is_dropped_once_nobody_waits(chat: Chat) -> None:
    await chat.say(ANN, "/start")
    isolation = chat.dp.fsm.events_isolation
    assert isolation._locks == {}  # type: ignore[attr-defined]


async def test_a_flood_past_the_longest_wait_is_told_which_messages_were_skipped(
    chat: Chat, i18n: I18n
) -> None:
    throttle = ThrottlingMiddleware(LocalFloodPace(burst=2, interval=0.05, max_delay=0.1))
    handled: list[str] = []
    notices: list[ApiCall] = []

    async def handler(event: Message, data: dict[str, Any]) -> None:
        handled.append(event.text or "")

    t = i18n.translator("en")
    messages = [
        Message.model_validate(
            chat.telegram.send_text(ANN, f"q{n}")["message"], context={"bot": chat.bot}
        )
        for n in range(8)
    ]
    chat.telegram.listeners.append(notices.append)
    await asyncio.gather(*(throttle(handler, m, {"t": t}) for m in messages))
    skipped = [n for n in range(8) if f"q{n}" not in handled]
    assert skipped and handled == [f"q{n}" for n in range(skipped[0])]  # answered up to a point
    [notice] = [c for c in notices if c.text == t("flood-skipped")]
    assert notice.params["reply_parameters"]["message_id"] == messages[skipped[0]].message_id

    await asyncio.sleep(0.3)  # the flood is over: the next message is answered again
    await throttle(handler, messages[-1], {"t": t})
    assert handled[-1] == "q7"
