"""/topics: browse the knowledge base by category, page by page, down to an answer."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import CategoryCb, MenuCb, TopicCb
from bot.i18n import Translator
from faq.model import KnowledgeBase
from handlers.answers import answer_text
from handlers.common import show
from handlers.keyboards import answer_menu, categories_menu, category_menu, page_count

router = Router(name="topics")


@router.message(Command("topics"))
async def topics_command(message: Message, kb: KnowledgeBase, lang: str, t: Translator) -> None:
    await message.answer(t("topics-choose-category"), reply_markup=categories_menu(kb, lang, t))


@router.callback_query(MenuCb.filter(F.action == "topics"))
async def categories(
    callback: CallbackQuery, bot: Bot, kb: KnowledgeBase, lang: str, t: Translator
) -> None:
    await show(callback, bot, t("topics-choose-category"), categories_menu(kb, lang, t))


@router.callback_query(CategoryCb.filter())
async def category(
    callback: CallbackQuery,
    callback_data: CategoryCb,
    bot: Bot,
    kb: KnowledgeBase,
    lang: str,
    t: Translator,
) -> None:
    found = kb.category(callback_data.id)
    if found is None:
        await show(callback, bot, t("topics-choose-category"), categories_menu(kb, lang, t))
        return
    pages = page_count(len(kb.topics_in(found.id)))
    page = min(max(callback_data.page, 0), pages - 1)
    text = t("topics-in-category", category=found.title(lang), page=page + 1, pages=pages)
    await show(callback, bot, text, category_menu(kb, found.id, page, lang, t))


@router.callback_query(TopicCb.filter())
async def topic(
    callback: CallbackQuery,
    callback_data: TopicCb,
    bot: Bot,
    kb: KnowledgeBase,
    lang: str,
    t: Translator,
) -> None:
    found = kb.topics.get(callback_data.id)
    if found is None:
        await show(callback, bot, t("topic-gone"), categories_menu(kb, lang, t))
        return
    await show(callback, bot, answer_text(kb, found, lang), answer_menu(kb, found, lang, t))
