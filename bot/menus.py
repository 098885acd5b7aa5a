"""The main menu: shown by handlers and by services that end something (a closed hand-off)."""

from __future__ import annotations

from functools import cache

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import MenuCb
from bot.i18n import Translator


def _button(text: str, action: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=MenuCb(action=action).pack())


@cache
def main_menu(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(t("menu-renew"), "renew")],
            [_button(t("menu-docs"), "docs")],
            [_button(t("menu-topics"), "topics"), _button(t("menu-ask"), "ask")],
            [_button(t("menu-operator"), "operator"), _button(t("menu-language"), "lang")],
        ]
    )
