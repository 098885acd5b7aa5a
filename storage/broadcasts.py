"""Broadcasts and their per-recipient deliveries: who gets it, what happened, where to resume.

A broadcast's audience is a segment of the users (everyone, a language, a document kind, documents
expiring soon, recently active), always without those who blocked the bot or turned off news.
Besides its own message (for everyone else), a broadcast may have one version per language.
When sending starts the segment is materialised into one delivery row per recipient; from then
on the engine only moves rows pending -> sending -> sent | failed | blocked, a batch at a time.
A delivery is 'sending' under a lease (storage/database.py): the claimer and an expiry. Workers
claim different deliveries (`FOR UPDATE SKIP LOCKED` on PostgreSQL); a delivery whose lease has
passed goes back to 'pending', counted as uncertain (its recipient may get it twice).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, get_args

from storage.database import Connection, Database

SegmentKind = Literal["all", "lang", "doc", "expiring", "active"]
Status = Literal["draft", "scheduled", "sending", "done", "cancelled"]
DeliveryStatus = Literal["pending", "sending", "sent", "failed", "blocked"]
SUPPORTED_LANGUAGES = ("en", "ru", "zh", "it")
DELIVERY_LEASE = 300  # seconds a claimed delivery stays its claimer's: far more than a send takes


@dataclass(frozen=True, slots=True)
class Segment:
    """Who a broadcast goes to; `value` is the language, the document kind or the N days."""

    kind: SegmentKind = "all"
    value: str | int | None = None

    def to_json(self) -> str:
        data: dict[str, object] = {"kind": self.kind}
        if self.value is not None:
            data["value"] = self.value
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> Segment:
        data = json.loads(raw)
        return cls(data["kind"], data.get("value"))


@dataclass(frozen=True, slots=True)
class Broadcast:
    id: int
    operator_id: int
    from_chat_id: int
    message_id: int
    segment: Segment
    status: Status
    send_at: int | None
    created_at: int
    started_at: int | None
    finished_at: int | None
    total: int
    sent: int
    failed: int
    blocked: int
    uncertain: int
    progress_message_id: int | None


@dataclass(frozen=True, slots=True)
class Result:
    """What Telegram answered for one recipient."""

    user_id: int
    status: Literal["sent", "failed", "blocked"]
    attempts: int
    at: int


_COLUMNS = (
    "id, operator_id, from_chat_id, message_id, segment, status, send_at, created_at, started_at,"
    " finished_at, total, sent, failed, blocked, uncertain, progress_message_id"
)

# The language the bot speaks to a user, as bot.preferences.language_of decides it (a test keeps the
# two in step): the one they chose, else their Telegram language when the bot has it ("ru",
# "ru-RU", "zh_hans"), else the bot's default language (the parameter).
_LANGUAGE_SQL = (
    "COALESCE(u.language, CASE WHEN lower(substr(u.tg_language, 1, 2)) IN ({langs})"
    " AND (length(u.tg_language) = 2 OR substr(u.tg_language, 3, 1) IN ('-', '_'))"
    " THEN lower(substr(u.tg_language, 1, 2)) ELSE ? END)"
).format(langs=", ".join(f"'{x}'" for x in SUPPORTED_LANGUAGES))


def _broadcast(row: object) -> Broadcast:
    r = tuple(row)  # type: ignore[arg-type]
    return Broadcast(r[0], r[1], r[2], r[3], Segment.from_json(r[4]), *r[5:16])  # type: ignore[arg-type]


def segment_filter(
    segment: Segment, now: int, today: date, *, default_language: str, news: bool = True
) -> tuple[str, tuple[object, ...]]:
    """The WHERE clause (over `users u`) choosing the segment's recipients, and its parameters;
    `news=False`: those of the segment who turned off news instead. `default_language` is what
    the bot speaks to those whose language it doesn't know (DEFAULT_LANGUAGE)."""
    where = f"u.blocked = 0 AND u.news = {int(news)}"
    if segment.kind == "all":
        return where, ()
    if segment.kind == "lang":
        return f"{where} AND {_LANGUAGE_SQL} = ?", (default_language, str(segment.value))
    if segment.kind == "doc":
        return (
            f"{where} AND EXISTS (SELECT 1 FROM documents d WHERE d.user_id = u.id AND d.kind = ?)",
            (str(segment.value),),
        )
    days = int(segment.value or 0)
    if segment.kind == "expiring":
        return (
            f"{where} AND EXISTS (SELECT 1 FROM documents d WHERE d.user_id = u.id"
            " AND d.expires_on BETWEEN ? AND ?)",
            (today.isoformat(), (today + timedelta(days=days)).isoformat()),
        )
    if segment.kind == "active":
        return f"{where} AND u.last_seen >= ?", (now - days * 86400,)
    raise ValueError(f"unknown segment {segment!r}")


async def audience_size(
    db: Database,
    segment: Segment,
    now: int,
    today: date,
    *,
    default_language: str,
    news: bool = True,
) -> int:
    """How many the segment reaches (`news=False`: how many of it turned off news)."""
    where, params = segment_filter(
        segment, now, today, default_language=default_language, news=news
    )
    row = await db.fetch_one(f"SELECT COUNT(*) FROM users u WHERE {where}", params)
    return int(row[0]) if row else 0


async def create_broadcast(
    db: Database,
    *,
    operator_id: int,
    from_chat_id: int,
    message_id: int,
    segment: Segment,
    now: int,
    send_at: int | None = None,
    versions: Mapping[str, int] | None = None,
) -> int:
    """A new broadcast: 'scheduled' when it has a `send_at`, else a 'draft' about to start.

    `versions` maps a language onto another message of `from_chat_id`: what speakers of that
    language get instead of `message_id`.
    """
    status = "scheduled" if send_at is not None else "draft"
    async with db.write() as conn:
        [row] = await conn.execute_fetchall(
            "INSERT INTO broadcasts (operator_id, from_chat_id, message_id, segment, status,"
            " send_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (operator_id, from_chat_id, message_id, segment.to_json(), status, send_at, now),
        )
        broadcast_id = int(row[0])
        await conn.executemany(
            "INSERT INTO broadcast_versions (broadcast_id, lang, from_chat_id, message_id)"
            " VALUES (?, ?, ?, ?)",
            [(broadcast_id, lang, from_chat_id, mid) for lang, mid in (versions or {}).items()],
        )
        return broadcast_id


async def broadcast_versions(db: Database, broadcast_id: int) -> dict[str, tuple[int, int]]:
    """The broadcast's language versions: language -> (from_chat_id, message_id)."""
    rows = await db.fetch_all(
        "SELECT lang, from_chat_id, message_id FROM broadcast_versions WHERE broadcast_id = ?",
        (broadcast_id,),
    )
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


async def get_broadcast(db: Database, broadcast_id: int) -> Broadcast | None:
    row = await db.fetch_one(f"SELECT {_COLUMNS} FROM broadcasts WHERE id = ?", (broadcast_id,))
    return _broadcast(row) if row else None


async def broadcasts_with_status(db: Database, *statuses: Status) -> list[Broadcast]:
    marks = ", ".join("?" for _ in statuses)
    rows = await db.fetch_all(
        f"SELECT {_COLUMNS} FROM broadcasts WHERE status IN ({marks}) ORDER BY id", statuses
    )
    return [_broadcast(r) for r in rows]


async def start_sending(
    db: Database, broadcast_id: int, now: int, today: date, *, default_language: str
) -> bool:
    """Materialises the recipients and moves the broadcast to 'sending', in one transaction.

    True when the broadcast is (now, or already was) sending; False when it was cancelled or done.
    """
    async with db.write() as conn:
        async with conn.execute(
            f"SELECT status, segment FROM broadcasts WHERE id = ?{db.lock()}", (broadcast_id,)
        ) as cur:
            row = await cur.fetchone()
        if row is None or row[0] in ("done", "cancelled"):
            return False
        if row[0] == "sending":
            return True
        where, params = segment_filter(
            Segment.from_json(row[1]), now, today, default_language=default_language
        )
        cursor = await conn.execute(
            "INSERT INTO broadcast_deliveries (broadcast_id, user_id)"
            f" SELECT CAST(? AS BIGINT), u.id FROM users u WHERE {where} ON CONFLICT DO NOTHING",
            (broadcast_id, *params),
        )
        await conn.execute(
            "UPDATE broadcasts SET status = 'sending', started_at = ?, total = ? WHERE id = ?",
            (now, cursor.rowcount, broadcast_id),
        )
    return True


async def recover_in_flight(db: Database, broadcast_id: int, now: int) -> int:
    """Deliveries whose claim nobody holds any more go back to 'pending'; returns how many.

    Those are the expired leases and, on SQLite (one process owns the file), every claim of
    another owner. They are counted as uncertain: the message may have arrived already.
    """
    async with db.write() as conn:
        return await _recover(conn, db, broadcast_id, now, at_start=True)


async def _recover(
    conn: Connection, db: Database, broadcast_id: int, now: int, *, at_start: bool
) -> int:
    others = " OR claimed_by != ?" if at_start and db.others_claims_dead else ""
    cursor = await conn.execute(
        "UPDATE broadcast_deliveries SET status = 'pending', claimed_by = NULL, lease_until = NULL"
        " WHERE broadcast_id = ? AND status = 'sending'"
        f" AND (lease_until IS NULL OR lease_until <= ?{others})",
        (broadcast_id, now, db.owner) if others else (broadcast_id, now),
    )
    if count := cursor.rowcount:
        await conn.execute(
            "UPDATE broadcasts SET uncertain = uncertain + ? WHERE id = ?", (count, broadcast_id)
        )
    return count


async def record_and_claim(
    db: Database,
    broadcast_id: int,
    results: Sequence[Result],
    claim: int,
    now: int,
    lease: int = DELIVERY_LEASE,
) -> list[int]:
    """One transaction: writes `results` and claims up to `claim` pending deliveries.

    Claimed deliveries are 'sending', leased to `db.owner` until `now + lease`, until their result
    is written; the ids come back in order. Deliveries whose lease has passed are pending again
    first, so a worker that died mid-broadcast leaves nobody out. Other owners' unexpired claims
    are left alone even on SQLite: `recover_in_flight` frees a stopped process's at the start.
    """
    async with db.write() as conn:
        if results:
            await conn.executemany(
                "UPDATE broadcast_deliveries SET status = ?, attempts = ?, sent_at = ?,"
                " claimed_by = NULL, lease_until = NULL WHERE broadcast_id = ? AND user_id = ?",
                [
                    (
                        r.status,
                        r.attempts,
                        r.at if r.status == "sent" else None,
                        broadcast_id,
                        r.user_id,
                    )
                    for r in results
                ],
            )
            tally = {"sent": 0, "failed": 0, "blocked": 0}
            for r in results:
                tally[r.status] += 1
            await conn.execute(
                "UPDATE broadcasts SET sent = sent + ?, failed = failed + ?, blocked = blocked + ?"
                " WHERE id = ?",
                (tally["sent"], tally["failed"], tally["blocked"], broadcast_id),
            )
        if claim <= 0:
            return []
        await _recover(conn, db, broadcast_id, now, at_start=False)
        rows = await conn.execute_fetchall(
            "UPDATE broadcast_deliveries SET status = 'sending', claimed_by = ?, lease_until = ?"
            " WHERE broadcast_id = ? AND user_id IN (SELECT user_id FROM broadcast_deliveries"
            "  WHERE broadcast_id = ? AND status = 'pending' ORDER BY user_id LIMIT ?"
            f"{db.lock(skip_locked=True)}) RETURNING user_id",
            (db.owner, now + lease, broadcast_id, broadcast_id, claim),
        )
    return sorted(int(r[0]) for r in rows)


async def held_elsewhere(db: Database, broadcast_id: int) -> int:
    """How many deliveries of the broadcast are in flight under another owner's claim."""
    async with db.read() as conn:
        [row] = await conn.execute_fetchall(
            "SELECT COUNT(*) FROM broadcast_deliveries"
            " WHERE broadcast_id = ? AND status = 'sending' AND claimed_by != ?",
            (broadcast_id, db.owner),
        )
    return int(row[0])


async def release(db: Database, broadcast_id: int, user_ids: Iterable[int]) -> None:
    """Claimed deliveries that were never sent (a stop or a cancel) go back to 'pending'."""
    async with db.write() as conn:
        await conn.executemany(
            "UPDATE broadcast_deliveries SET status = 'pending', claimed_by = NULL,"
            " lease_until = NULL WHERE broadcast_id = ? AND user_id = ? AND status = 'sending'"
            " AND claimed_by = ?",
            [(broadcast_id, user_id, db.owner) for user_id in user_ids],
        )


async def delivery_counts(db: Database, broadcast_id: int) -> dict[str, int]:
    """How many deliveries of the broadcast are in each state (missing states: 0)."""
    counts = dict.fromkeys(get_args(DeliveryStatus), 0)
    for status, count in await db.fetch_all(
        "SELECT status, COUNT(*) FROM broadcast_deliveries WHERE broadcast_id = ? GROUP BY status",
        (broadcast_id,),
    ):
        counts[status] = int(count)
    return counts


async def finish(db: Database, broadcast_id: int, status: Status, now: int) -> bool:
    """Ends a broadcast as 'done' or 'cancelled'; False if it had already ended."""
    ended = await db.execute(
        "UPDATE broadcasts SET status = ?, finished_at = ?"
        " WHERE id = ? AND status NOT IN ('done', 'cancelled')",
        (status, now, broadcast_id),
    )
    return ended > 0


async def set_progress_message(db: Database, broadcast_id: int, message_id: int) -> None:
    await db.execute(
        "UPDATE broadcasts SET progress_message_id = ? WHERE id = ?", (message_id, broadcast_id)
    )


async def reschedule(db: Database, broadcast_id: int, send_at: int) -> bool:
    """Moves a scheduled broadcast to `send_at`; False if it is no longer scheduled."""
    moved = await db.execute(
        "UPDATE broadcasts SET send_at = ? WHERE id = ? AND status = 'scheduled'",
        (send_at, broadcast_id),
    )
    return moved > 0


BROADCASTS_CHANNEL = "broadcasts"  # PostgreSQL NOTIFY channel: an operator's decision to act on


async def announce(db: Database) -> None:
    """Tells the leading process (LISTENing on PostgreSQL) that a broadcast was recorded or
    cancelled; on SQLite the one process is the leader and needs no telling."""
    if db.dialect == "postgresql":
        await db.execute("SELECT pg_notify(?, '')", (BROADCASTS_CHANNEL,))
