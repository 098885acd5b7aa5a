"""/mydocs: saved documents and days left; renew, snooze, checklist, calendar, rename, delete."""

from __future__ import annotations

from datetime import timedelta

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import DocCb, MenuCb
from bot.dates import format_date
from bot.ics import document_calendar
from bot.menus import main_menu
from bot.reminders import document_name
from bot.schedule import days_left, next_month, tomorrow_at
from bot.turn import Turn
from handlers.common import NOT_A_COMMAND, respond, show
from handlers.wizard import (
    LABEL_LIMIT,
    RenewWizard,
    date_prompt,
    first_reminder,
    next_reminder_line,
)
from storage.documents import (
    Document,
    delete_document,
    get_document,
    rename_document,
    snooze,
    update_document,
    user_documents,
)

router = Router(name="documents")


class RenameDocument(StatesGroup):
    label = State()


def _line(turn: Turn, doc: Document) -> str:
    left = days_left(doc.expires_on, turn.clock.now(), turn.timezone)
    line = turn.t(
        "docs-line" if left >= 0 else "docs-line-expired",
        document=document_name(turn.kb, doc, turn.lang),
        date=format_date(doc.expires_on, turn.lang),
        days=left,
    )
    return f"{line}\n    {next_reminder_line(turn, doc.next_remind_at)}"


async def _list(turn: Turn) -> tuple[str, InlineKeyboardMarkup]:
    t, lang = turn.t, turn.lang
    docs = await user_documents(turn.db, turn.user.id)
    menu = InlineKeyboardBuilder()
    for doc in docs:
        title = turn.kb.documents[doc.kind].text(lang).title
        label = f" · {doc.label}" if doc.label else ""
        menu.button(
            text=f"{title}{label} · {format_date(doc.expires_on, lang)}",
            callback_data=DocCb(action="show", id=doc.id),
        )
    menu.button(
        text=t("docs-btn-add" if docs else "menu-renew"), callback_data=MenuCb(action="renew")
    )
    menu.button(text=t("btn-home"), callback_data=MenuCb(action="home"))
    menu.adjust(1)
    if not docs:
        return t("docs-empty"), menu.as_markup()
    return "\n".join([t("docs-header"), *(_line(turn, doc) for doc in docs)]), menu.as_markup()


@router.message(Command("mydocs"))
@router.callback_query(MenuCb.filter(F.action == "docs"))
async def mydocs(event: Message | CallbackQuery, turn: Turn) -> None:
    await respond(event, turn.bot, *await _list(turn))


async def _owned(callback: CallbackQuery, data: DocCb, turn: Turn) -> Document | None:
    doc = await get_document(turn.db, turn.user.id, data.id)
    if doc is None:
        await callback.answer(turn.t("doc-gone"), show_alert=True)
    return doc


@router.callback_query(DocCb.filter(F.action == "show"))
async def details(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    if (doc := await _owned(callback, callback_data, turn)) is None:
        return
    menu = InlineKeyboardBuilder()
    if turn.kb.documents[doc.kind].monthly:
        menu.button(text=turn.t("reminder-btn-paid"), callback_data=DocCb(action="paid", id=doc.id))
    for action, key in (
        ("renewed", "reminder-btn-renewed"),
        ("checklist", "reminder-btn-checklist"),
        ("ics", "doc-btn-ics"),
        ("rename", "doc-btn-rename"),
        ("delete", "doc-btn-delete"),
    ):
        menu.button(text=turn.t(key), callback_data=DocCb(action=action, id=doc.id))
    menu.button(text=turn.t("btn-back"), callback_data=MenuCb(action="docs"))
    menu.adjust(1)
    await show(callback, turn.bot, _line(turn, doc), menu.as_markup())


@router.callback_query(DocCb.filter(F.action == "renewed"))
async def renewed(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    if (doc := await _owned(callback, callback_data, turn)) is None:
        return
    await turn.state.clear()
    await turn.state.set_state(RenewWizard.expiry)
    await turn.state.update_data(kind=doc.kind, renewing=doc.id)
    text, markup = date_prompt(turn, doc.kind)
    await callback.answer()
    await turn.bot.send_message(
        turn.user.id, f"{turn.t('doc-ask-new-date')}\n\n{text}", reply_markup=markup
    )


@router.callback_query(DocCb.filter(F.action == "paid"))
async def paid(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    """ "I paid" the patent's month: the paid-until date moves a month on, and so do reminders."""
    if (doc := await _owned(callback, callback_data, turn)) is None:
        return
    paid_until = next_month(doc.expires_on)
    following = first_reminder(turn, doc.kind, paid_until)
    await update_document(
        turn.db, doc.id, expires_on=paid_until, label=doc.label, next_remind_at=following
    )
    await callback.answer()
    name = document_name(turn.kb, doc, turn.lang)
    text = turn.t("doc-paid", document=name, date=format_date(paid_until, turn.lang))
    await turn.bot.send_message(
        turn.user.id,
        f"{text}\n{next_reminder_line(turn, following)}",
        reply_markup=main_menu(turn.t),
    )


@router.callback_query(DocCb.filter(F.action == "snooze"))
async def remind_tomorrow(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    at = tomorrow_at(turn.clock.now(), turn.timezone, turn.user.reminder_hour)
    local = at.astimezone(turn.timezone)
    if await snooze(turn.db, turn.user.id, callback_data.id, int(at.timestamp())):
        await callback.answer(
            turn.t(
                "doc-snoozed",
                date=format_date(local.date(), turn.lang),
                time=local.strftime("%H:%M"),
            )
        )
    else:
        await callback.answer(turn.t("doc-gone"), show_alert=True)


@router.callback_query(DocCb.filter(F.action == "checklist"))
async def checklist(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    if (doc := await _owned(callback, callback_data, turn)) is None:
        return
    text = turn.kb.documents[doc.kind].text(turn.lang)
    lines = [
        f"<b>{document_name(turn.kb, doc, turn.lang)}</b>",
        turn.t("plan-checklist"),
        *(f"☐ {html_decoration.quote(item)}" for item in text.checklist),
        "",
        f"<i>{html_decoration.quote(text.lead_note)}</i>",
    ]
    await callback.answer()
    await turn.bot.send_message(turn.user.id, "\n".join(lines))


@router.callback_query(DocCb.filter(F.action == "ics"))
async def calendar_file(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    if (doc := await _owned(callback, callback_data, turn)) is None:
        return
    t, kb, lang = turn.t, turn.kb, turn.lang
    plain_name = document_name(kb, doc, lang, html=False)
    content = document_calendar(
        document_id=doc.id,
        expires_on=doc.expires_on,
        start_by=doc.expires_on - timedelta(days=kb.documents[doc.kind].lead_days),
        expiry_summary=t("ics-expiry", document=plain_name),
        start_summary=t("ics-start", document=plain_name),
        description=t("ics-description"),
        now=turn.clock.now(),
    )
    await callback.answer()
    await turn.bot.send_document(
        turn.user.id,
        BufferedInputFile(content, filename=f"{doc.kind}-{doc.expires_on.isoformat()}.ics"),
        caption=t("doc-ics-caption", document=document_name(kb, doc, lang)),
    )


@router.callback_query(DocCb.filter(F.action == "rename"))
async def ask_rename(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    if await _owned(callback, callback_data, turn) is None:
        return
    await turn.state.set_state(RenameDocument.label)
    await turn.state.update_data(document=callback_data.id)
    await callback.answer()
    await turn.bot.send_message(turn.user.id, turn.t("wizard-ask-label"))


@router.message(RenameDocument.label, F.text, NOT_A_COMMAND)
async def rename(message: Message, turn: Turn) -> None:
    t = turn.t
    document_id = int((await turn.state.get_data())["document"])
    await turn.state.clear()
    label = " ".join((message.text or "").split())[:LABEL_LIMIT]
    doc = None
    if await rename_document(turn.db, turn.user.id, document_id, label):
        doc = await get_document(turn.db, turn.user.id, document_id)
    if doc is None:
        await message.answer(t("doc-gone"), reply_markup=main_menu(t))
        return
    name = document_name(turn.kb, doc, turn.lang)
    await message.answer(t("doc-renamed", document=name), reply_markup=main_menu(t))


@router.callback_query(DocCb.filter(F.action == "delete"))
async def ask_delete(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    if (doc := await _owned(callback, callback_data, turn)) is None:
        return
    t = turn.t
    menu = InlineKeyboardBuilder()
    menu.button(
        text=t("doc-btn-really-delete"), callback_data=DocCb(action="really-delete", id=doc.id)
    )
    menu.button(text=t("btn-back"), callback_data=DocCb(action="show", id=doc.id))
    menu.adjust(1)
    name = document_name(turn.kb, doc, turn.lang)
    await show(callback, turn.bot, t("doc-confirm-delete", document=name), menu.as_markup())


@router.callback_query(DocCb.filter(F.action == "really-delete"))
async def really_delete(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    deleted = await delete_document(turn.db, turn.user.id, callback_data.id)
    text, markup = await _list(turn)
    done = turn.t("doc-deleted" if deleted else "doc-gone")
    await show(callback, turn.bot, f"{done}\n\n{text}", markup)
