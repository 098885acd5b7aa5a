"""/renew: document kind -> expiry date -> a dated plan -> save and remind, or not.

The same date step serves "I renewed it": with `renewing` in the FSM data, the new date updates
that document instead of starting a plan.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import DocCb, KindCb, MenuCb, PlanCb, TopicCb, WizardCb
from bot.dates import format_date, parse_date
from bot.i18n import Translator
from bot.menus import main_menu
from bot.reminders import document_name, next_due
from bot.schedule import start_advice
from bot.turn import Turn
from faq.loader import DOCUMENT_KINDS
from faq.matcher import Matcher
from faq.model import KnowledgeBase
from handlers.answers import answered_in_passing
from handlers.calendar import CalendarCb, calendar_keyboard, handle_calendar_press
from handlers.common import NOT_A_COMMAND, respond, show
from storage.documents import Document, add_document, get_document, update_document

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


def _steps(t: Translator, back: bool = True) -> InlineKeyboardBuilder:
    steps = InlineKeyboardBuilder()
    if back:
        steps.button(text=t("btn-back"), callback_data=WizardCb(action="back"))
    steps.button(text=t("wizard-btn-cancel"), callback_data=WizardCb(action="cancel"))
    return steps


def _kind_menu(kb: KnowledgeBase, lang: str, t: Translator) -> InlineKeyboardMarkup:
    menu = InlineKeyboardBuilder()
    for kind in DOCUMENT_KINDS:
        menu.button(text=kb.documents[kind].text(lang).title, callback_data=KindCb(kind=kind))
    menu.adjust(2)
    menu.attach(_steps(t, back=False))
    return menu.as_markup()


def _date_buttons(turn: Turn) -> InlineKeyboardBuilder:
    today = turn.today()
    buttons = InlineKeyboardBuilder.from_markup(
        calendar_keyboard(today.year, today.month, turn.lang, today)
    )
    buttons.attach(_steps(turn.t))
    return buttons


def date_prompt(turn: Turn, kind: str) -> tuple[str, InlineKeyboardMarkup]:
    today, lang, t = turn.today(), turn.lang, turn.t
    document = turn.kb.documents[kind]
    text = t(
        "wizard-ask-paid-until" if document.monthly else "wizard-ask-date",
        document=document.text(lang).title,
        example=format_date(today.replace(day=15) + timedelta(days=62), lang),
    )
    return text, _date_buttons(turn).as_markup()


def plan_text(turn: Turn, kind: str, expires_on: date, label: str) -> str:
    lang, t, today = turn.lang, turn.t, turn.today()
    document = turn.kb.documents[kind]
    text = document.text(lang)
    start_by = expires_on - timedelta(days=document.lead_days)
    name = text.title + (f" ({html_decoration.quote(label)})" if label else "")
    days, on = (expires_on - today).days, format_date(expires_on, lang)
    lines = [
        t("plan-header", document=name),
        t("plan-paid-until" if document.monthly else "plan-expires", date=on, days=days),
        t("plan-pay-monthly")
        if document.monthly
        else t(f"plan-start-{start_advice(start_by, today)}", date=format_date(start_by, lang)),
        f"<i>{html_decoration.quote(text.lead_note)}</i>",
        "",
        t("plan-checklist"),
        *(f"☐ {html_decoration.quote(item)}" for item in text.checklist),
    ]
    return "\n".join(lines)


def _plan_menu(turn: Turn, kind: str) -> InlineKeyboardMarkup:
    t = turn.t
    menu = InlineKeyboardBuilder()
    menu.button(text=t("wizard-btn-save"), callback_data=WizardCb(action="save"))
    menu.button(text=t("wizard-btn-label"), callback_data=WizardCb(action="label"))
    menu.button(text=t("wizard-btn-nosave"), callback_data=WizardCb(action="nosave"))
    for topic_id in turn.kb.documents[kind].topics:
        title = turn.kb.topics[topic_id].text(turn.lang).short
        menu.button(text=f"📖 {title}", callback_data=TopicCb(id=topic_id))
    menu.adjust(1)
    menu.attach(_steps(t))
    return menu.as_markup()


def first_reminder(turn: Turn, kind: str, expires_on: date) -> int | None:
    user = turn.user
    return next_due(
        turn.kb,
        kind,
        expires_on,
        timezone=turn.timezone.key,
        hour=user.reminder_hour,
        custom_days=user.reminder_days,
        after=turn.clock.now(),
    )


def next_reminder_line(turn: Turn, at: int | None) -> str:
    if at is None:
        return turn.t("doc-no-reminders")
    local = datetime.fromtimestamp(at, turn.timezone)
    return turn.t(
        "doc-next-reminder",
        date=format_date(local.date(), turn.lang),
        time=local.strftime("%H:%M"),
        timezone=turn.timezone.key,
    )


# --- entering and leaving ---------------------------------------------------------------------


@router.callback_query(WizardCb.filter(F.action == "cancel"))
async def cancel_button(callback: CallbackQuery, turn: Turn) -> None:
    await turn.state.clear()
    await show(callback, turn.bot, turn.t("wizard-cancelled"), main_menu(turn.t))


async def _start(turn: Turn) -> tuple[str, InlineKeyboardMarkup]:
    await turn.state.clear()
    await turn.state.set_state(RenewWizard.kind)
    return turn.t("wizard-ask-kind"), _kind_menu(turn.kb, turn.lang, turn.t)


@router.message(Command("renew"))
@router.callback_query(MenuCb.filter(F.action == "renew"))
async def renew(event: Message | CallbackQuery, turn: Turn) -> None:
    await respond(event, turn.bot, *await _start(turn))


@router.callback_query(PlanCb.filter(F.kind.in_(DOCUMENT_KINDS)))
async def plan_for_named_date(callback: CallbackQuery, callback_data: PlanCb, turn: Turn) -> None:
    """ "My visa ends on 15 March": the plan with the kind and the date already filled in."""
    await callback.answer()
    try:
        chosen = date.fromisoformat(callback_data.on)
    except ValueError:
        return
    await turn.state.clear()
    await turn.state.set_state(RenewWizard.expiry)
    await turn.state.update_data(kind=callback_data.kind)
    await _accept_date(turn, chosen)


# --- step 1: the kind of document -------------------------------------------------------------


@router.callback_query(RenewWizard.kind, KindCb.filter(F.kind.in_(DOCUMENT_KINDS)))
async def chose_kind(callback: CallbackQuery, callback_data: KindCb, turn: Turn) -> None:
    await turn.state.update_data(kind=callback_data.kind)
    await turn.state.set_state(RenewWizard.expiry)
    await show(callback, turn.bot, *date_prompt(turn, callback_data.kind))


@router.message(RenewWizard.kind, NOT_A_COMMAND)
async def kind_fallback(message: Message, turn: Turn, matcher: Matcher) -> None:
    asked = message.text is not None and await answered_in_passing(message, turn, matcher)
    await message.answer(
        turn.t("wizard-ask-kind" if asked else "wizard-use-buttons"),
        reply_markup=_kind_menu(turn.kb, turn.lang, turn.t),
    )


# --- step 2: the expiry date ------------------------------------------------------------------


async def _ask_date_again(message: Message, turn: Turn) -> None:
    example = format_date(turn.today() + timedelta(days=90), turn.lang)
    await message.answer(
        turn.t("wizard-bad-date", example=example), reply_markup=_date_buttons(turn).as_markup()
    )


@router.message(RenewWizard.expiry, F.text, NOT_A_COMMAND)
async def typed_date(message: Message, turn: Turn, matcher: Matcher) -> None:
    chosen = parse_date(message.text or "", turn.lang, turn.today())
    if chosen is not None:
        await _accept_date(turn, chosen)
    elif await answered_in_passing(message, turn, matcher):
        kind = (await turn.state.get_data())["kind"]
        text, markup = date_prompt(turn, kind)
        await message.answer(text, reply_markup=markup)
    else:
        await _ask_date_again(message, turn)


@router.message(RenewWizard.expiry, NOT_A_COMMAND)
async def date_fallback(message: Message, turn: Turn) -> None:
    await _ask_date_again(message, turn)


@router.callback_query(RenewWizard.expiry, CalendarCb.filter())
async def calendar_pressed(callback: CallbackQuery, callback_data: CalendarCb, turn: Turn) -> None:
    result = handle_calendar_press(callback_data, turn.lang, turn.today())
    await callback.answer()
    if isinstance(result, date):
        await _accept_date(turn, result)
    elif isinstance(result, InlineKeyboardMarkup) and isinstance(callback.message, Message):
        markup = InlineKeyboardBuilder.from_markup(result)
        markup.attach(_steps(turn.t))
        await callback.message.edit_reply_markup(reply_markup=markup.as_markup())


async def _accept_date(turn: Turn, chosen: date) -> None:
    bot, t, lang, chat_id, today = turn.bot, turn.t, turn.lang, turn.user.id, turn.today()
    if chosen < today:
        penalties = turn.kb.topics["overstay-penalties"]
        warn = InlineKeyboardBuilder()
        warn.button(text=f"⚖️ {penalties.text(lang).short}", callback_data=TopicCb(id=penalties.id))
        warn.button(text=t("menu-operator"), callback_data=MenuCb(action="operator"))
        warn.adjust(1)
        warn.attach(_date_buttons(turn))
        await bot.send_message(
            chat_id,
            t("wizard-past-date", date=format_date(chosen, lang)),
            reply_markup=warn.as_markup(),
        )
        return
    if chosen > _years_later(today, MAX_YEARS_AHEAD):
        await bot.send_message(
            chat_id,
            t("wizard-too-far", years=MAX_YEARS_AHEAD),
            reply_markup=_date_buttons(turn).as_markup(),
        )
        return
    data = await turn.state.get_data()
    if renewing := data.get("renewing"):
        await turn.state.clear()
        await _renewed(turn, int(renewing), chosen)
        return
    await turn.state.update_data(expires_on=chosen.isoformat())
    await _show_plan(turn)


async def _renewed(turn: Turn, document_id: int, expires_on: date) -> None:
    t = turn.t
    doc = await get_document(turn.db, turn.user.id, document_id)
    if doc is None:
        await turn.bot.send_message(turn.user.id, t("doc-gone"), reply_markup=main_menu(t))
        return
    following = first_reminder(turn, doc.kind, expires_on)
    await update_document(
        turn.db, doc.id, expires_on=expires_on, label=doc.label, next_remind_at=following
    )
    updated = Document(
        doc.id, doc.user_id, doc.kind, doc.label, expires_on, doc.created_at, following
    )
    text = t(
        "doc-updated",
        document=document_name(turn.kb, updated, turn.lang),
        date=format_date(expires_on, turn.lang),
    )
    await turn.bot.send_message(
        turn.user.id, f"{text}\n{next_reminder_line(turn, following)}", reply_markup=main_menu(t)
    )


# --- step 3: the plan -------------------------------------------------------------------------


async def _show_plan(turn: Turn) -> None:
    await turn.state.set_state(RenewWizard.plan)
    data = await turn.state.get_data()
    kind, expires_on = data["kind"], date.fromisoformat(data["expires_on"])
    await turn.bot.send_message(
        turn.user.id,
        plan_text(turn, kind, expires_on, data.get("label", "")),
        reply_markup=_plan_menu(turn, kind),
    )


@router.callback_query(RenewWizard.plan, WizardCb.filter(F.action == "save"))
async def save(callback: CallbackQuery, turn: Turn) -> None:
    data = await turn.state.get_data()
    kind, expires_on = data["kind"], date.fromisoformat(data["expires_on"])
    following = first_reminder(turn, kind, expires_on)
    document_id = await add_document(
        turn.db,
        turn.user.id,
        kind,
        data.get("label", ""),
        expires_on,
        int(turn.clock.now().timestamp()),
        following,
    )
    await turn.state.clear()
    t = turn.t
    done = InlineKeyboardBuilder()
    done.button(text=t("doc-btn-ics"), callback_data=DocCb(action="ics", id=document_id))
    done.button(text=t("menu-docs"), callback_data=MenuCb(action="docs"))
    done.button(text=t("btn-home"), callback_data=MenuCb(action="home"))
    done.adjust(1)
    await callback.answer()
    await turn.bot.send_message(
        turn.user.id,
        f"{t('wizard-saved')}\n{next_reminder_line(turn, following)}",
        reply_markup=done.as_markup(),
    )


@router.callback_query(RenewWizard.plan, WizardCb.filter(F.action == "nosave"))
async def dont_save(callback: CallbackQuery, turn: Turn) -> None:
    await turn.state.clear()
    await callback.answer()
    await turn.bot.send_message(
        turn.user.id, turn.t("wizard-not-saved"), reply_markup=main_menu(turn.t)
    )


@router.callback_query(RenewWizard.plan, WizardCb.filter(F.action == "label"))
async def ask_label(callback: CallbackQuery, turn: Turn) -> None:
    await turn.state.set_state(RenewWizard.label)
    await callback.answer()
    await turn.bot.send_message(
        turn.user.id, turn.t("wizard-ask-label"), reply_markup=_steps(turn.t).as_markup()
    )


def _looks_like_a_question(text: str) -> bool:
    """In the label step any short text is a name; a question mark or a sentence is not."""
    return "?" in text or "\uff1f" in text or len(text) > LABEL_LIMIT  # also the full-width one


@router.message(RenewWizard.label, F.text, NOT_A_COMMAND)
async def got_label(message: Message, turn: Turn, matcher: Matcher) -> None:
    text = message.text or ""
    if _looks_like_a_question(text) and await answered_in_passing(message, turn, matcher):
        await message.answer(turn.t("wizard-ask-label"), reply_markup=_steps(turn.t).as_markup())
        return
    await turn.state.update_data(label=" ".join(text.split())[:LABEL_LIMIT])
    await _show_plan(turn)


@router.message(RenewWizard.plan, NOT_A_COMMAND)
async def plan_fallback(message: Message, turn: Turn, matcher: Matcher) -> None:
    if message.text is not None and await answered_in_passing(message, turn, matcher):
        await _show_plan(turn)
        return
    kind = (await turn.state.get_data())["kind"]
    await message.answer(turn.t("wizard-use-buttons"), reply_markup=_plan_menu(turn, kind))


@router.message(RenewWizard.label, NOT_A_COMMAND)
async def label_fallback(message: Message, t: Translator) -> None:
    await message.answer(t("wizard-ask-label"), reply_markup=_steps(t).as_markup())


# --- Back -------------------------------------------------------------------------------------


@router.callback_query(StateFilter(RenewWizard.expiry), WizardCb.filter(F.action == "back"))
async def back_to_kind(callback: CallbackQuery, turn: Turn) -> None:
    if (await turn.state.get_data()).get("renewing"):
        await turn.state.clear()
        await show(callback, turn.bot, turn.t("wizard-cancelled"), main_menu(turn.t))
        return
    await turn.state.set_state(RenewWizard.kind)
    await show(
        callback, turn.bot, turn.t("wizard-ask-kind"), _kind_menu(turn.kb, turn.lang, turn.t)
    )


@router.callback_query(StateFilter(RenewWizard.plan), WizardCb.filter(F.action == "back"))
async def back_to_date(callback: CallbackQuery, turn: Turn) -> None:
    await turn.state.set_state(RenewWizard.expiry)
    data = await turn.state.get_data()
    await show(callback, turn.bot, *date_prompt(turn, data["kind"]))


@router.callback_query(StateFilter(RenewWizard.label), WizardCb.filter(F.action == "back"))
async def back_to_plan(callback: CallbackQuery, turn: Turn) -> None:
    await callback.answer()
    await _show_plan(turn)


@router.callback_query(WizardCb.filter())
@router.callback_query(KindCb.filter())
@router.callback_query(CalendarCb.filter())
async def stale_button(callback: CallbackQuery, turn: Turn) -> None:
    """A wizard button from a finished or cancelled wizard."""
    await show(callback, turn.bot, turn.t("wizard-expired"), main_menu(turn.t))
