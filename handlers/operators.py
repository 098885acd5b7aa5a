"""Operators' commands (/stats, /reload_faq) and the gate in front of every operator command.

The gate answers anyone not in ADMIN_IDS who sends an operator command (bot.commands
OPERATOR_COMMANDS, including /broadcast and /broadcast_cancel handled elsewhere) exactly as the
fallback answers an unknown command, and logs the attempt. Operator handlers in other routers only
need `IsOperator()`: whatever they let through from a non-operator ends here. The router comes
early in handlers.routers(), so no wizard state swallows the attempt before it is logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.enums import ChatAction, ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, Message
from aiogram.utils.text_decorations import html_decoration

from bot.charts import ChartLabels, draw_stats_chart
from bot.commands import OPERATOR_COMMANDS
from bot.content import Content
from bot.filters import IsOperator
from bot.i18n import LANGUAGE_NAMES, I18n, Translator
from bot.preferences import language_of
from bot.settings import Settings
from bot.turn import Turn
from faq import ContentError, KnowledgeBase
from faq.model import LANGUAGES
from faq.telegram_html import visible_length
from handlers.fallback import unknown_command
from handlers.review import waiting
from storage.stats import Stats, gather_stats

log = logging.getLogger(__name__)
router = Router(name="operators")

MESSAGE_LIMIT = 4096
SHOWN_PROBLEMS = 20
PROBLEM_CHARS = 180  # 20 of them and the heading fit in one message
QUESTION_CHARS = 100
WEEKS = 12
DAYS = 30


@router.message(Command(*OPERATOR_COMMANDS), ~IsOperator())
async def refuse(message: Message, command: CommandObject, t: Translator) -> None:
    """Not an operator: the same answer as any unknown command (none in groups), and a log line."""
    user_id = message.from_user.id if message.from_user else None
    log.warning("refused operator command /%s from user %s", command.command, user_id)
    if message.chat.type == ChatType.PRIVATE:
        await unknown_command(message, t)


# --- /stats ---------------------------------------------------------------------------------------


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fit(lines: list[str]) -> str:
    """Joins lines, dropping them from the end until the message fits Telegram's limit."""
    text = "\n".join(lines)
    while visible_length(text) > MESSAGE_LIMIT and len(lines) > 1:
        lines = lines[:-1]
        text = "\n".join(lines)
    return text


def stats_text(
    stats: Stats, kb: KnowledgeBase, settings: Settings, t: Translator, today: str, awaiting: int
) -> str:
    """`awaiting`: how many questions wait for an operator's /review."""
    lines = [t("stats-title", date=today)]
    by_lang: dict[str, list[int]] = {}
    for u in stats.users:
        counts = by_lang.setdefault(language_of(u, settings), [0, 0, 0])
        counts[0] += u.total
        counts[1] += u.active
        counts[2] += u.blocked
    total, active, blocked = (sum(c[i] for c in by_lang.values()) for i in range(3))
    lines.append(t("stats-users", total=total, active=active, blocked=blocked))
    for lang in sorted(by_lang, key=lambda code: (code not in LANGUAGES, code)):
        n, a, b = by_lang[lang]
        name = html_decoration.quote(LANGUAGE_NAMES.get(lang, lang))
        lines.append(t("stats-users-language", language=name, total=n, active=a, blocked=b))

    lines += ["", t("stats-documents", total=sum(stats.documents_by_kind.values()))]
    for kind, count in stats.documents_by_kind.items():
        title = kb.documents[kind].text(t.lang).title if kind in kb.documents else kind
        lines.append(t("stats-documents-kind", kind=html_decoration.quote(title), count=count))
    lines.append(t("stats-expiring", week=stats.expiring_7, month=stats.expiring_30))
    weeks = len(stats.expiring_per_week)
    lines.append(t("stats-expiring-chart", weeks=weeks, count=sum(stats.expiring_per_week)))

    lines += ["", t("stats-reminders", count=stats.reminders_sent_7)]
    lines += ["", t("stats-questions", **stats.outcomes)]
    if stats.top_declined:
        lines.append(t("stats-declined-title"))
        for text, count in stats.top_declined:
            quoted = html_decoration.quote(_clip(text, QUESTION_CHARS))
            lines.append(t("stats-declined-item", count=count, text=quoted))
    else:
        lines.append(t("stats-declined-none"))
    lines.append(t("stats-review", count=awaiting))
    return _fit(lines)


def chart_labels(t: Translator, today: date, weeks: int, days: Sequence[date]) -> ChartLabels:
    """The chart's words: week ticks start at `today`, one day tick for each of `days`."""

    def day(d: date) -> str:
        return t("chart-day", day=d.day, month=d.month)

    return ChartLabels(
        expiring_title=t("chart-expiring-title"),
        documents_axis=t("chart-documents-axis"),
        week_ticks=[day(today + timedelta(days=7 * k)) for k in range(weeks)],
        questions_title=t("chart-questions-title"),
        questions_axis=t("chart-questions-axis"),
        answered=t("chart-answered"),
        declined=t("chart-declined"),
        day_ticks=[day(d) for d in days],
        suggested=t("chart-suggested"),
    )


@router.message(Command("stats"), IsOperator())
async def stats_command(message: Message, turn: Turn, i18n: I18n) -> None:
    t, now = turn.t, turn.clock.now()
    local = now.astimezone(ZoneInfo(turn.settings.default_timezone))
    stats = await gather_stats(turn.db, local, question_days=DAYS, weeks=WEEKS)
    awaiting = len(await waiting(turn))
    today = local.date().isoformat()
    await message.answer(stats_text(stats, turn.kb, turn.settings, t, today, awaiting))
    await turn.bot.send_chat_action(message.chat.id, ChatAction.UPLOAD_PHOTO)
    days = [d for d, _, _ in stats.questions_per_day]
    try:
        png = await asyncio.to_thread(
            draw_stats_chart,
            stats.expiring_per_week,
            [(a, d) for _, a, d in stats.questions_per_day],
            chart_labels(t, local.date(), WEEKS, days),
            chart_labels(i18n.translator("en"), local.date(), WEEKS, days),
            stats.suggested_per_day,
        )
    except Exception:
        log.exception("the /stats chart could not be drawn")
        await message.answer(t("stats-chart-failed"))
        return
    await message.answer_photo(
        BufferedInputFile(png, filename=f"stats-{local.date().isoformat()}.png"),
        caption=t("stats-chart-caption"),
    )


# --- /reload_faq ----------------------------------------------------------------------------------


def problems_text(problems: list[str], t: Translator) -> str:
    lines = [t("reload-faq-failed", count=len(problems)), ""]
    shown = problems[:SHOWN_PROBLEMS]
    lines += [f"• {html_decoration.quote(_clip(p, PROBLEM_CHARS))}" for p in shown]
    if len(problems) > len(shown):
        lines.append(t("reload-faq-more", count=len(problems) - len(shown)))
    return _fit(lines)


@router.message(Command("reload_faq"), IsOperator())
async def reload_faq(message: Message, content: Content, t: Translator) -> None:
    try:
        reloaded = await content.reload()
    except ContentError as e:
        log.warning("/reload_faq: content invalid, keeping the old content: %s", e)
        await message.answer(problems_text(e.problems, t))
        return
    await message.answer(
        t("reload-faq-done", before=reloaded.topics_before, after=reloaded.topics_after)
    )
