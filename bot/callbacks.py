"""Callback data factories: short ASCII prefixes, ids as fields, never translated text."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class MenuCb(CallbackData, prefix="m"):
    action: str  # home | topics | ask | lang | operator | renew | docs


class LangCb(CallbackData, prefix="l"):
    code: str


class CategoryCb(CallbackData, prefix="c"):
    id: str
    page: int = 0


class TopicCb(CallbackData, prefix="t"):
    id: str


class DocCb(CallbackData, prefix="d"):
    action: str  # show | renewed | snooze | checklist | ics | rename | delete | really-delete
    id: int


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
    action: str  # last | cancel | close
    id: int = 0


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
