"""The database FSM storage: aiogram's storage contract, JSON-only data (in Redis too), and
surviving a restart."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.exceptions import DataNotDictLikeError
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup, default_state
from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import Message

from bot.clock import FrozenClock
from bot.local_api import FakeUser
from storage.database import Database
from storage.fsm import DatabaseStorage, delete_fsm_for_user
from storage.memo import Memo
from storage.redis_fsm import RedisFSMStorage, connect_redis
from tests.databases import ENGINES, database_on
from tests.harness import Chat, make_services, replies

KEY = StorageKey(bot_id=1, chat_id=10, user_id=10)


class Renewal(StatesGroup):
    city = State()
    arrival = State()


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url)
    await db.connect()
    yield db
    await db.close()


@pytest.fixture
def storage(db: Database) -> DatabaseStorage:
    return DatabaseStorage(db)


async def rows(db: Database) -> list[tuple[Any, ...]]:
    async with (
        db.read() as conn,
        conn.execute(
            "SELECT bot_id, chat_id, user_id, thread_id, business_connection_id, destiny, state, "
            "data FROM fsm_state ORDER BY user_id, chat_id, thread_id, destiny"
        ) as cur,
    ):
        return [tuple(r) for r in await cur.fetchall()]


async def test_a_key_never_written_has_no_state_and_empty_data(storage: DatabaseStorage) -> None:
    assert await storage.get_state(KEY) is None
    assert await storage.get_data(KEY) == {}
    assert await storage.get_value(KEY, "city") is None
    assert await storage.get_value(KEY, "city", "Moscow") == "Moscow"


async def test_state_round_trips_as_state_object_string_or_none(
    storage: DatabaseStorage, db: Database
) -> None:
    await storage.set_state(KEY, Renewal.city)
    assert await storage.get_state(KEY) == "Renewal:city" == Renewal.city.state
    await storage.set_state(KEY, "Renewal:arrival")
    assert await storage.get_state(KEY) == Renewal.arrival.state
    await storage.set_state(KEY, None)
    assert await storage.get_state(KEY) is None
    await storage.set_state(KEY, Renewal.city)
    await storage.set_state(KEY, default_state)  # State() whose .state is None
    assert await storage.get_state(KEY) is None
    assert await rows(db) == []


async def test_data_round_trips_and_reads_are_copies(storage: DatabaseStorage) -> None:
    data: dict[str, Any] = {
        "city": "Санкт-Петербург",
        "arrival": "2026-11-21",
        "days": 90,
        "ratio": 0.5,
        "extended": False,
        "note": None,
        "docs": ["passport", {"kind": "visa", "pages": [1, 2]}],
    }
    await storage.set_data(KEY, data)
    data["city"] = "changed after set_data"
    got = await storage.get_data(KEY)
    assert got["city"] == "Санкт-Петербург"
    assert got["docs"] == ["passport", {"kind": "visa", "pages": [1, 2]}]
    got["docs"][1]["pages"].append(3)
    got["days"] = 0
    again = await storage.get_data(KEY)
    assert again["docs"][1]["pages"] == [1, 2]
    assert again["days"] == 90
    assert again is not got


async def test_update_data_merges_like_dict_update(storage: DatabaseStorage) -> None:
    await storage.set_data(KEY, {"city": "Kazan", "days": 90})
    merged = await storage.update_data(KEY, {"days": 180, "arrival": "2026-11-21"})
    assert merged == {"city": "Kazan", "days": 180, "arrival": "2026-11-21"}
    assert await storage.get_data(KEY) == merged
    merged["city"] = "not stored"
    assert (await storage.get_data(KEY))["city"] == "Kazan"


async def test_concurrent_update_data_loses_no_keys(storage: DatabaseStorage) -> None:
    await asyncio.gather(*(storage.update_data(KEY, {f"k{i}": i}) for i in range(20)))
    assert await storage.get_data(KEY) == {f"k{i}": i for i in range(20)}


async def test_keys_isolate_bots_chats_users_threads_connections_and_destinies(
    storage: DatabaseStorage, db: Database
) -> None:
    keys = [
        KEY,
        StorageKey(bot_id=2, chat_id=10, user_id=10),
        StorageKey(bot_id=1, chat_id=-100, user_id=10),  # same user in a group
        StorageKey(bot_id=1, chat_id=-100, user_id=11),  # another user in that group
        StorageKey(bot_id=1, chat_id=-100, user_id=10, thread_id=7),  # a forum topic
        StorageKey(bot_id=1, chat_id=10, user_id=10, business_connection_id="bc1"),
        StorageKey(bot_id=1, chat_id=10, user_id=10, destiny="scene"),
    ]
    for index, key in enumerate(keys):
        await storage.set_state(key, f"S:{index}")
        await storage.set_data(key, {"n": index})
    for index, key in enumerate(keys):
        assert await storage.get_state(key) == f"S:{index}"
        assert await storage.get_data(key) == {"n": index}
    assert len(await rows(db)) == len(keys)

    await FSMContext(storage, keys[4]).clear()
    assert await storage.get_state(keys[2]) == "S:2"  # the same chat outside the topic is kept
    assert await storage.get_state(keys[4]) is None
    assert len(await rows(db)) == len(keys) - 1


async def test_missing_thread_and_connection_are_stored_as_zero_and_empty(
    storage: DatabaseStorage, db: Database
) -> None:
    await storage.set_state(KEY, Renewal.city)
    await storage.set_state(StorageKey(1, 10, 10, thread_id=None), Renewal.arrival)  # same key
    assert await rows(db) == [(1, 10, 10, 0, "", "default", "Renewal:arrival", "{}")]


async def test_clearing_removes_the_row_only_when_state_and_data_are_both_empty(
    storage: DatabaseStorage, db: Database
) -> None:
    state = FSMContext(storage, KEY)
    await state.set_state(Renewal.city)
    await state.update_data(city="Kazan")
    await state.set_state(None)
    assert await state.get_data() == {"city": "Kazan"}
    assert len(await rows(db)) == 1
    await state.set_state(Renewal.arrival)
    await state.set_data({})
    assert await state.get_state() == Renewal.arrival.state
    assert len(await rows(db)) == 1
    await state.clear()
    assert (await state.get_state(), await state.get_data()) == (None, {})
    assert await rows(db) == []
    await state.clear()  # clearing nothing creates nothing
    await state.update_data({})
    assert await rows(db) == []


@pytest.fixture(params=[*ENGINES, pytest.param("redis", marks=pytest.mark.requires_redis)])
async def any_storage(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[BaseStorage]:
    """The FSM storage on each database engine, and in Redis under a key prefix of its own."""
    if request.param == "redis":
        client, prefix = connect_redis(os.environ["REDIS_URL"]), f"test-{uuid.uuid4().hex[:12]}"
        yield RedisFSMStorage(client, prefix=prefix)
        if keys := [k async for k in client.scan_iter(match=f"{prefix}*")]:
            await client.delete(*keys)
        await client.aclose(close_connection_pool=True)
        return
    async with database_on(request.param, tmp_path) as url:
        db = Database(url)
        await db.connect()
        yield DatabaseStorage(db)
        await db.close()


@pytest.mark.parametrize(
    ("bad", "culprit"),
    [
        ({"arrival": date(2026, 11, 21)}, "'arrival' is a date"),
        ({"when": datetime(2026, 11, 21, tzinfo=UTC)}, "'when' is a datetime"),
        ({"docs": {"passport", "visa"}}, "'docs' is a set"),
        ({"range": (1, 2)}, "'range' is a tuple"),  # would read back as a list
        ({"by_id": {1: "a"}}, "'by_id' is a dict"),  # would read back with "1" as the key
        ({5: "five"}, "key 5 is a int"),
        ({"ratio": float("nan")}, "'ratio' is a float"),
    ],
)
async def test_data_that_is_not_plain_json_is_refused_at_set_time(
    any_storage: BaseStorage, bad: dict[Any, Any], culprit: str
) -> None:
    await any_storage.set_data(KEY, {"city": "Kazan"})
    with pytest.raises(TypeError, match=f"FSM data must be JSON: {culprit}"):
        await any_storage.set_data(KEY, bad)
    with pytest.raises(TypeError, match="FSM data must be JSON"):
        await any_storage.update_data(KEY, bad)
    assert await any_storage.get_data(KEY) == {"city": "Kazan"}


async def test_data_that_is_not_a_dict_is_refused_like_aiogram_storages_do(
    any_storage: BaseStorage,
) -> None:
    with pytest.raises(DataNotDictLikeError):
        await any_storage.set_data(KEY, MappingProxyType({"city": "Kazan"}))
    with pytest.raises(DataNotDictLikeError):
        await any_storage.set_data(KEY, [("city", "Kazan")])  # type: ignore[arg-type]


async def test_state_and_data_survive_a_new_database_object_on_the_same_database(
    database_url: str,
) -> None:
    path = database_url
    first = Database(path)
    await first.connect()
    await DatabaseStorage(first).set_state(KEY, Renewal.arrival)
    await DatabaseStorage(first).set_data(KEY, {"city": "Kazan", "arrival": "2026-11-21"})
    await first.close()

    second = Database(path)
    await second.connect()
    storage = DatabaseStorage(second)
    assert await storage.get_state(KEY) == Renewal.arrival.state
    assert await storage.get_data(KEY) == {"city": "Kazan", "arrival": "2026-11-21"}
    await second.close()


async def test_two_processes_updating_the_same_key_lose_no_keys(
    storage: DatabaseStorage, database_url: str
) -> None:
    other = Database(database_url)  # another process's connection
    await other.connect()
    try:
        elsewhere = DatabaseStorage(other)
        await asyncio.gather(
            *((storage if i % 2 else elsewhere).update_data(KEY, {f"k{i}": i}) for i in range(20))
        )
        assert await elsewhere.get_data(KEY) == {f"k{i}": i for i in range(20)}
    finally:
        await other.close()


async def test_close_leaves_the_shared_database_open(
    storage: DatabaseStorage, db: Database
) -> None:
    await storage.close()
    await storage.set_state(KEY, Renewal.city)
    assert await storage.get_state(KEY) == Renewal.city.state


async def test_updated_at_comes_from_the_now_function_when_given_one(db: Database) -> None:
    clock = FrozenClock(datetime(2026, 11, 21, 9, 0, tzinfo=UTC))
    storage = DatabaseStorage(db, now=lambda: clock.now().timestamp())
    await storage.set_state(KEY, Renewal.city)
    clock.advance(timedelta(minutes=5))
    await storage.update_data(KEY, {"city": "Kazan"})
    async with db.read() as conn, conn.execute("SELECT updated_at FROM fsm_state") as cur:
        [(updated_at,)] = [tuple(r) for r in await cur.fetchall()]
    assert updated_at == int(clock.now().timestamp())


async def test_delete_fsm_for_user_removes_all_their_rows_and_nobody_elses(
    storage: DatabaseStorage, db: Database
) -> None:
    await storage.set_state(StorageKey(1, 10, 10), Renewal.city)
    await storage.set_data(StorageKey(1, -100, 10, thread_id=7), {"city": "Kazan"})
    await storage.set_data(StorageKey(1, 10, 10, destiny="scene"), {"step": 2})
    await storage.set_state(StorageKey(1, 11, 11), Renewal.city)
    await storage.set_state(StorageKey(1, -100, 11), Renewal.arrival)

    assert await delete_fsm_for_user(db, 10) == 3
    assert [(r[1], r[2]) for r in await rows(db)] == [(-100, 11), (11, 11)]
    assert await storage.get_state(StorageKey(1, 10, 10)) is None
    assert await storage.get_state(StorageKey(1, 11, 11)) == Renewal.city.state
    assert await delete_fsm_for_user(db, 10) == 0


async def test_states_are_kept_in_memory_only_where_one_process_writes(
    storage: DatabaseStorage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    trips: list[str] = []
    fetch_all = db.fetch_all

    async def counted(sql: str, parameters: Any = ()) -> list[Any]:
        trips.append(sql)
        return await fetch_all(sql, parameters)

    monkeypatch.setattr(db, "fetch_all", counted)
    other = StorageKey(bot_id=1, chat_id=11, user_id=11)
    await storage.set_state(KEY, Renewal.city)
    for _ in range(3):
        assert await storage.get_state(KEY) == Renewal.city.state
        assert await storage.get_state(other) is None
    # SQLite (one process owns the file): the write went through the memo, the unknown key was
    # read once; PostgreSQL: every read asks the database, where another worker may have written.
    assert len(trips) == (1 if db.dialect == "sqlite" else 6)
    await storage.set_state(KEY, Renewal.arrival)
    await storage.set_state(other, Renewal.city)
    assert await storage.get_state(KEY) == Renewal.arrival.state
    assert await storage.get_state(other) == Renewal.city.state
    await storage.set_state(KEY, None)
    assert await storage.get_state(KEY) is None
    assert await delete_fsm_for_user(db, 11) == 1
    assert await storage.get_state(other) is None


async def test_a_read_overtaken_by_a_write_is_not_kept(storage: DatabaseStorage) -> None:
    await storage.set_state(KEY, Renewal.city)
    await delete_fsm_for_user(storage.db, KEY.user_id)  # empties the memo
    reading = asyncio.create_task(storage.get_state(KEY))
    await asyncio.sleep(0)  # the read has the database's turn: the write waits behind it
    await storage.set_state(KEY, Renewal.arrival)
    assert await reading is None
    assert await storage.get_state(KEY) == Renewal.arrival.state


def test_a_memo_ignores_a_read_that_began_before_a_write() -> None:
    memo: Memo[str, int] = Memo()
    version = memo.version
    memo.wrote("a", 2)
    memo.read("a", 1, version)  # read from the database before the write went through
    assert memo["a"] == 2
    version = memo.version
    memo.forget("a")
    memo.read("a", 2, version)
    assert "a" not in memo
    memo.read("a", 3, memo.version)
    assert memo["a"] == 3


# Through the real Dispatcher: a wizard started before a restart is finished after it.

ANN = FakeUser(id=10, first_name="Ann", language_code="en")


def wizard_chat(database_url: str) -> Chat:
    chat = Chat(make_services(database_url, AGENCY_CONTACT="agency@example.com"))
    add_wizard(chat.dp)
    return chat


def add_wizard(dp: Dispatcher) -> None:
    # Registered on the dispatcher itself: its own handlers run before the included routers,
    # so the catch-all question handler does not take these messages.
    @dp.message(Command("renew"))
    async def ask_city(message: Message, state: FSMContext) -> None:
        await state.set_state(Renewal.city)
        await state.update_data(kind="visa", asked_on="2026-11-21")
        await message.answer("Which city?")

    @dp.message(Renewal.city)
    async def got_city(message: Message, state: FSMContext) -> None:
        data = await state.update_data(city=message.text)
        await state.clear()
        await message.answer(f"{data['kind']} in {data['city']} since {data['asked_on']}")


async def test_a_wizard_started_before_a_restart_carries_on_after_it(database_url: str) -> None:
    db_path = database_url
    before = wizard_chat(db_path)
    await before.start()
    [question] = replies(await before.say(ANN, "/renew"))
    assert question.text == "Which city?"
    await before.close()  # the shutdown hook closes the database: the process is gone

    after = wizard_chat(db_path)
    await after.start()
    try:
        [answer] = replies(await after.say(ANN, "Kazan"))
        assert answer.text == "visa in Kazan since 2026-11-21"
        assert await rows(after.services.db) == []  # state.clear() left nothing behind
        # Out of the wizard now: the same text is an ordinary question again.
        [ordinary] = replies(await after.say(ANN, "Kazan"))
        assert "since" not in ordinary.text
    finally:
        await after.close()
