"""“Talk to an operator”: a person at the agency takes over the conversation.

The user's question goes to the operators' group (OPERATOR_CHAT_ID) under a card saying who asks;
an operator's reply to the card, or to any message of the conversation in the group, is copied to
the user; whatever the user writes meanwhile joins the conversation, until an operator closes it.
Which group message belongs to which conversation is in SQLite (storage/handoff.py), so replies
find their user after a restart. Without OPERATOR_CHAT_ID the button shows AGENCY_CONTACT.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, ReplyParameters
from aiogram.types import User as TgUser
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import HandoffCb, MenuCb
from bot.clock import Clock
from bot.dates import format_date
from bot.i18n import LANGUAGE_NAMES, I18n, Translator, pick_language
from bot.reminders import document_name, user_timezone
from bot.schedule import days_left
from bot.sender import RecipientGone, Sender
from bot.settings import Settings
from faq.model import KnowledgeBase
from handlers.common import NOT_A_COMMAND, show
from handlers.keyboards import main_menu
from storage.database import Database
from storage.documents import user_documents
from storage.handoff import (
    Thread,
    close_thread,
    drop_thread,
    get_thread,
    open_thread,
    open_thread_of,
    record_message,
    set_card,
    thread_for_message,
)
from storage.questions import last_question
from storage.users import User, get_user, mark_blocked

log = logging.getLogger(__name__)
router = Router(name="handoff")

RECENT_QUESTION_SECONDS = 15 * 60  # a logged question this fresh is offered with a button
CARD_QUESTION_CHARS = 3000  # longer questions are cut in the card and copied in full below it
PROMPT_QUESTION_CHARS = 300


class Handoff(StatesGroup):
    question = State()


# --- who is where ---------------------------------------------------------------------------------


def _is_operator_chat(chat_id: int | None, settings: Settings) -> bool:
    return settings.operator_chat_id is not None and chat_id == settings.operator_chat_id


async def in_operator_chat(event: Message | CallbackQuery, settings: Settings) -> bool:
    """Anyone in the operators' group is an operator there: the group is the access control."""
    message = event.message if isinstance(event, CallbackQuery) else event
    return message is not None and _is_operator_chat(message.chat.id, settings)


async def replies_to_a_thread(
    message: Message, db: Database, settings: Settings
) -> dict[str, Any] | bool:
    """A reply, in the operators' group, to a message of a conversation: that conversation."""
    replied = message.reply_to_message
    if replied is None or not _is_operator_chat(message.chat.id, settings):
        return False
    thread = await thread_for_message(db, message.chat.id, replied.message_id)
    return {"thread": thread} if thread is not None else False


async def has_open_thread(
    message: Message, db: Database, settings: Settings
) -> dict[str, Any] | bool:
    """A private message from a user whose conversation with the operators is open."""
    if settings.operator_chat_id is None or message.from_user is None:
        return False
    thread = await open_thread_of(db, message.from_user.id)
    if thread is None or thread.chat_id != settings.operator_chat_id:
        return False  # none, or left open in a group that is no longer the operators' one
    return {"thread": thread}


_private = F.chat.type == ChatType.PRIVATE


# --- texts ----------------------------------------------------------------------------------------


def _group_translator(i18n: I18n, settings: Settings) -> Translator:
    """Operators read the group in the bot's default language, whoever the user is."""
    return i18n.translator(settings.default_language)


def _user_lang(user: User, settings: Settings) -> str:
    return user.language or pick_language(user.tg_language, settings.default_language)


def _no_operator_text(settings: Settings, t: Translator) -> str:
    if settings.agency_contact:
        return t("operator-contact", contact=html_decoration.quote(settings.agency_contact))
    return t("operator-unavailable")


def _display_name(tg_user: TgUser | None, fallback: str = "") -> str:
    return html_decoration.quote((tg_user.full_name if tg_user else "") or fallback or "?")


async def card_text(
    t: Translator,
    *,
    thread: Thread,
    user: User,
    tg_user: TgUser | None,
    question: str,
    db: Database,
    kb: KnowledgeBase,
    settings: Settings,
    clock: Clock,
) -> str:
    """Who asks (name, language, saved documents with days left) and what: the operators' card."""
    username = f" @{tg_user.username}" if tg_user and tg_user.username else ""
    lines = [
        t("handoff-card-header", thread=thread.id),
        t(
            "handoff-card-user",
            id=user.id,
            name=_display_name(tg_user, user.first_name),
            username=html_decoration.quote(username),
        ),
        t("handoff-card-language", language=LANGUAGE_NAMES[_user_lang(user, settings)]),
    ]
    docs = await user_documents(db, user.id)
    if docs:
        tz, now = ZoneInfo(user_timezone(user, settings)), clock.now()
        lines.append(t("handoff-card-documents"))
        for doc in docs:
            left = days_left(doc.expires_on, now, tz)
            lines.append(
                t(
                    "handoff-card-document" if left >= 0 else "handoff-card-document-expired",
                    document=document_name(kb, doc, t.lang),
                    date=format_date(doc.expires_on, t.lang),
                    days=left,
                )
            )
    else:
        lines.append(t("handoff-card-no-documents"))
    shown = question[:CARD_QUESTION_CHARS] + ("…" if len(question) > CARD_QUESTION_CHARS else "")
    body = html_decoration.quote(shown) if shown.strip() else t("handoff-card-see-below")
    lines += ["", t("handoff-card-question"), body, "", t("handoff-card-hint")]
    return "\n".join(lines)


def _close_button(t: Translator, thread: Thread) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("handoff-btn-close"), callback_data=HandoffCb(action="close", id=thread.id))
    return kb.as_markup()


def _cancel_button(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("handoff-btn-cancel"), callback_data=HandoffCb(action="cancel"))
    return kb.as_markup()


def _reply_to(message_id: int | None) -> ReplyParameters | None:
    if message_id is None:
        return None
    return ReplyParameters(message_id=message_id, allow_sending_without_reply=True)


# --- the user's side ------------------------------------------------------------------------------


@router.callback_query(MenuCb.filter(F.action == "operator"))
async def talk_to_operator(
    callback: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    db: Database,
    settings: Settings,
    clock: Clock,
    user: User,
    t: Translator,
) -> None:
    if settings.operator_chat_id is None:
        await show(callback, bot, _no_operator_text(settings, t), main_menu(t))
        return
    thread = await open_thread_of(db, user.id)
    if thread is not None and thread.chat_id == settings.operator_chat_id:
        await show(callback, bot, t("handoff-already-open"))
        return
    await state.set_state(Handoff.question)
    buttons = InlineKeyboardBuilder()
    last = await last_question(db, user.id)
    now = int(clock.now().timestamp())
    if last is not None and now - last.asked_at <= RECENT_QUESTION_SECONDS:
        await state.set_data({"last_question": last.text})
        preview = last.text[:PROMPT_QUESTION_CHARS] + (
            "…" if len(last.text) > PROMPT_QUESTION_CHARS else ""
        )
        text = t("handoff-ask-last", question=html_decoration.quote(preview))
        buttons.button(text=t("handoff-btn-send-last"), callback_data=HandoffCb(action="last"))
    else:
        await state.set_data({})
        text = t("handoff-ask")
    buttons.attach(InlineKeyboardBuilder.from_markup(_cancel_button(t)))
    buttons.adjust(1)
    await show(callback, bot, text, buttons.as_markup())


@router.callback_query(HandoffCb.filter(F.action == "cancel"))
async def cancel(callback: CallbackQuery, bot: Bot, state: FSMContext, t: Translator) -> None:
    if await state.get_state() == Handoff.question.state:
        await state.clear()
    await show(callback, bot, t("handoff-cancelled"), main_menu(t))


@router.callback_query(HandoffCb.filter(F.action == "last"))
async def send_last_question(
    callback: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    db: Database,
    kb: KnowledgeBase,
    settings: Settings,
    clock: Clock,
    i18n: I18n,
    user: User,
    t: Translator,
) -> None:
    question = (await state.get_data()).get("last_question")
    if await state.get_state() != Handoff.question.state or not isinstance(question, str):
        # a button from an earlier prompt: start over as if "Talk to an operator" was pressed
        await talk_to_operator(callback, bot, state, db, settings, clock, user, t)
        return
    await callback.answer()
    await state.clear()
    reply, markup = await _open(
        bot, None, question, callback.from_user, db, kb, settings, clock, i18n, user, t
    )
    await show(callback, bot, reply, markup)


@router.message(StateFilter(Handoff.question), _private, NOT_A_COMMAND)
async def question_written(
    message: Message,
    bot: Bot,
    state: FSMContext,
    db: Database,
    kb: KnowledgeBase,
    settings: Settings,
    clock: Clock,
    i18n: I18n,
    user: User,
    t: Translator,
) -> None:
    await state.clear()
    question = message.text or message.caption or ""
    reply, markup = await _open(
        bot, message, question, message.from_user, db, kb, settings, clock, i18n, user, t
    )
    await message.answer(reply, reply_markup=markup)


async def _open(
    bot: Bot,
    message: Message | None,
    question: str,
    tg_user: TgUser | None,
    db: Database,
    kb: KnowledgeBase,
    settings: Settings,
    clock: Clock,
    i18n: I18n,
    user: User,
    t: Translator,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Opens the conversation and posts its card (and the message itself when the card can't hold
    it); returns what to tell the user. A user with an open conversation just adds to it."""
    chat_id = settings.operator_chat_id
    if chat_id is None:
        return _no_operator_text(settings, t), main_menu(t)
    now = int(clock.now().timestamp())
    thread, new = await open_thread(db, user.id, chat_id, question, now)
    if not new:
        if message is not None and not await _forward_follow_up(bot, message, thread, db, clock):
            return t("handoff-not-delivered"), None
        return t("handoff-already-open"), None
    gt = _group_translator(i18n, settings)
    text = await card_text(
        gt,
        thread=thread,
        user=user,
        tg_user=tg_user,
        question=question,
        db=db,
        kb=kb,
        settings=settings,
        clock=clock,
    )
    try:
        card = await bot.send_message(chat_id, text, reply_markup=_close_button(gt, thread))
    except TelegramAPIError:
        log.exception("could not post hand-off #%s in the operators' chat %s", thread.id, chat_id)
        await drop_thread(db, thread.id)
        contact = "\n" + _no_operator_text(settings, t) if settings.agency_contact else ""
        return t("handoff-failed") + contact, main_menu(t)
    await set_card(db, thread.id, card.message_id, now)
    thread = await get_thread(db, thread.id) or thread
    if message is not None and (message.text is None or len(question) > CARD_QUESTION_CHARS):
        await _forward_follow_up(bot, message, thread, db, clock)  # media, or cut in the card
    log.info("hand-off #%s opened for user %s", thread.id, user.id)
    return t("handoff-opened"), None


async def _forward_follow_up(
    bot: Bot, message: Message, thread: Thread, db: Database, clock: Clock
) -> bool:
    """Copies the user's message into the group as a reply to the card; False if it failed."""
    try:
        copied = await bot.copy_message(
            chat_id=thread.chat_id,
            from_chat_id=message.chat.id,
            message_id=message.message_id,
            reply_parameters=_reply_to(thread.card_message_id),
        )
    except TelegramAPIError:
        log.exception("could not copy a message of hand-off #%s to the operators", thread.id)
        return False
    await record_message(
        db, thread.chat_id, copied.message_id, thread.id, "user", int(clock.now().timestamp())
    )
    return True


@router.message(StateFilter(None), _private, NOT_A_COMMAND, has_open_thread)
async def follow_up(
    message: Message, bot: Bot, thread: Thread, db: Database, clock: Clock, t: Translator
) -> None:
    if not await _forward_follow_up(bot, message, thread, db, clock):
        await message.answer(t("handoff-not-delivered"))


# --- the operators' side --------------------------------------------------------------------------


async def _tell_user(
    bot: Bot, sender: Sender, db: Database, user_id: int, text: str, markup: Any = None
) -> bool:
    """Sends to the user at the shared pace; False (and the user marked) if they blocked the bot."""
    try:
        await sender.deliver(lambda: bot.send_message(user_id, text, reply_markup=markup))
    except RecipientGone:
        await mark_blocked(db, user_id)
        return False
    except TelegramAPIError:
        log.exception("could not tell user %s about their hand-off", user_id)
        return False
    return True


async def _close(
    bot: Bot,
    thread: Thread,
    closed_by: TgUser,
    db: Database,
    settings: Settings,
    clock: Clock,
    i18n: I18n,
    sender: Sender,
) -> bool:
    """Closes the conversation, takes the button off its card and tells both sides."""
    if not await close_thread(db, thread.id, int(clock.now().timestamp())):
        return False
    gt = _group_translator(i18n, settings)
    if thread.card_message_id is not None:
        try:
            await bot.edit_message_reply_markup(
                chat_id=thread.chat_id, message_id=thread.card_message_id, reply_markup=None
            )
        except TelegramAPIError as e:
            log.debug("hand-off #%s: the card keeps its button: %s", thread.id, e)
    try:
        await bot.send_message(
            thread.chat_id,
            gt("handoff-op-closed", thread=thread.id, name=_display_name(closed_by)),
            reply_parameters=_reply_to(thread.card_message_id),
        )
    except TelegramAPIError:
        log.exception("could not confirm closing hand-off #%s in the group", thread.id)
    user = await get_user(db, thread.user_id)
    if user is not None:
        t = i18n.translator(_user_lang(user, settings))
        await _tell_user(bot, sender, db, user.id, t("handoff-closed"), main_menu(t))
    log.info("hand-off #%s closed by %s", thread.id, closed_by.id)
    return True


@router.callback_query(HandoffCb.filter(F.action == "close"), in_operator_chat)
async def close_button(
    callback: CallbackQuery,
    callback_data: HandoffCb,
    bot: Bot,
    db: Database,
    settings: Settings,
    clock: Clock,
    i18n: I18n,
    sender: Sender,
) -> None:
    thread = await get_thread(db, callback_data.id)
    gt = _group_translator(i18n, settings)
    if thread is None:
        await callback.answer(gt("handoff-op-gone"), show_alert=True)
        return
    await callback.answer()
    closed = await _close(bot, thread, callback.from_user, db, settings, clock, i18n, sender)
    if not closed and isinstance(callback.message, Message):
        # closed already (by /close or another operator): just take the stale button away
        with contextlib.suppress(TelegramAPIError):
            await callback.message.edit_reply_markup(reply_markup=None)


@router.message(Command("close"), in_operator_chat)
async def close_command(
    message: Message,
    bot: Bot,
    db: Database,
    settings: Settings,
    clock: Clock,
    i18n: I18n,
    sender: Sender,
) -> None:
    gt = _group_translator(i18n, settings)
    result = await replies_to_a_thread(message, db, settings)
    thread = result["thread"] if isinstance(result, dict) else None
    if thread is None or message.from_user is None:
        await message.reply(gt("handoff-op-close-how"))
        return
    if not await _close(bot, thread, message.from_user, db, settings, clock, i18n, sender):
        await message.reply(gt("handoff-op-already-closed", thread=thread.id))


@router.message(replies_to_a_thread, NOT_A_COMMAND)
async def operator_reply(
    message: Message,
    thread: Thread,
    bot: Bot,
    db: Database,
    settings: Settings,
    clock: Clock,
    i18n: I18n,
    sender: Sender,
) -> None:
    """An operator answered: the reply, whatever it holds, is copied to the user."""
    gt = _group_translator(i18n, settings)
    if not thread.is_open:
        await message.reply(gt("handoff-op-already-closed", thread=thread.id))
        return
    try:
        await sender.deliver(
            lambda: bot.copy_message(
                chat_id=thread.user_id, from_chat_id=message.chat.id, message_id=message.message_id
            )
        )
    except RecipientGone:
        await mark_blocked(db, thread.user_id)
        user = await get_user(db, thread.user_id)
        name = html_decoration.quote(user.first_name if user and user.first_name else "?")
        await message.reply(gt("handoff-op-blocked", name=name))
        return
    except TelegramAPIError as e:
        log.warning("hand-off #%s: an operator's reply was not delivered: %s", thread.id, e)
        await message.reply(gt("handoff-op-failed", error=html_decoration.quote(str(e))))
        return
    # The reply is part of the conversation too: replying to it reaches the same user.
    await record_message(
        db, message.chat.id, message.message_id, thread.id, "operator", int(clock.now().timestamp())
    )
