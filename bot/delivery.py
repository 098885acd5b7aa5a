"""Sending to a user on the bot's own initiative, and what it means when they are gone.

Reminders, broadcasts and hand-off messages all reach users this way: at the shared pace
(bot/sender.py), and a user who blocked the bot or deleted their account is marked blocked here,
so that nothing more is sent to them until they write again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from bot.sender import RecipientGone, Sender
from storage.database import Database
from storage.users import mark_blocked

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Delivery:
    sender: Sender
    db: Database

    async def to_user(self, user_id: int, call: Callable[[], Awaitable[T]]) -> T:
        """Runs `call` (a Bot API call to the user) at the shared pace.

        Raises RecipientGone once the user is marked blocked; other errors reach the caller.
        """
        try:
            return await self.sender.deliver(call)
        except RecipientGone:
            await mark_blocked(self.db, user_id)
            raise
