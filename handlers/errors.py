"""The last line of defence: log what broke, apologise to the user, never show a traceback."""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot, Router
from aiogram.exceptions import TelegramForbiddenError
from aiogram.types import ErrorEvent

from bot.i18n import I18n
from bot.telegram_errors import TELEGRAM_ERRORS, summary
from storage.database import Database
from storage.users import mark_blocked

router = Router(name="errors")
log = logging.getLogger(__name__)


@router.errors()
async def on_error(event: ErrorEvent, bot: Bot, i18n: I18n, db: Database, **data: Any) -> bool:
    update = event.update
    user = data.get("event_from_user")
    if isinstance(event.exception, TelegramForbiddenError) and user is not None:
        log.info("user %s blocked the bot", user.id)
        await mark_blocked(db, user.id)
        return True
    log.error(
        "update %s failed: %s: %s",
        update.update_id,
        type(event.exception).__name__,
        event.exception,
        exc_info=event.exception,
    )
    chat = data.get("event_chat")
    chat_id = chat.id if chat is not None else (user.id if user is not None else None)
    if chat_id is None or update.inline_query is not None:
        return True
    t = data.get("t") or i18n.translator("en")
    try:
        if update.callback_query is not None:
            await bot.answer_callback_query(update.callback_query.id)
        await bot.send_message(chat_id, t("error-apology"))
    except TELEGRAM_ERRORS as e:
        log.warning("could not apologise to chat %s: %s", chat_id, summary(e))
    return True
