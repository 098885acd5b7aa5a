"""/review: operators place the questions the bot declined or was unsure about.

Most asked first, one at a time: the question, how often it was asked, the matcher's three best
topics, "Other topic…" (category, then topic), "Not our subject", "Skip". A verdict is stored and
teaches the bot at once (bot.content.Content.teach); `python -m faq learned` prints what was
taught, for an editor to add to the content files.
"""

from __future__ import annotations

from datetime import timedelta

from aiogram.filters import Command
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram.utils.text_decorations import html_decoration

from bot.callbacks import ReviewCb
from bot.content import Content
from bot.filters import operator_router
from bot.turn import Turn
from faq.matcher import Learned
from faq.normalize import normalize
from handlers.common import respond, show
from storage.reviews import (
    Pending,
    Review,
    Verdict,
    pending_reviews,
    record_review,
)

router = operator_router("review")
CANDIDATES = 3
REVIEW_WINDOW_DAYS = 90  # questions asked longer ago no longer wait for /review


class Reviewing(StatesGroup):
    question = State()


async def waiting(turn: Turn) -> list[Pending]:
    since = turn.clock.now() - timedelta(days=REVIEW_WINDOW_DAYS)
    return await pending_reviews(turn.db, int(since.timestamp()), normalize)


def _question_menu(turn: Turn, content: Content, item: Pending) -> InlineKeyboardMarkup:
    t, kb = turn.t, content.kb
    match = content.matcher.match(item.question, lang_hint=item.lang)
    ranked = [match.topic_id, *match.alternatives] if match.topic_id else []
    if not ranked:
        ranked = [topic_id for topic_id, _ in content.matcher.search(item.question, item.lang)]
    menu = InlineKeyboardBuilder()
    for topic_id in ranked[:CANDIDATES]:
        title = kb.topics[topic_id].text(turn.lang).short
        menu.button(text=f"📖 {title}", callback_data=ReviewCb(action="topic", value=topic_id))
    menu.button(text=t("btn-review-other"), callback_data=ReviewCb(action="other"))
    menu.button(text=t("btn-review-offtopic"), callback_data=ReviewCb(action="offtopic"))
    menu.button(text=t("btn-review-skip"), callback_data=ReviewCb(action="skip"))
    menu.button(text=t("btn-review-stop"), callback_data=ReviewCb(action="stop"))
    menu.adjust(1)
    return menu.as_markup()


async def _next(event: Message | CallbackQuery, turn: Turn, content: Content) -> None:
    pending = await waiting(turn)
    if not pending:
        await turn.state.clear()
        await respond(event, turn.bot, turn.t("review-empty"))
        return
    item = pending[0]
    await turn.state.set_state(Reviewing.question)
    await turn.state.set_data({"key": item.key, "question": item.question, "lang": item.lang})
    text = turn.t(
        "review-item",
        question=html_decoration.quote(item.question),
        count=item.count,
        lang=item.lang,
        left=len(pending),
    )
    await respond(event, turn.bot, text, _question_menu(turn, content, item))


@router.message(Command("review"))
async def review(message: Message, turn: Turn, content: Content) -> None:
    await _next(message, turn, content)


@router.callback_query(Reviewing.question, ReviewCb.filter())
async def verdict(
    callback: CallbackQuery, callback_data: ReviewCb, turn: Turn, content: Content
) -> None:
    action, value, kb = callback_data.action, callback_data.value, content.kb
    if action == "stop":
        await turn.state.clear()
        await show(callback, turn.bot, turn.t("review-stopped"))
        return
    if action == "back":
        await _next(callback, turn, content)
        return
    if action == "other":
        await show(callback, turn.bot, turn.t("review-other"), _categories(turn, content))
        return
    if action == "cat" and kb.category(value) is not None:
        await show(callback, turn.bot, turn.t("review-other"), _topics(turn, content, value))
        return
    if action == "topic" and value in kb.topics:
        await _record(turn, content, "topic", value)
    elif action in ("offtopic", "skip"):
        await _record(turn, content, action, None)
    else:
        await callback.answer()
        return
    await _next(callback, turn, content)


def _categories(turn: Turn, content: Content) -> InlineKeyboardMarkup:
    menu = InlineKeyboardBuilder()
    for category in content.kb.categories:
        data = ReviewCb(action="cat", value=category.id)
        menu.button(text=category.title(turn.lang), callback_data=data)
    menu.button(text=turn.t("btn-back"), callback_data=ReviewCb(action="back"))
    menu.adjust(1)
    return menu.as_markup()


def _topics(turn: Turn, content: Content, category_id: str) -> InlineKeyboardMarkup:
    menu = InlineKeyboardBuilder()
    for topic in content.kb.topics_in(category_id):
        menu.button(
            text=topic.text(turn.lang).short, callback_data=ReviewCb(action="topic", value=topic.id)
        )
    menu.button(text=turn.t("btn-back"), callback_data=ReviewCb(action="other"))
    menu.adjust(1)
    return menu.as_markup()


async def _record(turn: Turn, content: Content, verdict: Verdict, topic_id: str | None) -> None:
    data = await turn.state.get_data()
    question, key = str(data.get("question", "")), str(data.get("key", ""))
    if not key:
        return
    await record_review(
        turn.db,
        Review(
            key=key,
            question=question,
            lang=str(data.get("lang", turn.lang)),
            verdict=verdict,
            topic_id=topic_id,
            operator_id=turn.user.id,
            reviewed_at=int(turn.clock.now().timestamp()),
        ),
    )
    if verdict != "skip":
        content.teach(Learned(question, topic_id))
