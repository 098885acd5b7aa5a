"""A knowledge-base answer as the bot sends it, with the review date in the reader's language."""

from __future__ import annotations

from bot.dates import format_date
from faq.model import KnowledgeBase, Topic
from faq.render import render_answer


def answer_text(kb: KnowledgeBase, topic: Topic, lang: str) -> str:
    return render_answer(kb, topic, lang, format_date(topic.reviewed, lang))
