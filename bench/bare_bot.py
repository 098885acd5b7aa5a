"""The baseline for bench/e2e.py: a bare aiogram echo bot, polling the same fake API.

Run by the benchmark as `python bench/bare_bot.py` with BOT_TOKEN and TELEGRAM_API_URL set.
"""

from __future__ import annotations

import asyncio
import os

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

dispatcher = Dispatcher()


@dispatcher.message()
async def echo(message: Message) -> None:
    await message.answer(message.text or "?")


async def main() -> None:
    api = TelegramAPIServer.from_base(os.environ["TELEGRAM_API_URL"])
    bot = Bot(os.environ["BOT_TOKEN"], session=AiohttpSession(api=api))
    await dispatcher.start_polling(bot, handle_signals=True)


if __name__ == "__main__":
    asyncio.run(main())
