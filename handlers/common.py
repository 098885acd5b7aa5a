"""Small helpers the feature handlers share."""

from __future__ import annotations

from aiogram import Bot, F
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

# In a form, text answers the step; a command still does what it says (/help, /mydocs...).
NOT_A_COMMAND = ~F.text.startswith("/")


async def show(
    callback: CallbackQuery, bot: Bot, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replaces the pressed message with `text` (a menu step), or sends it anew when it can't."""
    await callback.answer()
    message = callback.message
    if isinstance(message, Message):
        try:
            await message.edit_text(text, reply_markup=markup)
            return
        except TelegramBadRequest as e:
            if "not modified" in str(e):
                return
    await bot.send_message(callback.from_user.id, text, reply_markup=markup)


async def respond(
    event: Message | CallbackQuery, bot: Bot, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """A command is answered with a new message; a button press replaces the pressed one."""
    if isinstance(event, CallbackQuery):
        await show(event, bot, text, markup)
    else:
        await event.answer(text, reply_markup=markup)
