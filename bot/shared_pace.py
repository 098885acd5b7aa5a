"""The send pace of every process of one bot, kept in Redis (REDIS_URL).

Telegram's limit is per bot, whichever process sends, so with REDIS_URL each call to Telegram takes
a slot here before it goes (bot/sender.py asks, for every try of every call):

- at most `rate` calls in any WINDOW (a little more than a second), all processes together, and
  never two closer than WINDOW / `rate`: a burst leaves evenly spaced, so the jitter between a slot
  and Telegram cannot crowd two bursts into one second;
- calls sent on the bot's own initiative (reminders, broadcasts: "bulk") at most `bulk_rate`
  of them (Settings.bulk_rate), evenly spaced; replies may use the whole rate, so a reply never
  waits behind a broadcast and a broadcast leaves replies their share;
- a 429's retry_after pauses every process (`pause`).

One script per slot (one round trip), on Redis's clock so that processes whose clocks differ agree.
When Redis cannot be reached the process paces itself as without Redis (`take` answers False),
says so once, and asks Redis again after LOCAL_SECONDS.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
import uuid
from typing import TYPE_CHECKING

from redis.exceptions import RedisError

if TYPE_CHECKING:
    from redis.asyncio import Redis

log = logging.getLogger(__name__)

LOCAL_SECONDS = 5.0  # after Redis failed, how long the process paces itself before asking again
REDIS_TIMEOUT = 2.0  # a slot not granted within this long counts as Redis unreachable
# The pace counts over this long rather than a second: between its slot and Telegram a call may
# wait for its process's event loop, busier in a worker than in one process's broadcast (a
# window of 1.02 s, as bot/sender.py's, let Telegram see 21 in a second with a cap of 20).
WINDOW = 1.1

# KEYS: all sends (sorted set: member -> time), bulk sends (the same), the next bulk slot, the
# pause. ARGV: cap, bulk cap, window and bulk interval (microseconds), bulk (1/0), member.
# Answers how many microseconds to wait before asking again; 0: the slot is taken.
_TAKE = """
local pause = redis.call('PTTL', KEYS[4])
if pause > 0 then return pause * 1000 end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local cap, bulk_cap = tonumber(ARGV[1]), tonumber(ARGV[2])
local window, interval = tonumber(ARGV[3]), tonumber(ARGV[4])
local bulk = ARGV[5] == '1'
local function wait_for(key, most)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%d', now - window))
  if redis.call('ZCARD', key) < most then return 0 end
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return tonumber(oldest[2]) + window - now
end
local wait = wait_for(KEYS[1], cap)
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if newest[2] then wait = math.max(wait, tonumber(newest[2]) + window / cap - now) end
local next_bulk = 0
if bulk then
  wait = math.max(wait, wait_for(KEYS[2], bulk_cap))
  next_bulk = tonumber(redis.call('GET', KEYS[3]) or '0')
  wait = math.max(wait, next_bulk - now)
end
if wait > 0 then return math.ceil(wait) end
local keep = math.ceil(math.max(window, interval) / 1000) + 1
local stamp = string.format('%d', now)
redis.call('ZADD', KEYS[1], stamp, ARGV[6])
redis.call('PEXPIRE', KEYS[1], keep)
if bulk then
  redis.call('ZADD', KEYS[2], stamp, ARGV[6])
  redis.call('PEXPIRE', KEYS[2], keep)
  redis.call('SET', KEYS[3], string.format('%d', math.max(next_bulk + interval, now)), 'PX', keep)
end
return 0
"""

# KEYS: the pause. ARGV: milliseconds. A shorter pause never cuts a longer one short.
_PAUSE = """
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
"""


class RedisSendPace:
    def __init__(self, redis: Redis, rate: float, bulk_rate: float, prefix: str = "pace") -> None:
        # A hash tag keeps the keys in one slot, as a script needs on a Redis Cluster.
        keys = ("all", "bulk", "next-bulk", "pause")
        self._keys = [f"{{{prefix}}}:{key}" for key in keys]
        self._limits = (
            max(1, int(rate)),
            max(1, int(bulk_rate)),
            round(WINDOW * 1e6),
            round(WINDOW / bulk_rate * 1e6),
        )
        self._take = redis.register_script(_TAKE)
        self._pause = redis.register_script(_PAUSE)
        self._names = (f"{uuid.uuid4().hex[:12]}:{n}" for n in itertools.count())
        # One waiter per kind in this process asks Redis; the others queue behind it here.
        self._queues = {True: asyncio.Lock(), False: asyncio.Lock()}
        self._local_until = 0.0
        self._local = False

    async def take(self, bulk: bool) -> bool:
        """Waits for a slot of the shared pace; False if Redis cannot be reached (the caller
        paces this process itself)."""
        async with self._queues[bulk]:
            while True:
                if time.monotonic() < self._local_until:
                    return False
                try:
                    async with asyncio.timeout(REDIS_TIMEOUT):
                        wait = await self._take(
                            keys=self._keys, args=[*self._limits, int(bulk), next(self._names)]
                        )
                except (RedisError, OSError, TimeoutError) as e:
                    self._unreachable(e)
                    return False
                self._reachable()
                if wait <= 0:
                    return True
                await asyncio.sleep(wait / 1e6)

    async def pause(self, seconds: float) -> None:
        """Every process waits `seconds` before its next call (Telegram answered 429)."""
        try:
            async with asyncio.timeout(REDIS_TIMEOUT):
                await self._pause(keys=self._keys[3:], args=[max(1, round(seconds * 1000))])
        except (RedisError, OSError, TimeoutError) as e:
            self._unreachable(e)

    def _unreachable(self, error: BaseException) -> None:
        self._local_until = time.monotonic() + LOCAL_SECONDS
        if not self._local:
            self._local = True
            log.warning(
                "Redis unreachable for the shared send pace (%s): this process paces itself",
                type(error).__name__,
            )

    def _reachable(self) -> None:
        if self._local:
            self._local = False
            log.info("Redis reachable again: the send pace is shared again")
