"""Start-up checks that fail in one line: a database that cannot be opened, a refused token.

Before polling starts, the database is opened (so a read-only, missing-directory, directory or
corrupted path stops the bot with exit status 2 and the file untouched), and Telegram is asked
who the bot is, again and again with growing waits while it cannot be reached: a network outage
at start-up is waited out, a token Telegram refuses is a configuration error. Nothing printed
contains the token: errors are summarized (bot/telegram_errors.py).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from typing import TYPE_CHECKING

import asyncpg
from aiogram import Bot
from aiogram.exceptions import TelegramNotFound, TelegramUnauthorizedError

from bot.retry import is_transient
from bot.telegram_errors import summary
from storage.database import Database

if TYPE_CHECKING:
    from redis.asyncio import Redis

log = logging.getLogger(__name__)

FIRST_WAIT = 1.0
LONGEST_WAIT = 60.0


class StartupError(Exception):
    """The bot cannot start as configured; the message says why in one line."""


async def open_database(db: Database) -> None:
    path = db.path
    if path is not None and path.is_dir():
        raise StartupError(f"DATABASE_PATH={str(path)!r} is a directory, not a database file")
    try:
        await db.connect()
    except (sqlite3.Error, asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as e:
        reason = " ".join(str(e).split()) or type(e).__name__
        raise StartupError(f"cannot open the database {db.where!r}: {reason}") from None


async def reach_telegram(bot: Bot) -> None:
    """Returns once Telegram has answered getMe; waits out outages, refuses a refused token."""
    wait = FIRST_WAIT
    while True:
        try:
            me = await bot.me()
        except (TelegramUnauthorizedError, TelegramNotFound):
            raise StartupError("Telegram refused BOT_TOKEN (check it with @BotFather)") from None
        except Exception as e:
            if not is_transient(e):
                raise StartupError(f"Telegram cannot be used: {summary(e)}") from None
            log.warning("Telegram cannot be reached (%s): trying again in %.0fs", summary(e), wait)
            await asyncio.sleep(wait)
            wait = min(LONGEST_WAIT, wait * 2)
            continue
        log.info("connected to Telegram as @%s", me.username)
        return


async def reach_redis(redis: Redis) -> None:
    """Stops the start-up in one line when REDIS_URL's server does not answer (no URL printed:
    it may hold a password)."""
    try:
        await redis.ping()
    except Exception as e:
        raise StartupError(f"cannot reach Redis at REDIS_URL: {type(e).__name__}") from None
