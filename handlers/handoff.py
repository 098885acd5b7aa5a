"""“Talk to an operator”, the user's side: ask for the question, open the conversation, and copy
what the user writes meanwhile into it. The desk (bot/handoff.py) does the work; the operators'
side is handlers/handoff_group.py."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import HandoffCb, MenuCb
from bot.handoff import HandoffDesk
from bot.menus import main_menu
from bot.turn import Turn
from handlers.common import NOT_A_COMMAND, show
from storage.handoff import Thread
from storage.questions import last_question

router = Router(name="handoff")
router.message.filter(F.chat.type == ChatType.PRIVATE)
router.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)

RECENT_QUESTION_SECONDS = 15 * 60  # a logged question this fresh is offered with a button
PROMPT_QUESTION_CHARS = 300


class Handoff(StatesGroup):
    question = State()


async def has_open_thread(message: Message, desk: HandoffDesk) -> dict[str, Thread] | bool:
    """A message from a user whose conversation with the operators is open: that conversation."""
    if message.from_user is None:
        return False
    thread = await desk.open_thread_of(message.from_user.id)
    return {"thread": thread} if thread is not None else False


@router.callback_query(MenuCb.filter(F.action == "operator"))
async def talk_to_operator(callback: CallbackQuery, turn: Turn, desk: HandoffDesk) -> None:
    t = turn.t
    if desk.group_id is None:
        await show(callback, turn.bot, desk.unavailable_text(t), main_menu(t))
        return
    if await desk.open_thread_of(turn.user.id) is not None:
        await show(callback, turn.bot, t("handoff-already-open"))
        return
    await turn.state.set_state(Handoff.question)
    buttons = InlineKeyboardBuilder()
    last = await last_question(turn.db, turn.user.id)
    now = int(turn.clock.now().timestamp())
    if last is not None and now - last.asked_at <= RECENT_QUESTION_SECONDS:
        await turn.state.set_data({"last_question": last.text})
        cut = len(last.text) > PROMPT_QUESTION_CHARS
        preview = last.text[:PROMPT_QUESTION_CHARS] + ("…" if cut else "")
        text = t("handoff-ask-last", question=html_decoration.quote(preview))
        buttons.button(text=t("handoff-btn-send-last"), callback_data=HandoffCb(action="last"))
    else:
        await turn.state.set_data({})
        text = t("handoff-ask")
    buttons.button(text=t("handoff-btn-cancel"), callback_data=HandoffCb(action="cancel"))
    buttons.adjust(1)
    await show(callback, turn.bot, text, buttons.as_markup())


@router.callback_query(HandoffCb.filter(F.action == "cancel"))
async def cancel(callback: CallbackQuery, turn: Turn) -> None:
    if await turn.state.get_state() == Handoff.question.state:
        await turn.state.clear()
    await show(callback, turn.bot, turn.t("handoff-cancelled"), main_menu(turn.t))


@router.callback_query(HandoffCb.filter(F.action == "end"))
async def end_chat(
    callback: CallbackQuery, callback_data: HandoffCb, turn: Turn, desk: HandoffDesk
) -> None:
    thread = await desk.open_thread_of(turn.user.id)
    if thread is None or thread.id != callback_data.id or not await desk.end_by_user(thread):
        await callback.answer(turn.t("handoff-already-ended"), show_alert=True)
        return
    await callback.answer()
    await turn.bot.send_message(
        turn.user.id, turn.t("handoff-ended"), reply_markup=main_menu(turn.t)
    )


@router.callback_query(HandoffCb.filter(F.action == "last"))
async def send_last_question(callback: CallbackQuery, turn: Turn, desk: HandoffDesk) -> None:
    question = (await turn.state.get_data()).get("last_question")
    if await turn.state.get_state() != Handoff.question.state or not isinstance(question, str):
        # a button from an earlier prompt: start over as if "Talk to an operator" was pressed
        await talk_to_operator(callback, turn, desk)
        return
    await callback.answer()
    await turn.state.clear()
    reply, markup = await desk.open(turn.user, callback.from_user, question, None)
    await show(callback, turn.bot, reply, markup)


@router.message(StateFilter(Handoff.question), NOT_A_COMMAND)
async def question_written(message: Message, turn: Turn, desk: HandoffDesk) -> None:
    await turn.state.clear()
    question = message.text or message.caption or ""
    reply, markup = await desk.open(turn.user, message.from_user, question, message)
    await message.answer(reply, reply_markup=markup)


@router.message(StateFilter(None), NOT_A_COMMAND, has_open_thread)
async def follow_up(message: Message, thread: Thread, turn: Turn, desk: HandoffDesk) -> None:
    if not await desk.forward(message, thread):
        await message.answer(turn.t("handoff-not-delivered"))
