"""Free-text questions: the matcher picks a topic, suggests some, or declines; each is logged."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import StateFilter
from aiogram.types import Message

from bot.clock import Clock
from bot.i18n import I18n, Translator
from faq.matcher import Matcher
from faq.model import KnowledgeBase
from handlers.answers import answer_text
from handlers.keyboards import answer_menu, suggestions_menu
from storage.database import Database
from storage.questions import LoggedQuestion, Outcome, log_question

router = Router(name="questions")
router.message.filter(F.chat.type == ChatType.PRIVATE)
MATCH_CHARS = 500


@router.message(StateFilter(None), F.text, ~F.text.startswith("/"))
async def question(
    message: Message,
    matcher: Matcher,
    kb: KnowledgeBase,
    db: Database,
    i18n: I18n,
    clock: Clock,
    t: Translator,
) -> None:
    text = message.text or ""
    match = matcher.match(text[:MATCH_CHARS], lang_hint=t.lang)
    answer_t = i18n.translator(match.lang)
    outcome: Outcome
    if match.topic_id is not None and match.confident:
        outcome = "answered"
        topic = kb.topics[match.topic_id]
        reply = answer_text(kb, topic, match.lang)
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
    if message.from_user is not None:
        await log_question(
            db,
            LoggedQuestion(
                user_id=message.from_user.id,
                asked_at=int(clock.now().timestamp()),
                text=text,
                lang=match.lang,
                topic_id=match.topic_id,
                score=match.score,
                outcome=outcome,
            ),
        )
