"""/broadcast: compose -> preview -> (versions in other languages) -> audience -> send now or at a
time; /broadcast_cancel.

Operators only (the router's filter): anyone else falls through to the unknown-command answer.
The message to broadcast stays where the operator sent it; recipients get a copy of it, so the
preview (a copy back to the operator) is exactly what they will see. The draft lives in FSM data
as a `Draft`, read back and checked in one place. The first message goes to everyone whose
language has no version of its own (it is meant for the agency's default language); each added
version goes to the speakers of its language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import F
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.broadcasts import BroadcastEngine
from bot.callbacks import MAX_ROW_ID, BroadcastCb, whole_number
from bot.dates import day_from_words, format_date, parse_date
from bot.filters import operator_router
from bot.i18n import LANGUAGE_NAMES, Translator
from bot.settings import Settings
from bot.turn import Turn
from faq.loader import DOCUMENT_KINDS
from faq.model import LANGUAGES, KnowledgeBase
from handlers.common import NOT_A_COMMAND, respond, show
from handlers.keyboards import button, markup
from storage.broadcasts import (
    Broadcast,
    Segment,
    audience_size,
    broadcasts_with_status,
    create_broadcast,
)

router = operator_router("broadcast")

DAY_CHOICES = (3, 7, 14, 30, 90)
MAX_DAYS = 3650
_TIME = re.compile(r"^(.*?)\s*(\d{1,2}):(\d{2})$")


class Compose(StatesGroup):
    message = State()
    version = State()  # waiting for the message in `version_lang`
    audience = State()
    days = State()
    send_at = State()


@dataclass(frozen=True, slots=True)
class Draft:
    """The broadcast being composed: the operator's message, then who it goes to."""

    from_chat_id: int
    message_id: int
    segment: Segment | None = None
    count: int = 0
    days_for: str = "active"  # what typed or chosen days mean: "expiring" or "active"
    versions: tuple[tuple[str, int], ...] = ()  # (language, message id) in the same chat
    version_lang: str | None = None  # the language of the version being sent now

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "from_chat_id": self.from_chat_id,
            "message_id": self.message_id,
            "count": self.count,
            "days_for": self.days_for,
            "versions": dict(self.versions),
        }
        if self.version_lang is not None:
            data["version_lang"] = self.version_lang
        if self.segment is not None:
            data["segment"] = self.segment.to_json()
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Draft | None:
        """The draft kept in FSM data, or None when there is none (sent, cancelled, expired)."""
        try:
            segment = data.get("segment")
            return cls(
                from_chat_id=int(data["from_chat_id"]),
                message_id=int(data["message_id"]),
                segment=Segment.from_json(segment) if segment else None,
                count=int(data.get("count", 0)),
                days_for="expiring" if data.get("days_for") == "expiring" else "active",
                versions=tuple(
                    (str(lang), int(mid))
                    for lang, mid in sorted((data.get("versions") or {}).items())
                    if lang in LANGUAGES
                ),
                version_lang=data["version_lang"]
                if data.get("version_lang") in LANGUAGES
                else None,
            )
        except (KeyError, TypeError, ValueError):
            return None


async def _load(state: FSMContext) -> Draft | None:
    return Draft.from_data(await state.get_data())


async def _save(state: FSMContext, draft: Draft) -> None:
    await state.set_data(draft.to_data())


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
    menu.button(text=t("broadcast-btn-add-version"), callback_data=BroadcastCb(action="addlang"))
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


def _versions_line(draft: Draft, settings: Settings, t: Translator) -> str:
    """Which message goes to whom: the first one to everyone without a version of their own."""
    own = [LANGUAGE_NAMES[lang] for lang, _ in draft.versions]
    default = LANGUAGE_NAMES[settings.default_language]
    if not own:
        return t("broadcast-versions-one", default=default)
    return t("broadcast-versions", default=default, languages=", ".join(own))


def _confirm_menu(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [button(t("broadcast-btn-confirm"), BroadcastCb(action="confirm"))],
        [button(t("broadcast-btn-later"), BroadcastCb(action="later"))],
        [button(t("broadcast-btn-audience"), BroadcastCb(action="audience"))],
        [button(t("broadcast-btn-cancel"), BroadcastCb(action="cancel"))],
    )


def parse_send_at(text: str, lang: str, now: datetime, zone: ZoneInfo) -> datetime | None:
    """ "18:30" (today, or tomorrow once past), "25.12 18:30", "2026-12-25 9:05", "tomorrow 10:00",
    "в пятницу 18:30" in `zone`."""
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
    if named := day_from_words(day_text, local_now.date()):
        day, weekday = named
        when = datetime.combine(day, at, zone)
        # "friday 10:00" said on Friday at noon means next Friday
        return when + timedelta(days=7) if weekday and when <= now else when
    day = parse_date(day_text, lang, local_now.date())
    return datetime.combine(day, at, zone) if day else None


async def _audience_step(
    target: Message | CallbackQuery, turn: Turn, draft: Draft, segment: Segment
) -> None:
    """Shows who the segment reaches and how many, with Confirm / Send at / Change / Cancel."""
    now = turn.clock.now()
    today = now.astimezone(ZoneInfo(turn.settings.default_timezone)).date()
    at, default_language = int(now.timestamp()), turn.settings.default_language
    count = await audience_size(turn.db, segment, at, today, default_language=default_language)
    news_off = await audience_size(
        turn.db, segment, at, today, default_language=default_language, news=False
    )
    await _save(turn.state, replace(draft, segment=segment, count=count))
    await turn.state.set_state(Compose.audience)
    t = turn.t
    name = _segment_name(segment, turn.kb, turn.lang, t)
    if count == 0:
        text, markup = t("broadcast-empty-audience", segment=name), _segment_menu(t)
    else:
        text, markup = t("broadcast-audience", segment=name, count=count), _confirm_menu(t)
        text += "\n" + _versions_line(draft, turn.settings, t)
    if news_off:
        text += "\n" + t("broadcast-news-off", count=news_off)
    await respond(target, turn.bot, text, markup)


async def _expired(target: Message | CallbackQuery, turn: Turn) -> None:
    """A step of a draft that is no longer there (sent, cancelled, or lost)."""
    await turn.state.clear()
    await respond(target, turn.bot, turn.t("broadcast-expired"))


# --- composing ------------------------------------------------------------------------------------


@router.message(Command("broadcast"))
async def broadcast_command(message: Message, turn: Turn) -> None:
    await turn.state.clear()
    await turn.state.set_state(Compose.message)
    await message.answer(turn.t("broadcast-ask-message"))


async def _previewed(message: Message, turn: Turn) -> bool:
    """The notice copied back to the operator as its preview; False (and said) if Telegram
    cannot copy it."""
    try:
        await turn.bot.copy_message(
            chat_id=message.chat.id, from_chat_id=message.chat.id, message_id=message.message_id
        )
    except TelegramBadRequest:
        await message.answer(turn.t("broadcast-not-copyable"))
        return False
    return True


@router.message(Compose.message, NOT_A_COMMAND)
async def got_message(message: Message, turn: Turn) -> None:
    if not await _previewed(message, turn):
        return
    await _save(turn.state, Draft(message.chat.id, message.message_id))
    await turn.state.set_state(Compose.audience)
    await message.answer(turn.t("broadcast-preview-above"), reply_markup=_segment_menu(turn.t))


# --- versions in other languages --------------------------------------------------------------


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "addlang"))
async def choose_version_language(callback: CallbackQuery, turn: Turn) -> None:
    menu = InlineKeyboardBuilder()
    for code in LANGUAGES:
        if code != turn.settings.default_language:
            menu.button(
                text=LANGUAGE_NAMES[code], callback_data=BroadcastCb(action="vlang", value=code)
            )
    await show(
        callback, turn.bot, turn.t("broadcast-ask-version-language"), _with_back(menu, turn.t, 3)
    )


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "vlang"))
async def ask_version(callback: CallbackQuery, callback_data: BroadcastCb, turn: Turn) -> None:
    lang = callback_data.value
    if lang not in LANGUAGES or lang == turn.settings.default_language:
        await callback.answer()
        return
    if (draft := await _load(turn.state)) is None:
        await _expired(callback, turn)
        return
    await _save(turn.state, replace(draft, version_lang=lang))
    await turn.state.set_state(Compose.version)
    text = turn.t("broadcast-ask-version", language=LANGUAGE_NAMES[lang])
    await show(callback, turn.bot, text)


@router.message(Compose.version, NOT_A_COMMAND)
async def got_version(message: Message, turn: Turn) -> None:
    draft = await _load(turn.state)
    if draft is None or draft.version_lang is None:
        await _expired(message, turn)
        return
    if not await _previewed(message, turn):
        return
    versions = dict(draft.versions) | {draft.version_lang: message.message_id}
    draft = replace(draft, versions=tuple(sorted(versions.items())), version_lang=None)
    await _save(turn.state, draft)
    await turn.state.set_state(Compose.audience)
    text = f"{_versions_line(draft, turn.settings, turn.t)}\n{turn.t('broadcast-choose-audience')}"
    await message.answer(text, reply_markup=_segment_menu(turn.t))


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "audience"))
async def change_audience(callback: CallbackQuery, turn: Turn) -> None:
    await show(callback, turn.bot, turn.t("broadcast-choose-audience"), _segment_menu(turn.t))


@router.callback_query(Compose.days, BroadcastCb.filter(F.action == "audience"))
async def back_from_days(callback: CallbackQuery, turn: Turn) -> None:
    await turn.state.set_state(Compose.audience)
    await show(callback, turn.bot, turn.t("broadcast-choose-audience"), _segment_menu(turn.t))


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "seg"))
async def chose_segment_kind(
    callback: CallbackQuery, callback_data: BroadcastCb, turn: Turn
) -> None:
    if (draft := await _load(turn.state)) is None:
        await _expired(callback, turn)
        return
    kind, t = callback_data.value, turn.t
    if kind == "lang":
        menu = InlineKeyboardBuilder()
        for code in LANGUAGES:
            menu.button(
                text=LANGUAGE_NAMES[code], callback_data=BroadcastCb(action="lang", value=code)
            )
        await show(callback, turn.bot, t("broadcast-ask-language"), _with_back(menu, t, 2))
    elif kind == "doc":
        menu = InlineKeyboardBuilder()
        for doc_kind in DOCUMENT_KINDS:
            menu.button(
                text=turn.kb.documents[doc_kind].text(turn.lang).title,
                callback_data=BroadcastCb(action="doc", value=doc_kind),
            )
        await show(callback, turn.bot, t("broadcast-ask-document"), _with_back(menu, t, 2))
    elif kind in ("expiring", "active"):
        await _save(turn.state, replace(draft, days_for=kind))
        await turn.state.set_state(Compose.days)
        menu = InlineKeyboardBuilder()
        for days in DAY_CHOICES:
            menu.button(
                text=t("broadcast-days", days=days),
                callback_data=BroadcastCb(action="days", value=str(days)),
            )
        question = (
            "broadcast-ask-days-expiring" if kind == "expiring" else "broadcast-ask-days-active"
        )
        await show(callback, turn.bot, t(question), _with_back(menu, t, 3))
    else:
        await _audience_step(callback, turn, draft, Segment("all"))


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action.in_({"lang", "doc"})))
async def chose_value(callback: CallbackQuery, callback_data: BroadcastCb, turn: Turn) -> None:
    valid = LANGUAGES if callback_data.action == "lang" else DOCUMENT_KINDS
    if callback_data.value not in valid:
        await callback.answer()
        return
    if (draft := await _load(turn.state)) is None:
        await _expired(callback, turn)
        return
    segment = Segment(callback_data.action, callback_data.value)  # type: ignore[arg-type]
    await _audience_step(callback, turn, draft, segment)


async def _days_chosen(target: Message | CallbackQuery, turn: Turn, days: int) -> None:
    if (draft := await _load(turn.state)) is None:
        await _expired(target, turn)
        return
    await _audience_step(target, turn, draft, Segment(draft.days_for, days))  # type: ignore[arg-type]


@router.callback_query(Compose.days, BroadcastCb.filter(F.action == "days"))
async def chose_days(callback: CallbackQuery, callback_data: BroadcastCb, turn: Turn) -> None:
    days = whole_number(callback_data.value, 1, MAX_DAYS) or DAY_CHOICES[0]
    await _days_chosen(callback, turn, days)


@router.message(Compose.days, F.text, NOT_A_COMMAND)
async def typed_days(message: Message, turn: Turn) -> None:
    text = (message.text or "").strip()
    if (days := whole_number(text, 1, MAX_DAYS)) is None:
        await message.answer(turn.t("broadcast-bad-days", max=MAX_DAYS))
        return
    await _days_chosen(message, turn, days)


# --- sending ----------------------------------------------------------------------------------


async def _create(turn: Turn, draft: Draft, segment: Segment, send_at: int | None = None) -> int:
    return await create_broadcast(
        turn.db,
        operator_id=turn.user.id,
        from_chat_id=draft.from_chat_id,
        message_id=draft.message_id,
        segment=segment,
        now=int(turn.clock.now().timestamp()),
        send_at=send_at,
        versions=dict(draft.versions),
    )


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "confirm"))
async def confirm(callback: CallbackQuery, turn: Turn, broadcasts: BroadcastEngine) -> None:
    draft = await _load(turn.state)
    if draft is None or draft.segment is None:
        await show(callback, turn.bot, turn.t("broadcast-expired"))
        return
    await turn.state.clear()
    broadcast_id = await _create(turn, draft, draft.segment)
    text = turn.t("broadcast-started", id=broadcast_id, count=draft.count)
    await show(callback, turn.bot, text)
    await broadcasts.start(broadcast_id)


@router.callback_query(Compose.audience, BroadcastCb.filter(F.action == "later"))
async def ask_time(callback: CallbackQuery, turn: Turn) -> None:
    zone = turn.timezone
    example = (turn.clock.now().astimezone(zone) + timedelta(days=1)).replace(hour=10, minute=0)
    await turn.state.set_state(Compose.send_at)
    text = turn.t(
        "broadcast-ask-time",
        timezone=zone.key,
        example=f"{format_date(example.date(), turn.lang)} 10:00",
    )
    await show(callback, turn.bot, text)


@router.message(Compose.send_at, F.text, NOT_A_COMMAND)
async def typed_time(message: Message, turn: Turn, broadcasts: BroadcastEngine) -> None:
    zone, t, now = turn.timezone, turn.t, turn.clock.now()
    when = parse_send_at(message.text or "", turn.lang, now, zone)
    if when is None:
        await message.answer(t("broadcast-bad-time", timezone=zone.key))
        return
    if when <= now:
        await message.answer(t("broadcast-past-time"))
        return
    draft = await _load(turn.state)
    await turn.state.clear()
    if draft is None or draft.segment is None:
        await message.answer(t("broadcast-expired"))
        return
    send_at = int(when.timestamp())
    broadcast_id = await _create(turn, draft, draft.segment, send_at)
    await broadcasts.schedule(broadcast_id, send_at)
    local = when.astimezone(zone)
    await message.answer(
        t(
            "broadcast-scheduled",
            id=broadcast_id,
            count=draft.count,
            when=f"{format_date(local.date(), turn.lang)} {local:%H:%M}",
            timezone=zone.key,
        )
    )


@router.callback_query(
    StateFilter(Compose.audience, Compose.days, Compose.send_at, Compose.version),
    BroadcastCb.filter(F.action == "cancel"),
)
async def cancel_draft(callback: CallbackQuery, turn: Turn) -> None:
    await turn.state.clear()
    await show(callback, turn.bot, turn.t("broadcast-draft-cancelled"))


@router.callback_query(BroadcastCb.filter(F.action != "stop"))
async def stale_button(callback: CallbackQuery, turn: Turn) -> None:
    """A button of a broadcast draft that was already sent, cancelled or replaced."""
    await show(callback, turn.bot, turn.t("broadcast-expired"))


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
async def cancel_command(message: Message, turn: Turn, broadcasts: BroadcastEngine) -> None:
    t = turn.t
    active = await broadcasts_with_status(turn.db, "draft", "scheduled", "sending")
    if not active:
        await message.answer(t("broadcast-nothing-to-cancel"))
        return
    if len(active) == 1:
        await _cancel(message, active[0].id, broadcasts, t)
        return
    menu = InlineKeyboardBuilder()
    for b in active:
        menu.button(text=_describe(b, t), callback_data=BroadcastCb(action="stop", value=str(b.id)))
    menu.adjust(1)
    await message.answer(t("broadcast-cancel-which"), reply_markup=menu.as_markup())


@router.callback_query(BroadcastCb.filter(F.action == "stop"))
async def cancel_pressed(
    callback: CallbackQuery, callback_data: BroadcastCb, broadcasts: BroadcastEngine, t: Translator
) -> None:
    await callback.answer()
    broadcast_id = whole_number(callback_data.value, 1, MAX_ROW_ID)
    if isinstance(callback.message, Message) and broadcast_id is not None:
        await _cancel(callback.message, broadcast_id, broadcasts, t)


async def _cancel(
    message: Message, broadcast_id: int, broadcasts: BroadcastEngine, t: Translator
) -> None:
    if await broadcasts.cancel(broadcast_id):
        await message.answer(t("broadcast-cancelled", id=broadcast_id))
    else:
        await message.answer(t("broadcast-already-over", id=broadcast_id))
