"""Questions waiting for an operator's /review, and what operators answered.

A question waits when the bot declined it or only offered suggestions; small talk never waits.
Questions are grouped by their normalised text (the caller's `key` function), most asked first,
and leave the queue once reviewed, whatever the verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from storage.database import Database

Verdict = Literal["topic", "offtopic", "skip"]


@dataclass(frozen=True, slots=True)
class Pending:
    key: str
    question: str
    """The newest way it was typed."""
    lang: str
    count: int


@dataclass(frozen=True, slots=True)
class Review:
    key: str
    question: str
    lang: str
    verdict: Verdict
    topic_id: str | None
    operator_id: int
    reviewed_at: int


async def pending_reviews(db: Database, since: int, key: Callable[[str], str]) -> list[Pending]:
    async with db.read() as conn:
        asked = await conn.execute_fetchall(
            "SELECT text, lang FROM questions WHERE outcome IN ('declined', 'suggested')"
            " AND asked_at >= ? ORDER BY asked_at, id",
            (since,),
        )
        done = {str(r[0]) for r in await conn.execute_fetchall("SELECT key FROM reviews")}
    groups: dict[str, Pending] = {}
    for text, lang in asked:
        k = key(str(text))
        if not k or k in done:
            continue
        seen = groups.get(k)
        groups[k] = Pending(k, str(text), str(lang), seen.count + 1 if seen else 1)
    return sorted(groups.values(), key=lambda p: -p.count)


async def record_review(db: Database, review: Review) -> None:
    """The operator's verdict; a later one on the same question replaces it."""
    async with db.write() as conn:
        await conn.execute(
            "INSERT INTO reviews"
            " (key, question, lang, verdict, topic_id, operator_id, reviewed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
            " question = excluded.question, lang = excluded.lang, verdict = excluded.verdict,"
            " topic_id = excluded.topic_id, operator_id = excluded.operator_id,"
            " reviewed_at = excluded.reviewed_at",
            (
                review.key,
                review.question,
                review.lang,
                review.verdict,
                review.topic_id,
                review.operator_id,
                review.reviewed_at,
            ),
        )


async def taught(db: Database) -> list[Review]:
    """Every topic and off-topic verdict, oldest first (skips teach nothing)."""
    rows = await db.fetch_all(
        "SELECT key, question, lang, verdict, topic_id, operator_id, reviewed_at FROM reviews"
        " WHERE verdict != 'skip' ORDER BY reviewed_at, key"
    )
    return [Review(*tuple(r)) for r in rows]
