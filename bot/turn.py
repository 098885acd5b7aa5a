"""What a handler of a user's update usually needs, gathered once per update."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.fsm.context import FSMContext

from bot.clock import Clock
from bot.i18n import Translator
from bot.preferences import timezone_of
from bot.settings import Settings
from faq.model import KnowledgeBase
from storage.database import Database
from storage.users import User


@dataclass(frozen=True, slots=True)
class Turn:
    """The user's update in context: services, the user, their language and FSM state."""

    bot: Bot
    db: Database
    kb: KnowledgeBase
    settings: Settings
    clock: Clock
    state: FSMContext
    user: User
    lang: str
    t: Translator

    @property
    def timezone(self) -> ZoneInfo:
        return timezone_of(self.user, self.settings)

    def today(self) -> date:
        """The user's own date now, in their time zone."""
        return self.clock.now().astimezone(self.timezone).date()
