"""Figures for the operators' /stats: who uses the bot, what they saved, what they asked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from storage.database import Connection, Database

DAY = 86400
ACTIVE_DAYS = 30  # a user seen this recently is active
TOP_DECLINED = 10
EPOCH = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class UserCounts:
    """Users with one (chosen language, Telegram language) pair; the caller maps it to ours."""

    language: str | None
    tg_language: str | None
    total: int
    active: int
    blocked: int


@dataclass(frozen=True, slots=True)
class Stats:
    users: list[UserCounts]
    documents_by_kind: dict[str, int]
    expiring_7: int
    expiring_30: int
    expiring_per_week: list[int]  # index k: expiring in [today + 7k, today + 7k + 6]
    reminders_sent_7: int
    outcomes: dict[str, int]  # answered / suggested / declined over the question window
    top_declined: list[tuple[str, int]]  # normalised text, count: most frequent first
    # (local day, answered, declined) for each day of the question window, oldest first
    questions_per_day: list[tuple[date, int, int]] = field(default_factory=list)
    suggested_per_day: list[int] = field(default_factory=list)  # the same days


def normalise_question(text: str) -> str:
    """Lowercased with runs of whitespace collapsed, so "Visa  Fine?" and "visa fine?" count once.

    In Python, not SQL: SQLite's lower() only knows ASCII, and the questions are often Cyrillic.
    Everything else is counted in SQL both engines speak; dates are bucketed here.
    """
    return " ".join(text.lower().split())


async def _rows(
    conn: Connection, sql: str, params: tuple[object, ...] = ()
) -> list[tuple[Any, ...]]:
    async with conn.execute(sql, params) as cur:
        return [tuple(r) for r in await cur.fetchall()]


async def _one(conn: Connection, sql: str, params: tuple[object, ...] = ()) -> int:
    [row] = await _rows(conn, sql, params)
    return int(row[0] or 0)


def _most_declined(rows: list[tuple[Any, ...]], top: int) -> list[tuple[str, int]]:
    """The `top` declined questions as normalised, most asked first, then first asked first."""
    groups: dict[str, list[int]] = {}  # text -> [count, first asked]
    for text, asked_at in rows:
        if q := normalise_question(str(text)):
            group = groups.setdefault(q, [0, int(asked_at)])
            group[0] += 1
            group[1] = min(group[1], int(asked_at))
    ranked = sorted(groups.items(), key=lambda g: (-g[1][0], g[1][1], g[0]))
    return [(q, count) for q, (count, _) in ranked[:top]]


async def gather_stats(
    db: Database, local_now: datetime, *, question_days: int = 30, weeks: int = 12
) -> Stats:
    """Everything /stats shows, read in one turn of the connection.

    `local_now` is the time in the bot's time zone: its UTC offset puts questions onto local days,
    counted over the last `question_days` of them, today included.
    """
    now, today = int(local_now.timestamp()), local_now.date()
    day_starts_at = int(datetime.combine(today, time(), local_now.tzinfo).timestamp())
    offset = local_now.utcoffset()
    utc_offset = int(offset.total_seconds()) if offset else 0
    question_since = day_starts_at - (question_days - 1) * DAY
    first_day = today - timedelta(days=question_days - 1)
    horizon = today + timedelta(days=7 * weeks)
    async with db.read() as conn:
        users = [
            UserCounts(r[0], r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0))
            for r in await _rows(
                conn,
                "SELECT language, tg_language, COUNT(*),"
                " SUM(CASE WHEN last_seen >= ? THEN 1 ELSE 0 END),"
                " SUM(CASE WHEN blocked != 0 THEN 1 ELSE 0 END)"
                " FROM users GROUP BY language, tg_language",
                (now - ACTIVE_DAYS * DAY,),
            )
        ]
        by_kind = {
            str(kind): int(n)
            for kind, n in await _rows(
                conn, "SELECT kind, COUNT(*) FROM documents GROUP BY kind ORDER BY COUNT(*) DESC"
            )
        }
        expiring = "SELECT COUNT(*) FROM documents WHERE expires_on >= ? AND expires_on <= ?"
        expiring_7 = await _one(
            conn, expiring, (today.isoformat(), (today + timedelta(7)).isoformat())
        )
        expiring_30 = await _one(
            conn, expiring, (today.isoformat(), (today + timedelta(30)).isoformat())
        )
        per_week = [0] * weeks
        for expires_on, n in await _rows(
            conn,
            "SELECT expires_on, COUNT(*) FROM documents WHERE expires_on >= ? AND expires_on < ?"
            " GROUP BY expires_on",
            (today.isoformat(), horizon.isoformat()),
        ):
            per_week[(date.fromisoformat(expires_on) - today).days // 7] += int(n)
        reminders = await _one(
            conn,
            "SELECT COUNT(*) FROM reminders_sent WHERE sent_at >= ?",
            (now - 7 * DAY,),
        )
        outcomes = {"answered": 0, "suggested": 0, "declined": 0}
        daily: dict[date, list[int]] = {}  # answered, declined, suggested
        for day, outcome, n in await _rows(
            conn,
            "SELECT (asked_at + ?) / 86400 AS day, outcome, COUNT(*) FROM questions"
            " WHERE asked_at >= ? AND asked_at <= ? GROUP BY day, outcome",
            (utc_offset, question_since, now),
        ):
            outcomes[str(outcome)] = outcomes.get(str(outcome), 0) + int(n)
            counts = daily.setdefault(EPOCH + timedelta(days=int(day)), [0, 0, 0])
            if outcome == "answered":
                counts[0] += int(n)
            elif outcome == "declined":
                counts[1] += int(n)
            elif outcome == "suggested":
                counts[2] += int(n)
        declined = await _rows(
            conn,
            "SELECT text, asked_at FROM questions"
            " WHERE outcome = 'declined' AND asked_at >= ? AND asked_at <= ?",
            (question_since, now),
        )
    per_day, suggested = [], []
    for i in range(question_days):
        day = first_day + timedelta(days=i)
        answered, declined_n, offered = daily.get(day, (0, 0, 0))
        per_day.append((day, answered, declined_n))
        suggested.append(offered)
    return Stats(
        users=users,
        documents_by_kind=by_kind,
        expiring_7=expiring_7,
        expiring_30=expiring_30,
        expiring_per_week=per_week,
        reminders_sent_7=reminders,
        outcomes=outcomes,
        top_declined=_most_declined(declined, TOP_DECLINED),
        questions_per_day=per_day,
        suggested_per_day=suggested,
    )
