"""Free-text questions and what the bot did with each: operators read it to improve content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from storage.database import Database

Outcome = Literal["answered", "suggested", "declined", "smalltalk", "plan"]
MAX_LOGGED_CHARS = 1000


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    user_id: int
    asked_at: int
    text: str
    lang: str
    topic_id: str | None
    score: float
    outcome: Outcome


async def log_question(db: Database, q: LoggedQuestion) -> None:
    await db.execute(
        "INSERT INTO questions (user_id, asked_at, text, lang, topic_id, score, outcome)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (q.user_id, q.asked_at, q.text[:MAX_LOGGED_CHARS], q.lang, q.topic_id, q.score, q.outcome),
    )


async def recent_questions(db: Database, since: int) -> list[LoggedQuestion]:
    rows = await db.fetch_all(
        "SELECT user_id, asked_at, text, lang, topic_id, score, outcome FROM questions"
        " WHERE asked_at >= ? ORDER BY asked_at, id",
        (since,),
    )
    return [LoggedQuestion(*tuple(r)) for r in rows]


async def last_question(db: Database, user_id: int) -> LoggedQuestion | None:
    """The user's newest logged question, if they asked any."""
    row = await db.fetch_one(
        "SELECT user_id, asked_at, text, lang, topic_id, score, outcome FROM questions"
        " WHERE user_id = ? ORDER BY asked_at DESC, id DESC LIMIT 1",
        (user_id,),
    )
    return LoggedQuestion(*tuple(row)) if row else None


async def delete_old_questions(db: Database, now: datetime, keep_days: int) -> int:
    """Deletes the questions asked more than `keep_days` ago, and the opening question of the
    hand-offs closed that long ago; returns how many questions went."""
    before = int((now - timedelta(days=keep_days)).timestamp())
    async with db.write() as conn:
        cursor = await conn.execute("DELETE FROM questions WHERE asked_at < ?", (before,))
        await conn.execute(
            "UPDATE handoff_threads SET question = '' WHERE status = 'closed' AND closed_at < ?"
            " AND question != ''",
            (before,),
        )
        return cursor.rowcount
