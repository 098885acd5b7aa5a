"""Inline mode: `@bot question` in any chat offers the best answers as results.

Each result carries a button that opens the topic in the bot (a `/start t-<id>` link). Results
depend on the asker's language, so Telegram must cache them per user (`is_personal`).
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
)

from bot.deep_links import start_link, topic_payload
from bot.i18n import I18n
from bot.telegram_text import plain_text
from faq.matcher import Matcher
from faq.model import KnowledgeBase
from faq.telegram_html import visible_length
from handlers.answers import answer_text

router = Router(name="inline")
MAX_RESULTS = 5


def _summary(answer_html: str) -> str:
    first = plain_text(answer_html).strip().splitlines()[0]
    return first if visible_length(first) <= 120 else first[:117] + "…"


@router.inline_query()
async def inline_answers(
    query: InlineQuery, bot: Bot, matcher: Matcher, kb: KnowledgeBase, i18n: I18n, lang: str
) -> None:
    text = query.query.strip()[:256]
    if text:
        found_lang = matcher.match(text, lang_hint=lang).lang
        ids = [topic_id for topic_id, _ in matcher.search(text, lang_hint=lang, limit=MAX_RESULTS)]
    else:
        found_lang = lang
        ids = [topics[0].id for c in kb.categories if (topics := kb.topics_in(c.id))]
    # The shared message is in the answer's language: so is its button.
    t = i18n.translator(found_lang)
    results = []
    for topic_id in ids[:MAX_RESULTS]:
        topic = kb.topics[topic_id]
        answer = answer_text(kb, topic, found_lang)
        link = await start_link(bot, topic_payload(topic_id))
        results.append(
            InlineQueryResultArticle(
                id=topic_id,
                title=topic.text(found_lang).title,
                description=_summary(topic.text(found_lang).answer),
                input_message_content=InputTextMessageContent(
                    message_text=answer,
                    parse_mode="HTML",
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                ),
                reply_markup=InlineKeyboardMarkup(
                    inline_keyboard=[[InlineKeyboardButton(text=t("inline-open-bot"), url=link)]]
                ),
            )
        )
    await query.answer(results, cache_time=300, is_personal=True)
