"""An in-memory Telegram Bot API: answers the bot's methods, records every call, makes updates.

It behaves like Telegram where the bot could tell the difference. The offline console, the fake
HTTP server the end-to-end tests run the bot against, and the handler tests all use it. Three
parts: the API the bot calls (api.py), the simulated users (users.py), and polling (polling.py).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any, cast

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

from bot.local_api.api import ApiCall, ConnectionBroken, TelegramApi
from bot.local_api.polling import Polling
from bot.local_api.users import FakeUser, SimulatedUsers

__all__ = ["ApiCall", "ConnectionBroken", "FakeUser", "LocalSession", "LocalTelegram"]

# What aiogram's AiohttpSession raises for each, so the bot cannot tell this session from HTTP
# (aiohttp's TooManyRedirects names the URL, and with it the token).
_NETWORK_ERRORS = {
    "reset": "ClientOSError: [Errno 104] Connection reset by peer",
    "timeout": "Request timeout error",
    "redirects": "TooManyRedirects: 0, message='', url='{url}'",
}


@dataclass
class LocalTelegram(SimulatedUsers, Polling, TelegramApi):
    """The whole in-memory Telegram: the bot's API, its users, and polling."""


class LocalSession(BaseSession):
    """An aiogram session that talks to a LocalTelegram in memory instead of over HTTP."""

    def __init__(self, telegram: LocalTelegram) -> None:
        super().__init__()
        self.telegram = telegram

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        attachments: dict[str, Any] = {}
        params = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=attachments)
            if prepared:
                params[key] = prepared
        files = {}
        for key, input_file in attachments.items():
            content = b"".join([chunk async for chunk in input_file.read(bot)])
            files[key] = (input_file.filename or key, content)
        try:
            status, body = self.telegram.handle(method.__api_method__, params, files)
        except ConnectionBroken as e:
            url = self.api.api_url(bot.token, method.__api_method__)
            message = _NETWORK_ERRORS[e.how].format(url=url)
            raise TelegramNetworkError(method=method, message=message) from e
        response = self.check_response(bot, method, status, body)
        return cast(TelegramType, response.result)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError("file downloads are not available offline")
        yield b""  # pragma: no cover

    async def close(self) -> None:
        return None
