"""A fake Telegram Bot API server on 127.0.0.1: the unchanged bot process long-polls it, or sets
a webhook and has its updates posted to it.

Tests act as users through `server.telegram` (a LocalTelegram): `send_text`, `press_button`,
`inline_query`, then `wait_for` the bot's answer among the recorded calls.

Webhook delivery follows Telegram: once setWebhook names a URL, getUpdates is refused (409) and
each update is POSTed to the URL as JSON with the `X-Telegram-Bot-Api-Secret-Token` header, up
to `max_connections` at once, oldest first; an update is forgotten only when the webhook answers
200, otherwise it is posted again after a growing wait. `deliveries` records every attempt.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

from bot.local_api import ConnectionBroken, LocalTelegram

TEST_TOKEN = "123456789:TEST-token-for-the-fake-api_0123456789"


RETRY_FIRST_WAIT = 0.2
RETRY_LONGEST_WAIT = 2.0


@dataclass(frozen=True, slots=True)
class Delivery:
    update_id: int
    status: int | None  # None: no HTTP answer (refused, reset, timed out)


class FakeTelegramServer:
    def __init__(self, token: str = TEST_TOKEN, telegram: LocalTelegram | None = None) -> None:
        self.token = token
        self.telegram = telegram or LocalTelegram()
        self.url = ""
        self.polls = 0
        self._polled = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.deliveries: list[Delivery] = []
        self.bodies: set[tuple[str, str]] = set()  # (method, content type) of the calls seen
        self._delivering: asyncio.Task[None] | None = None

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/loop/{path:.*}", self._redirect_loop)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.url = f"http://{host}:{server.sockets[0].getsockname()[1]}"
        self._delivering = asyncio.create_task(self._deliver_to_webhook())
        return self.url

    async def wait_for_poll(self, since: int, timeout: float = 90.0) -> None:
        """Waits for a getUpdates after the first `since` ones: a bot that polls has finished
        its start-up (aiogram runs every start-up hook before the first poll)."""
        async with asyncio.timeout(timeout):
            while self.polls <= since:
                self._polled.clear()
                await self._polled.wait()

    async def stop(self) -> None:
        if self._delivering is not None:
            self._delivering.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivering
            self._delivering = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegramServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        files: dict[str, tuple[str, bytes]] = {}
        self.bodies.add((method, request.content_type))
        if request.content_type == "application/json":
            # As the Bot API server reads a JSON body: strings as they are, other values as JSON.
            for key, value in (await request.json()).items():
                params[key] = value if isinstance(value, str) else json.dumps(value)
        elif request.can_read_body:
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
                else:
                    params[key] = value
        if method.lower() == "getupdates" and self.telegram.webhook is not None:
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 409,
                    "description": "Conflict: can't use getUpdates method while webhook is "
                    "active; use deleteWebhook to delete the webhook first",
                },
                status=409,
            )
        if method.lower() == "getupdates":
            self.polls += 1
            self._polled.set()
            updates = await self.telegram.get_updates(
                offset=int(params.get("offset", 0)),
                timeout=min(float(params.get("timeout", 0)), 30.0),
                limit=int(params.get("limit", 100)),
            )
            return web.json_response({"ok": True, "result": updates})
        try:
            status, body = self.telegram.handle(method, params, files)
        except ConnectionBroken as e:
            if e.how == "timeout":
                await asyncio.sleep(3600)
            if e.how == "redirects":
                raise web.HTTPFound(f"/loop{request.path}") from None
            assert request.transport is not None
            request.transport.abort()  # the client sees the connection reset
            return web.Response()
        content_type = "text/html" if body.startswith("<") else "application/json"
        return web.Response(text=body, status=status, content_type=content_type)

    async def _redirect_loop(self, request: web.Request) -> web.Response:
        raise web.HTTPFound(request.path)

    async def _deliver_to_webhook(self) -> None:
        in_flight: dict[int, asyncio.Task[None]] = {}
        attempts: dict[int, int] = {}
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
            while True:
                hook = self.telegram.webhook
                if hook is not None:
                    room = int(hook["max_connections"]) - len(in_flight)
                    waiting = [
                        u for u in self.telegram.undelivered() if u["update_id"] not in in_flight
                    ]
                    for update in waiting[: max(room, 0)]:
                        update_id = update["update_id"]
                        attempt = attempts[update_id] = attempts.get(update_id, 0) + 1
                        in_flight[update_id] = task = asyncio.create_task(
                            self._post(session, hook, update, attempt)
                        )
                        task.add_done_callback(lambda _, i=update_id: in_flight.pop(i, None))
                await self.telegram._wait_change(0.5)

    async def _post(
        self, session: aiohttp.ClientSession, hook: dict[str, Any], update: dict[str, Any], n: int
    ) -> None:
        headers = {}
        if secret := hook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = str(secret)
        status: int | None = None
        try:
            async with session.post(hook["url"], json=update, headers=headers) as response:
                status = response.status
                await response.read()
        except (aiohttp.ClientError, TimeoutError):
            pass
        self.deliveries.append(Delivery(update["update_id"], status))
        if status == 200:
            self.telegram.confirm(update["update_id"])
            return
        await asyncio.sleep(min(RETRY_FIRST_WAIT * 2 ** (n - 1), RETRY_LONGEST_WAIT))
        self.telegram._notify()  # the update may be posted again
