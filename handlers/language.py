"""/language: the interface language, remembered in the database."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import LangCb, MenuCb
from bot.i18n import LANGUAGE_NAMES, I18n, Translator
from bot.menus import main_menu
from handlers.common import show
from handlers.keyboards import language_menu
from storage.database import Database
from storage.users import set_language

router = Router(name="language")


@router.message(Command("language"))
async def choose(message: Message, t: Translator, lang: str) -> None:
    await message.answer(t("language-choose"), reply_markup=language_menu(lang))


@router.callback_query(MenuCb.filter(F.action == "lang"))
async def choose_from_menu(callback: CallbackQuery, bot: Bot, t: Translator, lang: str) -> None:
    await show(callback, bot, t("language-choose"), language_menu(lang))


@router.callback_query(LangCb.filter(F.code.in_(LANGUAGE_NAMES)))
async def switch(
    callback: CallbackQuery, callback_data: LangCb, bot: Bot, db: Database, i18n: I18n
) -> None:
    await set_language(db, callback.from_user.id, callback_data.code)
    t = i18n.translator(callback_data.code)
    text = t("language-set", language=LANGUAGE_NAMES[callback_data.code])
    await show(callback, bot, text, main_menu(t))
