"""`python -m bot`: long-polls Telegram with BOT_TOKEN set, or takes updates by webhook with
WEBHOOK_BASE_URL (WORKERS processes of it), or opens the offline console chat without a token."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvloop
from aiogram import Bot, Dispatcher
from dotenv import load_dotenv

from bot.app import (
    Services,
    create_bot,
    create_dispatcher,
    create_services,
    used_update_types,
)
from bot.logs import setup_logging
from bot.polling import Polling
from bot.settings import Settings, SettingsError, load_settings
from bot.startup import StartupError, open_database, reach_redis, reach_telegram
from bot.telegram_errors import summary
from bot.workers import WORKER_FLAG
from faq import ContentError
from storage.database import SchemaTooNewError

log = logging.getLogger("bot")


@asynccontextmanager
async def opened(settings: Settings) -> AsyncIterator[tuple[Bot, Services, Dispatcher]]:
    """The bot, its services and dispatcher: the database open, Redis and Telegram reached."""
    bot = create_bot(settings)
    services = create_services(settings, bot)
    dp = create_dispatcher(services)
    try:
        await open_database(services.db)
        if services.redis is not None:
            await reach_redis(services.redis)
        await reach_telegram(bot)
        # What start-up made (the content, its matcher, the libraries) lives as long as the
        # process: out of the collector's sight, a full collection no longer stops the process
        # for the ~0.2 s it took to walk it, with calls to Telegram waiting behind it.
        gc.freeze()
        yield bot, services, dp
    finally:
        await services.db.close()


async def run_polling(settings: Settings) -> None:
    async with opened(settings) as (bot, services, dp):
        await bot.delete_webhook(drop_pending_updates=False)
        await Polling(dp, bot, services.db).run()


async def run_webhook(settings: Settings, *, worker: bool = False) -> None:
    """One process taking updates by webhook; a `worker` leaves registering it to its parent."""
    from bot.webhook import WebhookServer, register_webhook

    assert settings.webhook is not None
    async with opened(settings) as (bot, services, dp):
        if not worker:
            await register_webhook(bot, settings.webhook, dp.resolve_used_update_types())
        inbox = None if worker else services.db  # polling's leftovers, one process only
        await WebhookServer(dp, bot, settings.webhook, shared_port=worker, inbox=inbox).run()


async def run_workers(settings: Settings) -> int:
    """Registers the webhook once, then runs WORKERS worker processes until a stop."""
    from bot.webhook import register_webhook
    from bot.workers import Supervisor

    assert settings.webhook is not None
    bot = create_bot(settings)
    try:
        await reach_telegram(bot)
        await register_webhook(bot, settings.webhook, used_update_types())
    finally:
        await bot.session.close()
    return await Supervisor(settings.workers).run()


async def run_console(settings: Settings) -> None:
    from bot.console import ConsoleChat

    await ConsoleChat(settings).run()


def main() -> int:
    load_dotenv()
    try:
        settings = load_settings()
    except SettingsError as e:
        print(f"renewal-bot: configuration error: {e}", file=sys.stderr)
        return 2
    # The offline console's terminal is the conversation: its log goes to a file, unless debugging.
    to_file = settings.offline and settings.log_level != "DEBUG"
    secrets = [settings.bot_token or "", settings.webhook.secret if settings.webhook else ""]
    setup_logging(settings.log_level, secrets, settings.log_file if to_file else None)
    worker = WORKER_FLAG in sys.argv[1:]
    try:
        if settings.offline:
            uvloop.run(run_console(settings))
        elif settings.webhook is None:
            uvloop.run(run_polling(settings))
        elif worker or settings.workers == 1:
            uvloop.run(run_webhook(settings, worker=worker))
        else:
            return uvloop.run(run_workers(settings))
    except ContentError as e:
        print(f"renewal-bot: the knowledge base is invalid:\n{e}", file=sys.stderr)
        return 2
    except (SchemaTooNewError, StartupError) as e:
        print(f"renewal-bot: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    except Exception as e:
        log.debug("the bot stopped on an error", exc_info=e)
        print(f"renewal-bot: stopped on an error: {summary(e)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
