"""Every way a Bot API call can fail, and how a failure is told to people.

An exception's own text is never shown to anyone: aiohttp's errors carry the request URL, and the
URL carries the bot's token (TooManyRedirects, InvalidURL); a proxy's error page is a page of
HTML. `summary` says what happened in a few words an operator can act on.
"""

from __future__ import annotations

import re

from aiogram.exceptions import (
    AiogramError,
    ClientDecodeError,
    TelegramAPIError,
    TelegramNetworkError,
    TelegramRetryAfter,
)
from aiohttp import ClientError

# What `await bot.<method>(...)` can raise besides bugs in our own code.
TELEGRAM_ERRORS: tuple[type[BaseException], ...] = (
    AiogramError,
    ClientError,
    OSError,
    TimeoutError,
)

_TOKEN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{20,}")
_URL = re.compile(r"\w+://\S+")
_LONGEST = 200


def _clean(text: str) -> str:
    text = _URL.sub("<url>", _TOKEN.sub("<token>", text))
    text = " ".join(text.split())
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"


def summary(error: BaseException) -> str:
    """E.g. "Telegram: Bad Request: chat not found", "no connection (ClientOSError)": one line,
    without URLs, tokens or response bodies."""
    if isinstance(error, TelegramRetryAfter):
        return f"Telegram asked to wait {error.retry_after} s (429)"
    if isinstance(error, TelegramNetworkError):
        # aiogram's message is "<aiohttp error type>: <its text>", and the text has the URL
        return f"no connection to Telegram ({_clean(error.message.split(':')[0])})"
    if isinstance(error, TelegramAPIError):
        return f"Telegram: {_clean(error.message)}"
    if isinstance(error, ClientDecodeError):
        return "Telegram's answer was not readable (not JSON)"
    if isinstance(error, ClientError | OSError | TimeoutError):
        return f"no connection to Telegram ({type(error).__name__})"
    return type(error).__name__
