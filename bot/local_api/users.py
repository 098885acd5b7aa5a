"""The users' side of the in-memory Telegram: people who write, press buttons and ask inline."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any


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


class SimulatedUsers:
    """What users do, as updates for the bot to poll (mixed into LocalTelegram)."""

    if TYPE_CHECKING:
        messages: dict[tuple[int, int], dict[str, Any]]
        received: dict[tuple[int, int], dict[str, Any]]
        _message_ids: itertools.count[int]
        _update_ids: itertools.count[int]

        def _push(self, update: dict[str, Any]) -> dict[str, Any]: ...

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
