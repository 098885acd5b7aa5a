"""/cancel, wherever the user is: leaves any form, and ends a conversation with the operators."""

from __future__ import annotations

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import Message

from bot.handoff import HandoffDesk
from bot.menus import main_menu
from bot.turn import Turn

router = Router(name="cancel")


@router.message(Command("cancel"))
async def cancel_command(message: Message, turn: Turn, desk: HandoffDesk) -> None:
    t = turn.t
    had_state = await turn.state.get_state() is not None
    await turn.state.clear()
    private = message.chat.type == ChatType.PRIVATE
    thread = await desk.open_thread_of(turn.user.id) if private else None
    if thread is not None and await desk.end_by_user(thread):
        await message.answer(t("handoff-ended"), reply_markup=main_menu(t))
        return
    await message.answer(
        t("wizard-cancelled" if had_state else "nothing-to-cancel"), reply_markup=main_menu(t)
    )
