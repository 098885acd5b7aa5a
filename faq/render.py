"""Turns a topic into the message the user reads: answer, sources, review date, disclaimer."""

from __future__ import annotations

from html import escape

from faq.model import KnowledgeBase, Topic


def _text(plain: str) -> str:
    return escape(plain, quote=False)


def render_answer(kb: KnowledgeBase, topic: Topic, lang: str) -> str:
    text = topic.text(lang)
    labels = kb.labels.get(lang) or kb.labels["en"]
    sources = "; ".join(
        f'<a href="{escape(s.url)}">{_text(s.title)}</a>' if s.url else _text(s.title)
        for s in topic.sources
    )
    return (
        f"<b>{_text(text.title)}</b>\n\n"
        f"{text.answer.strip()}\n\n"
        f"📚 <i>{labels.sources}:</i> {sources}\n"
        f"🗓 <i>{labels.reviewed}:</i> {topic.reviewed.isoformat()}\n"
        f"⚖️ <i>{_text(labels.disclaimer)}</i>"
    )
