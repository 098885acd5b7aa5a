"""A fake Telegram Bot API server on 127.0.0.1: the unchanged bot process long-polls it.

Tests act as users through `server.telegram` (a LocalTelegram): `send_text`, `press_button`,
`inline_query`, then `wait_for` the bot's answer among the recorded calls.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from bot.local_api import ConnectionBroken, LocalTelegram

TEST_TOKEN = "123456789:TEST-token-for-the-fake-api_0123456789"


class FakeTelegramServer:
    def __init__(self, token: str = TEST_TOKEN, telegram: LocalTelegram | None = None) -> None:
        self.token = token
        self.telegram = telegram or LocalTelegram()
        self.url = ""
        self.polls = 0
        self._polled = asyncio.Event()
        self._runner: web.AppRunner | None = None

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
        return self.url

    async def wait_for_poll(self, since: int, timeout: float = 90.0) -> None:
        """Waits for a getUpdates after the first `since` ones: a bot that polls has finished
        its start-up (aiogram runs every start-up hook before the first poll)."""
        async with asyncio.timeout(timeout):
            while self.polls <= since:
                self._polled.clear()
                await self._polled.wait()

    async def stop(self) -> None:
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
        if request.can_read_body:
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
                else:
                    params[key] = value
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
