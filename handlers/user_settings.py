"""/settings: the reminder time zone, hour and days before expiry; every change reschedules."""

from __future__ import annotations

from zoneinfo import available_timezones

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import MenuCb, NewsCb, SettingsCb
from bot.i18n import Translator
from bot.preferences import timezone_of
from bot.reminders import reschedule_user
from bot.turn import Turn
from handlers.common import NOT_A_COMMAND, show
from handlers.keyboards import button, markup
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


def _summary(turn: Turn, user: User | None = None) -> str:
    user = user or turn.user
    t = turn.t
    days = (
        ", ".join(str(d) for d in user.reminder_days)
        if user.reminder_days is not None
        else t("settings-days-default")
    )
    return t(
        "settings-summary",
        timezone=timezone_of(user, turn.settings).key,
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
    for zone in RUSSIAN_ZONES:
        menu.button(text=zone.split("/")[1], callback_data=SettingsCb(what="tz-pick", value=zone))
    menu.button(text=turn.t("btn-back"), callback_data=SettingsCb(what="menu"))
    menu.adjust(3)
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


def _known_zone(typed: str) -> str | None:
    wanted = typed.strip().replace(" ", "_").lower()
    return next((zone for zone in available_timezones() if zone.lower() == wanted), None)


@router.message(SettingsForm.timezone, F.text, NOT_A_COMMAND)
async def typed_timezone(message: Message, turn: Turn) -> None:
    typed = (message.text or "").strip()
    zone = _known_zone(typed)
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
    hour = int(callback_data.value) if callback_data.value.isdigit() else -1
    if hour not in HOURS:
        await callback.answer()
        return
    await set_reminder_hour(turn.db, turn.user.id, hour)
    await _saved(callback, turn)


def _days_menu(user: User, t: Translator) -> InlineKeyboardMarkup:
    chosen = set(user.reminder_days or ())
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


async def _show_days(callback: CallbackQuery, turn: Turn, user: User) -> None:
    text = f"{turn.t('settings-ask-days')}\n\n{_summary(turn, user)}"
    await show(callback, turn.bot, text, _days_menu(user, turn.t))


@router.callback_query(SettingsCb.filter(F.what == "days"))
async def choose_days(callback: CallbackQuery, turn: Turn) -> None:
    await _show_days(callback, turn, turn.user)


@router.callback_query(SettingsCb.filter(F.what.in_({"day-toggle", "days-default"})))
async def toggle_day(callback: CallbackQuery, callback_data: SettingsCb, turn: Turn) -> None:
    days: tuple[int, ...] | None = None
    if callback_data.what == "day-toggle":
        day = int(callback_data.value) if callback_data.value.isdigit() else -1
        if day not in DAY_CHOICES:
            await callback.answer()
            return
        days = tuple(sorted(set(turn.user.reminder_days or ()) ^ {day}, reverse=True))
        if not days:
            await callback.answer(turn.t("settings-days-need-one"), show_alert=True)
            return
    await set_reminder_days(turn.db, turn.user.id, days)
    await _show_days(callback, turn, await _rescheduled(turn))
