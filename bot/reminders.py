"""Reminders: which are due, what they say, and sending each exactly once at the shared pace.

The truth is in SQLite (documents.next_remind_at); the periodic job only asks what is due now.
After downtime a document's missed reminders collapse into one message, because the message is
written from the days left at sending time and the next reminder is the first one after now.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import DocCb, MenuCb, TopicCb
from bot.content import Content
from bot.dates import format_date
from bot.delivery import Delivery
from bot.i18n import I18n, Translator
from bot.preferences import language_of, timezone_of
from bot.schedule import days_left, next_reminder, start_advice
from bot.sender import RecipientGone
from bot.settings import Settings
from bot.telegram_errors import TELEGRAM_ERRORS, summary
from faq.model import KnowledgeBase
from storage.database import Database
from storage.documents import (
    Document,
    DueReminder,
    claim_due_reminders,
    release_reminders,
    reminder_failed,
    reminder_sent,
    set_next_reminders,
    user_documents,
)
from storage.users import User

log = logging.getLogger(__name__)
PENALTIES_TOPIC = "overstay-penalties"


def offsets_for(kb: KnowledgeBase, kind: str, custom: tuple[int, ...] | None) -> tuple[int, ...]:
    return custom if custom is not None else kb.documents[kind].reminder_days


def next_due(
    kb: KnowledgeBase,
    kind: str,
    expires_on: date,
    *,
    timezone: str,
    hour: int,
    custom_days: tuple[int, ...] | None,
    after: datetime,
) -> int | None:
    """Unix time of the document's first reminder after `after` (None: none left)."""
    at = next_reminder(
        expires_on, offsets_for(kb, kind, custom_days), ZoneInfo(timezone), hour, after
    )
    return int(at.timestamp()) if at else None


def reminds_before_expiry(
    kb: KnowledgeBase,
    doc: Document,
    *,
    timezone: str,
    hour: int,
    custom_days: tuple[int, ...] | None,
    after: datetime,
) -> bool:
    """Whether the document still has a reminder on or before its expiry day (the notice the day
    after does not count)."""
    at = next_due(
        kb,
        doc.kind,
        doc.expires_on,
        timezone=timezone,
        hour=hour,
        custom_days=custom_days,
        after=after,
    )
    return (
        at is not None and datetime.fromtimestamp(at, ZoneInfo(timezone)).date() <= doc.expires_on
    )


def silenced_by(
    kb: KnowledgeBase,
    docs: list[Document],
    user: User,
    settings: Settings,
    days: tuple[int, ...] | None,
    now: datetime,
) -> list[Document]:
    """The documents that would lose their last reminder before expiry if the user's reminder
    days became `days`."""
    zone, hour = timezone_of(user, settings).key, user.reminder_hour

    def before(doc: Document, custom: tuple[int, ...] | None) -> bool:
        return reminds_before_expiry(
            kb, doc, timezone=zone, hour=hour, custom_days=custom, after=now
        )

    return [doc for doc in docs if before(doc, user.reminder_days) and not before(doc, days)]


async def reschedule_user(
    db: Database, kb: KnowledgeBase, settings: Settings, user: User, now: datetime
) -> None:
    """Recomputes every next reminder of the user (new settings, or back after blocking)."""
    schedule = {
        doc.id: next_due(
            kb,
            doc.kind,
            doc.expires_on,
            timezone=timezone_of(user, settings).key,
            hour=user.reminder_hour,
            custom_days=user.reminder_days,
            after=now,
        )
        for doc in await user_documents(db, user.id)
    }
    if schedule:
        await set_next_reminders(db, schedule)


def document_name(kb: KnowledgeBase, doc: Document, lang: str, *, html: bool = True) -> str:
    """E.g. "Visa (Anna)": the kind in the user's language and the user's label, HTML-escaped."""
    title = kb.documents[doc.kind].text(lang).title
    if not doc.label:
        return title
    return f"{title} ({html_decoration.quote(doc.label) if html else doc.label})"


def reminder_message(
    kb: KnowledgeBase, t: Translator, doc: Document, left: int, today: date
) -> tuple[str, InlineKeyboardMarkup]:
    lang = t.lang
    name = document_name(kb, doc, lang)
    expiry = format_date(doc.expires_on, lang)
    buttons = InlineKeyboardBuilder()
    if left < 0:
        text = t("reminder-expired", document=name, date=expiry)
        penalties = kb.topics[PENALTIES_TOPIC].text(lang).title
        buttons.button(text=f"⚖️ {penalties}", callback_data=TopicCb(id=PENALTIES_TOPIC))
        buttons.button(
            text=t("reminder-btn-renewed"), callback_data=DocCb(action="renewed", id=doc.id)
        )
        buttons.button(text=t("menu-operator"), callback_data=MenuCb(action="operator"))
        buttons.adjust(1)
        return text, buttons.as_markup()
    kind = kb.documents[doc.kind]
    start_by = doc.expires_on - timedelta(days=kind.lead_days)
    if kind.monthly:
        text = t("reminder-payment-due", document=name, date=expiry, days=left)
        buttons.button(text=t("reminder-btn-paid"), callback_data=DocCb(action="paid", id=doc.id))
    else:
        text = t("reminder-upcoming", document=name, date=expiry, days=left)
        text += "\n" + t(
            f"reminder-start-{start_advice(start_by, today)}", date=format_date(start_by, lang)
        )
    buttons.button(text=t("reminder-btn-renewed"), callback_data=DocCb(action="renewed", id=doc.id))
    buttons.button(text=t("reminder-btn-tomorrow"), callback_data=DocCb(action="snooze", id=doc.id))
    buttons.button(
        text=t("reminder-btn-checklist"), callback_data=DocCb(action="checklist", id=doc.id)
    )
    buttons.adjust(1)
    return text, buttons.as_markup()


@dataclass
class ReminderService:
    db: Database
    content: Content
    i18n: I18n
    settings: Settings
    delivery: Delivery
    bot: Bot
    batch: int = 500
    concurrency: int = 16
    _stopping: bool = field(default=False, init=False)
    _idle: asyncio.Event = field(default_factory=asyncio.Event, init=False)

    def __post_init__(self) -> None:
        self._idle.set()

    def start(self) -> None:
        """Claims again after a `stop()` (this process leads again)."""
        self._stopping = False

    async def stop(self) -> None:
        """Claims nothing more and waits for the reminders being sent to be recorded."""
        self._stopping = True
        await self._idle.wait()

    async def send_due(self, now: datetime) -> int:
        """Sends every reminder due at `now`; returns how many were delivered."""
        self._idle.clear()
        try:
            return await self._send_due(now)
        finally:
            self._idle.set()

    async def _send_due(self, now: datetime) -> int:
        gate = asyncio.Semaphore(self.concurrency)

        async def one(item: DueReminder) -> bool:
            async with gate:
                return await self._send_one(item, now)

        delivered = 0
        while not self._stopping and (
            due := await claim_due_reminders(self.db, int(now.timestamp()), self.batch)
        ):
            delivered += sum(await asyncio.gather(*(one(item) for item in due)))
            if len(due) < self.batch:
                break
        return delivered

    async def _send_one(self, item: DueReminder, now: datetime) -> bool:
        doc = item.document
        stamp = int(now.timestamp())
        if self._stopping:
            await release_reminders(self.db, [doc.id])
            return False
        tz = timezone_of(item, self.settings)
        left = days_left(doc.expires_on, now, tz)
        t = self.i18n.translator(language_of(item, self.settings))
        kb = self.content.kb
        text, markup = reminder_message(kb, t, doc, left, now.astimezone(tz).date())
        try:
            await self.delivery.to_user(
                doc.user_id, lambda: self.bot.send_message(doc.user_id, text, reply_markup=markup)
            )
        except RecipientGone:
            log.info("user %s is gone; their reminders stop", doc.user_id)
            return False
        except Exception as e:
            # Released for a later try, whatever went wrong: a claim is never left behind.
            failures = await reminder_failed(self.db, doc.id, stamp)
            log.warning(
                "reminder for document %s failed (%s), try %s",
                doc.id,
                summary(e),
                failures,
                exc_info=None if isinstance(e, TELEGRAM_ERRORS) else e,
            )
            return False
        custom = tuple(json.loads(item.reminder_days)) if item.reminder_days else None
        following = (
            None
            if left < 0
            else next_due(
                kb,
                doc.kind,
                doc.expires_on,
                timezone=tz.key,
                hour=item.reminder_hour,
                custom_days=custom,
                after=now,
            )
        )
        await reminder_sent(self.db, doc.id, left, stamp, following)
        return True
