"""/renew: document kind -> expiry date -> a dated plan -> save and remind, or not.

The same date step serves "I renewed it": with `renewing` in the FSM data, the new date updates
that document instead of starting a plan.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.clock import Clock
from bot.dates import format_date, parse_date
from bot.i18n import Translator
from bot.reminders import document_name, next_due, user_timezone
from bot.settings import Settings
from faq.loader import DOCUMENT_KINDS
from faq.model import KnowledgeBase
from handlers.calendar import CalendarCb, calendar_keyboard, handle_calendar_press
from handlers.callbacks import DocCb, KindCb, MenuCb, TopicCb, WizardCb
from handlers.common import NOT_A_COMMAND, show
from handlers.keyboards import main_menu
from storage.database import Database
from storage.documents import Document, add_document, get_document, update_document
from storage.users import User

router = Router(name="wizard")
MAX_YEARS_AHEAD = 10
LABEL_LIMIT = 40


class RenewWizard(StatesGroup):
    kind = State()
    expiry = State()
    plan = State()
    label = State()


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def user_today(clock: Clock, user: User, settings: Settings) -> date:
    return clock.now().astimezone(ZoneInfo(user_timezone(user, settings))).date()


def _steps(t: Translator, back: bool = True) -> InlineKeyboardBuilder:
    kb = InlineKeyboardBuilder()
    if back:
        kb.button(text=t("btn-back"), callback_data=WizardCb(action="back"))
    kb.button(text=t("wizard-btn-cancel"), callback_data=WizardCb(action="cancel"))
    return kb


def _kind_menu(kb: KnowledgeBase, lang: str, t: Translator) -> InlineKeyboardMarkup:
    menu = InlineKeyboardBuilder()
    for kind in DOCUMENT_KINDS:
        menu.button(text=kb.documents[kind].text(lang).title, callback_data=KindCb(kind=kind))
    menu.adjust(2)
    menu.attach(_steps(t, back=False))
    return menu.as_markup()


def date_prompt(
    kb: KnowledgeBase, kind: str, lang: str, t: Translator, today: date
) -> tuple[str, InlineKeyboardMarkup]:
    text = t(
        "wizard-ask-date",
        document=kb.documents[kind].text(lang).title,
        example=format_date(today.replace(day=15) + timedelta(days=62), lang),
    )
    markup = calendar_keyboard(today.year, today.month, lang, today)
    buttons = InlineKeyboardBuilder.from_markup(markup)
    buttons.attach(_steps(t))
    return text, buttons.as_markup()


def plan_text(
    kb: KnowledgeBase,
    kind: str,
    expires_on: date,
    label: str,
    lang: str,
    t: Translator,
    today: date,
) -> str:
    document = kb.documents[kind]
    text = document.text(lang)
    left = (expires_on - today).days
    start_by = expires_on - timedelta(days=document.lead_days)
    name = text.title + (f" ({html_decoration.quote(label)})" if label else "")
    lines = [
        t("plan-header", document=name),
        t("plan-expires", date=format_date(expires_on, lang), days=left),
        t("plan-start-by", date=format_date(start_by, lang))
        if start_by > today
        else t("plan-start-now"),
        f"<i>{html_decoration.quote(text.lead_note)}</i>",
        "",
        t("plan-checklist"),
        *(f"☐ {html_decoration.quote(item)}" for item in text.checklist),
    ]
    return "\n".join(lines)


def _plan_menu(kb: KnowledgeBase, kind: str, lang: str, t: Translator) -> InlineKeyboardMarkup:
    menu = InlineKeyboardBuilder()
    menu.button(text=t("wizard-btn-save"), callback_data=WizardCb(action="save"))
    menu.button(text=t("wizard-btn-label"), callback_data=WizardCb(action="label"))
    menu.button(text=t("wizard-btn-nosave"), callback_data=WizardCb(action="nosave"))
    for topic_id in kb.documents[kind].topics:
        title = kb.topics[topic_id].text(lang).title
        menu.button(text=f"📖 {title}", callback_data=TopicCb(id=topic_id))
    menu.adjust(1)
    menu.attach(_steps(t))
    return menu.as_markup()


# --- entering and leaving ---------------------------------------------------------------------


@router.message(Command("cancel"))
async def cancel_command(message: Message, state: FSMContext, t: Translator) -> None:
    had_state = await state.get_state() is not None
    await state.clear()
    await message.answer(
        t("wizard-cancelled" if had_state else "nothing-to-cancel"), reply_markup=main_menu(t)
    )


@router.callback_query(WizardCb.filter(F.action == "cancel"))
async def cancel_button(
    callback: CallbackQuery, bot: Bot, state: FSMContext, t: Translator
) -> None:
    await state.clear()
    await show(callback, bot, t("wizard-cancelled"), main_menu(t))


@router.message(Command("renew"))
async def renew_command(
    message: Message, state: FSMContext, kb: KnowledgeBase, lang: str, t: Translator
) -> None:
    await state.clear()
    await state.set_state(RenewWizard.kind)
    await message.answer(t("wizard-ask-kind"), reply_markup=_kind_menu(kb, lang, t))


@router.callback_query(MenuCb.filter(F.action == "renew"))
async def renew_button(
    callback: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    kb: KnowledgeBase,
    lang: str,
    t: Translator,
) -> None:
    await state.clear()
    await state.set_state(RenewWizard.kind)
    await show(callback, bot, t("wizard-ask-kind"), _kind_menu(kb, lang, t))


# --- step 1: the kind of document -------------------------------------------------------------


@router.callback_query(RenewWizard.kind, KindCb.filter(F.kind.in_(DOCUMENT_KINDS)))
async def chose_kind(
    callback: CallbackQuery,
    callback_data: KindCb,
    bot: Bot,
    state: FSMContext,
    kb: KnowledgeBase,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    await state.update_data(kind=callback_data.kind)
    await state.set_state(RenewWizard.expiry)
    text, markup = date_prompt(kb, callback_data.kind, lang, t, user_today(clock, user, settings))
    await show(callback, bot, text, markup)


@router.message(RenewWizard.kind, NOT_A_COMMAND)
async def kind_fallback(message: Message, kb: KnowledgeBase, lang: str, t: Translator) -> None:
    await message.answer(t("wizard-use-buttons"), reply_markup=_kind_menu(kb, lang, t))


# --- step 2: the expiry date ------------------------------------------------------------------


@router.message(RenewWizard.expiry, F.text, NOT_A_COMMAND)
async def typed_date(
    message: Message,
    state: FSMContext,
    bot: Bot,
    kb: KnowledgeBase,
    db: Database,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    today = user_today(clock, user, settings)
    chosen = parse_date(message.text or "", lang, today)
    if chosen is None:
        example = format_date(today + timedelta(days=90), lang)
        await message.answer(
            t("wizard-bad-date", example=example), reply_markup=_steps(t).as_markup()
        )
        return
    await _accept_date(
        message.chat.id, chosen, today, state, bot, kb, db, lang, t, clock, user, settings
    )


@router.callback_query(RenewWizard.expiry, CalendarCb.filter())
async def calendar_pressed(
    callback: CallbackQuery,
    callback_data: CalendarCb,
    state: FSMContext,
    bot: Bot,
    kb: KnowledgeBase,
    db: Database,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    today = user_today(clock, user, settings)
    result = handle_calendar_press(callback_data, lang, today)
    if isinstance(result, date):
        await callback.answer()
        await _accept_date(
            callback.from_user.id, result, today, state, bot, kb, db, lang, t, clock, user, settings
        )
    elif isinstance(result, InlineKeyboardMarkup) and isinstance(callback.message, Message):
        await callback.answer()
        markup = InlineKeyboardBuilder.from_markup(result)
        markup.attach(_steps(t))
        await callback.message.edit_reply_markup(reply_markup=markup.as_markup())
    else:
        await callback.answer()


@router.message(RenewWizard.expiry, NOT_A_COMMAND)
async def date_fallback(
    message: Message, t: Translator, lang: str, clock: Clock, user: User, settings: Settings
) -> None:
    example = format_date(user_today(clock, user, settings) + timedelta(days=90), lang)
    await message.answer(t("wizard-bad-date", example=example), reply_markup=_steps(t).as_markup())


async def _accept_date(
    chat_id: int,
    chosen: date,
    today: date,
    state: FSMContext,
    bot: Bot,
    kb: KnowledgeBase,
    db: Database,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    if chosen < today:
        penalties = kb.topics["overstay-penalties"]
        warn = InlineKeyboardBuilder()
        warn.button(text=f"⚖️ {penalties.text(lang).title}", callback_data=TopicCb(id=penalties.id))
        warn.button(text=t("menu-operator"), callback_data=MenuCb(action="operator"))
        warn.adjust(1)
        warn.attach(_steps(t))
        await bot.send_message(
            chat_id,
            t("wizard-past-date", date=format_date(chosen, lang)),
            reply_markup=warn.as_markup(),
        )
        return
    if chosen > _years_later(today, MAX_YEARS_AHEAD):
        await bot.send_message(
            chat_id, t("wizard-too-far", years=MAX_YEARS_AHEAD), reply_markup=_steps(t).as_markup()
        )
        return
    data = await state.get_data()
    if renewing := data.get("renewing"):
        await state.clear()
        await _renewed(chat_id, int(renewing), chosen, bot, kb, db, lang, t, clock, user, settings)
        return
    await state.update_data(expires_on=chosen.isoformat())
    await state.set_state(RenewWizard.plan)
    kind = data["kind"]
    await bot.send_message(
        chat_id,
        plan_text(kb, kind, chosen, data.get("label", ""), lang, t, today),
        reply_markup=_plan_menu(kb, kind, lang, t),
    )


async def _renewed(
    chat_id: int,
    document_id: int,
    expires_on: date,
    bot: Bot,
    kb: KnowledgeBase,
    db: Database,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    doc = await get_document(db, user.id, document_id)
    if doc is None:
        await bot.send_message(chat_id, t("doc-gone"), reply_markup=main_menu(t))
        return
    following = _first_reminder(kb, doc.kind, expires_on, user, settings, clock.now())
    await update_document(
        db, doc.id, expires_on=expires_on, label=doc.label, next_remind_at=following
    )
    updated = Document(
        doc.id, doc.user_id, doc.kind, doc.label, expires_on, doc.created_at, following
    )
    await bot.send_message(
        chat_id,
        t(
            "doc-updated",
            document=document_name(kb, updated, lang),
            date=format_date(expires_on, lang),
        )
        + "\n"
        + _next_line(following, user, settings, lang, t),
        reply_markup=main_menu(t),
    )


def _first_reminder(
    kb: KnowledgeBase, kind: str, expires_on: date, user: User, settings: Settings, now: datetime
) -> int | None:
    return next_due(
        kb,
        kind,
        expires_on,
        timezone=user_timezone(user, settings),
        hour=user.reminder_hour,
        custom_days=user.reminder_days,
        after=now,
    )


def _next_line(at: int | None, user: User, settings: Settings, lang: str, t: Translator) -> str:
    if at is None:
        return t("doc-no-reminders")
    tz = ZoneInfo(user_timezone(user, settings))
    local = datetime.fromtimestamp(at, tz)
    return t(
        "doc-next-reminder",
        date=format_date(local.date(), lang),
        time=local.strftime("%H:%M"),
        timezone=tz.key,
    )


# --- step 3: the plan -------------------------------------------------------------------------


@router.callback_query(RenewWizard.plan, WizardCb.filter(F.action == "save"))
async def save(
    callback: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    kb: KnowledgeBase,
    db: Database,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    data = await state.get_data()
    kind, expires_on = data["kind"], date.fromisoformat(data["expires_on"])
    label = data.get("label", "")
    now = clock.now()
    following = _first_reminder(kb, kind, expires_on, user, settings, now)
    document_id = await add_document(
        db, user.id, kind, label, expires_on, int(now.timestamp()), following
    )
    await state.clear()
    done = InlineKeyboardBuilder()
    done.button(text=t("doc-btn-ics"), callback_data=DocCb(action="ics", id=document_id))
    done.button(text=t("menu-docs"), callback_data=MenuCb(action="docs"))
    done.button(text=t("btn-home"), callback_data=MenuCb(action="home"))
    done.adjust(1)
    text = t("wizard-saved") + "\n" + _next_line(following, user, settings, lang, t)
    await callback.answer()
    await bot.send_message(callback.from_user.id, text, reply_markup=done.as_markup())


@router.callback_query(RenewWizard.plan, WizardCb.filter(F.action == "nosave"))
async def dont_save(callback: CallbackQuery, bot: Bot, state: FSMContext, t: Translator) -> None:
    await state.clear()
    await callback.answer()
    await bot.send_message(callback.from_user.id, t("wizard-not-saved"), reply_markup=main_menu(t))


@router.callback_query(RenewWizard.plan, WizardCb.filter(F.action == "label"))
async def ask_label(callback: CallbackQuery, bot: Bot, state: FSMContext, t: Translator) -> None:
    await state.set_state(RenewWizard.label)
    await callback.answer()
    await bot.send_message(
        callback.from_user.id, t("wizard-ask-label"), reply_markup=_steps(t).as_markup()
    )


@router.message(RenewWizard.label, F.text, NOT_A_COMMAND)
async def got_label(
    message: Message,
    state: FSMContext,
    kb: KnowledgeBase,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    label = " ".join((message.text or "").split())[:LABEL_LIMIT]
    await state.update_data(label=label)
    await _show_plan(message.chat.id, message.bot, state, kb, lang, t, clock, user, settings)


@router.message(RenewWizard.plan, NOT_A_COMMAND)
@router.message(RenewWizard.label, NOT_A_COMMAND)
async def plan_fallback(message: Message, t: Translator) -> None:
    await message.answer(t("wizard-use-buttons"), reply_markup=_steps(t).as_markup())


async def _show_plan(
    chat_id: int,
    bot: Bot | None,
    state: FSMContext,
    kb: KnowledgeBase,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    assert bot is not None
    await state.set_state(RenewWizard.plan)
    data: dict[str, Any] = await state.get_data()
    today = user_today(clock, user, settings)
    await bot.send_message(
        chat_id,
        plan_text(
            kb,
            data["kind"],
            date.fromisoformat(data["expires_on"]),
            data.get("label", ""),
            lang,
            t,
            today,
        ),
        reply_markup=_plan_menu(kb, data["kind"], lang, t),
    )


# --- Back -------------------------------------------------------------------------------------


@router.callback_query(StateFilter(RenewWizard.expiry), WizardCb.filter(F.action == "back"))
async def back_to_kind(
    callback: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    kb: KnowledgeBase,
    lang: str,
    t: Translator,
) -> None:
    if (await state.get_data()).get("renewing"):
        await state.clear()
        await show(callback, bot, t("wizard-cancelled"), main_menu(t))
        return
    await state.set_state(RenewWizard.kind)
    await show(callback, bot, t("wizard-ask-kind"), _kind_menu(kb, lang, t))


@router.callback_query(StateFilter(RenewWizard.plan), WizardCb.filter(F.action == "back"))
async def back_to_date(
    callback: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    kb: KnowledgeBase,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    await state.set_state(RenewWizard.expiry)
    data = await state.get_data()
    text, markup = date_prompt(kb, data["kind"], lang, t, user_today(clock, user, settings))
    await show(callback, bot, text, markup)


@router.callback_query(StateFilter(RenewWizard.label), WizardCb.filter(F.action == "back"))
async def back_to_plan(
    callback: CallbackQuery,
    state: FSMContext,
    kb: KnowledgeBase,
    lang: str,
    t: Translator,
    clock: Clock,
    user: User,
    settings: Settings,
) -> None:
    await callback.answer()
    await _show_plan(callback.from_user.id, callback.bot, state, kb, lang, t, clock, user, settings)


@router.callback_query(WizardCb.filter())
@router.callback_query(KindCb.filter())
@router.callback_query(CalendarCb.filter())
async def stale_button(callback: CallbackQuery, bot: Bot, t: Translator) -> None:
    """A wizard button from a finished or cancelled wizard."""
    await show(callback, bot, t("wizard-expired"), main_menu(t))
