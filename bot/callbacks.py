"""Callback data factories: short ASCII prefixes, ids as fields, never translated text.

Callback data comes from the client and can be forged: every number is bounded here (a value out
of range does not unpack, so no handler sees it and the catch-all answers the query), and numbers
carried in string fields are read with `whole_number`, never with a bare int().
"""

from __future__ import annotations

from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

MAX_ROW_ID = 2**63 - 1  # SQLite's INTEGER
RowId = Annotated[int, Field(ge=0, le=MAX_ROW_ID)]
Page = Annotated[int, Field(ge=0, le=10_000)]


def whole_number(text: str, low: int, high: int) -> int | None:
    """`text` as a number from `low` to `high`; None for anything else, such as Unicode digits
    ("²", "٣"), which str.isdigit() accepts and int() rejects or reads, signs and huge numbers."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(high)):
        return None
    value = int(text)
    return value if low <= value <= high else None


class MenuCb(CallbackData, prefix="m"):
    action: str  # home | topics | ask | lang | operator | renew | docs


class LangCb(CallbackData, prefix="l"):
    code: str


class CategoryCb(CallbackData, prefix="c"):
    id: str
    page: Page = 0


class TopicCb(CallbackData, prefix="t"):
    id: str


class DocCb(CallbackData, prefix="d"):
    action: (
        str  # show | renewed | paid | snooze | checklist | ics | rename | delete | really-delete
    )
    id: RowId


class KindCb(CallbackData, prefix="k"):
    kind: str


class WizardCb(CallbackData, prefix="w"):
    action: str  # back | cancel | save | nosave | label


class SettingsCb(CallbackData, prefix="s"):
    what: str  # menu | tz | tz-pick | hour | hour-pick | days | day-toggle | days-default
    value: str = ""


class ForgetCb(CallbackData, prefix="f"):
    confirm: bool


class HandoffCb(CallbackData, prefix="h"):
    action: str  # last | cancel | close | end
    id: RowId = 0


class BroadcastCb(CallbackData, prefix="b"):
    # seg | lang | doc | days | ask-days | confirm | later | audience | cancel | stop
    action: str
    value: str = ""


class ReviewCb(CallbackData, prefix="r"):
    action: str  # topic | other | cat | back | offtopic | skip | stop
    value: str = ""  # a topic id (topic) or a category id (cat)


class PlanCb(CallbackData, prefix="p"):
    """A renewal plan for a document and date the user named in a message."""

    kind: str
    on: str  # ISO date


class NewsCb(CallbackData, prefix="nw"):
    action: str  # menu | on | off | stop (the button under a broadcast)
