"""The flood brake's arithmetic: each user may send `burst` messages at once, then one per
`interval` seconds (GCRA: one "theoretical arrival time" per user), kept in this process or in
Redis when several processes share the users.

`take(user_id)` counts a message and says what to do with it: wait `delay` seconds (then answer),
or skip it because it would wait more than `max_delay`; `notify` is true for the first message
of a flood that is delayed, and for the first one skipped, so the user is told once, not each time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from redis.asyncio import Redis


@dataclass(frozen=True, slots=True)
class Verdict:
    delay: float
    skip: bool = False
    notify: bool = False


class FloodPace(Protocol):
    async def take(self, user_id: int) -> Verdict: ...


class LocalFloodPace:
    """The pace of this process's users; users who have calmed down are forgotten."""

    def __init__(self, burst: int = 5, interval: float = 1.0, max_delay: float = 10.0) -> None:
        self.interval, self.max_delay = interval, max_delay
        self.tolerance = (burst - 1) * interval
        self._tat: dict[int, float] = {}
        self._warned: set[int] = set()
        self._skipping: set[int] = set()
        self.remembered = 1000

    async def take(self, user_id: int) -> Verdict:
        now = time.monotonic()
        tat = max(self._tat.get(user_id, now), now)
        delay = tat - now - self.tolerance
        if delay > self.max_delay:
            first = user_id not in self._skipping
            self._skipping.add(user_id)
            return Verdict(delay, skip=True, notify=first)
        self._skipping.discard(user_id)
        self._tat[user_id] = tat + self.interval
        notify = False
        if delay > 0:
            notify = user_id not in self._warned
            self._warned.add(user_id)
        elif tat == now:
            self._warned.discard(user_id)
        if len(self._tat) > self.remembered:
            self._forget_calm(now)
        return Verdict(delay, notify=notify)

    def _forget_calm(self, now: float) -> None:
        """Users whose pace is back to nothing are as good as unseen: keeps memory flat."""
        calm = [user_id for user_id, tat in self._tat.items() if tat <= now]
        for user_id in calm:
            del self._tat[user_id]
            self._warned.discard(user_id)
            self._skipping.discard(user_id)
        self.remembered = max(1000, 2 * len(self._tat))


# The same steps as LocalFloodPace.take, in one script so that two processes cannot interleave,
# on Redis's clock so that every process reads the same time. A user's hash expires once their
# pace is back to nothing, which is the same as never seen.
_TAKE = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local interval, tolerance, max_delay = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tat', 'warned', 'skipping')
local tat = tonumber(state[1]) or now
if tat < now then tat = now end
local delay = tat - now - tolerance
if delay > max_delay then
  if state[3] then return {'skip', tostring(delay), '0'} end
  redis.call('HSET', KEYS[1], 'skipping', '1')
  return {'skip', tostring(delay), '1'}
end
redis.call('HDEL', KEYS[1], 'skipping')
local next_tat = tat + interval
redis.call('HSET', KEYS[1], 'tat', string.format('%.6f', next_tat))
local notify = '0'
if delay > 0 then
  if not state[2] then
    notify = '1'
    redis.call('HSET', KEYS[1], 'warned', '1')
  end
elseif tat == now then
  redis.call('HDEL', KEYS[1], 'warned')
end
redis.call('PEXPIREAT', KEYS[1], math.ceil(next_tat * 1000))
return {'go', string.format('%.6f', delay), notify}
"""


class RedisFloodPace:
    """The pace shared by every process using the same Redis."""

    def __init__(
        self,
        redis: Redis,
        burst: int = 5,
        interval: float = 1.0,
        max_delay: float = 10.0,
        prefix: str = "flood",
    ) -> None:
        self.prefix = prefix
        self._args = (interval, (burst - 1) * interval, max_delay)
        self._take = redis.register_script(_TAKE)

    async def take(self, user_id: int) -> Verdict:
        action, delay, notify = await self._take(keys=[f"{self.prefix}:{user_id}"], args=self._args)
        return Verdict(float(delay), skip=action == b"skip", notify=notify == b"1")
