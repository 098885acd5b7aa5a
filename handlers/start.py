"""/start, /help and the main menu."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import CallbackQuery, Message
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import MenuCb
from bot.i18n import Translator
from bot.menus import main_menu
from handlers.common import show

router = Router(name="start")


@router.message(CommandStart())
async def start(message: Message, t: Translator) -> None:
    name = html_decoration.quote(message.from_user.first_name if message.from_user else "")
    await message.answer(t("start-greeting", name=name), reply_markup=main_menu(t))


@router.message(Command("help"))
async def help_command(message: Message, t: Translator) -> None:
    await message.answer(t("help-text"), reply_markup=main_menu(t))


@router.callback_query(MenuCb.filter(F.action == "home"))
async def home(callback: CallbackQuery, bot: Bot, t: Translator) -> None:
    await show(callback, bot, t("main-menu"), main_menu(t))


@router.callback_query(MenuCb.filter(F.action == "ask"))
async def how_to_ask(callback: CallbackQuery, bot: Bot, t: Translator) -> None:
    await show(callback, bot, t("ask-hint"), main_menu(t))
