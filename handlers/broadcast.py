"""/broadcast: compose -> preview -> audience -> send now or at a time; /broadcast_cancel.

Operators only (the router's filter): anyone else falls through to the unknown-command answer.
The message to broadcast stays where the operator sent it; recipients get a copy of it, so the
preview (a copy back to the operator) is exactly what they will see.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import BroadcastCb
from bot.clock import Clock
from bot.dates import format_date, parse_date
from bot.filters import IsOperator
from bot.i18n import LANGUAGE_NAMES, Translator
from bot.reminders import user_timezone
from bot.settings import Settings
from faq.loader import DOCUMENT_KINDS
from faq.model import LANGUAGES, KnowledgeBase
from handlers.common import NOT_A_COMMAND, show
from storage.broadcasts import (
    Broadcast,
    Segment,
    audience_size,
    broadcasts_with_status,
    create_broadcast,
)
from storage.database import Database
from storage.users import User

if TYPE_CHECKING:
    from bot.app import Services
    from bot.broadcasts import BroadcastEngine

router = Router(name="broadcast")
router.message.filter(IsOperator())
router.callback_query.filter(IsOperator())

DAY_CHOICES = (3, 7, 14, 30, 90)
MAX_DAYS = 3650
_TIME = re.compile(r"^(.*?)\s*(\d{1,2}):(\d{2})$")


class Compose(StatesGroup):
    message = State()
    audience = State()
    days = State()
    send_at = State()


# --- pieces ---------------------------------------------------------------------------------------


def _segment_name(segment: Segment, kb: KnowledgeBase, lang: str, t: Translator) -> str:
    if segment.kind == "lang":
        return t("broadcast-segment-lang", language=LANGUAGE_NAMES[str(segment.value)])
    if segment.kind == "doc":
        return t(
            "broadcast-segment-doc", document=kb.documents[str(segment.value)].text(lang).title
        )
    if segment.kind == "expiring":
        return t("broadcast-segment-expiring", days=int(segment.value or 0))
    if segment.kind == "active":
        return t("broadcast-segment-active", days=int(segment.value or 0))
    return t("broadcast-segment-all")


def _segment_menu(t: Translator) -> InlineKeyboardMarkup:
    menu = InlineKeyboardBuilder()
    menu.button(text=t("broadcast-seg-all"), callback_data=BroadcastCb(action="seg", value="all"))
    menu.button(text=t("broadcast-seg-lang"), callback_data=BroadcastCb(action="seg", value="lang"))
    menu.button(text=t("broadcast-seg-doc"), callback_data=BroadcastCb(action="seg", value="doc"))
    menu.button(
        text=t("broadcast-seg-expiring"), callback_data=BroadcastCb(action="seg", value="expiring")
    )
    menu.button(
        text=t("broadcast-seg-active"), callback_data=BroadcastCb(action="seg", value="active")
    )
    menu.button(text=t("broadcast-btn-cancel"), callback_data=BroadcastCb(action="cancel"))
    menu.adjust(1)
    return menu.as_markup()


def _with_back(menu: InlineKeyboardBuilder, t: Translator, columns: int) -> InlineKeyboardMarkup:
    menu.adjust(columns)
    menu.row()
    footer = InlineKeyboardBuilder()
    footer.button(text=t("btn-back"), callback_data=BroadcastCb(action="audience"))
    footer.button(text=t("broadcast-btn-cancel"), callback_data=BroadcastCb(action="cancel"))
    menu.attach(footer)
    return menu.as_markup()


def _confirm_menu(t: Translator) -> InlineKeyboardMarkup:
    menu = InlineKeyboardBuilder()
    menu.button(text=t("broadcast-btn-confirm"), callback_data=BroadcastCb(action="confirm"))
    menu.button(text=t("broadcast-btn-later"), callback_data=BroadcastCb(action="later"))
    menu.button(text=t("broadcast-btn-audience"), callback_data=BroadcastCb(action="audience"))
    menu.button(text=t("broadcast-btn-cancel"), callback_data=BroadcastCb(action="cancel"))
    menu.adjust(1)
    return menu.as_markup()


def _operator_zone(user: User, settings: Settings) -> ZoneInfo:
    return ZoneInfo(user_timezone(user, settings))


def parse_send_at(text: str, lang: str, now: datetime, zone: ZoneInfo) -> datetime | None:
    """ "18:30" (today, or tomorrow once past), "25.12 18:30", "2026-12-25 9:05" in `zone`."""
    match = _TIME.match(" ".join(text.split()))
    if match is None:
        return None
    day_text, hour, minute = match.group(1), int(match.group(2)), int(match.group(3))
    if hour > 23 or minute > 59:
        return None
    local_now = now.astimezone(zone)
    at = time(hour, minute)
    if not day_text:
        when = datetime.combine(local_now.date(), at, zone)
        return when if when > now else datetime.combine(local_now.date() + timedelta(1), at, zone)
    day = parse_date(day_text, lang, local_now.date())
    return datetime.combine(day, at, zone) if day else None


async def _audience_step(
    target: Message | CallbackQuery,
    bot: Bot,
    state: FSMContext,
    segment: Segment,
    db: Database,
    kb: KnowledgeBase,
    clock: Clock,
    settings: Settings,
    lang: str,
    t: Translator,
) -> None:
    """Shows who the segment reaches and how many, with Confirm / Send at / Change / Cancel."""
    now = clock.now()
    today = now.astimezone(ZoneInfo(settings.default_timezone)).date()
    count = await audience_size(db, segment, int(now.timestamp()), today)
    await state.update_data(segment=segment.to_json(), count=count)
    await state.set_state(Compose.audience)
    name = _segment_name(segment, kb, lang, t)
    if count == 0:
        text, markup = t("broadcast-empty-audience", segment=name), _segment_menu(t)
    else:
        text, markup = t("broadcast-audience", segment=name, count=count), _confirm_menu(t)
    if isinstance(target, CallbackQuery):
        await show(target, bot, text, markup)
    else:
        await target.answer(text, reply_markup=markup)


def _engine(services: Services) -> BroadcastEngine:
    if services.broadcasts is None:
        raise RuntimeError("the broadcast engine starts with the bot")
    return services.broadcasts


# --- composing ------------------------------------------------------------------------------------


@router.message(Command("broadcast"))
async def broadcast_command(message: Message, state: FSMContext, t: Translator) -> None:
    await state.clear()
    await state.set_state(Compose.message)
    await message.answer(t("broadcast-ask-message"))


@router.message(Compose.message, NOT_A_COMMAND)
async def got_message(message: Message, bot: Bot, state: FSMContext, t: Translator) -> None:
    try:
        await bot.copy_message(
            chat_id=message.chat.id, from_chat_id=message.chat.id, message_id=message.message_id
        )
    except TelegramBadRequest:
        await message.answer(t("broadcast-not-copyable"))
        return
    await state.update_data(from_chat_id=message.chat.id, message_id=message.message_id)
    await state.set_state(Compose.audience)
    await message.answer(t("broadcast-preview-above"), reply_markup=_segment_menu(t))


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "audience"))
async def change_audience(callback: CallbackQuery, bot: Bot, t: Translator) -> None:
    await show(callback, bot, t("broadcast-choose-audience"), _segment_menu(t))


@router.callback_query(Compose.days, BroadcastCb.filter(F.action == "audience"))
async def back_from_days(
    callback: CallbackQuery, bot: Bot, state: FSMContext, t: Translator
) -> None:
    await state.set_state(Compose.audience)
    await show(callback, bot, t("broadcast-choose-audience"), _segment_menu(t))


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "seg"))
async def chose_segment_kind(
    callback: CallbackQuery,
    callback_data: BroadcastCb,
    bot: Bot,
    state: FSMContext,
    db: Database,
    kb: KnowledgeBase,
    clock: Clock,
    settings: Settings,
    lang: str,
    t: Translator,
) -> None:
    kind = callback_data.value
    if kind == "lang":
        menu = InlineKeyboardBuilder()
        for code in LANGUAGES:
            menu.button(
                text=LANGUAGE_NAMES[code], callback_data=BroadcastCb(action="lang", value=code)
            )
        await show(callback, bot, t("broadcast-ask-language"), _with_back(menu, t, 2))
    elif kind == "doc":
        menu = InlineKeyboardBuilder()
        for doc_kind in DOCUMENT_KINDS:
            menu.button(
                text=kb.documents[doc_kind].text(lang).title,
                callback_data=BroadcastCb(action="doc", value=doc_kind),
            )
        await show(callback, bot, t("broadcast-ask-document"), _with_back(menu, t, 2))
    elif kind in ("expiring", "active"):
        await state.update_data(days_for=kind)
        await state.set_state(Compose.days)
        menu = InlineKeyboardBuilder()
        for days in DAY_CHOICES:
            menu.button(
                text=t("broadcast-days", days=days),
                callback_data=BroadcastCb(action="days", value=str(days)),
            )
        question = (
            "broadcast-ask-days-expiring" if kind == "expiring" else "broadcast-ask-days-active"
        )
        await show(callback, bot, t(question), _with_back(menu, t, 3))
    else:
        await _audience_step(callback, bot, state, Segment("all"), db, kb, clock, settings, lang, t)


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action.in_({"lang", "doc"})))
async def chose_value(
    callback: CallbackQuery,
    callback_data: BroadcastCb,
    bot: Bot,
    state: FSMContext,
    db: Database,
    kb: KnowledgeBase,
    clock: Clock,
    settings: Settings,
    lang: str,
    t: Translator,
) -> None:
    valid = LANGUAGES if callback_data.action == "lang" else DOCUMENT_KINDS
    if callback_data.value not in valid:
        await callback.answer()
        return
    segment = Segment(callback_data.action, callback_data.value)  # type: ignore[arg-type]
    await _audience_step(callback, bot, state, segment, db, kb, clock, settings, lang, t)


async def _days_chosen(
    target: Message | CallbackQuery, days: int, bot: Bot, state: FSMContext, **deps: Any
) -> None:
    data = await state.get_data()
    segment = Segment(data.get("days_for", "active"), days)
    await _audience_step(target, bot, state, segment, **deps)


@router.callback_query(Compose.days, BroadcastCb.filter(F.action == "days"))
async def chose_days(
    callback: CallbackQuery,
    callback_data: BroadcastCb,
    bot: Bot,
    state: FSMContext,
    db: Database,
    kb: KnowledgeBase,
    clock: Clock,
    settings: Settings,
    lang: str,
    t: Translator,
) -> None:
    days = int(callback_data.value) if callback_data.value.isdigit() else DAY_CHOICES[0]
    await _days_chosen(
        callback, days, bot, state, db=db, kb=kb, clock=clock, settings=settings, lang=lang, t=t
    )


@router.message(Compose.days, F.text, NOT_A_COMMAND)
async def typed_days(
    message: Message,
    bot: Bot,
    state: FSMContext,
    db: Database,
    kb: KnowledgeBase,
    clock: Clock,
    settings: Settings,
    lang: str,
    t: Translator,
) -> None:
    text = (message.text or "").strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_DAYS:
        await message.answer(t("broadcast-bad-days", max=MAX_DAYS))
        return
    await _days_chosen(
        message, int(text), bot, state, db=db, kb=kb, clock=clock, settings=settings, lang=lang, t=t
    )


# --- sending ----------------------------------------------------------------------------------


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "confirm"))
async def confirm(
    callback: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    db: Database,
    clock: Clock,
    services: Services,
    t: Translator,
) -> None:
    data = await state.get_data()
    if "segment" not in data or "message_id" not in data:
        await show(callback, bot, t("broadcast-expired"))
        return
    await state.clear()
    broadcast_id = await create_broadcast(
        db,
        operator_id=callback.from_user.id,
        from_chat_id=int(data["from_chat_id"]),
        message_id=int(data["message_id"]),
        segment=Segment.from_json(data["segment"]),
        now=int(clock.now().timestamp()),
    )
    await show(callback, bot, t("broadcast-started", id=broadcast_id, count=data.get("count", 0)))
    _engine(services).launch(broadcast_id)


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "later"))
async def ask_time(
    callback: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    clock: Clock,
    user: User,
    settings: Settings,
    lang: str,
    t: Translator,
) -> None:
    zone = _operator_zone(user, settings)
    example = (clock.now().astimezone(zone) + timedelta(days=1)).replace(hour=10, minute=0)
    await state.set_state(Compose.send_at)
    await show(
        callback,
        bot,
        t(
            "broadcast-ask-time",
            timezone=zone.key,
            example=f"{format_date(example.date(), lang)} 10:00",
        ),
    )


@router.message(Compose.send_at, F.text, NOT_A_COMMAND)
async def typed_time(
    message: Message,
    state: FSMContext,
    db: Database,
    clock: Clock,
    services: Services,
    user: User,
    settings: Settings,
    lang: str,
    t: Translator,
) -> None:
    zone = _operator_zone(user, settings)
    now = clock.now()
    when = parse_send_at(message.text or "", lang, now, zone)
    if when is None:
        await message.answer(t("broadcast-bad-time", timezone=zone.key))
        return
    if when <= now:
        await message.answer(t("broadcast-past-time"))
        return
    data = await state.get_data()
    if "segment" not in data or "message_id" not in data:
        await state.clear()
        await message.answer(t("broadcast-expired"))
        return
    await state.clear()
    send_at = int(when.timestamp())
    broadcast_id = await create_broadcast(
        db,
        operator_id=message.chat.id,
        from_chat_id=int(data["from_chat_id"]),
        message_id=int(data["message_id"]),
        segment=Segment.from_json(data["segment"]),
        now=int(now.timestamp()),
        send_at=send_at,
    )
    _engine(services).arm(broadcast_id, send_at)
    local = when.astimezone(zone)
    await message.answer(
        t(
            "broadcast-scheduled",
            id=broadcast_id,
            count=data.get("count", 0),
            when=f"{format_date(local.date(), lang)} {local:%H:%M}",
            timezone=zone.key,
        )
    )


@router.callback_query(
    StateFilter(Compose.audience, Compose.days, Compose.send_at),
    BroadcastCb.filter(F.action == "cancel"),
)
async def cancel_draft(callback: CallbackQuery, bot: Bot, state: FSMContext, t: Translator) -> None:
    await state.clear()
    await show(callback, bot, t("broadcast-draft-cancelled"))


@router.callback_query(BroadcastCb.filter(F.action != "stop"))
async def stale_button(callback: CallbackQuery, bot: Bot, t: Translator) -> None:
    """A button of a broadcast draft that was already sent, cancelled or replaced."""
    await show(callback, bot, t("broadcast-expired"))


@router.message(StateFilter(Compose.audience, Compose.send_at, Compose.days), ~F.text)
@router.message(Compose.audience, NOT_A_COMMAND)
async def use_buttons(message: Message, t: Translator) -> None:
    await message.answer(t("broadcast-use-buttons"))


# --- cancelling -------------------------------------------------------------------------------


def _describe(b: Broadcast, t: Translator) -> str:
    if b.status == "scheduled":
        return t("broadcast-item-scheduled", id=b.id)
    return t("broadcast-item-sending", id=b.id)


@router.message(Command("broadcast_cancel"))
async def cancel_command(message: Message, db: Database, services: Services, t: Translator) -> None:
    active = await broadcasts_with_status(db, "draft", "scheduled", "sending")
    if not active:
        await message.answer(t("broadcast-nothing-to-cancel"))
        return
    if len(active) == 1:
        await _cancel(message, active[0].id, services, t)
        return
    menu = InlineKeyboardBuilder()
    for b in active:
        menu.button(text=_describe(b, t), callback_data=BroadcastCb(action="stop", value=str(b.id)))
    menu.adjust(1)
    await message.answer(t("broadcast-cancel-which"), reply_markup=menu.as_markup())


@router.callback_query(BroadcastCb.filter(F.action == "stop"))
async def cancel_pressed(
    callback: CallbackQuery, callback_data: BroadcastCb, services: Services, t: Translator
) -> None:
    await callback.answer()
    if isinstance(callback.message, Message) and callback_data.value.isdigit():
        await _cancel(callback.message, int(callback_data.value), services, t)


async def _cancel(message: Message, broadcast_id: int, services: Services, t: Translator) -> None:
    if await _engine(services).cancel(broadcast_id):
        await message.answer(t("broadcast-cancelled", id=broadcast_id))
    else:
        await message.answer(t("broadcast-already-over", id=broadcast_id))
