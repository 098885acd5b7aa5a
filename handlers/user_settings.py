"""/settings: the reminder time zone, hour and days before expiry; every change reschedules."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.clock import Clock
from bot.i18n import Translator
from bot.reminders import reschedule_user, user_timezone
from bot.settings import Settings
from faq.model import KnowledgeBase
from handlers.callbacks import MenuCb, SettingsCb
from handlers.common import NOT_A_COMMAND, show
from storage.database import Database
from storage.users import User, get_user, set_reminder_days, set_reminder_hour, set_timezone

router = Router(name="settings")
RUSSIAN_ZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
)
HOURS = range(7, 23)
DAY_CHOICES = (90, 60, 45, 30, 14, 7, 3, 1, 0)


class SettingsForm(StatesGroup):
    timezone = State()


def _summary(user: User, settings: Settings, t: Translator) -> str:
    days = (
        ", ".join(str(d) for d in user.reminder_days)
        if user.reminder_days is not None
        else t("settings-days-default")
    )
    return t(
        "settings-summary",
        timezone=user_timezone(user, settings),
        hour=f"{user.reminder_hour:02d}:00",
        days=days,
    )


def _menu(t: Translator) -> InlineKeyboardMarkup:
    menu = InlineKeyboardBuilder()
    menu.button(text=t("settings-btn-tz"), callback_data=SettingsCb(what="tz"))
    menu.button(text=t("settings-btn-hour"), callback_data=SettingsCb(what="hour"))
    menu.button(text=t("settings-btn-days"), callback_data=SettingsCb(what="days"))
    menu.button(text=t("btn-home"), callback_data=MenuCb(action="home"))
    menu.adjust(1)
    return menu.as_markup()


async def _changed(
    db: Database, kb: KnowledgeBase, settings: Settings, user_id: int, clock: Clock
) -> User:
    user = await get_user(db, user_id)
    assert user is not None
    await reschedule_user(db, kb, settings, user, clock.now())
    return user


@router.message(Command("settings"))
async def settings_command(message: Message, user: User, settings: Settings, t: Translator) -> None:
    await message.answer(_summary(user, settings, t), reply_markup=_menu(t))


@router.callback_query(SettingsCb.filter(F.what == "menu"))
async def settings_menu(
    callback: CallbackQuery, bot: Bot, user: User, settings: Settings, t: Translator
) -> None:
    await show(callback, bot, _summary(user, settings, t), _menu(t))


@router.callback_query(SettingsCb.filter(F.what == "tz"))
async def choose_timezone(
    callback: CallbackQuery, bot: Bot, state: FSMContext, t: Translator
) -> None:
    menu = InlineKeyboardBuilder()
    for zone in RUSSIAN_ZONES:
        menu.button(text=zone.split("/")[1], callback_data=SettingsCb(what="tz-pick", value=zone))
    menu.button(text=t("btn-back"), callback_data=SettingsCb(what="menu"))
    menu.adjust(3)
    await state.set_state(SettingsForm.timezone)
    await show(callback, bot, t("settings-ask-tz"), menu.as_markup())


async def _set_zone(
    zone: str, db: Database, kb: KnowledgeBase, settings: Settings, user_id: int, clock: Clock
) -> User:
    await set_timezone(db, user_id, zone)
    return await _changed(db, kb, settings, user_id, clock)


@router.callback_query(SettingsCb.filter(F.what == "tz-pick"))
async def picked_timezone(
    callback: CallbackQuery,
    callback_data: SettingsCb,
    bot: Bot,
    state: FSMContext,
    db: Database,
    kb: KnowledgeBase,
    settings: Settings,
    clock: Clock,
    t: Translator,
) -> None:
    await state.clear()
    if callback_data.value not in available_timezones():
        await callback.answer()
        return
    user = await _set_zone(callback_data.value, db, kb, settings, callback.from_user.id, clock)
    await show(callback, bot, t("settings-saved") + "\n\n" + _summary(user, settings, t), _menu(t))


@router.message(SettingsForm.timezone, F.text, NOT_A_COMMAND)
async def typed_timezone(
    message: Message,
    state: FSMContext,
    db: Database,
    kb: KnowledgeBase,
    settings: Settings,
    clock: Clock,
    t: Translator,
) -> None:
    typed = (message.text or "").strip().replace(" ", "_")
    zone = next((z for z in available_timezones() if z.lower() == typed.lower()), None)
    try:
        ZoneInfo(zone or "")
    except (ZoneInfoNotFoundError, ValueError):
        await message.answer(t("settings-bad-tz", typed=html_decoration.quote(typed[:64])))
        return
    assert zone is not None
    await state.clear()
    user = await _set_zone(zone, db, kb, settings, message.chat.id, clock)
    await message.answer(
        t("settings-saved") + "\n\n" + _summary(user, settings, t), reply_markup=_menu(t)
    )


@router.callback_query(SettingsCb.filter(F.what == "hour"))
async def choose_hour(callback: CallbackQuery, bot: Bot, t: Translator) -> None:
    menu = InlineKeyboardBuilder()
    for hour in HOURS:
        menu.button(
            text=f"{hour:02d}:00", callback_data=SettingsCb(what="hour-pick", value=str(hour))
        )
    menu.button(text=t("btn-back"), callback_data=SettingsCb(what="menu"))
    menu.adjust(4)
    await show(callback, bot, t("settings-ask-hour"), menu.as_markup())


@router.callback_query(SettingsCb.filter(F.what == "hour-pick"))
async def picked_hour(
    callback: CallbackQuery,
    callback_data: SettingsCb,
    bot: Bot,
    db: Database,
    kb: KnowledgeBase,
    settings: Settings,
    clock: Clock,
    t: Translator,
) -> None:
    hour = int(callback_data.value) if callback_data.value.isdigit() else -1
    if hour not in HOURS:
        await callback.answer()
        return
    await set_reminder_hour(db, callback.from_user.id, hour)
    user = await _changed(db, kb, settings, callback.from_user.id, clock)
    await show(callback, bot, t("settings-saved") + "\n\n" + _summary(user, settings, t), _menu(t))


def _days_menu(user: User, t: Translator) -> InlineKeyboardMarkup:
    chosen = set(user.reminder_days if user.reminder_days is not None else ())
    menu = InlineKeyboardBuilder()
    for day in DAY_CHOICES:
        mark = "✅" if day in chosen else "▫️"
        menu.button(
            text=f"{mark} {day}", callback_data=SettingsCb(what="day-toggle", value=str(day))
        )
    menu.button(text=t("settings-btn-days-default"), callback_data=SettingsCb(what="days-default"))
    menu.button(text=t("btn-back"), callback_data=SettingsCb(what="menu"))
    menu.adjust(3, 3, 3, 1, 1)
    return menu.as_markup()


@router.callback_query(SettingsCb.filter(F.what == "days"))
async def choose_days(
    callback: CallbackQuery, bot: Bot, user: User, settings: Settings, t: Translator
) -> None:
    await show(
        callback,
        bot,
        t("settings-ask-days") + "\n\n" + _summary(user, settings, t),
        _days_menu(user, t),
    )


@router.callback_query(SettingsCb.filter(F.what.in_({"day-toggle", "days-default"})))
async def toggle_day(
    callback: CallbackQuery,
    callback_data: SettingsCb,
    bot: Bot,
    db: Database,
    user: User,
    kb: KnowledgeBase,
    settings: Settings,
    clock: Clock,
    t: Translator,
) -> None:
    if callback_data.what == "days-default":
        days: tuple[int, ...] | None = None
    else:
        day = int(callback_data.value) if callback_data.value.isdigit() else -1
        if day not in DAY_CHOICES:
            await callback.answer()
            return
        current = set(user.reminder_days or ()) ^ {day}
        days = tuple(sorted(current, reverse=True))
        if not days:
            await callback.answer(t("settings-days-need-one"), show_alert=True)
            return
    await set_reminder_days(db, user.id, days)
    user = await _changed(db, kb, settings, user.id, clock)
    await show(
        callback,
        bot,
        t("settings-ask-days") + "\n\n" + _summary(user, settings, t),
        _days_menu(user, t),
    )
