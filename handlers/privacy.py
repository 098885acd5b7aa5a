"""/privacy says what is stored and for how long; /export sends it all; /forget deletes it."""

from __future__ import annotations

import json

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import ForgetCb
from bot.clock import Clock
from bot.i18n import Translator
from bot.settings import Settings
from handlers.common import show
from storage.database import Database
from storage.fsm import FormsOutsideTheDatabase
from storage.privacy import export_user, forget_user
from storage.users import User

router = Router(name="privacy")


@router.message(Command("privacy"))
async def privacy(message: Message, settings: Settings, t: Translator) -> None:
    await message.answer(t("privacy-text", days=settings.question_retention_days))


@router.message(Command("export"))
async def export(
    message: Message, db: Database, user: User, clock: Clock, state: FSMContext, t: Translator
) -> None:
    data = {"exported_at": clock.now().isoformat(), **await export_user(db, user.id)}
    if isinstance(state.storage, FormsOutsideTheDatabase):
        data["conversation_state"] = await state.storage.forms_of(user.id)
    content = json.dumps(data, ensure_ascii=False, indent=2).encode()
    await message.answer_document(
        BufferedInputFile(content, filename=f"renewal-bot-data-{user.id}.json"),
        caption=t("export-caption"),
    )


@router.message(Command("forget"))
async def ask_forget(message: Message, t: Translator) -> None:
    confirm = InlineKeyboardBuilder()
    confirm.button(text=t("forget-btn-yes"), callback_data=ForgetCb(confirm=True))
    confirm.button(text=t("forget-btn-no"), callback_data=ForgetCb(confirm=False))
    confirm.adjust(1)
    await message.answer(t("forget-confirm"), reply_markup=confirm.as_markup())


@router.callback_query(ForgetCb.filter())
async def forget(
    callback: CallbackQuery,
    callback_data: ForgetCb,
    bot: Bot,
    state: FSMContext,
    db: Database,
    t: Translator,
) -> None:
    if not callback_data.confirm:
        await show(callback, bot, t("forget-kept"))
        return
    await state.clear()
    await forget_user(db, callback.from_user.id)
    if isinstance(state.storage, FormsOutsideTheDatabase):
        await state.storage.forget_user(callback.from_user.id)
    await show(callback, bot, t("forget-done"))
