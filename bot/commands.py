"""The command menu and the bot's description, registered per language at start-up."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.types import BotCommand, BotCommandScopeChat

from bot.i18n import I18n
from faq.model import LANGUAGES

log = logging.getLogger(__name__)

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
    "privacy",
)
# Listed only to the operators (ADMIN_IDS); anyone else who sends one is told it is unknown
# (handlers/operators.py). Descriptions are `cmd-<name>` in bot/locales/<lang>/operators.ftl.
OPERATOR_COMMANDS = (
    "stats",
    "review",
    "broadcast",
    "broadcast_cancel",
    "reload_faq",
)


def commands_for(i18n: I18n, lang: str, *, operator: bool = False) -> list[BotCommand]:
    t = i18n.translator(lang)
    names = USER_COMMANDS + OPERATOR_COMMANDS if operator else USER_COMMANDS
    return [BotCommand(command=name, description=t(f"cmd-{name}")) for name in names]


async def register_commands(bot: Bot, i18n: I18n, admin_ids: Iterable[int] = ()) -> None:
    await bot.set_my_commands(commands_for(i18n, "en"))
    for lang in LANGUAGES:
        await bot.set_my_commands(commands_for(i18n, lang), language_code=lang)
    # Each operator's own chat gets the user commands plus the operator ones.
    for admin_id in sorted(admin_ids):
        scope = BotCommandScopeChat(chat_id=admin_id)
        try:
            await bot.set_my_commands(commands_for(i18n, "en", operator=True), scope=scope)
            for lang in LANGUAGES:
                await bot.set_my_commands(
                    commands_for(i18n, lang, operator=True), scope=scope, language_code=lang
                )
        except (TelegramBadRequest, TelegramForbiddenError) as e:
            # Telegram knows no chat with an operator who has never started the bot.
            log.warning("operator %s: command menu not set (%s)", admin_id, e.message)


async def register_descriptions(bot: Bot, i18n: I18n, default_language: str) -> None:
    """The bot's profile text (before /start) and short description (in shares), per language."""
    for lang in (None, *LANGUAGES):
        t = i18n.translator(lang or default_language)
        await bot.set_my_description(t("bot-description"), language_code=lang)
        await bot.set_my_short_description(t("bot-short-description"), language_code=lang)
