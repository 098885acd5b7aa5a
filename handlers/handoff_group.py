"""The operators' group's side of a hand-off: replies go to the user, the card's button or /close
ends the conversation. The router only sees the operators' group (OPERATOR_CHAT_ID)."""

from __future__ import annotations

import contextlib

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import HandoffCb
from bot.handoff import HandoffDesk
from bot.telegram_errors import TELEGRAM_ERRORS
from handlers.common import NOT_A_COMMAND
from storage.database import Database
from storage.handoff import Thread, get_thread

router = Router(name="handoff-group")


async def in_operators_group(event: Message | CallbackQuery, desk: HandoffDesk) -> bool:
    message = event.message if isinstance(event, CallbackQuery) else event
    return message is not None and desk.is_group(message.chat.id)


router.message.filter(in_operators_group)
router.callback_query.filter(in_operators_group)


async def replies_to_a_thread(message: Message, desk: HandoffDesk) -> dict[str, Thread] | bool:
    """A reply to a message of a conversation: that conversation."""
    thread = await desk.thread_replied_to(message)
    return {"thread": thread} if thread is not None else False


@router.callback_query(HandoffCb.filter(F.action == "close"))
async def close_button(
    callback: CallbackQuery, callback_data: HandoffCb, db: Database, desk: HandoffDesk
) -> None:
    thread = await get_thread(db, callback_data.id)
    if thread is None:
        await callback.answer(desk.group_t()("handoff-op-gone"), show_alert=True)
        return
    await callback.answer()
    if not await desk.close(thread, callback.from_user) and isinstance(callback.message, Message):
        # closed already (by /close or from another button): just take the stale button away
        with contextlib.suppress(*TELEGRAM_ERRORS):
            await callback.message.edit_reply_markup(reply_markup=None)


@router.message(Command("close"))
async def close_command(message: Message, desk: HandoffDesk) -> None:
    gt = desk.group_t()
    thread = await desk.thread_replied_to(message)
    if thread is None or message.from_user is None:
        await message.reply(gt("handoff-op-close-how"))
        return
    if not await desk.close(thread, message.from_user):
        await message.reply(gt("handoff-op-already-closed", thread=thread.id))


@router.message(replies_to_a_thread, NOT_A_COMMAND)
async def reply(message: Message, thread: Thread, desk: HandoffDesk) -> None:
    """Whatever the reply holds is copied to the user."""
    await desk.reply(message, thread)
