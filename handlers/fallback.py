"""The catch-all, included last: unknown commands, non-text messages, edits, stale buttons."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.menus import main_menu

router = Router(name="fallback")
router.message.filter(F.chat.type == ChatType.PRIVATE)
router.edited_message.filter(F.chat.type == ChatType.PRIVATE)


@router.edited_message()
async def ignore_edit(message: Message) -> None:
    """An edited question was already answered; answering again would only repeat ourselves."""


@router.message(F.text.startswith("/"))
async def unknown_command(message: Message, t: Translator) -> None:
    await message.answer(t("unknown-command"))


@router.message()
async def not_text(message: Message, t: Translator) -> None:
    await message.answer(t("text-only"), reply_markup=main_menu(t))


@router.callback_query()
async def outdated_button(callback: CallbackQuery, t: Translator) -> None:
    """A button no handler takes: an old keyboard, or data that was forged or cut."""
    await callback.answer(t("button-outdated"))
