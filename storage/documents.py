"""Saved documents and the bookkeeping of their reminders.

A due reminder is claimed before it is sent, under a lease (storage/database.py): the claimer
(`db.owner`) and an expiry. Workers claim different reminders (`FOR UPDATE SKIP LOCKED` on
PostgreSQL); one that dies leaves its claims to be taken over once their lease has passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from storage.database import Database

REMINDER_LEASE = 300  # seconds a claimed reminder stays its claimer's: far more than a send takes


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
        [row] = await conn.execute_fetchall(
            "INSERT INTO documents (user_id, kind, label, expires_on, created_at, next_remind_at)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (user_id, kind, label, expires_on.isoformat(), now, next_remind_at),
        )
    return int(row[0])


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


# Due, not held under a live lease, of a user who has not blocked the bot.
_DUE = "d.next_remind_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?) AND u.blocked = 0"
_DUE_COLUMNS = (
    f"{_DOC}, u.language, u.tg_language, u.timezone, u.reminder_hour, u.reminder_days, d.snoozed"
)


def _due(r: tuple[object, ...]) -> DueReminder:
    return DueReminder(_document(r[:7]), r[7], r[8], r[9], r[10], r[11], bool(r[12]))  # type: ignore[arg-type]


async def due_reminders(db: Database, now: int, limit: int) -> list[DueReminder]:
    """Documents whose next reminder is due and unclaimed, oldest first (claims nothing)."""
    async with db.read() as conn:
        rows = await conn.execute_fetchall(
            f"SELECT {_DUE_COLUMNS} FROM documents d JOIN users u ON u.id = d.user_id"
            f" WHERE {_DUE} ORDER BY d.next_remind_at LIMIT ?",
            (now, now, limit),
        )
    return [_due(tuple(r)) for r in rows]


async def claim_due_reminders(
    db: Database, now: int, limit: int, lease: int = REMINDER_LEASE
) -> list[DueReminder]:
    """Claims up to `limit` due reminders for `db.owner` until `now + lease`, oldest first.

    Reminders another worker is claiming at the same moment are skipped, not waited for, so two
    workers never claim the same one.
    """
    async with db.write() as conn:
        claimed = await conn.execute_fetchall(
            "UPDATE documents SET claimed_by = ?, lease_until = ? WHERE id IN ("
            " SELECT d.id FROM documents d JOIN users u ON u.id = d.user_id"
            f" WHERE {_DUE} ORDER BY d.next_remind_at LIMIT ?{db.lock(of='d', skip_locked=True)})"
            " RETURNING id",
            (db.owner, now + lease, now, now, limit),
        )
        if not claimed:
            return []
        ids = [int(r[0]) for r in claimed]
        rows = await conn.execute_fetchall(
            f"SELECT {_DUE_COLUMNS} FROM documents d JOIN users u ON u.id = d.user_id"
            f" WHERE d.id IN ({', '.join('?' for _ in ids)}) ORDER BY d.next_remind_at, d.id",
            ids,
        )
    return [_due(tuple(r)) for r in rows]


async def release_reminders(db: Database, document_ids: Iterable[int]) -> None:
    """Gives back claims of `db.owner` that were not sent (a stop came first)."""
    async with db.write() as conn:
        await conn.executemany(
            "UPDATE documents SET claimed_by = NULL, lease_until = NULL"
            " WHERE id = ? AND claimed_by = ?",
            [(document_id, db.owner) for document_id in document_ids],
        )


async def reminder_sent(
    db: Database, document_id: int, days_left: int, now: int, next_remind_at: int | None
) -> None:
    async with db.write() as conn:
        await conn.execute(
            "UPDATE documents SET next_remind_at = ?, claimed_by = NULL, lease_until = NULL,"
            " snoozed = 0, failures = 0 WHERE id = ?",
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
        rows = await conn.execute_fetchall(
            f"SELECT failures FROM documents WHERE id = ?{db.lock()}", (document_id,)
        )
        if not rows:
            return 0
        failures = int(rows[0][0]) + 1
        wait = min(first_wait * 2 ** min(failures - 1, 20), 86400)
        await conn.execute(
            "UPDATE documents SET claimed_by = NULL, lease_until = NULL, failures = ?,"
            " next_remind_at = ? WHERE id = ?",
            (failures, now + wait, document_id),
        )
    return failures


async def release_claims(db: Database, now: int) -> int:
    """At start-up: claims nobody holds any more are released (their reminders are due again,
    sent at least once, maybe twice). Those are the expired leases and, on SQLite, whose file one
    process owns, every claim of another owner: a process that has stopped. Live claims of other
    workers on PostgreSQL stay theirs."""
    others = " OR claimed_by != ?" if db.others_claims_dead else ""
    async with db.write() as conn:
        cursor = await conn.execute(
            "UPDATE documents SET claimed_by = NULL, lease_until = NULL"
            f" WHERE claimed_by IS NOT NULL AND (lease_until IS NULL OR lease_until <= ?{others})",
            (now, db.owner) if others else (now,),
        )
        return cursor.rowcount


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
