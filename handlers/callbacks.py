"""Callback data factories: short ASCII prefixes, ids as fields, never translated text."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class MenuCb(CallbackData, prefix="m"):
    action: str  # home | topics | ask | lang | operator


class LangCb(CallbackData, prefix="l"):
    code: str


class CategoryCb(CallbackData, prefix="c"):
    id: str
    page: int = 0


class TopicCb(CallbackData, prefix="t"):
    id: str
