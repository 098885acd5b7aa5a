"""Free-text questions: the matcher picks a topic, suggests some, or declines; each is logged."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import StateFilter
from aiogram.types import Message

from bot.i18n import I18n
from bot.turn import Turn
from faq.matcher import Matcher
from faq.render import render_answer
from handlers.keyboards import answer_menu, suggestions_menu
from storage.questions import LoggedQuestion, Outcome, log_question

router = Router(name="questions")
router.message.filter(F.chat.type == ChatType.PRIVATE)
MATCH_CHARS = 500


@router.message(StateFilter(None), F.text, ~F.text.startswith("/"))
async def question(message: Message, turn: Turn, matcher: Matcher, i18n: I18n) -> None:
    text, kb = message.text or "", turn.kb
    match = matcher.match(text[:MATCH_CHARS], lang_hint=turn.lang)
    answer_t = i18n.translator(match.lang)
    outcome: Outcome
    if match.topic_id is not None and match.confident:
        outcome = "answered"
        topic = kb.topics[match.topic_id]
        reply = render_answer(kb, topic, match.lang)
        markup = answer_menu(kb, topic, match.lang, answer_t)
    elif match.topic_id is not None:
        outcome = "suggested"
        reply = answer_t("match-unsure")
        markup = suggestions_menu(kb, [match.topic_id, *match.alternatives], match.lang, answer_t)
    else:
        outcome = "declined"
        reply = answer_t("match-declined")
        markup = suggestions_menu(kb, [], match.lang, answer_t)
    if len(text) > MATCH_CHARS:
        reply = answer_t("long-message", limit=MATCH_CHARS) + "\n\n" + reply
    await message.answer(reply, reply_markup=markup)
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
