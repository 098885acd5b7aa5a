"""Telegram HTML read back as text: what a user sees of a message (console, local API, inline)."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]*>")


def plain_text(text: str) -> str:
    """What a user sees of a Telegram HTML message: tags removed, entities decoded."""
    return html.unescape(_TAG.sub("", text))
