"""The composition root: services, Bot and Dispatcher, built by functions so tests build their own.

Every service exists before start-up and reaches handlers by name through the Dispatcher's
workflow data (`Dispatcher(**services.by_name())`); no handler sees the container. Start-up
connects the database and starts the jobs; shutdown stops them and closes it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram.types import LinkPreviewOptions
from apscheduler.schedulers.asyncio import AsyncIOScheduler

import handlers
from bot.broadcasts import BroadcastEngine
from bot.callback_answers import AnswerEveryCallback, record_answers
from bot.clock import Clock, SystemClock
from bot.commands import register_commands, register_descriptions
from bot.content import Content
from bot.delivery import Delivery
from bot.filters import check_filters_in_loop, gate_command_routers
from bot.flood import FloodPace, LocalFloodPace, RedisFloodPace
from bot.handoff import HandoffDesk
from bot.i18n import I18n
from bot.isolation import PerChatIsolation, ProcessThenShared
from bot.json_session import JsonSession
from bot.leader import Leader
from bot.matcher_cache import MatcherCache
from bot.middlewares import ThrottlingMiddleware, UserContextMiddleware
from bot.reminders import ReminderService
from bot.response_types import keep_response_types
from bot.retry import RetryMiddleware
from bot.sender import Sender, SharedPace
from bot.settings import Settings
from bot.ticker import Ticker
from faq.matcher import Learned
from storage.broadcasts import BROADCASTS_CHANNEL
from storage.database import Database
from storage.documents import release_claims
from storage.fsm import DatabaseStorage
from storage.questions import delete_old_questions
from storage.reviews import taught

if TYPE_CHECKING:
    from redis.asyncio import Redis

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The bot and everything its handlers may ask for, each under the name handlers use."""

    bot: Bot
    settings: Settings
    db: Database
    content: Content
    i18n: I18n
    clock: Clock
    sender: Sender
    scheduler: AsyncIOScheduler
    reminders: ReminderService
    broadcasts: BroadcastEngine
    desk: HandoffDesk
    redis: Redis | None = None  # with REDIS_URL: FSM state and the flood brake live there

    def by_name(self) -> dict[str, Any]:
        """The Dispatcher's workflow data: every service but the bot (aiogram passes that one)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "bot"}


def create_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    if session is None:
        session = JsonSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(
        token=settings.bot_token or "1:offline",
        session=session,
        default=DefaultBotProperties(
            parse_mode=ParseMode.HTML, link_preview=LinkPreviewOptions(is_disabled=True)
        ),
    )


def create_services(
    settings: Settings, bot: Bot, clock: Clock | None = None, content: Content | None = None
) -> Services:
    clock = clock or SystemClock()
    content = content or Content.load(cache=MatcherCache(settings.database_path.parent / "cache"))
    db = Database(settings.database_url)
    i18n = I18n()
    redis = _connect_redis(settings.redis_url) if settings.redis_url else None
    sender = Sender(settings.bulk_rate, _shared_pace(redis, settings, bot) if redis else None)
    bot.session.middleware(RetryMiddleware(sender))
    bot.session.middleware(record_answers)
    bot.session.middleware(keep_response_types)
    delivery = Delivery(sender, db)
    scheduler = AsyncIOScheduler(timezone=UTC)
    return Services(
        bot,
        settings,
        db,
        content,
        i18n,
        clock,
        sender,
        scheduler,
        reminders=ReminderService(db, content, i18n, settings, delivery, bot),
        broadcasts=BroadcastEngine(db, i18n, settings, delivery, bot, clock, scheduler),
        desk=HandoffDesk(bot, db, content, i18n, settings, clock, delivery),
        redis=redis,
    )


# Redis's client takes half a second to import: only a bot configured with REDIS_URL pays it.
def _connect_redis(url: str) -> Redis:
    from storage.redis_fsm import connect_redis

    return connect_redis(url)


def _shared_pace(redis: Redis, settings: Settings, bot: Bot) -> SharedPace:
    from bot.shared_pace import RedisSendPace

    return RedisSendPace(
        redis, settings.broadcast_rate, settings.bulk_rate, prefix=f"pace:{bot.id}"
    )


def _detached(router: Router) -> Router:
    # aiogram lets a router belong to one parent; a test run builds several dispatchers.
    if (parent := router.parent_router) is not None:
        parent.sub_routers.remove(router)
        router._parent_router = None
    return router


REMINDER_CHECK_SECONDS = 60


async def _check_reminders(reminders: ReminderService, clock: Clock) -> None:
    try:
        sent = await reminders.send_due(clock.now())
    except Exception:
        log.exception("the reminder check failed; the next one will try again")
        return
    if sent:
        log.info("sent %s reminder(s)", sent)


RETENTION_CHECK_HOURS = 24


async def _delete_old_questions(db: Database, clock: Clock, keep_days: int) -> None:
    try:
        deleted = await delete_old_questions(db, clock.now(), keep_days)
    except Exception:
        log.exception("deleting old questions failed; tomorrow's run will try again")
        return
    if deleted:
        log.info("deleted %s question(s) older than %s days", deleted, keep_days)


def _add_retention_job(services: Services) -> None:
    """Questions older than QUESTION_RETENTION_DAYS are deleted once a day (and at start-up)."""
    services.scheduler.add_job(
        _delete_old_questions,
        "interval",
        args=[services.db, services.clock, services.settings.question_retention_days],
        hours=RETENTION_CHECK_HOURS,
        id="question-retention",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=RETENTION_CHECK_HOURS * 3600,
        next_run_time=datetime.now(UTC),
    )


def _lifecycle(services: Services, run_jobs: bool) -> tuple[object, object]:
    ticker = Ticker(
        lambda: _check_reminders(services.reminders, services.clock), REMINDER_CHECK_SECONDS
    )
    scheduler = services.scheduler

    async def lead() -> None:
        services.db.sole_claimer = True
        now = int(services.clock.now().timestamp())
        if released := await release_claims(services.db, now):
            log.warning("%s reminder(s) were mid-send when the last leader stopped", released)
        services.reminders.start()
        ticker.start()
        _add_retention_job(services)
        if scheduler.running:
            scheduler.resume()
        else:
            scheduler.start()
        services.broadcasts.leading = True
        await services.broadcasts.sync()

    async def step_down() -> None:
        # APScheduler cancels running asyncio jobs when it shuts down: first let the reminders
        # and broadcast messages in flight be recorded, or they would go out again.
        services.broadcasts.leading = False
        if scheduler.running:
            scheduler.pause()
        await services.reminders.stop()
        await ticker.stop()
        await services.broadcasts.stop()
        if scheduler.running:
            scheduler.remove_all_jobs()
        services.db.sole_claimer = False

    leader = Leader(
        services.settings.database_url,
        BROADCASTS_CHANNEL,
        lead,
        step_down,
        services.broadcasts.sync,
    )

    async def on_startup(bot: Bot) -> None:
        await services.db.connect()
        services.content.keep_built()
        await services.content.learn(
            [Learned(r.question, r.topic_id) for r in await taught(services.db)]
        )
        now = int(services.clock.now().timestamp())
        if released := await release_claims(services.db, now):
            log.warning("%s reminder(s) were mid-send at the last stop: sending again", released)
        await register_commands(bot, services.i18n, services.settings.admin_ids)
        await register_descriptions(bot, services.i18n, services.settings.default_language)
        if run_jobs:
            await leader.start()
        log.info("bot started")

    async def on_shutdown() -> None:
        await leader.stop()
        await services.reminders.stop()
        await services.broadcasts.stop()
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await services.db.close()
        log.info("bot stopped, database closed")

    return on_startup, on_shutdown


def used_update_types() -> list[str]:
    """The update types the handlers take (for setWebhook), without building any service."""
    dp = Dispatcher()
    dp.include_routers(*(_detached(r) for r in handlers.routers()))
    return dp.resolve_used_update_types()


def create_dispatcher(
    services: Services, *, throttle: bool = True, run_jobs: bool = True
) -> Dispatcher:
    """The dispatcher with every router; `run_jobs=False` leaves the reminder job to the caller."""
    storage: BaseStorage
    if services.redis is not None:
        from storage.redis_fsm import RedisFSMStorage

        # aiogram closes the storage, and with it the Redis client, at shutdown.
        storage = RedisFSMStorage(services.redis)
        isolation: BaseEventIsolation = ProcessThenShared(storage.create_isolation())
        pace: FloodPace = RedisFloodPace(services.redis)
    else:
        storage = DatabaseStorage(services.db, now=lambda: services.clock.now().timestamp())
        isolation, pace = PerChatIsolation(), LocalFloodPace()
    dp = Dispatcher(storage=storage, events_isolation=isolation, **services.by_name())
    dp.update.outer_middleware(UserContextMiddleware())
    dp.callback_query.outer_middleware(AnswerEveryCallback())
    if throttle:
        dp.message.outer_middleware(ThrottlingMiddleware(pace))
    dp.include_routers(*(_detached(r) for r in handlers.routers()))
    gate_command_routers(dp)
    check_filters_in_loop(dp)
    on_startup, on_shutdown = _lifecycle(services, run_jobs)
    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    return dp
