"""/privacy and how long questions are kept: QUESTION_RETENTION_DAYS and the daily job."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.app import create_dispatcher
from bot.i18n import I18n
from bot.local_api import FakeUser
from bot.settings import load_settings
from storage.handoff import close_thread, open_thread
from storage.questions import LoggedQuestion, delete_old_questions, log_question, recent_questions
from storage.users import touch_user
from tests.harness import START, Chat, make_services, replies

ANN = FakeUser(id=10, first_name="Ann", language_code="en")
IVAN = FakeUser(id=11, first_name="Ivan", language_code="ru")


async def test_privacy_says_what_is_kept_and_for_how_long(tmp_path: Path, i18n: I18n) -> None:
    chat = Chat(make_services(tmp_path / "bot.db", QUESTION_RETENTION_DAYS="30"))
    await chat.start()
    try:
        [reply] = replies(await chat.say(IVAN, "/privacy"))
    finally:
        await chat.close()
    assert reply.text == i18n.translator("ru")("privacy-text", days=30)
    assert "30 дней" in reply.text
    for command in ("/export", "/forget", "/mydocs"):
        assert command in reply.text


def test_retention_defaults_to_180_days_and_is_checked() -> None:
    assert load_settings({}).question_retention_days == 180
    assert load_settings({"QUESTION_RETENTION_DAYS": "7"}).question_retention_days == 7


async def test_questions_older_than_the_retention_are_deleted(chat: Chat) -> None:
    db, now = chat.services.db, START
    await touch_user(db, ANN.id, "Ann", "en", int(now.timestamp()))
    for age in (200, 181, 179, 1):
        asked = int((now - timedelta(days=age)).timestamp())
        await log_question(
            db, LoggedQuestion(ANN.id, asked, f"asked {age} days ago", "en", None, 0.0, "declined")
        )
    opened = int((now - timedelta(days=200)).timestamp())
    thread, _ = await open_thread(db, ANN.id, -100, "an old question", opened)
    await close_thread(db, thread.id, int((now - timedelta(days=190)).timestamp()))

    assert await delete_old_questions(db, now, keep_days=180) == 2
    left = [q.text for q in await recent_questions(db, 0)]
    assert left == ["asked 179 days ago", "asked 1 days ago"]
    # a day later, the next one goes
    assert await delete_old_questions(db, now + timedelta(days=2), keep_days=180) == 1
    async with db.read() as conn, conn.execute("SELECT question FROM handoff_threads") as cur:
        assert [r[0] for r in await cur.fetchall()] == [""]


async def test_the_daily_deletion_job_is_scheduled(tmp_path: Path) -> None:
    services = make_services(tmp_path / "bot.db", QUESTION_RETENTION_DAYS="90")
    dp = create_dispatcher(services, throttle=False, run_jobs=True)
    await dp.emit_startup(bot=services.bot, **dp.workflow_data)
    try:
        job = services.scheduler.get_job("question-retention")
        assert job is not None and job.trigger.interval == timedelta(days=1)
        assert job.args[2] == 90
    finally:
        await dp.emit_shutdown(bot=services.bot, **dp.workflow_data)
