"""The whole bot as its own process (the README's run command) against the fake Bot API server."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.i18n import I18n
from bot.local_api import ApiCall, FakeUser
from faq.model import LANGUAGES, KnowledgeBase
from storage.database import Database
from storage.documents import add_documents
from storage.users import add_users
from tests.bot_process import BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer

QUESTIONS = {
    "en": "how many days after arrival do i have to get registered",
    "ru": "сколько дней после приезда есть чтобы встать на миграционный учет",
    "zh": "入境以后几天之内必须办理落地签",
    "it": "entro quanti giorni dall'arrivo devo fare la registrazione",
}


class Session:
    def __init__(self, server: FakeTelegramServer, process: BotProcess) -> None:
        self.server, self.process, self.telegram = server, process, server.telegram

    async def restart(self) -> None:
        assert await self.process.stop() == 0
        polls = self.server.polls
        self.process.start()
        await self.server.wait_for_poll(since=polls)

    async def say(self, user: FakeUser, text: str) -> ApiCall:
        start = len(self.telegram.calls)
        self.telegram.send_text(user, text)
        return await self._answer(user, start)

    async def press(self, user: FakeUser, label: str) -> ApiCall:
        start = len(self.telegram.calls)
        self.telegram.press_button(user, label)
        return await self._answer(user, start)

    async def _answer(self, user: FakeUser, start: int) -> ApiCall:
        return await self.telegram.wait_for(
            lambda c: (
                c.method in ("sendMessage", "editMessageText")
                and c.chat_id == user.id
                and c.status == 200
            ),
            after=start,
            timeout=15,
        )


@pytest.fixture
async def running(tmp_path: Path) -> AsyncIterator[Session]:
    async with FakeTelegramServer() as server:
        process = BotProcess(
            {
                "BOT_TOKEN": TEST_TOKEN,
                "TELEGRAM_API_URL": server.url,
                "DATABASE_PATH": str(tmp_path / "bot.db"),
                "LOG_LEVEL": "DEBUG",
                "AGENCY_CONTACT": "visa-agency@example.com",
            },
            tmp_path / "bot.log",
        )
        process.start()
        try:
            await server.wait_for_poll(since=0)
            yield Session(server, process)
        finally:
            if process.proc and process.proc.poll() is None:
                process.kill()


async def test_chat_in_every_language_with_buttons_and_junk(
    running: Session, kb: KnowledgeBase, i18n: I18n
) -> None:
    for index, lang in enumerate(LANGUAGES):
        t = i18n.translator(lang)
        user = FakeUser(id=1000 + index, first_name=f"User{lang}", language_code=lang)

        greeting = await running.say(user, "/start")
        assert t("start-greeting", name=user.first_name).splitlines()[0] in greeting.text

        categories = await running.press(user, t("menu-topics"))
        first = kb.categories[0]
        assert first.title(lang) in [b["text"] for b in categories.buttons]

        topic_list = await running.press(user, first.title(lang))
        topic = kb.topics_in(first.id)[0]
        answer = await running.press(user, topic.text(lang).short)
        labels = kb.labels[lang]
        assert topic.text(lang).title in answer.text
        assert labels.reviewed in answer.text and labels.disclaimer in answer.text
        assert t("btn-back") in [b["text"] for b in answer.buttons]
        assert topic_list.method == "editMessageText"

        free = await running.say(user, QUESTIONS[lang])
        assert kb.topics["registration-deadline"].text(lang).title in free.text

        sticker = {
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        }
        start = len(running.telegram.calls)
        running.telegram.send_content(user, sticker=sticker)
        reply = await running._answer(user, start)
        assert reply.text == t("text-only")

        story = "I study in Kazan and my friends told me many things. " * 60
        long_reply = await running.say(user, story + "How much is the visa extension fee?")
        assert len(story) > 3000 and "fee" in long_reply.text.lower()

    assert running.process.proc is not None and running.process.proc.poll() is None


async def test_calls_go_out_as_json_and_uploads_as_forms(running: Session) -> None:
    ann = FakeUser(id=7100, first_name="Ann", language_code="en")
    answer = await running.say(ann, QUESTIONS["en"])
    assert (
        answer.params["parse_mode"] == "HTML" and "inline_keyboard" in answer.params["reply_markup"]
    )
    start = len(running.telegram.calls)
    running.telegram.send_text(ann, "/export")
    export = await running.telegram.wait_for(lambda c: c.method == "sendDocument", after=start)
    assert export.status == 200
    assert {("sendMessage", "application/json"), ("sendDocument", "multipart/form-data")} <= (
        running.server.bodies
    )


async def test_language_choice_is_remembered_across_a_restart(running: Session, i18n: I18n) -> None:
    user = FakeUser(id=77, first_name="Marco", language_code="en")
    await running.say(user, "/language")
    confirmation = await running.press(user, "Italiano")
    assert confirmation.text.startswith(i18n.translator("it")("language-set", language="Italiano"))

    await running.restart()
    again = await running.say(user, "/start")
    assert again.text.startswith("Ciao, Marco!")


async def test_html_in_a_name_is_shown_as_text(running: Session) -> None:
    user = FakeUser(id=55, first_name="<b>Bob</b> & <script>", language_code="en")
    greeting = await running.say(user, "/start")
    assert greeting.status == 200
    assert (
        "Hello, <b>Bob</b> & <script>!"
        in running.telegram.messages[(55, greeting.result["message_id"])]["text"]
    )


async def test_inline_mode_offers_answers(running: Session, kb: KnowledgeBase) -> None:
    user = FakeUser(id=66, language_code="ru")
    start = len(running.telegram.calls)
    running.telegram.inline_query(user, "штраф за просрочку визы")
    call = await running.telegram.wait_for(lambda c: c.method == "answerInlineQuery", after=start)
    results = call.params["results"]
    assert 1 <= len(results) <= 5
    assert results[0]["id"] in kb.topics
    assert "штраф" in json.dumps(results, ensure_ascii=False).lower()


async def test_commands_are_registered_per_language(running: Session, i18n: I18n) -> None:
    calls = [c for c in running.telegram.calls if c.method == "setMyCommands"]
    by_lang = {c.params.get("language_code"): c.params["commands"] for c in calls}
    assert set(by_lang) == {None, *LANGUAGES}
    for lang in LANGUAGES:
        described = {c["command"]: c["description"] for c in by_lang[lang]}
        assert described["topics"] == i18n.translator(lang)("cmd-topics")


async def test_descriptions_are_set_per_language_and_inline_answers_are_personal(
    running: Session, i18n: I18n
) -> None:
    calls = [c for c in running.telegram.calls if c.method == "setMyShortDescription"]
    by_lang = {c.params.get("language_code"): c.params["short_description"] for c in calls}
    assert set(by_lang) == {None, *LANGUAGES}
    assert by_lang["zh"] == i18n.translator("zh")("bot-short-description")
    assert {
        c.params.get("language_code")
        for c in running.telegram.calls
        if c.method == "setMyDescription"
    } == {None, *LANGUAGES}
    start = len(running.telegram.calls)
    running.telegram.inline_query(FakeUser(id=67, language_code="it"), "multa visto scaduto")
    call = await running.telegram.wait_for(lambda c: c.method == "answerInlineQuery", after=start)
    assert str(call.params["is_personal"]).lower() == "true"
    [button] = call.params["results"][0]["reply_markup"]["inline_keyboard"][0]
    assert button["url"].endswith(f"?start=t-{call.params['results'][0]['id']}")


async def test_sigterm_stops_cleanly_and_the_token_is_never_logged(running: Session) -> None:
    await running.say(FakeUser(id=5), "/help")
    assert await running.process.stop() == 0
    log = running.process.log
    assert "database closed" in log
    assert TEST_TOKEN not in log and TEST_TOKEN.split(":")[1] not in log
    assert "Traceback" not in log


@pytest.mark.parametrize("lang", ["ru", "zh", "it"])
async def test_wizard_survives_a_restart_and_saves(
    running: Session, kb: KnowledgeBase, i18n: I18n, lang: str, tmp_path: Path
) -> None:
    t = i18n.translator(lang)
    user = FakeUser(id=4000 + len(lang) + ord(lang[0]), first_name="W", language_code=lang)
    await running.say(user, "/renew")
    prompt = await running.press(user, kb.documents["visa"].text(lang).title)
    assert kb.documents["visa"].text(lang).title in prompt.text

    await running.restart()

    typed = {"ru": "15 марта 2027", "zh": "2027年3月15日", "it": "15 marzo 2027"}[lang]
    plan = await running.say(user, typed)
    assert kb.documents["visa"].text(lang).checklist[0] in plan.text
    saved = await running.press(user, t("wizard-btn-save"))
    assert saved.text.startswith(t("wizard-saved"))
    with sqlite3.connect(tmp_path / "bot.db") as conn:
        rows = conn.execute(
            "SELECT kind, expires_on FROM documents WHERE user_id = ?", (user.id,)
        ).fetchall()
    assert rows == [("visa", "2027-03-15")]


async def test_the_running_bot_sends_a_due_reminder_once(tmp_path: Path) -> None:
    db = Database(tmp_path / "bot.db")
    await db.connect()
    await add_users(db, [(31, "Rita", "en", 0)])
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date()
    await add_documents(db, [(31, "visa", "", tomorrow, 0, int(time.time()) - 60)])
    await db.close()
    async with FakeTelegramServer() as server:
        env = {
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": server.url,
            "DATABASE_PATH": str(tmp_path / "bot.db"),
            "DEFAULT_TIMEZONE": "UTC",
        }
        process = BotProcess(env, tmp_path / "bot.log")
        process.start()
        try:
            reminder = await server.telegram.wait_for(
                lambda c: c.method == "sendMessage" and c.chat_id == 31, timeout=90
            )
            assert "expires" in reminder.text and "Remind me tomorrow" in str(reminder.buttons)
            assert await process.stop() == 0
            polls, mark = server.polls, len(server.telegram.calls)
            process.start()
            await server.wait_for_poll(since=polls)
            await asyncio.sleep(1.5)
            assert [c for c in server.telegram.calls[mark:] if c.chat_id == 31] == []
        finally:
            if process.proc and process.proc.poll() is None:
                process.kill()
