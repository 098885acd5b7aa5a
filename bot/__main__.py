"""`python -m bot`: long-polls Telegram with BOT_TOKEN set, or opens the offline console chat."""

from __future__ import annotations

import asyncio
import logging
import sys

from dotenv import load_dotenv

from bot.app import create_bot, create_dispatcher, create_services
from bot.logs import setup_logging
from bot.polling import Polling
from bot.settings import Settings, SettingsError, load_settings
from bot.startup import StartupError, open_database, reach_telegram
from bot.telegram_errors import summary
from faq import ContentError
from storage.database import SchemaTooNewError

log = logging.getLogger("bot")


async def run_polling(settings: Settings) -> None:
    bot = create_bot(settings)
    services = create_services(settings, bot)
    dp = create_dispatcher(services)
    try:
        await open_database(services.db)
        await reach_telegram(bot)
        await bot.delete_webhook(drop_pending_updates=False)
        await Polling(dp, bot, services.db).run()
    finally:
        await services.db.close()


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
    setup_logging(
        settings.log_level, [settings.bot_token or ""], settings.log_file if to_file else None
    )
    runner = run_console if settings.offline else run_polling
    try:
        asyncio.run(runner(settings))
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
