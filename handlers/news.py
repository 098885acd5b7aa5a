"""The agency's news (broadcasts) on or off: from /settings, or from the button under a broadcast.

Reminders about the user's own documents are not news: they keep coming either way.
"""

from __future__ import annotations

import contextlib

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.callbacks import NewsCb, SettingsCb
from bot.turn import Turn
from handlers.common import show
from handlers.keyboards import button, markup
from storage.users import set_news

router = Router(name="news")


def _news_menu(turn: Turn, on: bool) -> InlineKeyboardMarkup:
    toggle = NewsCb(action="off" if on else "on")
    return markup(
        [button(turn.t("news-btn-off" if on else "news-btn-on"), toggle)],
        [button(turn.t("btn-back"), SettingsCb(what="menu"))],
    )


def _status(turn: Turn, on: bool) -> str:
    return turn.t("news-status-on" if on else "news-status-off")


@router.callback_query(NewsCb.filter(F.action == "menu"))
async def news_settings(callback: CallbackQuery, turn: Turn) -> None:
    on = turn.user.news
    await show(callback, turn.bot, _status(turn, on), _news_menu(turn, on))


@router.callback_query(NewsCb.filter(F.action.in_({"on", "off"})))
async def switch_news(callback: CallbackQuery, callback_data: NewsCb, turn: Turn) -> None:
    on = callback_data.action == "on"
    await set_news(turn.db, turn.user.id, on)
    await show(callback, turn.bot, _status(turn, on), _news_menu(turn, on))


@router.callback_query(NewsCb.filter(F.action == "stop"))
async def stop_from_broadcast(callback: CallbackQuery, turn: Turn) -> None:
    """The button under a broadcast: the notice stays, its button goes, the answer follows."""
    await set_news(turn.db, turn.user.id, False)
    await callback.answer()
    if isinstance(callback.message, Message):
        with contextlib.suppress(TelegramBadRequest):
            await callback.message.edit_reply_markup(reply_markup=None)
    await turn.bot.send_message(
        turn.user.id, _status(turn, False), reply_markup=_news_menu(turn, False)
    )
