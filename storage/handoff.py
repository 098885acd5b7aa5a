"""Hand-off threads between a user and the operators' group, and which group message is whose."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storage.database import Connection, Database
from storage.memo import Memo

Status = Literal["open", "closed"]
MessageKind = Literal["card", "user", "operator"]
MAX_QUESTION_CHARS = 4096
# Every message of a user without a form is checked for an open thread: on SQLite the answer is
# kept (storage/memo.py), by user id, and every write to the threads here keeps it true.
OPEN_THREADS_MEMO = "handoff_open_thread"


@dataclass(frozen=True, slots=True)
class Thread:
    id: int
    user_id: int
    status: Status
    opened_at: int
    closed_at: int | None
    chat_id: int
    card_message_id: int | None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


# A message recorded again takes its new thread and kind.
_REPLACING = (
    " ON CONFLICT (chat_id, message_id) DO UPDATE SET thread_id = excluded.thread_id,"
    " kind = excluded.kind, created_at = excluded.created_at"
)
_COLUMNS = "t.id, t.user_id, t.status, t.opened_at, t.closed_at, t.chat_id, t.card_message_id"


def _thread(row: object) -> Thread:
    r = tuple(row)  # type: ignore[arg-type]
    return Thread(int(r[0]), int(r[1]), r[2], int(r[3]), r[4], int(r[5]), r[6])


async def _one(conn: Connection, where: str, args: tuple[object, ...]) -> Thread | None:
    async with conn.execute(f"SELECT {_COLUMNS} FROM handoff_threads t WHERE {where}", args) as cur:
        row = await cur.fetchone()
    return _thread(row) if row else None


async def open_thread(
    db: Database, user_id: int, chat_id: int, question: str, now: int
) -> tuple[Thread, bool]:
    """A new open thread for the user, or the one already open: (thread, whether it is new).

    A thread left open in another group (OPERATOR_CHAT_ID changed since) is closed first.
    """
    open_threads = _open_threads(db)
    if open_threads is not None:
        open_threads.forget(user_id)  # until the write is through
    async with db.write() as conn:
        if existing := await _one(conn, "t.user_id = ? AND t.status = 'open'", (user_id,)):
            if existing.chat_id == chat_id:
                if open_threads is not None:
                    open_threads.wrote(user_id, existing)
                return existing, False
            await conn.execute(
                "UPDATE handoff_threads SET status = 'closed', closed_at = ? WHERE id = ?",
                (now, existing.id),
            )
        [row] = await conn.execute_fetchall(
            "INSERT INTO handoff_threads (user_id, opened_at, chat_id, question)"
            " VALUES (?, ?, ?, ?) RETURNING id",
            (user_id, now, chat_id, question[:MAX_QUESTION_CHARS]),
        )
        thread = await _one(conn, "t.id = ?", (row[0],))
    assert thread is not None
    if open_threads is not None:
        open_threads.wrote(user_id, thread)
    return thread, True


async def set_card(db: Database, thread_id: int, message_id: int, now: int) -> None:
    """The thread's card was posted in the group: replies to it belong to the thread."""
    with db.forgetting(OPEN_THREADS_MEMO):
        async with db.write() as conn:
            await conn.execute(
                "UPDATE handoff_threads SET card_message_id = ? WHERE id = ?",
                (message_id, thread_id),
            )
            await conn.execute(
                "INSERT INTO handoff_messages (chat_id, message_id, thread_id, kind, created_at)"
                " SELECT chat_id, ?, id, 'card', ? FROM handoff_threads WHERE id = ?" + _REPLACING,
                (message_id, now, thread_id),
            )


async def drop_thread(db: Database, thread_id: int) -> None:
    """Forgets a thread whose card could not be posted: the user was told to try later."""
    with db.forgetting(OPEN_THREADS_MEMO):
        await db.execute("DELETE FROM handoff_threads WHERE id = ?", (thread_id,))


async def record_message(
    db: Database, chat_id: int, message_id: int, thread_id: int, kind: MessageKind, now: int
) -> None:
    async with db.write() as conn:
        await conn.execute(
            "INSERT INTO handoff_messages (chat_id, message_id, thread_id, kind, created_at)"
            " VALUES (?, ?, ?, ?, ?)" + _REPLACING,
            (chat_id, message_id, thread_id, kind, now),
        )


async def get_thread(db: Database, thread_id: int) -> Thread | None:
    async with db.read() as conn:
        return await _one(conn, "t.id = ?", (thread_id,))


async def open_thread_of(db: Database, user_id: int) -> Thread | None:
    open_threads = _open_threads(db)
    if open_threads is not None and user_id in open_threads:
        return open_threads[user_id]
    version = open_threads.version if open_threads is not None else 0
    async with db.read() as conn:
        thread = await _one(conn, "t.user_id = ? AND t.status = 'open'", (user_id,))
    if open_threads is not None:
        open_threads.read(user_id, thread, version)
    return thread


async def thread_for_message(db: Database, chat_id: int, message_id: int) -> Thread | None:
    """The thread a message in the operators' group belongs to, if it belongs to one."""
    async with db.read() as conn:
        return await _one(
            conn,
            "t.id = (SELECT thread_id FROM handoff_messages WHERE chat_id = ? AND message_id = ?)",
            (chat_id, message_id),
        )


async def close_thread(db: Database, thread_id: int, now: int) -> bool:
    """Closes the thread; False when it was already closed (or is gone)."""
    with db.forgetting(OPEN_THREADS_MEMO):
        closed = await db.execute(
            "UPDATE handoff_threads SET status = 'closed', closed_at = ?"
            " WHERE id = ? AND status = 'open'",
            (now, thread_id),
        )
    return closed == 1


def _open_threads(db: Database) -> Memo[int, Thread | None] | None:
    return db.memo(OPEN_THREADS_MEMO)


async def thread_messages(db: Database, thread_id: int) -> list[tuple[int, MessageKind]]:
    """(group message id, kind) of every message of the thread in the group, in order."""
    rows = await db.fetch_all(
        "SELECT message_id, kind FROM handoff_messages WHERE thread_id = ?"
        " ORDER BY created_at, message_id",
        (thread_id,),
    )
    return [(int(r[0]), r[1]) for r in rows]
