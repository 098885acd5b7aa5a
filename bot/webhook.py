"""Updates by webhook: Telegram POSTs each one to `WEBHOOK_BASE_URL/webhook`, aiogram's aiohttp
handler answers 200 at once and handles it in the background (a user's flood being paced must
not hold one of Telegram's connections and stall everyone else).

- A request without the right `X-Telegram-Bot-Api-Secret-Token` header gets 401.
- At most `concurrency` updates are handled at once, the place taken after the flood brake as in
  polling; at most `backlog` wait in memory. Beyond that, and while stopping, a request gets 503
  and Telegram posts it again later (to this worker or another on the same port).
- Workers share the port (SO_REUSEPORT); the webhook is registered once, before they start
  (`register_webhook`), never by a worker.
- SIGTERM/SIGINT: stop listening (the port's other workers go on receiving), let the updates
  under way finish (`grace` seconds at most: aiogram's background handling alone would not wait
  for them), then the dispatcher's shutdown stops the jobs and closes the database and Redis,
  then the HTTP session is closed.

Unlike polling's inbox, an update is Telegram's no longer once answered 200: a crash (`kill -9`)
loses the updates being handled at that instant. A stop loses none. Updates that polling kept in
its inbox but had not handled when it last stopped are handled at start-up (given `inbox`, the
single process's database), so switching from polling to a webhook loses nothing either.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bot.settings import Webhook
from bot.startup import StartupError
from bot.update_loop import UpdateLoop
from storage.database import Database
from storage.inbox import mark_handled, pending_updates

log = logging.getLogger(__name__)


async def register_webhook(bot: Bot, webhook: Webhook, update_types: list[str]) -> None:
    """Tells Telegram where to post updates (once per start, whatever the number of workers)."""
    await bot.set_webhook(
        webhook.url,
        secret_token=webhook.secret,
        allowed_updates=update_types,
        drop_pending_updates=False,
    )
    log.info("webhook registered at %s", webhook.url)


class _UpdateHandler(SimpleRequestHandler):
    def __init__(self, dp: Dispatcher, bot: Bot, secret: str, backlog: int, **data: Any) -> None:
        super().__init__(dp, bot, handle_in_background=True, secret_token=secret, **data)
        self.backlog = backlog
        self.accepting = True

    @property
    def under_way(self) -> set[asyncio.Task[Any]]:
        return self._background_feed_update_tasks

    async def handle(self, request: web.Request) -> web.Response:
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not self.verify_secret(secret, self.bot):
            return web.Response(body="Unauthorized", status=401)
        if not self.accepting or len(self.under_way) >= self.backlog:
            return web.Response(body="Busy: try again", status=503)
        return await self._handle_request_background(bot=self.bot, request=request)

    async def _background_feed_update(self, bot: Bot, update: dict[str, Any]) -> None:
        try:
            await super()._background_feed_update(bot, update)
        except Exception:
            # The errors router has had its say; running it again would fail again.
            log.exception("update %s failed", update.get("update_id"))

    async def close(self) -> None:
        """The session outlives the server: the dispatcher's shutdown may still send."""


class WebhookServer(UpdateLoop):
    def __init__(
        self,
        dp: Dispatcher,
        bot: Bot,
        webhook: Webhook,
        *,
        shared_port: bool = False,
        concurrency: int = 10,
        backlog: int = 500,
        grace: float = 12.0,
        inbox: Database | None = None,
    ) -> None:
        super().__init__(dp, bot, concurrency=concurrency, grace=grace)
        self.webhook, self.inbox = webhook, inbox
        self.shared_port, self.backlog = shared_port, backlog

    async def run(self) -> None:
        """Start-up, serving until `stop()` or a signal, then an orderly shutdown."""
        self._catch_signals()
        data = {"dispatcher": self.dp, "bots": (self.bot,), **self.dp.workflow_data}
        handler = _UpdateHandler(self.dp, self.bot, self.webhook.secret, self.backlog)
        app = web.Application()
        app.router.add_post(self.webhook.path, handler.handle)
        runner = web.AppRunner(app, handle_signals=False, access_log=None)
        try:
            await self.dp.emit_startup(bot=self.bot, **data)
            try:
                await runner.setup()
                await self._handle_leftovers(handler.under_way)
                site = await self._listen(runner)
                await self._stop.wait()
                handler.accepting = False
                await site.stop()
                await self._drain(handler.under_way, "Telegram posts them again")
            finally:
                await runner.cleanup()
                await self.dp.emit_shutdown(bot=self.bot, **data)
        finally:
            self._release_signals()
            await self.bot.session.close()

    async def _listen(self, runner: web.AppRunner) -> web.TCPSite:
        host, port = self.webhook.host, self.webhook.port
        site = web.TCPSite(runner, host, port, reuse_port=self.shared_port or None)
        try:
            await site.start()
        except OSError as e:
            reason = e.strerror or type(e).__name__
            raise StartupError(f"cannot listen on WEBHOOK_LISTEN={host}:{port}: {reason}") from None
        log.info("taking updates at %s:%s%s", host, port, self.webhook.path)
        return site

    async def _handle_leftovers(self, under_way: set[asyncio.Task[Any]]) -> None:
        if self.inbox is None:
            return
        leftovers = await pending_updates(self.inbox)
        if leftovers:
            log.warning("%s update(s) not handled at the last stop: handling them", len(leftovers))
        for update_id, payload in leftovers:
            task = asyncio.create_task(self._handle_leftover(update_id, payload))
            under_way.add(task)
            task.add_done_callback(under_way.discard)

    async def _handle_leftover(self, update_id: int, payload: str) -> None:
        assert self.inbox is not None
        try:
            update = Update.model_validate_json(payload, context={"bot": self.bot})
            response = await self.dp.feed_update(self.bot, update)
            if isinstance(response, TelegramMethod):
                await self.bot(response)
        except Exception:
            log.exception("update %s failed", update_id)
        await mark_handled(self.inbox, update_id, int(time.time()))
