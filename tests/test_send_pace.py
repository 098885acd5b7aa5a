"""The send pace shared through a real Redis (bot/shared_pace.py) by two processes' Senders.

Each test has its own key prefix and its own clients (tests/conftest.py): two clients, two
Senders, as two worker processes would have them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

import pytest
from redis.asyncio import Redis

from bot.sender import Sender
from bot.shared_pace import RedisSendPace
from storage.redis_fsm import connect_redis
from tests.webhook_workers import max_in_any_window

pytestmark = pytest.mark.requires_redis

RATE, BULK_RATE = 20, 16


def senders(clients: list[Redis], prefix: str) -> list[Sender]:
    """Two processes' Senders: their own pace objects on their own connections."""
    return [
        Sender(BULK_RATE, RedisSendPace(client, RATE, BULK_RATE, prefix=prefix))
        for client in clients
    ]


class Sent:
    """When each call left, and whether it was bulk (sent through `deliver`) or a reply."""

    def __init__(self) -> None:
        self.bulk: list[float] = []
        self.replies: list[float] = []

    async def bulk_send(self, sender: Sender) -> None:
        await sender.deliver(sender.turn)  # as the retry middleware does for an unprompted call
        self.bulk.append(time.monotonic())

    async def reply(self, sender: Sender) -> None:
        await sender.turn()
        self.replies.append(time.monotonic())


async def test_two_processes_sending_bulk_and_replies_together_never_exceed_the_cap(
    clients: list[Redis], prefix: str
) -> None:
    first, second = senders(clients, prefix)
    sent = Sent()
    started = time.monotonic()
    await asyncio.gather(
        *(sent.bulk_send(s) for s in (first, second) for _ in range(30)),
        *(sent.reply(s) for s in (first, second) for _ in range(20)),
    )
    took = time.monotonic() - started
    assert max_in_any_window(sent.bulk + sent.replies) <= RATE
    assert max_in_any_window(sent.bulk) <= BULK_RATE
    # 100 calls at 20 a second: the cap is reached, not only respected
    assert 3.5 < took < 6.5, took


async def test_replies_keep_their_share_while_a_broadcast_runs(
    clients: list[Redis], prefix: str
) -> None:
    leader, worker = senders(clients, prefix)
    sent = Sent()
    broadcast = asyncio.gather(*(sent.bulk_send(leader) for _ in range(200)))
    await asyncio.sleep(1.5)  # the broadcast is at full pace
    waits = []
    for _ in range(8):
        started = time.monotonic()
        await sent.reply(worker)
        waits.append(time.monotonic() - started)
        await asyncio.sleep(0.25)  # 4 replies a second, the share left to them
    broadcast.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await broadcast
    assert max(waits) < 0.3, waits  # a reply does not queue behind the broadcast
    assert max_in_any_window(sent.bulk + sent.replies) <= RATE
    # ... and the broadcast went on at its own pace meanwhile
    during = [t for t in sent.bulk if sent.replies[0] <= t <= sent.replies[-1]]
    assert len(during) >= BULK_RATE * (sent.replies[-1] - sent.replies[0]) * 0.8


async def test_a_429_in_one_process_pauses_the_other(clients: list[Redis], prefix: str) -> None:
    first, second = senders(clients, prefix)
    await first.pause(0.6)
    started = time.monotonic()
    await second.turn()
    assert time.monotonic() - started >= 0.5
    assert second.retries_after_429 == 0  # it was told by Redis, not by Telegram
    await first.pause(0.3)  # a shorter pause
    await second.pause(0.05)  # does not cut it short
    started = time.monotonic()
    await second.turn()
    assert time.monotonic() - started >= 0.2


async def test_without_redis_each_process_paces_itself_and_says_so_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    unreachable = connect_redis("redis://127.0.0.1:1/0")
    sender = Sender(BULK_RATE, RedisSendPace(unreachable, RATE, BULK_RATE, prefix="unused"))
    sent = Sent()
    try:
        with caplog.at_level(logging.WARNING, logger="bot.shared_pace"):
            started = time.monotonic()
            await asyncio.gather(*(sent.reply(sender) for _ in range(40)))
            replies_took = time.monotonic() - started
            await asyncio.gather(*(sent.bulk_send(sender) for _ in range(40)))
            await sender.pause(0.01)
    finally:
        await unreachable.aclose(close_connection_pool=True)
    assert replies_took < 0.5  # replies are not paced in the process, as without Redis
    assert max_in_any_window(sent.bulk) <= BULK_RATE  # the unprompted ones are
    assert sent.bulk[-1] - sent.bulk[0] > 1.5
    told = [r for r in caplog.records if "Redis unreachable" in r.getMessage()]
    assert len(told) == 1
