"""Inline keyboards, built from the knowledge base and the user's language."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import LANGUAGE_NAMES, Translator
from faq.model import KnowledgeBase, Topic
from handlers.callbacks import CategoryCb, LangCb, MenuCb, TopicCb

TOPICS_PER_PAGE = 6


def main_menu(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("menu-renew"), callback_data=MenuCb(action="renew"))
    kb.button(text=t("menu-docs"), callback_data=MenuCb(action="docs"))
    kb.button(text=t("menu-topics"), callback_data=MenuCb(action="topics"))
    kb.button(text=t("menu-ask"), callback_data=MenuCb(action="ask"))
    kb.button(text=t("menu-operator"), callback_data=MenuCb(action="operator"))
    kb.button(text=t("menu-language"), callback_data=MenuCb(action="lang"))
    kb.adjust(1, 1, 2, 2)
    return kb.as_markup()


def language_menu(current: str) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for code, name in LANGUAGE_NAMES.items():
        mark = "✅ " if code == current else ""
        kb.button(text=f"{mark}{name}", callback_data=LangCb(code=code))
    kb.adjust(2)
    return kb.as_markup()


def categories_menu(kb_data: KnowledgeBase, lang: str, t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for category in kb_data.categories:
        if kb_data.topics_in(category.id):
            kb.button(text=category.title(lang), callback_data=CategoryCb(id=category.id))
    kb.button(text=t("btn-home"), callback_data=MenuCb(action="home"))
    kb.adjust(1)
    return kb.as_markup()


def page_count(total: int) -> int:
    return max(1, -(-total // TOPICS_PER_PAGE))


def category_menu(
    kb_data: KnowledgeBase, category_id: str, page: int, lang: str, t: Translator
) -> InlineKeyboardMarkup:
    topics = kb_data.topics_in(category_id)
    pages = page_count(len(topics))
    page = min(max(page, 0), pages - 1)
    kb = InlineKeyboardBuilder()
    for topic in topics[page * TOPICS_PER_PAGE : (page + 1) * TOPICS_PER_PAGE]:
        kb.button(text=topic.text(lang).title, callback_data=TopicCb(id=topic.id))
    sizes = [1] * min(TOPICS_PER_PAGE, len(topics) - page * TOPICS_PER_PAGE)
    if pages > 1:
        kb.button(text="◀️", callback_data=CategoryCb(id=category_id, page=(page - 1) % pages))
        kb.button(text=f"{page + 1}/{pages}", callback_data=CategoryCb(id=category_id, page=page))
        kb.button(text="▶️", callback_data=CategoryCb(id=category_id, page=(page + 1) % pages))
        sizes.append(3)
    kb.button(text=t("btn-back"), callback_data=MenuCb(action="topics"))
    sizes.append(1)
    kb.adjust(*sizes)
    return kb.as_markup()


def answer_menu(
    kb_data: KnowledgeBase, topic: Topic, lang: str, t: Translator
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    related = [kb_data.topics[r] for r in topic.related if r in kb_data.topics]
    for other in related:
        kb.button(text=f"➡️ {other.text(lang).title}", callback_data=TopicCb(id=other.id))
    kb.button(text=t("btn-back"), callback_data=CategoryCb(id=topic.category))
    kb.button(text=t("btn-home"), callback_data=MenuCb(action="home"))
    kb.adjust(*([1] * len(related)), 2)
    return kb.as_markup()


def suggestions_menu(
    kb_data: KnowledgeBase, topic_ids: list[str], lang: str, t: Translator
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for topic_id in topic_ids:
        kb.button(
            text=kb_data.topics[topic_id].text(lang).title, callback_data=TopicCb(id=topic_id)
        )
    kb.button(text=t("menu-operator"), callback_data=MenuCb(action="operator"))
    kb.button(text=t("menu-topics"), callback_data=MenuCb(action="topics"))
    kb.adjust(1)
    return kb.as_markup()
