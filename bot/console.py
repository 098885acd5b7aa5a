"""The offline console chat: the real dispatcher, handlers and database; a terminal for Telegram.

Messages the bot sends are printed; inline keyboards appear as numbered buttons, pressed by
typing the number. Input may be piped, one message a line:
`printf '/start\\nhow many days do i have to register\\n' | python -m bot`; the log goes to
LOG_FILE, unless LOG_LEVEL=DEBUG.
"""

from __future__ import annotations

import asyncio
import getpass
import logging
import os
import sys
from typing import Any, TextIO

from bot.app import create_bot, create_dispatcher, create_services
from bot.i18n import pick_language
from bot.local_api import ApiCall, FakeUser, LocalSession, LocalTelegram
from bot.settings import Settings
from bot.telegram_text import plain_text

log = logging.getLogger(__name__)
CONSOLE_USER_ID = 1
_SHOWN = {"sendmessage", "editmessagetext", "senddocument", "sendphoto", "editmessagereplymarkup"}


class ConsoleChat:
    def __init__(
        self, settings: Settings, stdin: TextIO | None = None, stdout: TextIO | None = None
    ) -> None:
        self.log_file = settings.log_file
        self.stdin = stdin or sys.stdin
        self.out = stdout or sys.stdout
        self.interactive = self.stdin.isatty()
        self.telegram = LocalTelegram()
        self.telegram.listeners.append(self._show)
        self.bot = create_bot(settings, session=LocalSession(self.telegram))
        self.dp = create_dispatcher(create_services(settings, self.bot), throttle=False)
        system_lang = (os.environ.get("LC_ALL") or os.environ.get("LANG") or "")[:2]
        self.user = FakeUser(
            id=CONSOLE_USER_ID,
            first_name=_login_name(),
            language_code=pick_language(system_lang, settings.default_language),
        )
        self.buttons: list[tuple[dict[str, Any], dict[str, Any]]] = []
        self.offset = 0

    async def run(self) -> None:
        await self.dp.emit_startup(bot=self.bot, **self.dp.workflow_data)
        intro = (
            "renewal-bot offline console (no BOT_TOKEN set). Type a message, or a button's "
            f"number to press it. Ctrl-D quits. The log is in {self.log_file}."
        )
        print(intro, file=self.out if self.interactive else sys.stderr)
        try:
            while (line := await self._read_line()) is not None:
                await self._handle_line(line)
        finally:
            await self.dp.emit_shutdown(bot=self.bot, **self.dp.workflow_data)
            await self.bot.session.close()

    async def _read_line(self) -> str | None:
        if self.interactive:
            self.out.write("\nyou> ")
            self.out.flush()
        line = await asyncio.to_thread(self.stdin.readline)
        if not line:
            return None
        return line.rstrip("\r\n")

    async def _handle_line(self, line: str) -> None:
        if not line.strip():
            return
        if not self.interactive:
            print(f"\nyou> {line}", file=self.out)
        if line.strip().isdigit() and 1 <= int(line) <= len(self.buttons):
            message, button = self.buttons[int(line) - 1]
            if "url" in button:
                print(f"🔗 {button['url']}", file=self.out)
                return
            self.telegram.press(self.user, message, button["callback_data"])
        else:
            self.telegram.send_text(self.user, line)
        for update in await self.telegram.get_updates(self.offset, timeout=0):
            self.offset = update["update_id"] + 1
            try:
                await self.dp.feed_raw_update(self.bot, update)
            except Exception:
                log.exception("update %s failed", update["update_id"])
        self.out.flush()

    def _show(self, call: ApiCall) -> None:
        method = call.method.lower()
        if call.status != 200:
            print(f"[telegram refused {call.method}: {call.status}]", file=self.out)
            return
        if method == "answercallbackquery" and call.params.get("text"):
            print(f"💬 {call.params['text']}", file=self.out)
        if method not in _SHOWN:
            return
        if call.text:
            print(f"\nbot> {plain_text(call.text)}", file=self.out)
        document = call.params.get("document")
        if isinstance(document, dict):
            print(
                f"📎 {document.get('filename')} ({len(document.get('content', b''))} bytes)",
                file=self.out,
            )
        rows = (call.params.get("reply_markup") or {}).get("inline_keyboard") or []
        if not rows or not isinstance(call.result, dict):
            return
        self.buttons = []
        for row in rows:
            labels = []
            for button in row:
                self.buttons.append((call.result, button))
                labels.append(f"[{len(self.buttons)}] {button.get('text', '')}")
            print("   " + "   ".join(labels), file=self.out)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "you"
