"""Saved documents and the bookkeeping of their reminders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from storage.database import Database


@dataclass(frozen=True, slots=True)
class Document:
    id: int
    user_id: int
    kind: str
    label: str
    expires_on: date
    created_at: int
    next_remind_at: int | None


@dataclass(frozen=True, slots=True)
class DueReminder:
    """A document whose reminder is due, with what is needed to write and send it."""

    document: Document
    language: str | None
    tg_language: str | None
    timezone: str | None
    reminder_hour: int
    reminder_days: str | None
    snoozed: bool


_DOC = "d.id, d.user_id, d.kind, d.label, d.expires_on, d.created_at, d.next_remind_at"


def _document(r: tuple[object, ...]) -> Document:
    return Document(
        int(r[0]),
        int(r[1]),
        str(r[2]),
        str(r[3]),
        date.fromisoformat(str(r[4])),
        int(r[5]),  # type: ignore[arg-type]
        None if r[6] is None else int(r[6]),  # type: ignore[arg-type]
    )


async def add_document(
    db: Database,
    user_id: int,
    kind: str,
    label: str,
    expires_on: date,
    now: int,
    next_remind_at: int | None,
) -> int:
    async with db.write() as conn:
        cursor = await conn.execute(
            "INSERT INTO documents (user_id, kind, label, expires_on, created_at, next_remind_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (user_id, kind, label, expires_on.isoformat(), now, next_remind_at),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid


async def user_documents(db: Database, user_id: int) -> list[Document]:
    rows = await db.fetch_all(
        f"SELECT {_DOC} FROM documents d WHERE d.user_id = ? ORDER BY d.expires_on, d.id",
        (user_id,),
    )
    return [_document(tuple(r)) for r in rows]


async def get_document(db: Database, user_id: int, document_id: int) -> Document | None:
    row = await db.fetch_one(
        f"SELECT {_DOC} FROM documents d WHERE d.id = ? AND d.user_id = ?", (document_id, user_id)
    )
    return _document(tuple(row)) if row else None


async def update_document(
    db: Database,
    document_id: int,
    *,
    expires_on: date,
    label: str,
    next_remind_at: int | None,
) -> None:
    await db.execute(
        "UPDATE documents SET expires_on = ?, label = ?, next_remind_at = ?, snoozed = 0,"
        " failures = 0 WHERE id = ?",
        (expires_on.isoformat(), label, next_remind_at, document_id),
    )


async def set_next_reminders(db: Database, schedule: dict[int, int | None]) -> None:
    """Sets several documents' next reminder at once (after the user changes their settings)."""
    async with db.write() as conn:
        await conn.executemany(
            "UPDATE documents SET next_remind_at = ?, snoozed = 0 WHERE id = ?",
            [(at, document_id) for document_id, at in schedule.items()],
        )


async def delete_document(db: Database, user_id: int, document_id: int) -> bool:
    deleted = await db.execute(
        "DELETE FROM documents WHERE id = ? AND user_id = ?", (document_id, user_id)
    )
    return deleted > 0


async def snooze(db: Database, user_id: int, document_id: int, until: int) -> bool:
    changed = await db.execute(
        "UPDATE documents SET next_remind_at = ?, snoozed = 1 WHERE id = ? AND user_id = ?",
        (until, document_id, user_id),
    )
    return changed > 0


async def due_reminders(db: Database, now: int, limit: int) -> list[DueReminder]:
    """Documents whose next reminder is due, oldest first, of users who have not blocked the bot."""
    rows = await db.fetch_all(
        f"""
        SELECT {_DOC}, u.language, u.tg_language, u.timezone, u.reminder_hour, u.reminder_days,
               d.snoozed
        FROM documents d JOIN users u ON u.id = d.user_id
        WHERE d.next_remind_at <= ? AND d.claimed_at IS NULL AND u.blocked = 0
        ORDER BY d.next_remind_at
        LIMIT ?
        """,
        (now, limit),
    )
    return [
        DueReminder(_document(tuple(r)[:7]), r[7], r[8], r[9], r[10], r[11], bool(r[12]))
        for r in rows
    ]


async def claim_reminder(db: Database, document_id: int, due_at: int, now: int) -> bool:
    """Marks the reminder as being sent; False if someone changed the document meanwhile."""
    claimed = await db.execute(
        "UPDATE documents SET claimed_at = ? WHERE id = ? AND next_remind_at = ?"
        " AND claimed_at IS NULL",
        (now, document_id, due_at),
    )
    return claimed > 0


async def reminder_sent(
    db: Database, document_id: int, days_left: int, now: int, next_remind_at: int | None
) -> None:
    async with db.write() as conn:
        await conn.execute(
            "UPDATE documents SET next_remind_at = ?, claimed_at = NULL, snoozed = 0, failures = 0"
            " WHERE id = ?",
            (next_remind_at, document_id),
        )
        await conn.execute(
            "INSERT INTO reminders_sent (document_id, sent_at, days_left) VALUES (?, ?, ?)",
            (document_id, now, days_left),
        )


async def reminder_failed(db: Database, document_id: int, now: int, first_wait: int = 60) -> int:
    """Puts the reminder back to be tried again, waiting twice as long each time (at most a day).

    Returns how many times it has failed so far.
    """
    async with db.write() as conn:
        await conn.execute(
            "UPDATE documents SET claimed_at = NULL, failures = failures + 1,"
            " next_remind_at = ? + MIN(? * (1 << MIN(failures, 20)), 86400) WHERE id = ?",
            (now, first_wait, document_id),
        )
        async with conn.execute("SELECT failures FROM documents WHERE id = ?", (document_id,)) as c:
            row = await c.fetchone()
    return int(row[0]) if row else 0


async def release_claims(db: Database) -> int:
    """After a crash: reminders caught mid-send are due again (sent at least once, maybe twice)."""
    return await db.execute("UPDATE documents SET claimed_at = NULL WHERE claimed_at IS NOT NULL")


async def reminders_sent_for(db: Database, document_id: int) -> list[tuple[int, int]]:
    """(sent_at, days_left) of every reminder sent for the document, oldest first."""
    rows = await db.fetch_all(
        "SELECT sent_at, days_left FROM reminders_sent WHERE document_id = ? ORDER BY id",
        (document_id,),
    )
    return [(int(r[0]), int(r[1])) for r in rows]


async def rename_document(db: Database, user_id: int, document_id: int, label: str) -> bool:
    renamed = await db.execute(
        "UPDATE documents SET label = ? WHERE id = ? AND user_id = ?", (label, document_id, user_id)
    )
    return renamed > 0


async def add_documents(
    db: Database, rows: Iterable[tuple[int, str, str, date, int, int | None]]
) -> None:
    """Many documents at once, in one transaction: (user, kind, label, expiry, created, next)."""
    async with db.write() as conn:
        await conn.executemany(
            "INSERT INTO documents (user_id, kind, label, expires_on, created_at, next_remind_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            ((u, k, lb, e.isoformat(), c, n) for u, k, lb, e, c, n in rows),
        )
