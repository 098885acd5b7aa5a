"""Everything stored about one user: exported on request, deleted on request."""

from __future__ import annotations

from typing import Any

from storage.database import Database
from storage.fsm import delete_fsm_for_user
from storage.handoff import OPEN_THREADS_MEMO

_EXPORTS = {
    "profile": "SELECT * FROM users WHERE id = ?",
    "documents": "SELECT * FROM documents WHERE user_id = ? ORDER BY id",
    "reminders_sent": (
        "SELECT r.* FROM reminders_sent r JOIN documents d ON d.id = r.document_id"
        " WHERE d.user_id = ? ORDER BY r.id"
    ),
    "questions": "SELECT * FROM questions WHERE user_id = ? ORDER BY id",
    "broadcast_deliveries": (
        "SELECT broadcast_id, status, attempts, sent_at FROM broadcast_deliveries"
        " WHERE user_id = ? ORDER BY broadcast_id"
    ),
    "handoff_threads": "SELECT * FROM handoff_threads WHERE user_id = ? ORDER BY id",
    "handoff_messages": (
        "SELECT m.* FROM handoff_messages m JOIN handoff_threads t ON t.id = m.thread_id"
        " WHERE t.user_id = ? ORDER BY m.created_at, m.message_id"
    ),
    # a form half filled in (a renewal plan, a broadcast being composed), in every chat
    "conversation_state": (
        "SELECT chat_id, thread_id, destiny, state, data, updated_at FROM fsm_state"
        " WHERE user_id = ? ORDER BY chat_id, thread_id, destiny"
    ),
    # an operator's own broadcasts
    "broadcasts": "SELECT * FROM broadcasts WHERE operator_id = ? ORDER BY id",
}


async def export_user(db: Database, user_id: int) -> dict[str, Any]:
    """Every row about the user, table by table, as plain JSON-ready values."""
    exported: dict[str, Any] = {}
    async with db.read() as conn:
        for name, sql in _EXPORTS.items():
            async with conn.execute(sql, (user_id,)) as cur:
                columns = [c[0] for c in cur.description]
                exported[name] = [
                    dict(zip(columns, tuple(r), strict=True)) for r in await cur.fetchall()
                ]
    exported["profile"] = exported["profile"][0] if exported["profile"] else None
    return exported


async def forget_user(db: Database, user_id: int) -> None:
    """Deletes the user and, through ON DELETE CASCADE, everything that refers to them; an
    operator's broadcasts that never went out (drafts) go too, those sent stay on record."""
    with db.forgetting(OPEN_THREADS_MEMO):
        async with db.write() as conn:
            await conn.execute("DELETE FROM users WHERE id = ?", (user_id,))
            await conn.execute(
                "DELETE FROM broadcasts WHERE operator_id = ? AND status = 'draft'", (user_id,)
            )
    await delete_fsm_for_user(db, user_id)
