"""/settings: the reminder time zone, hour and days before expiry; every change reschedules."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import MenuCb, NewsCb, SettingsCb, whole_number
from bot.i18n import Translator
from bot.preferences import timezone_of
from bot.reminders import document_name, reschedule_user, silenced_by
from bot.timezones import RUSSIAN_ZONES, find_zone, zone_name
from bot.turn import Turn
from faq.model import KnowledgeBase
from handlers.common import NOT_A_COMMAND, show
from handlers.keyboards import button, markup
from storage.documents import Document, user_documents
from storage.users import User, get_user, set_reminder_days, set_reminder_hour, set_timezone

router = Router(name="settings")
HOURS = range(7, 23)
DAY_CHOICES = (120, 90, 60, 45, 30, 14, 7, 3, 1, 0)


class SettingsForm(StatesGroup):
    timezone = State()


def _summary(turn: Turn, user: User | None = None) -> str:
    user = user or turn.user
    t = turn.t
    days = (
        ", ".join(str(d) for d in user.reminder_days)
        if user.reminder_days is not None
        else t("settings-days-default")
    )
    zone = timezone_of(user, turn.settings)
    return t(
        "settings-summary",
        timezone=f"{zone_name(zone, turn.lang, turn.clock.now())} · {zone.key}",
        hour=f"{user.reminder_hour:02d}:00",
        days=days,
    )


def _menu(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        *(
            [button(t(f"settings-btn-{what}"), SettingsCb(what=what))]
            for what in ("tz", "hour", "days")
        ),
        [button(t("settings-btn-news"), NewsCb(action="menu"))],
        [button(t("btn-home"), MenuCb(action="home"))],
    )


async def _rescheduled(turn: Turn) -> User:
    """The user as saved now, with every next reminder recomputed for the new settings."""
    user = await get_user(turn.db, turn.user.id)
    assert user is not None
    await reschedule_user(turn.db, turn.kb, turn.settings, user, turn.clock.now())
    return user


async def _saved(callback: CallbackQuery, turn: Turn) -> None:
    user = await _rescheduled(turn)
    text = f"{turn.t('settings-saved')}\n\n{_summary(turn, user)}"
    await show(callback, turn.bot, text, _menu(turn.t))


@router.message(Command("settings"))
async def settings_command(message: Message, turn: Turn) -> None:
    await message.answer(_summary(turn), reply_markup=_menu(turn.t))


@router.callback_query(SettingsCb.filter(F.what == "menu"))
async def settings_menu(callback: CallbackQuery, turn: Turn) -> None:
    await turn.state.clear()
    await show(callback, turn.bot, _summary(turn), _menu(turn.t))


@router.callback_query(SettingsCb.filter(F.what == "tz"))
async def choose_timezone(callback: CallbackQuery, turn: Turn) -> None:
    menu = InlineKeyboardBuilder()
    now = turn.clock.now()
    for zone in RUSSIAN_ZONES:
        menu.button(
            text=zone_name(ZoneInfo(zone), turn.lang, now),
            callback_data=SettingsCb(what="tz-pick", value=zone),
        )
    menu.button(text=turn.t("btn-back"), callback_data=SettingsCb(what="menu"))
    menu.adjust(2)
    await turn.state.set_state(SettingsForm.timezone)
    await show(callback, turn.bot, turn.t("settings-ask-tz"), menu.as_markup())


@router.callback_query(SettingsCb.filter(F.what == "tz-pick"))
async def picked_timezone(callback: CallbackQuery, callback_data: SettingsCb, turn: Turn) -> None:
    await turn.state.clear()
    if callback_data.value not in RUSSIAN_ZONES:
        await callback.answer()
        return
    await set_timezone(turn.db, turn.user.id, callback_data.value)
    await _saved(callback, turn)


@router.message(SettingsForm.timezone, F.text, NOT_A_COMMAND)
async def typed_timezone(message: Message, turn: Turn) -> None:
    typed = (message.text or "").strip()
    zone = find_zone(typed, turn.clock.now())
    if zone is None:
        quoted = html_decoration.quote(typed[:64])
        await message.answer(turn.t("settings-bad-tz", typed=quoted))
        return
    await turn.state.clear()
    await set_timezone(turn.db, turn.user.id, zone)
    user = await _rescheduled(turn)
    await message.answer(
        f"{turn.t('settings-saved')}\n\n{_summary(turn, user)}", reply_markup=_menu(turn.t)
    )


@router.callback_query(SettingsCb.filter(F.what == "hour"))
async def choose_hour(callback: CallbackQuery, turn: Turn) -> None:
    menu = InlineKeyboardBuilder()
    for hour in HOURS:
        menu.button(
            text=f"{hour:02d}:00", callback_data=SettingsCb(what="hour-pick", value=str(hour))
        )
    menu.button(text=turn.t("btn-back"), callback_data=SettingsCb(what="menu"))
    menu.adjust(4)
    await show(callback, turn.bot, turn.t("settings-ask-hour"), menu.as_markup())


@router.callback_query(SettingsCb.filter(F.what == "hour-pick"))
async def picked_hour(callback: CallbackQuery, callback_data: SettingsCb, turn: Turn) -> None:
    hour = whole_number(callback_data.value, 0, 23)
    if hour is None or hour not in HOURS:
        await callback.answer()
        return
    await set_reminder_hour(turn.db, turn.user.id, hour)
    await _saved(callback, turn)


def _days_in_effect(kb: KnowledgeBase, user: User, docs: list[Document]) -> tuple[int, ...]:
    """The user's own days, else the recommended days of the kinds they saved (of every kind
    when none is saved): what ticking or unticking one day starts from."""
    if user.reminder_days is not None:
        return user.reminder_days
    kinds = {doc.kind for doc in docs} or set(kb.documents)
    days = {day for kind in kinds for day in kb.documents[kind].reminder_days}
    return tuple(sorted(days & set(DAY_CHOICES), reverse=True))


def _days_menu(chosen: tuple[int, ...], t: Translator) -> InlineKeyboardMarkup:
    menu = InlineKeyboardBuilder()
    for day in DAY_CHOICES:
        mark = "✅" if day in chosen else "▫️"
        menu.button(
            text=f"{mark} {day}", callback_data=SettingsCb(what="day-toggle", value=str(day))
        )
    menu.button(text=t("settings-btn-days-default"), callback_data=SettingsCb(what="days-default"))
    menu.button(text=t("btn-back"), callback_data=SettingsCb(what="menu"))
    menu.adjust(5, 5, 1, 1)
    return menu.as_markup()


async def _show_days(callback: CallbackQuery, turn: Turn, user: User, warning: str = "") -> None:
    docs = await user_documents(turn.db, user.id)
    text = f"{turn.t('settings-ask-days')}\n\n{_summary(turn, user)}"
    if warning:
        text = f"{warning}\n\n{text}"
    await show(callback, turn.bot, text, _days_menu(_days_in_effect(turn.kb, user, docs), turn.t))


@router.callback_query(SettingsCb.filter(F.what == "days"))
async def choose_days(callback: CallbackQuery, turn: Turn) -> None:
    await _show_days(callback, turn, turn.user)


@router.callback_query(SettingsCb.filter(F.what.in_({"day-toggle", "days-default"})))
async def toggle_day(callback: CallbackQuery, callback_data: SettingsCb, turn: Turn) -> None:
    """Ticks or unticks one day of those in effect; a set that would leave a saved document
    without any reminder before its expiry is refused, naming the document."""
    days: tuple[int, ...] | None = None
    docs = await user_documents(turn.db, turn.user.id)
    if callback_data.what == "day-toggle":
        day = whole_number(callback_data.value, 0, 999)
        if day is None or day not in DAY_CHOICES:
            await callback.answer()
            return
        days = tuple(sorted(set(_days_in_effect(turn.kb, turn.user, docs)) ^ {day}, reverse=True))
        if not days:
            await callback.answer(turn.t("settings-days-need-one"), show_alert=True)
            return
    now = turn.clock.now()
    if silenced := silenced_by(turn.kb, docs, turn.user, turn.settings, days, now):
        names = ", ".join(document_name(turn.kb, doc, turn.lang) for doc in silenced)
        warning = turn.t("settings-days-silent", documents=names, count=len(silenced))
        await _show_days(callback, turn, turn.user, warning)
        return
    await set_reminder_days(turn.db, turn.user.id, days)
    await _show_days(callback, turn, await _rescheduled(turn))
