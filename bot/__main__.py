"""`python -m bot`: long-polls Telegram with BOT_TOKEN set, or opens the offline console chat."""

from __future__ import annotations

import asyncio
import logging
import sys

from dotenv import load_dotenv

from bot.app import create_bot, create_dispatcher, create_services
from bot.logs import setup_logging
from bot.settings import Settings, SettingsError, load_settings
from faq import ContentError
from storage.database import SchemaTooNewError

log = logging.getLogger("bot")


async def run_polling(settings: Settings) -> None:
    bot = create_bot(settings)
    services = create_services(settings, bot)
    dp = create_dispatcher(services)
    try:
        await bot.delete_webhook(drop_pending_updates=False)
        await dp.start_polling(bot, handle_signals=True, close_bot_session=True)
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
    except SchemaTooNewError as e:
        print(f"renewal-bot: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
