"""aiogram FSM storage in our database (SQLite or PostgreSQL), so a user mid-wizard carries on
after a restart.

Semantics follow aiogram's own storages (fsm/storage/memory.py, redis.py):
- a state is a `State` (stored as `state.state`), a string, or None (no state);
- data must be a real `dict` (else aiogram's DataNotDictLikeError, as its storages raise) and
  must survive a JSON round trip unchanged (else TypeError at `set_data` time, so a `date` or a
  tuple in FSM data fails in tests, not after a restart);
- `get_data` returns a fresh dict, never None; a key never written has state None and data {};
- a row whose state is None and data {} is deleted, so `state.clear()` leaves nothing behind.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from typing import Any, Protocol, runtime_checkable

from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey

from storage.database import Connection, Database
from storage.memo import Memo

_KEY_WHERE = (
    "bot_id = ? AND chat_id = ? AND user_id = ? AND thread_id = ? "
    "AND business_connection_id = ? AND destiny = ?"
)
_KEY_COLUMNS = "bot_id, chat_id, user_id, thread_id, business_connection_id, destiny"
_EMPTY = "{}"
STATES_MEMO = "fsm_state"


def _key(key: StorageKey) -> tuple[int, int, int, int, str, str]:
    # None cannot be part of a unique key in SQLite; aiogram's DefaultKeyBuilder also treats a
    # falsy thread_id / business_connection_id as absent, so 0 and '' lose nothing.
    return (
        key.bot_id,
        key.chat_id,
        key.user_id,
        key.thread_id or 0,
        key.business_connection_id or "",
        key.destiny,
    )


def _state(state: StateType) -> str | None:
    if isinstance(state, State):
        return state.state  # None for aiogram's `default_state`
    return None if state is None else str(state)


def fsm_json(data: Mapping[str, Any]) -> str:
    """FSM data as JSON text, refused unless it reads back the same (every FSM storage uses it)."""
    if not isinstance(data, dict):
        # The same check and error as aiogram's MemoryStorage and RedisStorage.
        msg = f"Data must be a dict or dict-like object, got {type(data).__name__}"
        raise DataNotDictLikeError(msg)
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as e:
        raise TypeError(f"FSM data must be JSON: {_culprit(data)} ({e})") from None
    if json.loads(text) != data:
        raise TypeError(f"FSM data must be JSON: {_culprit(data)} would not read back the same")
    return text


def _culprit(data: dict[Any, Any]) -> str:
    """Names the first top-level entry that is not plain JSON, for the error message."""
    for k, v in data.items():
        if not isinstance(k, str):
            return f"key {k!r} is a {type(k).__name__}, not a str"
        try:
            if json.loads(json.dumps(v, allow_nan=False)) == v:
                continue
        except (TypeError, ValueError):
            pass
        return f"{k!r} is a {type(v).__name__} (store dates as ISO strings, tuples as lists)"
    return "a value"


@runtime_checkable
class FormsOutsideTheDatabase(Protocol):
    """An FSM storage other than the database's (Redis): /export and /forget ask it too."""

    async def forms_of(self, user_id: int) -> list[dict[str, Any]]:
        """The user's forms in every chat, shaped like the database export's rows."""
        ...

    async def forget_user(self, user_id: int) -> int: ...


class DatabaseStorage(BaseStorage):
    """FSM storage over the shared `Database` (table fsm_state, migration 0002).

    Every call takes one turn on the database (`read()` / `write()`), and `update_data` reads and
    writes in a single transaction holding the key's row, so two updates for the same user, in
    one process or two, cannot lose each other's keys. States, read on every update, are kept
    in the database's memo where it has one (SQLite: storage/memo.py), written through.
    """

    def __init__(self, db: Database, *, now: Callable[[], float] = time.time) -> None:
        self.db = db
        self._now_source = now
        self._states: Memo[tuple[int, int, int, int, str, str], str | None] | None = db.memo(
            STATES_MEMO
        )

    def _now(self) -> int:
        return int(self._now_source())

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        k, value = _key(key), _state(state)
        if self._states is not None:
            self._states.forget(k)  # until the write is through
        async with self.db.write() as conn:
            await self._put(conn, key, "state", value)
        if self._states is not None:
            self._states.wrote(k, value)

    async def get_state(self, key: StorageKey) -> str | None:
        # Runs on every update: from the memo, or one trip to the database thread (fetch_all).
        k = _key(key)
        if self._states is None:
            return await self._read_state(k)
        if k in self._states:
            return self._states[k]
        version = self._states.version
        state = await self._read_state(k)
        self._states.read(k, state, version)
        return state

    async def _read_state(self, k: tuple[int, int, int, int, str, str]) -> str | None:
        rows = await self.db.fetch_all(f"SELECT state FROM fsm_state WHERE {_KEY_WHERE}", k)
        return next((row[0] for row in rows), None)

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        text = fsm_json(data)
        async with self.db.write() as conn:
            await self._put(conn, key, "data", text)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self.db.read() as conn:
            return await self._data(conn, key)

    async def update_data(self, key: StorageKey, data: Mapping[str, Any]) -> dict[str, Any]:
        async with self.db.write() as conn:
            # The row exists (a concurrent insert of it is waited for) and is locked until commit.
            await conn.execute(
                f"INSERT INTO fsm_state ({_KEY_COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (*_key(key), self._now()),
            )
            current = await self._data(conn, key, lock=self.db.lock())
            current.update(data)
            text = fsm_json(current)
            await self._put(conn, key, "data", text)
        return json.loads(text)

    async def close(self) -> None:
        """Nothing to do: the Database is shared and closed by the dispatcher's shutdown hook.

        aiogram's Dispatcher registers `storage.close` on shutdown itself, before our hook.
        """

    async def _data(self, conn: Connection, key: StorageKey, lock: str = "") -> dict[str, Any]:
        async with conn.execute(
            f"SELECT data FROM fsm_state WHERE {_KEY_WHERE}{lock}", _key(key)
        ) as cur:
            row = await cur.fetchone()
        return json.loads(row[0]) if row else {}

    async def _put(self, conn: Connection, key: StorageKey, column: str, value: str | None) -> None:
        assert column in ("state", "data")
        k = _key(key)
        clearing = value is None if column == "state" else value == _EMPTY
        if clearing:
            # Clearing: never create a row just to empty it; drop it once nothing is left.
            empty = "NULL" if column == "state" else f"'{_EMPTY}'"
            await conn.execute(
                f"UPDATE fsm_state SET {column} = {empty}, updated_at = ? WHERE {_KEY_WHERE}",
                (self._now(), *k),
            )
            await conn.execute(
                f"DELETE FROM fsm_state WHERE {_KEY_WHERE} AND state IS NULL AND data = ?",
                (*k, _EMPTY),
            )
            return
        await conn.execute(
            f"""
            INSERT INTO fsm_state ({_KEY_COLUMNS}, {column}, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT ({_KEY_COLUMNS}) DO UPDATE SET
                {column} = excluded.{column},
                updated_at = excluded.updated_at
            """,
            (*k, value, self._now()),
        )


async def delete_fsm_for_user(db: Database, user_id: int) -> int:
    """Removes every FSM row of the user (all chats, threads, destinies); returns how many."""
    with db.forgetting(STATES_MEMO):  # rare (/forget): not worth finding the user's keys
        return await db.execute("DELETE FROM fsm_state WHERE user_id = ?", (user_id,))
