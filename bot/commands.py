"""The command menu Telegram shows, registered per language at start-up."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand

from bot.i18n import I18n
from faq.model import LANGUAGES

USER_COMMANDS = (
    "start",
    "renew",
    "mydocs",
    "topics",
    "settings",
    "language",
    "help",
    "cancel",
    "export",
    "forget",
)


def commands_for(i18n: I18n, lang: str) -> list[BotCommand]:
    t = i18n.translator(lang)
    return [BotCommand(command=name, description=t(f"cmd-{name}")) for name in USER_COMMANDS]


async def register_commands(bot: Bot, i18n: I18n) -> None:
    await bot.set_my_commands(commands_for(i18n, "en"))
    for lang in LANGUAGES:
        await bot.set_my_commands(commands_for(i18n, lang), language_code=lang)
