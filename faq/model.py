"""The knowledge base as immutable values: what the loader produces and everything else reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

LANGUAGES: tuple[str, ...] = ("en", "ru", "zh", "it")
FALLBACK_LANGUAGE = "en"  # the content has every text in English
T = TypeVar("T")


def in_language(texts: Mapping[str, T], lang: str) -> T:
    """The text in `lang`, else the English one."""
    return texts.get(lang) or texts[FALLBACK_LANGUAGE]


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    titles: Mapping[str, str]

    def title(self, lang: str) -> str:
        return in_language(self.titles, lang)


@dataclass(frozen=True, slots=True)
class TopicText:
    title: str
    """The full question, the answer's heading."""
    short: str
    """A button label."""
    answer: str
    """The answer itself in a sentence or two: what a reader sees first."""
    details: str
    """Everything else, folded until the reader opens it."""
    questions: tuple[str, ...]
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    category: str
    reviewed: date
    legal: bool
    """A statement about the law, which needs an official source; not one about this bot."""
    related: tuple[str, ...]
    facts: tuple[str, ...]
    sources: tuple[Source, ...]
    texts: Mapping[str, TopicText]

    def text(self, lang: str) -> TopicText:
        return in_language(self.texts, lang)


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    icon: str
    titles: Mapping[str, str]

    def title(self, lang: str) -> str:
        return f"{self.icon} {in_language(self.titles, lang)}"


@dataclass(frozen=True, slots=True)
class DocumentText:
    title: str
    lead_note: str
    checklist: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentKind:
    id: str
    lead_days: int
    reminder_days: tuple[int, ...]
    topics: tuple[str, ...]
    texts: Mapping[str, DocumentText]
    monthly: bool = False  # the date is "paid until": reminders before each monthly payment

    def text(self, lang: str) -> DocumentText:
        return in_language(self.texts, lang)


@dataclass(frozen=True, slots=True)
class AnswerLabels:
    sources: str
    reviewed: str
    disclaimer: str


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    topics: Mapping[str, Topic]
    categories: tuple[Category, ...]
    documents: Mapping[str, DocumentKind]
    labels: Mapping[str, AnswerLabels]

    def topics_in(self, category_id: str) -> list[Topic]:
        return [t for t in self.topics.values() if t.category == category_id]

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)
