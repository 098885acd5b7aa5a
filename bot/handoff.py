"""The hand-off desk: conversations between a user and the operators' group.

The user's question goes to the operators' group (OPERATOR_CHAT_ID) under a card saying who asks;
an operator's reply to the card, or to any message of the conversation in the group, is copied to
the user; whatever the user writes meanwhile joins the conversation, until it is closed. Which
group message belongs to which conversation is in SQLite (storage/handoff.py), so replies find
their user after a restart. Everyone in the group may answer there: the group is the access
control. The group reads the bot's DEFAULT_LANGUAGE, whoever the user is.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup, Message, ReplyParameters
from aiogram.types import User as TgUser
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import HandoffCb
from bot.clock import Clock
from bot.content import Content
from bot.dates import format_date, weekday_names
from bot.delivery import Delivery
from bot.i18n import LANGUAGE_NAMES, I18n, Translator
from bot.menus import main_menu
from bot.preferences import language_of, timezone_of
from bot.reminders import document_name
from bot.schedule import days_left
from bot.sender import RecipientGone
from bot.settings import Settings
from bot.telegram_errors import TELEGRAM_ERRORS, summary
from bot.timezones import zone_name
from storage.database import Database
from storage.documents import user_documents
from storage.handoff import (
    Thread,
    close_thread,
    drop_thread,
    get_thread,
    open_thread,
    open_thread_of,
    record_message,
    set_card,
    thread_for_message,
    thread_messages,
)
from storage.users import User, get_user

log = logging.getLogger(__name__)

CARD_QUESTION_CHARS = 3000  # longer questions are cut in the card and copied in full below it


def _reply_to(message_id: int | None) -> ReplyParameters | None:
    if message_id is None:
        return None
    return ReplyParameters(message_id=message_id, allow_sending_without_reply=True)


def _display_name(tg_user: TgUser | None, fallback: str = "") -> str:
    return html_decoration.quote((tg_user.full_name if tg_user else "") or fallback or "?")


@dataclass(frozen=True, slots=True)
class HandoffDesk:
    bot: Bot
    db: Database
    content: Content
    i18n: I18n
    settings: Settings
    clock: Clock
    delivery: Delivery

    # --- where -------------------------------------------------------------------------------

    @property
    def group_id(self) -> int | None:
        return self.settings.operators_group_id

    def is_group(self, chat_id: int | None) -> bool:
        return self.group_id is not None and chat_id == self.group_id

    def group_t(self) -> Translator:
        return self.i18n.translator(self.settings.operators_language)

    def unavailable_text(self, t: Translator) -> str:
        """What the user is told when there is no operators' group: the agency's contact."""
        if self.settings.agency_contact:
            contact = html_decoration.quote(self.settings.agency_contact)
            return t("operator-contact", contact=contact)
        return t("operator-unavailable")

    async def open_thread_of(self, user_id: int) -> Thread | None:
        """The user's open conversation in the operators' group, if any (one left open in a group
        that is no longer the operators' one does not count)."""
        thread = await open_thread_of(self.db, user_id)
        return thread if thread is not None and self.is_group(thread.chat_id) else None

    async def thread_replied_to(self, message: Message) -> Thread | None:
        """The conversation a message in the operators' group replies to, if any."""
        replied = message.reply_to_message
        if replied is None or not self.is_group(message.chat.id):
            return None
        return await thread_for_message(self.db, message.chat.id, replied.message_id)

    def _now(self) -> int:
        return int(self.clock.now().timestamp())

    # --- the user's side ---------------------------------------------------------------------

    async def open(
        self, user: User, tg_user: TgUser | None, question: str, message: Message | None
    ) -> tuple[str, InlineKeyboardMarkup | None]:
        """Opens the conversation and posts its card (and the message itself when the card can't
        hold it); returns what to tell the user. A user with an open conversation adds to it."""
        t = self.i18n.translator(language_of(user, self.settings))
        chat_id = self.group_id
        if chat_id is None:
            return self.unavailable_text(t), main_menu(t)
        thread, new = await open_thread(self.db, user.id, chat_id, question, self._now())
        if not new:
            if message is not None and not await self.forward(message, thread):
                return t("handoff-not-delivered"), None
            return t("handoff-already-open"), self.end_button(t, thread)
        gt = self.group_t()
        text = await self.card_text(gt, thread, user, tg_user, question)
        close = InlineKeyboardBuilder()
        close.button(
            text=gt("handoff-btn-close"), callback_data=HandoffCb(action="close", id=thread.id)
        )
        try:
            card = await self.bot.send_message(chat_id, text, reply_markup=close.as_markup())
        except TELEGRAM_ERRORS as e:
            log.warning("could not post hand-off #%s in the group: %s", thread.id, summary(e))
            await drop_thread(self.db, thread.id)
            contact = "\n" + self.unavailable_text(t) if self.settings.agency_contact else ""
            return t("handoff-failed") + contact, main_menu(t)
        await set_card(self.db, thread.id, card.message_id, self._now())
        thread = await get_thread(self.db, thread.id) or thread
        if message is not None and (message.text is None or len(question) > CARD_QUESTION_CHARS):
            await self.forward(message, thread)  # media, or cut in the card
        log.info("hand-off #%s opened for user %s", thread.id, user.id)
        expect = self.when_to_expect(t, user)
        return t("handoff-opened") + (f"\n\n{expect}" if expect else ""), self.end_button(t, thread)

    def end_button(self, t: Translator, thread: Thread) -> InlineKeyboardMarkup:
        end = InlineKeyboardBuilder()
        end.button(text=t("handoff-btn-end"), callback_data=HandoffCb(action="end", id=thread.id))
        return end.as_markup()

    def when_to_expect(self, t: Translator, user: User) -> str:
        """The operators' hours, and when it is outside them, when they will be back (in the
        user's time zone); empty without OPERATOR_HOURS."""
        hours = self.settings.operator_hours
        if hours is None:
            return ""
        now = self.clock.now()
        described = hours.describe(weekday_names(t.lang))
        zone = zone_name(ZoneInfo(hours.zone), t.lang, now)
        if hours.is_open(now):
            return t("handoff-hours-open", hours=described, zone=zone)
        back = hours.next_opening(now).astimezone(timezone_of(user, self.settings))
        return t(
            "handoff-hours-closed",
            hours=described,
            zone=zone,
            date=format_date(back.date(), t.lang),
            time=back.strftime("%H:%M"),
        )

    async def forward(self, message: Message, thread: Thread) -> bool:
        """Copies the user's message into the group as a reply to the card; False if it failed."""
        try:
            copied = await self.bot.copy_message(
                chat_id=thread.chat_id,
                from_chat_id=message.chat.id,
                message_id=message.message_id,
                reply_parameters=_reply_to(thread.card_message_id),
            )
        except TELEGRAM_ERRORS as e:
            log.warning(
                "hand-off #%s: a message not copied to the group: %s", thread.id, summary(e)
            )
            return False
        await record_message(
            self.db, thread.chat_id, copied.message_id, thread.id, "user", self._now()
        )
        return True

    async def card_text(
        self, t: Translator, thread: Thread, user: User, tg_user: TgUser | None, question: str
    ) -> str:
        """Who asks (name, language, saved documents with days left) and what."""
        username = f" @{tg_user.username}" if tg_user and tg_user.username else ""
        lines = [
            t("handoff-card-header", thread=thread.id),
            t(
                "handoff-card-user",
                id=user.id,
                name=_display_name(tg_user, user.first_name),
                username=html_decoration.quote(username),
            ),
            t("handoff-card-language", language=LANGUAGE_NAMES[language_of(user, self.settings)]),
        ]
        docs = await user_documents(self.db, user.id)
        if docs:
            tz, now, kb = timezone_of(user, self.settings), self.clock.now(), self.content.kb
            lines.append(t("handoff-card-documents"))
            for doc in docs:
                left = days_left(doc.expires_on, now, tz)
                lines.append(
                    t(
                        "handoff-card-document" if left >= 0 else "handoff-card-document-expired",
                        document=document_name(kb, doc, t.lang),
                        date=format_date(doc.expires_on, t.lang),
                        days=left,
                    )
                )
        else:
            lines.append(t("handoff-card-no-documents"))
        cut = len(question) > CARD_QUESTION_CHARS
        shown = question[:CARD_QUESTION_CHARS] + ("…" if cut else "")
        body = html_decoration.quote(shown) if shown.strip() else t("handoff-card-see-below")
        lines += ["", t("handoff-card-question"), body, "", t("handoff-card-hint")]
        return "\n".join(lines)

    # --- the group's side --------------------------------------------------------------------

    async def reply(self, message: Message, thread: Thread) -> None:
        """Copies a reply written in the group to the user; the group hears when it could not."""
        gt = self.group_t()
        if not thread.is_open:
            await message.reply(gt("handoff-op-already-closed", thread=thread.id))
            return
        user = await get_user(self.db, thread.user_id)
        t = self.i18n.translator(language_of(user, self.settings) if user else gt.lang)
        kinds = [kind for _, kind in await thread_messages(self.db, thread.id)]
        label = t("handoff-from-operator") if not kinds or kinds[-1] != "operator" else None

        try:
            if label:
                await self.delivery.to_user(
                    thread.user_id, lambda: self.bot.send_message(thread.user_id, label)
                )
            await self.delivery.to_user(
                thread.user_id,
                lambda: self.bot.copy_message(
                    chat_id=thread.user_id,
                    from_chat_id=message.chat.id,
                    message_id=message.message_id,
                    reply_markup=self.end_button(t, thread),
                ),
            )
        except RecipientGone:
            name = html_decoration.quote(user.first_name if user and user.first_name else "?")
            await message.reply(gt("handoff-op-blocked", name=name))
            return
        except TELEGRAM_ERRORS as e:
            why = summary(e)
            log.warning(
                "hand-off #%s: a reply from the group was not delivered: %s", thread.id, why
            )
            await message.reply(gt("handoff-op-failed", error=html_decoration.quote(why)))
            return
        # The reply is part of the conversation too: replying to it reaches the same user.
        await record_message(
            self.db, message.chat.id, message.message_id, thread.id, "operator", self._now()
        )

    async def close(self, thread: Thread, closed_by: TgUser) -> bool:
        """An operator closes the conversation: the button comes off its card and both sides are
        told; False if it was closed already."""
        note = self.group_t()("handoff-op-closed", thread=thread.id, name=_display_name(closed_by))
        if not await self._shut(thread, note):
            return False
        user = await get_user(self.db, thread.user_id)
        if user is not None:
            t = self.i18n.translator(language_of(user, self.settings))
            await self.tell_user(user.id, t("handoff-closed"), main_menu(t))
        log.info("hand-off #%s closed by %s", thread.id, closed_by.id)
        return True

    async def end_by_user(self, thread: Thread) -> bool:
        """The user ends the conversation ("End chat", /cancel); the group is told. False if it
        was closed already."""
        if not await self._shut(thread, self.group_t()("handoff-op-user-ended", thread=thread.id)):
            return False
        log.info("hand-off #%s ended by the user", thread.id)
        return True

    async def _shut(self, thread: Thread, note: str) -> bool:
        if not await close_thread(self.db, thread.id, self._now()):
            return False
        if thread.card_message_id is not None:
            try:
                await self.bot.edit_message_reply_markup(
                    chat_id=thread.chat_id, message_id=thread.card_message_id, reply_markup=None
                )
            except TELEGRAM_ERRORS as e:
                log.debug("hand-off #%s: the card keeps its button: %s", thread.id, summary(e))
        try:
            await self.bot.send_message(
                thread.chat_id, note, reply_parameters=_reply_to(thread.card_message_id)
            )
        except TELEGRAM_ERRORS as e:
            log.warning(
                "hand-off #%s: closing not confirmed in the group: %s", thread.id, summary(e)
            )
        return True

    async def tell_user(
        self, user_id: int, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> bool:
        """Sends to the user at the shared pace; False if it failed (a user who is gone is marked
        blocked)."""
        try:
            await self.delivery.to_user(
                user_id, lambda: self.bot.send_message(user_id, text, reply_markup=markup)
            )
        except RecipientGone:
            return False
        except TELEGRAM_ERRORS as e:
            log.warning("could not tell user %s about their hand-off: %s", user_id, summary(e))
            return False
        return True
