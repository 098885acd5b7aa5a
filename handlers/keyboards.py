"""Inline keyboards, built from the knowledge base and the user's language.

Built from buttons directly rather than with aiogram's InlineKeyboardBuilder, whose export
deep-copies every button: on the free-text path that copy cost more than matching the question.
"""

from __future__ import annotations

from datetime import date

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import CategoryCb, LangCb, MenuCb, PlanCb, TopicCb
from bot.i18n import LANGUAGE_NAMES, Translator
from faq.model import KnowledgeBase, Topic

TOPICS_PER_PAGE = 6


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def markup(*rows: list[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[row for row in rows if row])


def language_menu(current: str) -> InlineKeyboardMarkup:
    buttons = [
        button(f"{'✅ ' if code == current else ''}{name}", LangCb(code=code))
        for code, name in LANGUAGE_NAMES.items()
    ]
    return markup(*(buttons[i : i + 2] for i in range(0, len(buttons), 2)))


def categories_menu(kb: KnowledgeBase, lang: str, t: Translator) -> InlineKeyboardMarkup:
    return markup(
        *(
            [button(category.title(lang), CategoryCb(id=category.id))]
            for category in kb.categories
            if kb.topics_in(category.id)
        ),
        [button(t("btn-home"), MenuCb(action="home"))],
    )


def page_count(total: int) -> int:
    return max(1, -(-total // TOPICS_PER_PAGE))


def category_menu(
    kb: KnowledgeBase, category_id: str, page: int, lang: str, t: Translator
) -> InlineKeyboardMarkup:
    topics = kb.topics_in(category_id)
    pages = page_count(len(topics))
    page = min(max(page, 0), pages - 1)
    shown = topics[page * TOPICS_PER_PAGE : (page + 1) * TOPICS_PER_PAGE]
    paging = (
        [
            button("◀️", CategoryCb(id=category_id, page=(page - 1) % pages)),
            button(f"{page + 1}/{pages}", CategoryCb(id=category_id, page=page)),
            button("▶️", CategoryCb(id=category_id, page=(page + 1) % pages)),
        ]
        if pages > 1
        else []
    )
    return markup(
        *([button(topic.text(lang).short, TopicCb(id=topic.id))] for topic in shown),
        paging,
        [button(t("btn-back"), MenuCb(action="topics"))],
    )


class _KeptMenus:
    """Keyboards kept for the knowledge base in use (/reload_faq brings another: they go). One
    keyboard serves every message: aiogram's types are frozen."""

    def __init__(self) -> None:
        self.kb: KnowledgeBase | None = None
        self.menus: dict[tuple[str, str, Translator], InlineKeyboardMarkup] = {}

    def of(self, kb: KnowledgeBase) -> dict[tuple[str, str, Translator], InlineKeyboardMarkup]:
        if kb is not self.kb:
            self.kb, self.menus = kb, {}
        return self.menus


_ANSWER_MENUS = _KeptMenus()


def answer_menu(kb: KnowledgeBase, topic: Topic, lang: str, t: Translator) -> InlineKeyboardMarkup:
    """The related topics and the way back under an answer; built once per topic, language and
    translator (0.2 ms each time, on every answered question)."""
    menus = _ANSWER_MENUS.of(kb)
    key = (topic.id, lang, t)
    if key not in menus:
        related = [kb.topics[r] for r in topic.related if r in kb.topics]
        menus[key] = markup(
            *([button(f"➡️ {other.text(lang).short}", TopicCb(id=other.id))] for other in related),
            [
                button(t("btn-back"), CategoryCb(id=topic.category)),
                button(t("btn-home"), MenuCb(action="home")),
            ],
        )
    return menus[key]


SMALLTALK_NEXT: dict[str, tuple[str, ...]] = {
    "greeting": ("renew", "topics", "ask"),
    "help": ("renew", "topics", "operator"),
    "menu": ("renew", "docs", "topics", "operator"),
    "capabilities": ("renew", "docs", "topics", "operator"),
    "complaint": ("operator", "topics"),
    "bot_or_human": ("operator", "topics"),
}
"""The next steps offered after small talk; the others get the renewal plan and the topics."""


def smalltalk_menu(kind: str, t: Translator) -> InlineKeyboardMarkup:
    actions = SMALLTALK_NEXT.get(kind, ("renew", "topics"))
    return markup(*([button(t(f"menu-{action}"), MenuCb(action=action))] for action in actions))


def date_offer_menu(kind: str, on: date, t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [button(t("btn-plan-for-date"), PlanCb(kind=kind, on=on.isoformat()))],
        [button(t("menu-topics"), MenuCb(action="topics"))],
    )


def declined_menu(t: Translator) -> InlineKeyboardMarkup:
    return markup(
        [button(t("menu-operator"), MenuCb(action="operator"))],
        [button(t("menu-topics"), MenuCb(action="topics"))],
    )


def suggestions_menu(
    kb: KnowledgeBase, topic_ids: list[str], lang: str, t: Translator
) -> InlineKeyboardMarkup:
    return markup(
        *(
            [button(kb.topics[topic_id].text(lang).short, TopicCb(id=topic_id))]
            for topic_id in topic_ids
        ),
        [button(t("menu-operator"), MenuCb(action="operator"))],
        [button(t("menu-topics"), MenuCb(action="topics"))],
    )
