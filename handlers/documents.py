"""/mydocs: saved documents and days left; renew, snooze, checklist, calendar, rename, delete."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.clock import Clock
from bot.dates import format_date
from bot.i18n import Translator
from bot.ics import document_calendar
from bot.reminders import document_name, user_timezone
from bot.schedule import days_left, tomorrow_at
from bot.settings import Settings
from faq.model import KnowledgeBase
from handlers.callbacks import DocCb, MenuCb
from handlers.common import NOT_A_COMMAND, show
from handlers.keyboards import main_menu
from handlers.turn import Turn
from handlers.wizard import LABEL_LIMIT, RenewWizard, date_prompt
from storage.database import Database
from storage.documents import (
    Document,
    delete_document,
    get_document,
    rename_document,
    snooze,
    user_documents,
)
from storage.users import User

router = Router(name="documents")


class RenameDocument(StatesGroup):
    label = State()


def _line(kb: KnowledgeBase, doc: Document, lang: str, t: Translator, left: int) -> str:
    return t(
        "docs-line" if left >= 0 else "docs-line-expired",
        document=document_name(kb, doc, lang),
        date=format_date(doc.expires_on, lang),
        days=left,
    )


async def _list(
    db: Database,
    kb: KnowledgeBase,
    user: User,
    settings: Settings,
    clock: Clock,
    lang: str,
    t: Translator,
) -> tuple[str, InlineKeyboardMarkup]:
    docs = await user_documents(db, user.id)
    menu = InlineKeyboardBuilder()
    if not docs:
        menu.button(text=t("menu-renew"), callback_data=MenuCb(action="renew"))
        menu.button(text=t("btn-home"), callback_data=MenuCb(action="home"))
        menu.adjust(1)
        return t("docs-empty"), menu.as_markup()
    tz = ZoneInfo(user_timezone(user, settings))
    now = clock.now()
    lines = [t("docs-header")]
    for doc in docs:
        left = days_left(doc.expires_on, now, tz)
        lines.append(_line(kb, doc, lang, t, left))
        menu.button(
            text=f"{kb.documents[doc.kind].text(lang).title}"
            f"{' · ' + doc.label if doc.label else ''} · {format_date(doc.expires_on, lang)}",
            callback_data=DocCb(action="show", id=doc.id),
        )
    menu.button(text=t("docs-btn-add"), callback_data=MenuCb(action="renew"))
    menu.button(text=t("btn-home"), callback_data=MenuCb(action="home"))
    menu.adjust(1)
    return "\n".join(lines), menu.as_markup()


@router.message(Command("mydocs"))
async def mydocs_command(
    message: Message,
    db: Database,
    kb: KnowledgeBase,
    user: User,
    settings: Settings,
    clock: Clock,
    lang: str,
    t: Translator,
) -> None:
    text, markup = await _list(db, kb, user, settings, clock, lang, t)
    await message.answer(text, reply_markup=markup)


@router.callback_query(MenuCb.filter(F.action == "docs"))
async def mydocs_button(
    callback: CallbackQuery,
    bot: Bot,
    db: Database,
    kb: KnowledgeBase,
    user: User,
    settings: Settings,
    clock: Clock,
    lang: str,
    t: Translator,
) -> None:
    text, markup = await _list(db, kb, user, settings, clock, lang, t)
    await show(callback, bot, text, markup)


async def _owned(
    callback: CallbackQuery, data: DocCb, db: Database, user: User, t: Translator
) -> Document | None:
    doc = await get_document(db, user.id, data.id)
    if doc is None:
        await callback.answer(t("doc-gone"), show_alert=True)
    return doc


@router.callback_query(DocCb.filter(F.action == "show"))
async def details(
    callback: CallbackQuery,
    callback_data: DocCb,
    bot: Bot,
    db: Database,
    kb: KnowledgeBase,
    user: User,
    settings: Settings,
    clock: Clock,
    lang: str,
    t: Translator,
) -> None:
    if (doc := await _owned(callback, callback_data, db, user, t)) is None:
        return
    left = days_left(doc.expires_on, clock.now(), ZoneInfo(user_timezone(user, settings)))
    menu = InlineKeyboardBuilder()
    for action, key in (
        ("renewed", "reminder-btn-renewed"),
        ("checklist", "reminder-btn-checklist"),
        ("ics", "doc-btn-ics"),
        ("rename", "doc-btn-rename"),
        ("delete", "doc-btn-delete"),
    ):
        menu.button(text=t(key), callback_data=DocCb(action=action, id=doc.id))
    menu.button(text=t("btn-back"), callback_data=MenuCb(action="docs"))
    menu.adjust(1)
    await show(callback, bot, _line(kb, doc, lang, t, left), menu.as_markup())


@router.callback_query(DocCb.filter(F.action == "renewed"))
async def renewed(callback: CallbackQuery, callback_data: DocCb, turn: Turn) -> None:
    if (doc := await _owned(callback, callback_data, turn.db, turn.user, turn.t)) is None:
        return
    await turn.state.clear()
    await turn.state.set_state(RenewWizard.expiry)
    await turn.state.update_data(kind=doc.kind, renewing=doc.id)
    text, markup = date_prompt(turn, doc.kind)
    await callback.answer()
    await turn.bot.send_message(
        turn.user.id, f"{turn.t('doc-ask-new-date')}\n\n{text}", reply_markup=markup
    )


@router.callback_query(DocCb.filter(F.action == "snooze"))
async def remind_tomorrow(
    callback: CallbackQuery,
    callback_data: DocCb,
    db: Database,
    user: User,
    settings: Settings,
    clock: Clock,
    lang: str,
    t: Translator,
) -> None:
    tz = ZoneInfo(user_timezone(user, settings))
    at = tomorrow_at(clock.now(), tz, user.reminder_hour)
    if await snooze(db, user.id, callback_data.id, int(at.timestamp())):
        await callback.answer(
            t(
                "doc-snoozed",
                date=format_date(at.astimezone(tz).date(), lang),
                time=at.astimezone(tz).strftime("%H:%M"),
            )
        )
    else:
        await callback.answer(t("doc-gone"), show_alert=True)


@router.callback_query(DocCb.filter(F.action == "checklist"))
async def checklist(
    callback: CallbackQuery,
    callback_data: DocCb,
    bot: Bot,
    db: Database,
    kb: KnowledgeBase,
    user: User,
    lang: str,
    t: Translator,
) -> None:
    if (doc := await _owned(callback, callback_data, db, user, t)) is None:
        return
    text = kb.documents[doc.kind].text(lang)
    body = "\n".join(
        [
            t("plan-checklist"),
            *(f"☐ {html_decoration.quote(item)}" for item in text.checklist),
            "",
            f"<i>{html_decoration.quote(text.lead_note)}</i>",
        ]
    )
    await callback.answer()
    await bot.send_message(callback.from_user.id, f"<b>{document_name(kb, doc, lang)}</b>\n{body}")


@router.callback_query(DocCb.filter(F.action == "ics"))
async def calendar_file(
    callback: CallbackQuery,
    callback_data: DocCb,
    bot: Bot,
    db: Database,
    kb: KnowledgeBase,
    user: User,
    clock: Clock,
    lang: str,
    t: Translator,
) -> None:
    if (doc := await _owned(callback, callback_data, db, user, t)) is None:
        return
    name = document_name(kb, doc, lang)
    plain_name = document_name(kb, doc, lang, html=False)
    start_by = doc.expires_on - timedelta(days=kb.documents[doc.kind].lead_days)
    content = document_calendar(
        document_id=doc.id,
        expires_on=doc.expires_on,
        start_by=start_by,
        expiry_summary=t("ics-expiry", document=plain_name),
        start_summary=t("ics-start", document=plain_name),
        description=t("ics-description"),
        now=clock.now(),
    )
    await callback.answer()
    await bot.send_document(
        callback.from_user.id,
        BufferedInputFile(content, filename=f"{doc.kind}-{doc.expires_on.isoformat()}.ics"),
        caption=t("doc-ics-caption", document=name),
    )


@router.callback_query(DocCb.filter(F.action == "rename"))
async def ask_rename(
    callback: CallbackQuery,
    callback_data: DocCb,
    bot: Bot,
    state: FSMContext,
    db: Database,
    user: User,
    t: Translator,
) -> None:
    if await _owned(callback, callback_data, db, user, t) is None:
        return
    await state.set_state(RenameDocument.label)
    await state.update_data(document=callback_data.id)
    await callback.answer()
    await bot.send_message(callback.from_user.id, t("wizard-ask-label"))


@router.message(RenameDocument.label, F.text, NOT_A_COMMAND)
async def rename(
    message: Message,
    state: FSMContext,
    db: Database,
    kb: KnowledgeBase,
    user: User,
    lang: str,
    t: Translator,
) -> None:
    document_id = int((await state.get_data())["document"])
    await state.clear()
    label = " ".join((message.text or "").split())[:LABEL_LIMIT]
    if not await rename_document(db, user.id, document_id, label):
        await message.answer(t("doc-gone"), reply_markup=main_menu(t))
        return
    doc = await get_document(db, user.id, document_id)
    assert doc is not None
    await message.answer(
        t("doc-renamed", document=document_name(kb, doc, lang)), reply_markup=main_menu(t)
    )


@router.callback_query(DocCb.filter(F.action == "delete"))
async def ask_delete(
    callback: CallbackQuery,
    callback_data: DocCb,
    bot: Bot,
    db: Database,
    kb: KnowledgeBase,
    user: User,
    lang: str,
    t: Translator,
) -> None:
    if (doc := await _owned(callback, callback_data, db, user, t)) is None:
        return
    menu = InlineKeyboardBuilder()
    menu.button(
        text=t("doc-btn-really-delete"), callback_data=DocCb(action="really-delete", id=doc.id)
    )
    menu.button(text=t("btn-back"), callback_data=DocCb(action="show", id=doc.id))
    menu.adjust(1)
    await show(
        callback,
        bot,
        t("doc-confirm-delete", document=document_name(kb, doc, lang)),
        menu.as_markup(),
    )


@router.callback_query(DocCb.filter(F.action == "really-delete"))
async def really_delete(
    callback: CallbackQuery,
    callback_data: DocCb,
    bot: Bot,
    db: Database,
    kb: KnowledgeBase,
    user: User,
    settings: Settings,
    clock: Clock,
    lang: str,
    t: Translator,
) -> None:
    await delete_document(db, user.id, callback_data.id)
    text, markup = await _list(db, kb, user, settings, clock, lang, t)
    await show(callback, bot, t("doc-deleted") + "\n\n" + text, markup)
