"""Who may do what."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message

from bot.settings import Settings


class IsOperator(Filter):
    """The agency's operators: the Telegram user ids in ADMIN_IDS."""

    async def __call__(self, event: Message | CallbackQuery, settings: Settings) -> bool:
        user = event.from_user
        return user is not None and user.id in settings.admin_ids


def operator_router(name: str) -> Router:
    """A router only operators reach: its messages and button presses pass `IsOperator()` first."""
    router = Router(name=name)
    router.message.filter(IsOperator())
    router.callback_query.filter(IsOperator())
    return router
