"""A knowledge-base answer as the bot sends it, with the review date in the reader's language."""

from __future__ import annotations

from aiogram.types import Message

from bot.dates import format_date
from bot.turn import Turn
from faq.matcher import Match, Matcher
from faq.model import KnowledgeBase, Topic
from faq.render import render_answer
from storage.questions import LoggedQuestion, Outcome, log_question


def answer_text(kb: KnowledgeBase, topic: Topic, lang: str) -> str:
    return render_answer(kb, topic, lang, format_date(topic.reviewed, lang))


async def answered_in_passing(message: Message, turn: Turn, matcher: Matcher) -> bool:
    """A question typed in the middle of a form: answered when the matcher is sure of its topic
    (True), so the form can ask its step again instead of rejecting the text."""
    text = message.text or ""
    match = matcher.match(text, lang_hint=turn.lang)
    if match.smalltalk or match.topic_id is None or not match.confident:
        return False
    await message.answer(answer_text(turn.kb, turn.kb.topics[match.topic_id], match.lang))
    await log_asked(turn, text, match, "answered")
    return True


async def log_asked(turn: Turn, text: str, match: Match, outcome: Outcome) -> None:
    """Every question is logged with what the bot did: /stats and /review read them."""
    await log_question(
        turn.db,
        LoggedQuestion(
            user_id=turn.user.id,
            asked_at=int(turn.clock.now().timestamp()),
            text=text,
            lang=match.lang,
            topic_id=match.topic_id,
            score=match.score,
            outcome=outcome,
        ),
    )
