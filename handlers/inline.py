"""Inline mode: `@bot question` in any chat offers the best answers as results."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import (
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
)

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
    query: InlineQuery, matcher: Matcher, kb: KnowledgeBase, lang: str
) -> None:
    text = query.query.strip()[:256]
    if text:
        found_lang = matcher.match(text, lang_hint=lang).lang
        ids = [topic_id for topic_id, _ in matcher.search(text, lang_hint=lang, limit=MAX_RESULTS)]
    else:
        found_lang = lang
        ids = [topics[0].id for c in kb.categories if (topics := kb.topics_in(c.id))]
    results = []
    for topic_id in ids[:MAX_RESULTS]:
        topic = kb.topics[topic_id]
        answer = answer_text(kb, topic, found_lang)
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
            )
        )
    await query.answer(results, cache_time=300, is_personal=False)
