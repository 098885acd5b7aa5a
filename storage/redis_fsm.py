"""aiogram FSM state in Redis, shared by every worker process, with the same rules as SQLite's.

- Data goes through `fsm_json` (storage/fsm.py), the one strict JSON check: what would not read
  back the same is refused when it is written, whichever storage is in use.
- Event isolation is aiogram's `RedisEventIsolation`: one update at a time per user and chat
  across all processes. Without it two workers read the same form, each adds its key and writes
  it back, and one write wins (in a trial 377 of 400 concurrent updates for one user were lost).
- The client's pool blocks when all its connections are busy (`BlockingConnectionPool`): redis-py
  8's plain pool raises instead, which under a burst fails updates that only had to wait.
- Keys start with the user (`fsm:u<user>:...`), so `/forget` finds every form of a user, in
  every chat, with one SCAN.
"""

from __future__ import annotations

from typing import Any, Literal

from aiogram.fsm.storage.base import KeyBuilder, StorageKey
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage
from redis.asyncio import BlockingConnectionPool, Redis

from storage.fsm import fsm_json

POOL_SIZE = 50
POOL_WAIT_SECONDS = 20.0
# A lock outlives a crashed holder by at most this long; a handler is never that slow (the flood
# brake waits at most 10 s inside it).
LOCK_SECONDS = 60
LOCK_POLL_SECONDS = 0.01


def connect_redis(url: str) -> Redis:
    """A client whose pool waits (up to POOL_WAIT_SECONDS) for a free connection."""
    pool = BlockingConnectionPool.from_url(
        url, max_connections=POOL_SIZE, timeout=POOL_WAIT_SECONDS
    )
    return Redis(connection_pool=pool)


class UserFirstKeyBuilder(KeyBuilder):
    def __init__(self, prefix: str = "fsm") -> None:
        self.prefix = prefix

    def build(self, key: StorageKey, part: Literal["data", "state", "lock"] | None = None) -> str:
        parts = [
            self.prefix,
            f"u{key.user_id}",
            f"b{key.bot_id}",
            f"c{key.chat_id}",
            f"t{key.thread_id or 0}",
            key.business_connection_id or "-",
            key.destiny,
        ]
        return ":".join([*parts, part] if part else parts)

    def user_pattern(self, user_id: int) -> str:
        return f"{self.prefix}:u{user_id}:*"


class RedisFSMStorage(RedisStorage):
    def __init__(self, redis: Redis, prefix: str = "fsm") -> None:
        self.keys = UserFirstKeyBuilder(prefix)
        super().__init__(redis, key_builder=self.keys, json_dumps=fsm_json)

    def create_isolation(self, **kwargs: Any) -> RedisEventIsolation:
        lock = {"timeout": LOCK_SECONDS, "sleep": LOCK_POLL_SECONDS}
        return RedisEventIsolation(self.redis, self.keys, lock_kwargs=lock, **kwargs)

    async def forms_of(self, user_id: int) -> list[dict[str, Any]]:
        forms: dict[tuple[str, ...], dict[str, Any]] = {}
        async for key in self.redis.scan_iter(match=self.keys.user_pattern(user_id)):
            *where, part = key.decode().split(":")
            if part not in ("state", "data"):
                continue
            _, _, _, chat, thread, _, destiny = where
            form = forms.setdefault(
                tuple(where),
                {"chat_id": int(chat[1:]), "thread_id": int(thread[1:]), "destiny": destiny},
            )
            value = await self.redis.get(key)
            form[part] = value.decode() if value is not None else None
        return sorted(forms.values(), key=lambda f: (f["chat_id"], f["thread_id"], f["destiny"]))

    async def forget_user(self, user_id: int) -> int:
        """Deletes the user's state and data in every chat; returns how many keys went.

        Locks are left alone: the update asking for this holds one of them.
        """
        doomed = [
            key
            async for key in self.redis.scan_iter(match=self.keys.user_pattern(user_id))
            if key.endswith((b":state", b":data"))
        ]
        if doomed:
            await self.redis.delete(*doomed)
        return len(doomed)
