"""An in-memory Telegram Bot API: answers the bot's methods, records every call, makes updates.

It behaves like Telegram where the bot could tell the difference: HTML Telegram would refuse is
refused with the same 400, so are over-long texts and callback data, blocked users answer 403, and
queued failures (a 429 with retry_after, a 5xx) are returned exactly once each. The offline console,
the fake HTTP server the end-to-end tests run the bot against, and the handler tests all use it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field
from typing import Any, cast

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

from bot.telegram_text import plain_text
from faq.telegram_html import html_problems, visible_length

_SENDING_METHODS = {"sendmessage", "senddocument", "sendphoto", "copymessage", "forwardmessage"}


@dataclass(frozen=True, slots=True)
class FakeUser:
    id: int
    first_name: str = "Test"
    language_code: str | None = "en"
    username: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            data["language_code"] = self.language_code
        if self.username:
            data["username"] = self.username
        return data


@dataclass(slots=True)
class ApiCall:
    method: str
    params: dict[str, Any]
    at: float
    status: int = 200
    result: Any = None

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None and str(value).lstrip("-").isdigit() else None

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]


@dataclass(slots=True)
class _Failure:
    method: str
    status: int
    description: str
    retry_after: int | None
    chat_id: int | None


def _error(status: int, description: str, retry_after: int | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        payload["parameters"] = {"retry_after": retry_after}
    return payload


def _decode(params: dict[str, Any]) -> dict[str, Any]:
    decoded = {}
    for key, value in params.items():
        if isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        decoded[key] = value
    return decoded


@dataclass
class LocalTelegram:
    bot_id: int = 42
    bot_username: str = "renewal_test_bot"
    calls: list[ApiCall] = field(default_factory=list)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    # what users (and operators in groups) sent, by (chat id, message id): copyable like the above
    received: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    listeners: list[Callable[[ApiCall], None]] = field(default_factory=list)
    _failures: list[_Failure] = field(default_factory=list)
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _waiters: set[asyncio.Future[None]] = field(default_factory=set)

    # --- the bot's side -----------------------------------------------------------------------

    @property
    def me(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Renewal Bot",
            "username": self.bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def handle(
        self,
        method: str,
        raw_params: dict[str, Any],
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        """Answers one Bot API call the way Telegram would: (HTTP status, JSON body).

        `raw_params` are the form fields as sent (JSON-encoded where structured); `files` maps the
        upload field names that `attach://name` values refer to onto (file name, content).
        """
        params = _decode(raw_params)
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://") and files:
                filename, content = files.get(value.removeprefix("attach://"), ("", b""))
                params[key] = {"filename": filename, "content": content}
        call = ApiCall(method=method, params=params, at=time.monotonic())
        status, payload = self._answer(method.lower(), params)
        call.status, call.result = status, payload.get("result")
        self.calls.append(call)
        for listener in self.listeners:
            listener(call)
        self._notify()
        return status, payload

    def _answer(self, method: str, p: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        chat_id = int(p["chat_id"]) if str(p.get("chat_id", "")).lstrip("-").isdigit() else None
        for failure in self._failures:
            if failure.method in (method, "*") and failure.chat_id in (None, chat_id):
                self._failures.remove(failure)
                return failure.status, _error(
                    failure.status, failure.description, failure.retry_after
                )
        if chat_id in self.blocked and method in _SENDING_METHODS | {"editmessagetext"}:
            return 403, _error(403, "Forbidden: bot was blocked by the user")
        if problem := self._refusal(method, p) or self._reply_refusal(chat_id, p):
            return 400, _error(400, f"Bad Request: {problem}")
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            if method in {
                "deletewebhook",
                "setmycommands",
                "deletemycommands",
                "sendchataction",
                "answercallbackquery",
                "answerinlinequery",
                "deletemessage",
                "setchatmenubutton",
                "close",
                "logout",
            }:
                return 200, {"ok": True, "result": True}
            return 404, _error(404, "Not Found: method not found")
        return 200, {"ok": True, "result": handler(chat_id, p)}

    def _refusal(self, method: str, p: dict[str, Any]) -> str | None:
        for key in ("text", "caption"):
            value = p.get(key)
            if value is None:
                continue
            if p.get("parse_mode") == "HTML" and html_problems(str(value)):
                return "can't parse entities: " + html_problems(str(value))[0]
            limit = 4096 if key == "text" else 1024
            if visible_length(str(value)) > limit:
                return "message is too long" if key == "text" else "message caption is too long"
            if key == "text" and not plain_text(str(value)).strip():
                return "message text is empty"
        for button in ApiCall(method, p, 0).buttons:
            if len(str(button.get("callback_data", "")).encode()) > 64:
                return "BUTTON_DATA_INVALID"
        return None

    def _message(self, chat_id: int, p: dict[str, Any], **content: Any) -> dict[str, Any]:
        message_id = next(self._message_ids)
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": {
                k: v for k, v in self.me.items() if k in ("id", "is_bot", "first_name", "username")
            },
            **content,
        }
        if p.get("reply_markup"):
            message["reply_markup"] = p["reply_markup"]
        if replied := self._replied(chat_id, p):
            message["reply_to_message"] = replied
        self.messages[(chat_id, message_id)] = message
        return message

    def _find(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        return self.messages.get((chat_id, message_id)) or self.received.get((chat_id, message_id))

    def _replied(self, chat_id: int, p: dict[str, Any]) -> dict[str, Any] | None:
        reply = p.get("reply_parameters") or {}
        reply_id = reply.get("message_id") or p.get("reply_to_message_id")
        if reply_id is None:
            return None
        replied = self._find(int(reply.get("chat_id") or chat_id), int(reply_id))
        return {k: v for k, v in replied.items() if k != "reply_to_message"} if replied else None

    def _reply_refusal(self, chat_id: int | None, p: dict[str, Any]) -> str | None:
        reply = p.get("reply_parameters") or {}
        reply_id = reply.get("message_id") or p.get("reply_to_message_id")
        if reply_id is None or chat_id is None or reply.get("allow_sending_without_reply"):
            return None
        if self._find(int(reply.get("chat_id") or chat_id), int(reply_id)) is None:
            return "message to be replied not found"
        return None

    def _m_getme(self, chat_id: int | None, p: dict[str, Any]) -> dict[str, Any]:
        return self.me

    def _m_sendmessage(self, chat_id: int, p: dict[str, Any]) -> dict[str, Any]:
        text = p["text"]
        return self._message(chat_id, p, text=plain_text(text) if p.get("parse_mode") else text)

    def _m_senddocument(self, chat_id: int, p: dict[str, Any]) -> dict[str, Any]:
        doc = {"file_id": f"doc{len(self.calls)}", "file_unique_id": f"u{len(self.calls)}"}
        return self._message(
            chat_id, p, document=doc, caption=plain_text(str(p.get("caption", "")))
        )

    def _m_sendphoto(self, chat_id: int, p: dict[str, Any]) -> dict[str, Any]:
        photo = [
            {"file_id": f"ph{len(self.calls)}", "file_unique_id": "u", "width": 1, "height": 1}
        ]
        return self._message(chat_id, p, photo=photo, caption=plain_text(str(p.get("caption", ""))))

    def _copied_content(self, p: dict[str, Any]) -> dict[str, Any]:
        source = self._find(int(p["from_chat_id"]), int(p["message_id"])) or {}
        keep = {"text", "entities", "caption", "caption_entities", "photo", "video", "document"}
        keep |= {"sticker", "voice", "audio", "animation", "location", "contact"}
        return {k: v for k, v in source.items() if k in keep}

    def _m_copymessage(self, chat_id: int, p: dict[str, Any]) -> dict[str, Any]:
        content = self._copied_content(p)
        if "caption" in p and p.get("caption") is not None:
            content["caption"] = plain_text(str(p["caption"]))
        return {"message_id": self._message(chat_id, p, **content)["message_id"]}

    def _m_forwardmessage(self, chat_id: int, p: dict[str, Any]) -> dict[str, Any]:
        source = self._find(int(p["from_chat_id"]), int(p["message_id"])) or {}
        origin = {"type": "user", "date": source.get("date", 0), "sender_user": source.get("from")}
        return self._message(chat_id, p, forward_origin=origin, **self._copied_content(p))

    def _m_editmessagetext(self, chat_id: int | None, p: dict[str, Any]) -> dict[str, Any] | bool:
        if chat_id is None:
            return True
        message = self.messages.get((chat_id, int(p["message_id"])))
        if message is None:
            return self._message(chat_id, p, text=plain_text(p["text"]))
        message["text"] = plain_text(p["text"]) if p.get("parse_mode") else p["text"]
        message.pop("reply_markup", None)
        if p.get("reply_markup"):
            message["reply_markup"] = p["reply_markup"]
        return message

    def _m_editmessagereplymarkup(self, chat_id: int | None, p: dict[str, Any]) -> Any:
        if chat_id is None:
            return True
        message = self.messages.get((chat_id, int(p["message_id"]))) or self._message(chat_id, p)
        message.pop("reply_markup", None)  # no markup given: the keyboard is removed
        if p.get("reply_markup"):
            message["reply_markup"] = p["reply_markup"]
        return message

    # --- failures the tests inject --------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int,
        description: str,
        *,
        retry_after: int | None = None,
        chat_id: int | None = None,
        times: int = 1,
    ) -> None:
        """The next `times` calls of `method` ("*" for any) get this error instead of a result."""
        for _ in range(times):
            self._failures.append(
                _Failure(method.lower(), status, description, retry_after, chat_id)
            )

    # --- the users' side ------------------------------------------------------------------------

    def _push(self, update: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), **update}
        self._updates.append(update)
        self._notify()
        return update

    def _user_message(self, user: FakeUser, **content: Any) -> dict[str, Any]:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user.id, "type": "private", "first_name": user.first_name},
            "from": user.as_dict(),
            **content,
        }
        self.received[(user.id, message["message_id"])] = message
        return message

    def group_message(
        self,
        user: FakeUser,
        chat_id: int,
        text: str | None = None,
        *,
        reply_to: dict[str, Any] | None = None,
        **content: Any,
    ) -> dict[str, Any]:
        """`user` writes in the supergroup `chat_id` (text, or content such as photo=[...]),
        replying to `reply_to` (a message there, e.g. one from `last_message_to(chat_id)`)."""
        if text is not None:
            content["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "supergroup", "title": "Operators"},
            "from": user.as_dict(),
            **content,
        }
        if reply_to is not None:
            message["reply_to_message"] = {
                k: v for k, v in reply_to.items() if k != "reply_to_message"
            }
        self.received[(chat_id, message["message_id"])] = message
        return self._push({"message": message})

    def send_text(self, user: FakeUser, text: str) -> dict[str, Any]:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._push({"message": self._user_message(user, **content)})

    def send_content(self, user: FakeUser, **content: Any) -> dict[str, Any]:
        """A non-text message: send_content(user, sticker={...}) and the like."""
        return self._push({"message": self._user_message(user, **content)})

    def edit_text(self, user: FakeUser, text: str) -> dict[str, Any]:
        message = self._user_message(user, text=text, edit_date=int(time.time()))
        return self._push({"edited_message": message})

    def press(self, user: FakeUser, message: dict[str, Any], callback_data: str) -> dict[str, Any]:
        query = {
            "id": str(next(self._update_ids) * 7919),
            "from": user.as_dict(),
            "chat_instance": str(user.id),
            "message": message,
            "data": callback_data,
        }
        return self._push({"callback_query": query})

    def inline_query(self, user: FakeUser, query: str) -> dict[str, Any]:
        inline = {
            "id": str(next(self._update_ids) * 104729),
            "from": user.as_dict(),
            "query": query,
            "offset": "",
        }
        return self._push({"inline_query": inline})

    def last_message_to(self, chat_id: int, with_button: str | None = None) -> dict[str, Any]:
        """The newest message the bot sent to `chat_id` (that has a button containing the text)."""
        for (chat, _), message in reversed(self.messages.items()):
            if chat != chat_id:
                continue
            buttons = [
                b for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row
            ]
            if with_button is None or any(with_button in b.get("text", "") for b in buttons):
                return message
        raise LookupError(f"no message to {chat_id} with a button {with_button!r}")

    def press_button(self, user: FakeUser, text: str) -> dict[str, Any]:
        """Presses the button labelled `text` (exactly, else containing it) in the newest message
        that has one."""
        message = self.last_message_to(user.id, with_button=text)
        buttons = [b for row in message["reply_markup"]["inline_keyboard"] for b in row]
        exact = [b for b in buttons if b.get("text") == text]
        button = (exact or [b for b in buttons if text in b.get("text", "")])[0]
        return self.press(user, message, button["callback_data"])

    # --- long polling and waiting ----------------------------------------------------------------

    def _notify(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    async def _wait_change(self, timeout: float) -> None:
        """Sleeps until the next call or update, or `timeout`. Each waiter has its own future,
        registered before this yields, so no change between a check and the wait is missed."""
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            await asyncio.wait_for(waiter, timeout)
        except TimeoutError:
            self._waiters.discard(waiter)

    async def get_updates(
        self, offset: int, timeout: float, limit: int = 100
    ) -> list[dict[str, Any]]:
        """getUpdates: confirms everything below `offset`, then waits up to `timeout` for news."""
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        while not self._updates and (remaining := deadline - time.monotonic()) > 0:
            await self._wait_change(remaining)
        return self._updates[:limit]

    async def wait_for(
        self, predicate: Callable[[ApiCall], bool], *, after: int = 0, timeout: float = 10.0
    ) -> ApiCall:
        """The first call from index `after` on that satisfies `predicate`, waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            seen = len(self.calls)
            for call in self.calls[after:seen]:
                if predicate(call):
                    return call
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                recent = [(c.method, c.text[:60]) for c in self.calls[after:]][-5:]
                raise TimeoutError(f"no matching Bot API call within {timeout}s; last: {recent}")
            if len(self.calls) == seen:
                await self._wait_change(min(remaining, 0.5))

    def pending_updates(self) -> int:
        return len(self._updates)


class LocalSession(BaseSession):
    """An aiogram session that talks to a LocalTelegram in memory instead of over HTTP."""

    def __init__(self, telegram: LocalTelegram) -> None:
        super().__init__()
        self.telegram = telegram

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        attachments: dict[str, Any] = {}
        params = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=attachments)
            if prepared:
                params[key] = prepared
        files = {}
        for key, input_file in attachments.items():
            content = b"".join([chunk async for chunk in input_file.read(bot)])
            files[key] = (input_file.filename or key, content)
        status, payload = self.telegram.handle(method.__api_method__, params, files)
        response = self.check_response(bot, method, status, json.dumps(payload))
        return cast(TelegramType, response.result)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError("file downloads are not available offline")
        yield b""  # pragma: no cover

    async def close(self) -> None:
        return None
