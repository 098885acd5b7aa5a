"""The bot's side of the in-memory Telegram: answers Bot API methods the way Telegram would.

HTML Telegram would refuse is refused with the same 400, so are over-long texts and callback data,
blocked users answer 403, and queued failures are returned exactly once each: Telegram's own JSON
errors (a 429 with retry_after, a 5xx) and the ways a proxy in between breaks (an HTML error page,
a body that is not JSON, a connection reset, no answer at all). Every call is recorded.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.telegram_text import plain_text
from faq.telegram_html import html_problems, visible_length

Breakage = Literal["html", "garbage", "reset", "timeout", "redirects"]
_BAD_GATEWAY_PAGE = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
_SENDING_METHODS = {"sendmessage", "senddocument", "sendphoto", "copymessage", "forwardmessage"}


@dataclass(slots=True)
class ApiCall:
    method: str
    params: dict[str, Any]
    at: float
    status: int = 200  # 0: no HTTP answer (the connection broke)
    result: Any = None
    broken: Breakage | None = None

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


class ConnectionBroken(Exception):
    """No HTTP answer: the connection was reset, nothing came back, or redirects went round."""

    def __init__(self, how: Breakage) -> None:
        super().__init__(how)
        self.how = how


@dataclass(slots=True)
class _Failure:
    method: str
    status: int
    description: str
    retry_after: int | None
    chat_id: int | None
    broken: Breakage | None = None

    def body(self) -> str:
        if self.broken == "html":
            return _BAD_GATEWAY_PAGE
        if self.broken == "garbage":
            return '{"ok": true, "result": {"message_id'
        return json.dumps(_error(self.status, self.description, self.retry_after))


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
class TelegramApi:
    bot_id: int = 42
    bot_username: str = "renewal_test_bot"
    calls: list[ApiCall] = field(default_factory=list)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    # what users (and operators in groups) sent, by (chat id, message id): copyable like the above
    received: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    listeners: list[Callable[[ApiCall], None]] = field(default_factory=list)
    _failures: list[_Failure] = field(default_factory=list)
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))

    def _notify(self) -> None:
        """Something happened (a call, an update): polling wakes whoever waits for it."""

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
    ) -> tuple[int, str]:
        """Answers one Bot API call the way Telegram would: (HTTP status, body).

        `raw_params` are the form fields as sent (JSON-encoded where structured); `files` maps the
        upload field names that `attach://name` values refer to onto (file name, content). Raises
        ConnectionBroken when an injected failure gives no HTTP answer at all.
        """
        params = _decode(raw_params)
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://") and files:
                filename, content = files.get(value.removeprefix("attach://"), ("", b""))
                params[key] = {"filename": filename, "content": content}
        call = ApiCall(method=method, params=params, at=time.monotonic())
        if failure := self._injected_failure(method.lower(), call.chat_id):
            call.status, call.broken = failure.status, failure.broken
            self._record(call)
            if failure.broken in ("reset", "timeout", "redirects"):
                raise ConnectionBroken(failure.broken)
            return failure.status, failure.body()
        status, payload = self._answer(method.lower(), params)
        call.status, call.result = status, payload.get("result")
        self._record(call)
        return status, json.dumps(payload)

    def _record(self, call: ApiCall) -> None:
        self.calls.append(call)
        for listener in self.listeners:
            listener(call)
        self._notify()

    def _injected_failure(self, method: str, chat_id: int | None) -> _Failure | None:
        for failure in self._failures:
            if failure.method in (method, "*") and failure.chat_id in (None, chat_id):
                self._failures.remove(failure)
                return failure
        return None

    def _answer(self, method: str, p: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        chat_id = int(p["chat_id"]) if str(p.get("chat_id", "")).lstrip("-").isdigit() else None
        if chat_id in self.blocked and method in _SENDING_METHODS | {"editmessagetext"}:
            return 403, _error(403, "Forbidden: bot was blocked by the user")
        if problem := self._refusal(method, p) or self._reply_refusal(chat_id, p):
            return 400, _error(400, f"Bad Request: {problem}")
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            if method in {
                "setmycommands",
                "setmydescription",
                "setmyshortdescription",
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
        for key, limit in (("description", 512), ("short_description", 120)):
            if len(str(p.get(key) or "")) > limit:
                return f"{key} is too long"
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

    def break_next(
        self, method: str, how: Breakage, *, chat_id: int | None = None, times: int = 1
    ) -> None:
        """The next `times` calls of `method` ("*" for any) break the way a proxy breaks them:
        "html" an nginx 502 page, "garbage" a 200 whose body is cut-off JSON, "reset" the
        connection dropped, "timeout" no answer, "redirects" a proxy redirecting in a loop."""
        status = {"html": 502, "garbage": 200}.get(how, 0)
        for _ in range(times):
            self._failures.append(_Failure(method.lower(), status, how, None, chat_id, how))
