"""Claims under a lease, on each engine: two claimers (two Database objects, two owners, as two
processes would be) never claim the same reminder or delivery; an expired lease is taken over;
start-up frees only the claims nobody holds."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date

import pytest

from storage.broadcasts import (
    DELIVERY_LEASE,
    Result,
    Segment,
    create_broadcast,
    delivery_counts,
    get_broadcast,
    record_and_claim,
    recover_in_flight,
    release,
    start_sending,
)
from storage.database import Database
from storage.documents import (
    REMINDER_LEASE,
    add_documents,
    claim_due_reminders,
    release_claims,
    reminder_sent,
)
from storage.users import add_users
from tests.databases import fresh_postgresql_database

NOW = 1_800_000_000
USERS = 60


@pytest.fixture
async def pair(database_url: str) -> AsyncIterator[tuple[Database, Database]]:
    """Two claimers on one database, with users 1..USERS each holding one due document."""
    first, second = Database(database_url), Database(database_url)
    await first.connect()
    await second.connect()
    assert first.owner != second.owner
    await add_users(first, ((i, f"u{i}", "en", 0) for i in range(1, USERS + 1)))
    await add_documents(
        first,
        ((i, "visa", "", date(2027, 1, 1), 0, NOW - i) for i in range(1, USERS + 1)),
    )
    yield first, second
    await second.close()
    await first.close()


async def test_two_claimers_never_claim_the_same_reminder(pair: tuple[Database, Database]) -> None:
    first, second = pair

    async def claim_all(db: Database) -> list[int]:
        claimed: list[int] = []
        while batch := await claim_due_reminders(db, NOW, limit=7):
            claimed += [item.document.id for item in batch]
            await asyncio.sleep(0)
        return claimed

    a, b = await asyncio.gather(claim_all(first), claim_all(second))
    assert not set(a) & set(b)
    assert len(a) + len(b) == USERS


async def test_rows_being_claimed_elsewhere_are_skipped_not_waited_for() -> None:
    async with fresh_postgresql_database() as url:
        first, second = Database(url), Database(url)
        await first.connect()
        await second.connect()
        try:
            await add_users(first, ((i, "u", "en", 0) for i in (1, 2, 3)))
            await add_documents(
                first, ((i, "visa", "", date(2027, 1, 1), 0, NOW - i) for i in (1, 2, 3))
            )
            async with first.write() as conn:  # another worker's claim, not yet committed
                await conn.execute_fetchall(
                    "SELECT id FROM documents WHERE user_id IN (1, 2) FOR UPDATE"
                )
                taken = await asyncio.wait_for(claim_due_reminders(second, NOW, limit=3), 5)
            assert [t.document.user_id for t in taken] == [3]
        finally:
            await second.close()
            await first.close()


async def test_an_expired_reminder_lease_is_taken_over(pair: tuple[Database, Database]) -> None:
    first, second = pair
    held = await claim_due_reminders(first, NOW, limit=USERS)
    assert len(held) == USERS
    assert await claim_due_reminders(second, NOW + REMINDER_LEASE - 1, limit=USERS) == []
    [one] = held[:1]
    await reminder_sent(first, one.document.id, 30, NOW + 1, None)  # done: not due any more
    taken = await claim_due_reminders(second, NOW + REMINDER_LEASE, limit=USERS)
    assert sorted(t.document.id for t in taken) == sorted(h.document.id for h in held[1:])


async def test_start_up_frees_only_claims_nobody_holds(pair: tuple[Database, Database]) -> None:
    first, second = pair
    await claim_due_reminders(first, NOW, limit=5)
    # `second` starts while `first` holds live claims: on PostgreSQL they stay first's; SQLite's
    # file has one process, so a claim of another owner there is a dead process's.
    freed = await release_claims(second, NOW + 1)
    assert freed == (5 if second.single_process else 0)
    assert await release_claims(second, NOW + REMINDER_LEASE) == (0 if second.single_process else 5)


async def sending(db: Database) -> int:
    broadcast_id = await create_broadcast(
        db, operator_id=1, from_chat_id=1, message_id=9, segment=Segment(), now=NOW
    )
    assert await start_sending(db, broadcast_id, NOW, date(2026, 1, 1), default_language="en")
    return broadcast_id


async def test_two_claimers_never_claim_the_same_delivery(pair: tuple[Database, Database]) -> None:
    first, second = pair
    broadcast_id = await sending(first)

    async def work(db: Database) -> list[int]:
        done: list[int] = []
        results: list[Result] = []
        while claimed := await record_and_claim(db, broadcast_id, results, 4, NOW):
            done += claimed
            results = [Result(u, "sent", 1, NOW) for u in claimed]
            await asyncio.sleep(0)
        return done

    a, b = await asyncio.gather(work(first), work(second))
    assert not set(a) & set(b)
    assert sorted(a + b) == list(range(1, USERS + 1))
    counts = await delivery_counts(first, broadcast_id)
    assert (counts["sent"], counts["pending"], counts["sending"]) == (USERS, 0, 0)
    broadcast = await get_broadcast(first, broadcast_id)
    assert broadcast is not None and (broadcast.sent, broadcast.uncertain) == (USERS, 0)


async def test_an_expired_delivery_lease_is_taken_over_and_counted_uncertain(
    pair: tuple[Database, Database],
) -> None:
    first, second = pair
    broadcast_id = await sending(first)
    held = await record_and_claim(first, broadcast_id, [], 10, NOW)  # then `first` dies
    assert await recover_in_flight(second, broadcast_id, NOW + 1) == (
        10 if second.single_process else 0
    )
    if not second.single_process:
        rest = await record_and_claim(second, broadcast_id, [], USERS, NOW + 1)
        assert not set(rest) & set(held) and len(rest) == USERS - 10
        await release(second, broadcast_id, rest)
        # the lease passes: the claims nobody sent are pending again, and claimed
        again = await record_and_claim(second, broadcast_id, [], USERS, NOW + DELIVERY_LEASE)
        assert set(held) <= set(again)
    broadcast = await get_broadcast(second, broadcast_id)
    assert broadcast is not None and broadcast.uncertain == 10


async def test_release_gives_back_only_the_claimers_own_deliveries(
    pair: tuple[Database, Database],
) -> None:
    first, second = pair
    broadcast_id = await sending(first)
    held = await record_and_claim(first, broadcast_id, [], 5, NOW)
    await release(second, broadcast_id, held)
    assert (await delivery_counts(first, broadcast_id))["sending"] == 5
    await release(first, broadcast_id, held)
    assert (await delivery_counts(first, broadcast_id))["sending"] == 0
