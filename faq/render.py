"""Turns a topic into the message the user reads: the answer first, the details folded, then the
sources as links titled in the reader's language, the review date and the disclaimer."""

from __future__ import annotations

from html import escape

from faq.model import KnowledgeBase, Topic, in_language


def _text(plain: str) -> str:
    return escape(plain, quote=False)


def render_details(topic: Topic, lang: str) -> str:
    """The folded part: an expandable blockquote, or nothing for a topic with no details."""
    details = topic.text(lang).details
    return f"<blockquote expandable>{details}</blockquote>\n\n" if details else ""


def render_answer(kb: KnowledgeBase, topic: Topic, lang: str, reviewed_on: str) -> str:
    """`reviewed_on`: the review date as the reader's language writes it."""
    text = topic.text(lang)
    labels = in_language(kb.labels, lang)
    sources = " · ".join(
        f'<a href="{escape(s.url)}">{_text(s.title(lang))}</a>' for s in topic.sources
    )
    return (
        f"<b>{_text(text.title)}</b>\n\n"
        f"{text.answer.strip()}\n\n"
        f"{render_details(topic, lang)}"
        f"📚 <i>{labels.sources}:</i> {sources}\n"
        f"🗓 <i>{labels.reviewed}:</i> {_text(reviewed_on)}\n"
        f"⚖️ <i>{_text(labels.disclaimer)}</i>"
    )
