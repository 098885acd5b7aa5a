"""The start-up checks and error summaries in this process (tests/test_startup.py runs the bot)."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import ClientDecodeError, TelegramNetworkError
from aiogram.methods import GetMe

from bot import startup
from bot.local_api import LocalSession, LocalTelegram
from bot.startup import StartupError, reach_telegram
from bot.telegram_errors import summary

TOKEN = "123456789:TEST-token-for-the-fake-api_0123456789"


def test_summaries_carry_no_url_token_or_body() -> None:
    url = f"https://api.telegram.org/bot{TOKEN}/sendMessage"
    redirects = TelegramNetworkError(GetMe(), f"TooManyRedirects: 0, message='', url='{url}'")
    page = ClientDecodeError("Failed to decode object", ValueError("x"), "<html>" + "x" * 5000)
    for error in (redirects, page, OSError(f"cannot reach {url}")):
        text = summary(error)
        assert TOKEN not in text and "://" not in text and len(text) < 120, text
    assert summary(redirects) == "no connection to Telegram (TooManyRedirects)"


async def test_a_refused_token_stops_start_up() -> None:
    telegram = LocalTelegram()
    telegram.fail_next("getMe", 401, "Unauthorized")
    bot = Bot(TOKEN, session=LocalSession(telegram))
    with pytest.raises(StartupError, match="refused BOT_TOKEN"):
        await reach_telegram(bot)


async def test_an_unreachable_telegram_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup, "FIRST_WAIT", 0.01)
    telegram = LocalTelegram()
    telegram.break_next("getMe", "reset", times=3)
    telegram.break_next("getMe", "html")
    bot = Bot(TOKEN, session=LocalSession(telegram))
    await reach_telegram(bot)
    assert [c.status for c in telegram.calls] == [0, 0, 0, 502, 200]
