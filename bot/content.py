"""Reloading the knowledge base while the bot runs (/reload_faq)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from faq import KnowledgeBase, load_knowledge_base
from faq.matcher import Matcher

if TYPE_CHECKING:
    from bot.app import Services

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Reloaded:
    topics_before: int
    topics_after: int


def _load(services: Services) -> tuple[KnowledgeBase, Matcher]:
    kb = load_knowledge_base(services.content_dir)
    return kb, Matcher(kb)


async def reload_content(services: Services, workflow_data: MutableMapping[str, Any]) -> Reloaded:
    """Reads and validates the content files again, then puts the new knowledge base and matcher
    wherever the old ones are held.

    Raises faq.ContentError (with every problem) and changes nothing when the files are invalid.
    Handlers get `kb` and `matcher` from the dispatcher's workflow data on every update, so the
    next update sees the new content; one already being handled finishes with the old.
    """
    before = len(services.kb.topics)
    # Parsing, validating and indexing take a few hundred milliseconds: off the event loop.
    kb, matcher = await asyncio.to_thread(_load, services)
    workflow_data["kb"] = kb
    workflow_data["matcher"] = matcher
    services.kb = kb
    services.matcher = matcher
    if services.reminders is not None:
        services.reminders.kb = kb
    log.info("content reloaded: %s topics before, %s now", before, len(kb.topics))
    return Reloaded(before, len(kb.topics))
