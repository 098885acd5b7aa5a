"""Assembly: services, Bot and Dispatcher, built by functions so that tests build their own."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import LinkPreviewOptions

import handlers
from bot.clock import Clock, SystemClock
from bot.commands import register_commands
from bot.i18n import I18n
from bot.middlewares import ThrottlingMiddleware, UserContextMiddleware
from bot.settings import Settings
from faq import KnowledgeBase, load_knowledge_base
from faq.matcher import Matcher
from storage.database import Database

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    db: Database
    kb: KnowledgeBase
    matcher: Matcher
    i18n: I18n = field(default_factory=I18n)
    clock: Clock = field(default_factory=SystemClock)


def create_services(settings: Settings, clock: Clock | None = None) -> Services:
    kb = load_knowledge_base()
    return Services(
        settings=settings,
        db=Database(settings.database_path),
        kb=kb,
        matcher=Matcher(kb),
        clock=clock or SystemClock(),
    )


def create_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    if session is None:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(
        token=settings.bot_token or "1:offline",
        session=session,
        default=DefaultBotProperties(
            parse_mode=ParseMode.HTML, link_preview=LinkPreviewOptions(is_disabled=True)
        ),
    )


def _detached(router: Router) -> Router:
    # aiogram lets a router belong to one parent; a test run builds several dispatchers.
    if (parent := router.parent_router) is not None:
        parent.sub_routers.remove(router)
        router._parent_router = None
    return router


async def _on_startup(bot: Bot, db: Database, i18n: I18n) -> None:
    await db.connect()
    await register_commands(bot, i18n)
    log.info("bot started")


async def _on_shutdown(db: Database) -> None:
    await db.close()
    log.info("bot stopped, database closed")


def create_dispatcher(services: Services, *, throttle: bool = True) -> Dispatcher:
    dp = Dispatcher(
        storage=MemoryStorage(),
        settings=services.settings,
        db=services.db,
        kb=services.kb,
        matcher=services.matcher,
        i18n=services.i18n,
        clock=services.clock,
    )
    dp.update.outer_middleware(
        UserContextMiddleware(services.db, services.i18n, services.settings, services.clock)
    )
    if throttle:
        dp.message.outer_middleware(ThrottlingMiddleware())
    dp.include_routers(*(_detached(r) for r in handlers.routers()))
    dp.startup.register(_on_startup)
    dp.shutdown.register(_on_shutdown)
    return dp
