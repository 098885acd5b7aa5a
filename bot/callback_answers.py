"""Every button press is answered, so no client is left with a spinning button.

A handler answers its callback query itself (with a note or silently); a press no handler takes
(an old keyboard, forged or malformed data) is answered by the catch-all in handlers/fallback.py;
and this middleware answers, silently, any query a handler took without answering it. It knows
which were answered from the Bot API calls made while the update was handled.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from aiogram import BaseMiddleware
from aiogram.client.session.middlewares.base import NextRequestMiddlewareType
from aiogram.methods import AnswerCallbackQuery, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import CallbackQuery, TelegramObject

from bot.telegram_errors import TELEGRAM_ERRORS

if TYPE_CHECKING:
    from aiogram import Bot

    from bot.middlewares import Handler

_answered: ContextVar[set[str] | None] = ContextVar("answered_callbacks", default=None)


async def record_answers(
    make_request: NextRequestMiddlewareType[TelegramType],
    bot: Bot,
    method: TelegramMethod[TelegramType],
) -> Response[TelegramType]:
    """On the bot's session: notes each callback query answered during the current update."""
    response = await make_request(bot, method)
    if isinstance(method, AnswerCallbackQuery) and (answered := _answered.get()) is not None:
        answered.add(method.callback_query_id)
    return response


class AnswerEveryCallback(BaseMiddleware):
    """On the dispatcher's callback queries: answers the query if its handler did not."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        answered: set[str] = set()
        token = _answered.set(answered)
        try:
            result = await handler(event, data)
        finally:
            _answered.reset(token)
        if isinstance(event, CallbackQuery) and event.id not in answered:
            # too old to answer, perhaps: the client has stopped waiting then anyway
            with contextlib.suppress(*TELEGRAM_ERRORS):
                await event.answer()
        return result
