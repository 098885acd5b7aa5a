"""An in-memory Telegram Bot API: answers the bot's methods, records every call, makes updates.

It behaves like Telegram where the bot could tell the difference. The offline console, the fake
HTTP server the end-to-end tests run the bot against, and the handler tests all use it. Three
parts: the API the bot calls (api.py), the simulated users (users.py), and polling (polling.py).
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any, cast

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

from bot.local_api.api import ApiCall, TelegramApi
from bot.local_api.polling import Polling
from bot.local_api.users import FakeUser, SimulatedUsers

__all__ = ["ApiCall", "FakeUser", "LocalSession", "LocalTelegram"]


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
        status, payload = self.telegram.handle(method.__api_method__, params, files)
        response = self.check_response(bot, method, status, json.dumps(payload))
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
