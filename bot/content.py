"""The knowledge base and its matcher: one holder, swapped in one place (/reload_faq).

Handlers read `content.kb` and `content.matcher` per update (the user-context middleware takes
both at once), so an update being handled finishes with the content it started with and the next
one sees the new. Anything that changes what is matched (a reload, a rebuilt matcher) goes through
`swap`.

What operators teach with /review is part of the content: a verdict answers its own question at
once (Matcher.teach), and the matcher is then rebuilt in the background with every verdict as an
example, so similar questions benefit too.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.matcher_cache import MatcherCache
from faq import KnowledgeBase, load_knowledge_base
from faq.loader import CONTENT_DIR
from faq.matcher import Learned, Matcher

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Reloaded:
    topics_before: int
    topics_after: int


class Content:
    def __init__(
        self,
        kb: KnowledgeBase,
        directory: Path = CONTENT_DIR,
        cache: MatcherCache | None = None,
    ) -> None:
        """`cache`: built matchers kept on disk, for a `kb` read from `directory`."""
        self.directory = directory  # what reload() reads (tests point it elsewhere)
        self._cache = cache
        self._learned: list[Learned] = []
        self._current = (kb, self._build(kb, ()))
        self._rebuilding: asyncio.Task[None] | None = None

    @classmethod
    def load(cls, directory: Path = CONTENT_DIR, cache: MatcherCache | None = None) -> Content:
        return cls(load_knowledge_base(directory), directory, cache)

    def keep_built(self) -> None:
        """Start-up went well: built matchers may be written to the cache from now on."""
        if self._cache is not None:
            self._cache.open()

    def _build(self, kb: KnowledgeBase, learned: Sequence[Learned]) -> Matcher:
        if self._cache is None:
            return Matcher(kb, learned=learned)
        return self._cache.matcher(kb, self.directory, learned)

    @property
    def kb(self) -> KnowledgeBase:
        return self._current[0]

    @property
    def matcher(self) -> Matcher:
        return self._current[1]

    def swap(self, kb: KnowledgeBase, matcher: Matcher) -> None:
        """Puts in a new knowledge base and its matcher."""
        self._current = (kb, matcher)

    async def learn(self, items: list[Learned]) -> None:
        """The verdicts stored so far (at start-up): one rebuild with all of them."""
        if not items:
            return
        self._learned = list(items)
        kb = self.kb
        self.swap(kb, await asyncio.to_thread(self._build, kb, self._learned))

    def teach(self, item: Learned) -> None:
        """One new verdict: in effect at once for its question, for similar ones after a rebuild."""
        self._learned.append(item)
        self.matcher.teach(item)
        if self._rebuilding is None or self._rebuilding.done():
            self._rebuilding = asyncio.create_task(self._rebuild())

    async def _rebuild(self) -> None:
        kb, learned = self.kb, list(self._learned)
        matcher = await asyncio.to_thread(self._build, kb, learned)
        for item in self._learned[len(learned) :]:  # taught while this one was being built
            matcher.teach(item)
        if self.kb is kb:
            self.swap(kb, matcher)

    async def settled(self) -> None:
        """Waits for a rebuild under way (tests, shutdown)."""
        if self._rebuilding is not None:
            await self._rebuilding

    async def reload(self) -> Reloaded:
        """Reads and validates the content files again, then swaps them in.

        Raises faq.ContentError (with every problem) and changes nothing when the files are invalid.
        """
        before = len(self.kb.topics)
        # Parsing, validating and indexing take a few hundred milliseconds: off the event loop.
        kb, matcher = await asyncio.to_thread(self._read)
        self.swap(kb, matcher)
        log.info("content reloaded: %s topics before, %s now", before, len(kb.topics))
        return Reloaded(before, len(kb.topics))

    def _read(self) -> tuple[KnowledgeBase, Matcher]:
        kb = load_knowledge_base(self.directory)
        return kb, self._build(kb, self._learned)
