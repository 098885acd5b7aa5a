"""The bot's HTTP session: Bot API calls go out as JSON objects rather than as forms.

aiogram's AiohttpSession sends every call as a form (application/x-www-form-urlencoded), whose
encoder, urllib's `quote`, handles each byte of the text in Python: for a knowledge-base answer
(about 3,000 bytes of HTML) with its keyboard, 0.3-0.5 ms of CPU, more than the rest of the call's
encoding. The Bot API takes the same parameters as a JSON object (core.telegram.org/bots/api,
"Making requests"); each value is sent as the very text the form would carry. Calls that upload
a file stay multipart forms, as aiogram builds them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.types import InputFile
from aiohttp import FormData
from aiohttp.payload import JsonPayload

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import TelegramMethod


def _dumps(fields: dict[str, str]) -> str:
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


class JsonSession(AiohttpSession):
    def build_form_data(  # type: ignore[override]
        self, bot: Bot, method: TelegramMethod[Any]
    ) -> FormData | JsonPayload:
        files: dict[str, InputFile] = {}
        fields: dict[str, str] = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:  # aiogram's form leaves out empty values too
                fields[key] = prepared
        if files:
            return super().build_form_data(bot, method)
        return JsonPayload(fields, dumps=_dumps)
