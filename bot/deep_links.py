"""The `/start <payload>` links the bot hands out, and the payloads it understands.

Telegram allows A-Z, a-z, 0-9, "_" and "-" in a payload, up to 64 characters: topic ids fit.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.utils.deep_linking import create_deep_link

RENEW = "renew"  # opens the renewal wizard
DOCS = "docs"  # the saved documents
TOPIC_PREFIX = "t-"  # t-<topic id>: shows that topic


def topic_payload(topic_id: str) -> str:
    return TOPIC_PREFIX + topic_id


async def start_link(bot: Bot, payload: str) -> str:
    """https://t.me/<bot>?start=<payload>; the username comes from `bot.me()`, cached by aiogram."""
    me = await bot.me()
    return create_deep_link(me.username or "", "start", payload)
