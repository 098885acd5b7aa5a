"""Free-text questions: the matcher picks a topic, suggests some, or declines; each is logged."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import StateFilter
from aiogram.types import InlineKeyboardMarkup, Message

from bot.dates import find_date, format_date
from bot.i18n import I18n, Translator
from bot.turn import Turn
from faq.matcher import FOREIGN, Match, Matcher
from faq.model import KnowledgeBase
from handlers.answers import answer_text, log_asked
from handlers.keyboards import (
    answer_menu,
    date_offer_menu,
    declined_menu,
    language_menu,
    smalltalk_menu,
    suggestions_menu,
)
from storage.questions import Outcome

router = Router(name="questions")
router.message.filter(F.chat.type == ChatType.PRIVATE)


@router.message(StateFilter(None), F.text, ~F.text.startswith("/"))
async def question(message: Message, turn: Turn, matcher: Matcher, i18n: I18n) -> None:
    text = message.text or ""
    match = matcher.match(text, lang_hint=turn.lang)
    answer_t = i18n.translator(match.lang)
    offer = _date_offer(text, match, matcher, turn, answer_t)
    reply, markup, outcome = offer or _reply(match, turn.kb, answer_t, turn.t)
    await message.answer(reply, reply_markup=markup)
    await log_asked(turn, text, match, outcome)


def _date_offer(
    text: str, match: Match, matcher: Matcher, turn: Turn, answer_t: Translator
) -> tuple[str, InlineKeyboardMarkup, Outcome] | None:
    """ "My visa ends on 15 March": the date shown back, and the renewal plan for it offered.
    A clear question that happens to name a date ("can I extend it on 15 March?") is answered."""
    if match.smalltalk or (match.confident and "?" in text):
        return None
    kind = matcher.document_named(text)
    on = find_date(text, match.lang, turn.today()) if kind else None
    if kind is None or on is None or kind not in turn.kb.documents:
        return None
    reply = answer_t(
        "date-offer",
        document=turn.kb.documents[kind].text(match.lang).title,
        date=format_date(on, match.lang),
    )
    return reply, date_offer_menu(kind, on, answer_t), "plan"


def _reply(
    match: Match, kb: KnowledgeBase, answer_t: Translator, t: Translator
) -> tuple[str, InlineKeyboardMarkup, Outcome]:
    """What the bot says to a match, in the language the message was written in."""
    if match.smalltalk:
        return (
            answer_t(f"st-{match.smalltalk}"),
            smalltalk_menu(match.smalltalk, answer_t),
            "smalltalk",
        )
    if match.subject == FOREIGN:
        return t("unsupported-language"), language_menu(t.lang), "declined"
    if match.topic_id is not None and match.confident:
        topic = kb.topics[match.topic_id]
        return (
            answer_text(kb, topic, match.lang),
            answer_menu(kb, topic, match.lang, answer_t),
            "answered",
        )
    if match.topic_id is not None:
        suggested = [match.topic_id, *match.alternatives]
        return (
            answer_t("match-unsure"),
            suggestions_menu(kb, suggested, match.lang, answer_t),
            "suggested",
        )
    reason = answer_t(f"decline-{match.subject}" if match.subject else "decline-generic")
    return reason, declined_menu(answer_t), "declined"
