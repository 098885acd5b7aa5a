"""FSM state, event isolation and the flood brake in a real Redis, shared like worker processes.

Each test has its own key prefix (nothing is flushed) and its own clients: two clients on one
Redis stand for two worker processes.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from aiogram.types import Message, Update
from redis.asyncio import BlockingConnectionPool, Redis

from bot.flood import RedisFloodPace
from bot.i18n import I18n
from bot.isolation import ProcessThenShared
from bot.local_api import FakeUser
from bot.middlewares import ThrottlingMiddleware
from storage.redis_fsm import RedisFSMStorage, connect_redis
from tests.harness import Chat, make_services

pytestmark = pytest.mark.requires_redis

KEY = StorageKey(bot_id=1, chat_id=10, user_id=10)


class Renewal(StatesGroup):
    arrival = State()


@pytest.fixture
def storage(clients: list[Redis], prefix: str) -> RedisFSMStorage:
    return RedisFSMStorage(clients[0], prefix=prefix)


async def keys(client: Redis, prefix: str) -> list[str]:
    return sorted([k.decode() async for k in client.scan_iter(match=f"{prefix}*")])


def test_the_client_pool_waits_for_a_free_connection(redis_url: str) -> None:
    # redis-py 8's plain ConnectionPool raises "Too many connections" instead of waiting.
    assert isinstance(connect_redis(redis_url).connection_pool, BlockingConnectionPool)


async def test_state_and_data_round_trip_and_clearing_leaves_no_key(
    storage: RedisFSMStorage, clients: list[Redis], prefix: str
) -> None:
    assert (await storage.get_state(KEY), await storage.get_data(KEY)) == (None, {})
    await storage.set_state(KEY, Renewal.arrival)
    await storage.set_data(KEY, {"kind": "visa", "expires": "2027-03-15", "days": [45, 30]})
    other = RedisFSMStorage(clients[1], prefix=prefix)  # another process sees the same
    assert await other.get_state(KEY) == "Renewal:arrival"
    assert await other.update_data(KEY, {"name": "Анна"}) == {
        "kind": "visa",
        "expires": "2027-03-15",
        "days": [45, 30],
        "name": "Анна",
    }
    read = await storage.get_data(KEY)
    read["kind"] = "changed"
    assert (await storage.get_data(KEY))["kind"] == "visa"

    await storage.set_state(KEY, None)
    await storage.set_data(KEY, {})
    assert await keys(clients[0], prefix) == []


async def test_forgetting_a_user_deletes_their_forms_in_every_chat_and_nobody_elses(
    storage: RedisFSMStorage, clients: list[Redis], prefix: str
) -> None:
    group = StorageKey(bot_id=1, chat_id=-100, user_id=10, thread_id=7)
    someone_else = StorageKey(bot_id=1, chat_id=100, user_id=100)
    for key in (KEY, group, someone_else):
        await storage.set_state(key, Renewal.arrival)
        await storage.set_data(key, {"n": 1})
    async with storage.create_isolation().lock(KEY):  # /forget runs inside its update's lock
        assert await storage.forget_user(10) == 4
    assert await storage.get_state(group) is None and await storage.get_data(KEY) == {}
    assert await storage.get_data(someone_else) == {"n": 1}
    assert await keys(clients[0], prefix) == [
        f"{prefix}:u100:b1:c100:t0:-:default:data",
        f"{prefix}:u100:b1:c100:t0:-:default:state",
    ]


def _counting_dispatcher(client: Redis, prefix: str, *, isolated: bool) -> Dispatcher:
    """Every message adds one to a counter in the user's FSM data: read, yield, write."""
    storage = RedisFSMStorage(client, prefix=prefix)
    isolation = ProcessThenShared(storage.create_isolation()) if isolated else None
    dp = Dispatcher(storage=storage, **({"events_isolation": isolation} if isolation else {}))
    router = Router()

    @router.message()
    async def count(message: Message, state: FSMContext) -> None:
        seen = (await state.get_data()).get("count", 0)
        await asyncio.sleep(0)
        await state.update_data(count=seen + 1)

    dp.include_router(router)
    return dp


def _message(update_id: int, user_id: int) -> Update:
    return Update.model_validate(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private"},
                "from": {"id": user_id, "is_bot": False, "first_name": "Ann"},
                "text": f"q{update_id}",
            },
        }
    )


async def _feed_through_two(clients: list[Redis], prefix: str, *, isolated: bool) -> int:
    bot = Bot("1:test")
    first, second = (_counting_dispatcher(c, prefix, isolated=isolated) for c in clients)
    await asyncio.gather(
        *(
            (first if n % 2 else second).feed_update(bot, _message(n, user_id=77))
            for n in range(400)
        )
    )
    data = await RedisFSMStorage(clients[0], prefix=prefix).get_data(
        StorageKey(bot_id=bot.id, chat_id=77, user_id=77)
    )
    await bot.session.close()
    return int(data["count"])


async def test_two_dispatchers_sharing_redis_lose_no_concurrent_update(
    clients: list[Redis], prefix: str
) -> None:
    assert await _feed_through_two(clients, prefix, isolated=True) == 400


async def test_without_event_isolation_concurrent_updates_are_lost(
    clients: list[Redis], prefix: str
) -> None:
    """Why the isolation is there: the same run without it loses most of the 400."""
    assert await _feed_through_two(clients, prefix, isolated=False) < 400


async def test_the_flood_pace_is_shared_by_two_processes(clients: list[Redis], prefix: str) -> None:
    first, second = (
        RedisFloodPace(c, burst=2, interval=0.2, max_delay=0.5, prefix=prefix) for c in clients
    )
    verdicts = [await (first if n % 2 else second).take(5) for n in range(7)]
    assert [v.delay > 0 for v in verdicts[:4]] == [False, False, True, True]
    assert [v.notify for v in verdicts[:4]] == [False, False, True, False]  # told once
    # 0.2 s per message past the burst of 2: the 5th would wait 0.6 s > 0.5, so it is skipped
    assert [(v.skip, v.notify) for v in verdicts[4:]] == [
        (True, True),
        (True, False),
        (True, False),
    ]
    assert (await first.take(6)).delay <= 0  # another user is not slowed down

    await asyncio.sleep(1.2)  # calm again: the key has expired, the next flood is told again
    assert await keys(clients[0], f"{prefix}:5") == []
    assert [(await first.take(5)).notify for _ in range(3)] == [False, False, True]


async def test_the_redis_flood_brake_delays_then_answers_every_message(
    clients: list[Redis], prefix: str
) -> None:
    throttle = ThrottlingMiddleware(
        RedisFloodPace(clients[0], burst=2, interval=0.1, max_delay=5, prefix=prefix)
    )
    handled: list[str] = []
    told: list[str] = []

    async def handler(event: Message, data: dict[str, Any]) -> None:
        handled.append(event.text or "")

    class Told(Message):
        async def answer(self, text: str, **kwargs: Any) -> Any:  # type: ignore[override]
            told.append(text)

    messages = [Told.model_validate(_message(n, user_id=8).message.model_dump()) for n in range(5)]
    started = time.monotonic()
    await asyncio.gather(*(throttle(handler, m, {"t": lambda key: key}) for m in messages))
    assert sorted(handled) == [f"q{n}" for n in range(5)]
    assert told == ["throttled"]
    assert time.monotonic() - started >= 3 * 0.1 * 0.9


async def test_a_renewal_form_lives_in_redis_and_export_and_forget_find_it(
    redis_url: str, tmp_path: Path, i18n: I18n
) -> None:
    chat = Chat(make_services(tmp_path / "bot.db", REDIS_URL=redis_url))
    user = FakeUser(id=int(uuid.uuid4().int % 10**9) + 10**9, first_name="Ann", language_code="en")
    await chat.start()
    try:
        await chat.say(user, "/renew")
        redis = chat.services.redis
        assert redis is not None
        pattern = f"fsm:u{user.id}:*"
        assert [k async for k in redis.scan_iter(match=pattern)]  # the wizard's step is there
        calls = await chat.say(user, "/export")
        [document] = [c for c in calls if c.method == "sendDocument"]
        exported = json.loads(document.params["document"]["content"])
        [form] = exported["conversation_state"]
        assert (form["chat_id"], form["thread_id"], form["destiny"]) == (user.id, 0, "default")
        assert form["state"].startswith("RenewWizard:")
        await chat.say(user, "/forget")
        await chat.press(user, i18n.translator("en")("forget-btn-yes"))
        assert [k async for k in redis.scan_iter(match=pattern)] == []
    finally:
        await chat.close()
