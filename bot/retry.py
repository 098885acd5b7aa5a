"""The session middleware every Bot API call goes through: a reply is not lost to one bad answer.

A 429 pauses all sending for its retry_after (through the shared Sender) and the call is tried
again; a transient failure (a 5xx, a proxy's HTML error page, a body that is not JSON, a dropped
connection, a timeout) is tried again after a growing wait. Only after RETRY_ATTEMPTS tries does
the error reach the caller, so a handler apologises only when Telegram stayed unreachable for
several seconds. getUpdates is left alone: polling has its own backoff.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramEntityTooLarge,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import GetUpdates, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiohttp import ClientError

from bot.telegram_errors import summary

if TYPE_CHECKING:
    from aiogram import Bot

    from bot.sender import Sender

log = logging.getLogger(__name__)

RETRY_ATTEMPTS = 5  # tries per call, the first included
RETRY_BACKOFF = 0.5  # seconds before the 2nd try; doubles each time
MAX_BACKOFF = 8.0


def is_transient(error: BaseException) -> bool:
    """A failure that says nothing about the request itself: the same call may well succeed."""
    if isinstance(error, TelegramEntityTooLarge):
        return False
    return isinstance(
        error,
        TelegramServerError
        | TelegramNetworkError
        | ClientDecodeError
        | ClientError
        | OSError
        | TimeoutError,
    )


class RetryMiddleware(BaseRequestMiddleware):
    def __init__(self, sender: Sender) -> None:
        self.sender = sender

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if isinstance(method, GetUpdates):
            return await make_request(bot, method)
        name = type(method).__name__
        for attempt in range(1, RETRY_ATTEMPTS + 1):
            await self.sender.turn()
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as e:
                await self.sender.pause(e.retry_after)
                if attempt == RETRY_ATTEMPTS:
                    raise
            except Exception as e:
                if attempt == RETRY_ATTEMPTS or not is_transient(e):
                    raise
                wait = min(MAX_BACKOFF, RETRY_BACKOFF * 2 ** (attempt - 1))
                log.warning("%s failed (%s), try %s in %.1fs", name, summary(e), attempt + 1, wait)
                await asyncio.sleep(wait)
        raise AssertionError("unreachable")
