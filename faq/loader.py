"""Reads and validates the content files. Every problem is collected, named by file and field."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from faq.editorial import LONGEST_DATE, editorial_problems
from faq.model import (
    LANGUAGES,
    AnswerLabels,
    Category,
    DocumentKind,
    DocumentText,
    KnowledgeBase,
    Source,
    Topic,
    TopicText,
)
from faq.render import render_answer
from faq.telegram_html import html_problems, visible_length

CONTENT_DIR = Path(__file__).parent / "content"
DOCUMENT_KINDS = ("visa", "registration", "rvp", "vnzh", "patent", "other")
MESSAGE_LIMIT = 4096
ANSWER_LIMIT = 400  # the answer itself, before the folded details
DETAILS_LIMIT = 2500
TITLE_LIMIT = 80
SHORT_LIMIT = 32  # a button label that a phone shows whole
SOURCE_TITLE_LIMIT = 80
MAX_SOURCES = 5
MIN_QUESTIONS = 30
MAX_QUESTIONS = 120
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ContentError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} content problem(s):\n" + "\n".join(problems))
        self.problems = problems


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


def _read(path: Path, problems: _Problems) -> dict[str, Any] | None:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        problems.add(path.name, "file is missing")
    except tomllib.TOMLDecodeError as e:
        problems.add(path.name, f"not valid TOML: {e}")
    return None


def _text(data: dict[str, Any], key: str, where: str, problems: _Problems, limit: int = 0) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.add(f"{where}.{key}", "must be a non-empty string")
        return ""
    if limit and len(value) > limit:
        problems.add(f"{where}.{key}", f"is {len(value)} characters, at most {limit} allowed")
    return value.strip()


def _strings(
    data: dict[str, Any], key: str, where: str, problems: _Problems, low: int, high: int
) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(f"{where}.{key}", "must be a list of non-empty strings")
        return ()
    if not low <= len(value) <= high:
        problems.add(f"{where}.{key}", f"has {len(value)} entries, expected {low} to {high}")
    return tuple(v.strip() for v in value)


def _missing_languages(data: dict[str, Any], where: str, problems: _Problems) -> bool:
    missing = [lang for lang in LANGUAGES if not isinstance(data.get(lang), dict)]
    for lang in missing:
        problems.add(f"{where}.{lang}", "language table is missing")
    return bool(missing)


def _load_sources(data: dict[str, Any], name: str, problems: _Problems) -> tuple[Source, ...]:
    raw_sources = data.get("sources")
    if not isinstance(raw_sources, list) or not 1 <= len(raw_sources) <= MAX_SOURCES:
        problems.add(f"{name}.sources", f"1 to {MAX_SOURCES} [[sources]] entries are required")
        return ()
    sources = []
    for i, raw in enumerate(raw_sources):
        where = f"{name}.sources[{i}]"
        if not isinstance(raw, dict):
            problems.add(where, "must be a table with url and a title per language")
            continue
        url = raw.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            problems.add(f"{where}.url", "must be an http(s) address")
            url = ""
        titles = {lang: _text(raw, lang, where, problems, SOURCE_TITLE_LIMIT) for lang in LANGUAGES}
        sources.append(Source(url=url, titles=titles))
    return tuple(sources)


def _load_text(table: dict[str, Any], where: str, problems: _Problems) -> TopicText:
    answer = _text(table, "answer", where, problems, ANSWER_LIMIT)
    details = table.get("details", "")
    if not isinstance(details, str):
        problems.add(f"{where}.details", "must be a string")
        details = ""
    elif len(details) > DETAILS_LIMIT:
        problems.add(f"{where}.details", f"is {len(details)} characters, at most {DETAILS_LIMIT}")
    for key, value in (("answer", answer), ("details", details)):
        for problem in html_problems(value):
            problems.add(f"{where}.{key}", problem)
    if "<blockquote" in details:
        problems.add(f"{where}.details", "is folded into a blockquote already: no <blockquote>")
    return TopicText(
        title=_text(table, "title", where, problems, TITLE_LIMIT),
        short=_text(table, "short", where, problems, SHORT_LIMIT),
        answer=answer,
        details=details.strip(),
        questions=_strings(table, "questions", where, problems, MIN_QUESTIONS, MAX_QUESTIONS),
        keywords=_strings(table, "keywords", where, problems, 3, 30),
    )


def _load_topic(path: Path, problems: _Problems) -> Topic | None:
    data = _read(path, problems)
    if data is None:
        return None
    name = path.name
    topic_id = _text(data, "id", name, problems)
    if topic_id and topic_id != path.stem:
        problems.add(f"{name}.id", f"is {topic_id!r} but the file name says {path.stem!r}")
    if topic_id and not _ID.match(topic_id):
        problems.add(f"{name}.id", "use lowercase letters, digits and dashes only")
    reviewed = data.get("reviewed")
    if not isinstance(reviewed, date):
        problems.add(f"{name}.reviewed", "must be a TOML date such as 2026-11-21")
        reviewed = date.min
    elif reviewed > date.today():
        problems.add(f"{name}.reviewed", f"{reviewed} is in the future")
    legal = data.get("legal", True)
    if not isinstance(legal, bool):
        problems.add(f"{name}.legal", "must be true or false")
        legal = True
    texts: dict[str, TopicText] = {}
    if not _missing_languages(data, name, problems):
        texts = {lang: _load_text(data[lang], f"{name}.{lang}", problems) for lang in LANGUAGES}
    return Topic(
        id=topic_id,
        category=_text(data, "category", name, problems),
        reviewed=reviewed,
        legal=legal,
        related=_strings(data, "related", name, problems, 0, 6),
        facts=tuple(data.get("facts", ())),
        sources=_load_sources(data, name, problems),
        texts=texts,
    )


def _load_categories(path: Path, problems: _Problems) -> tuple[Category, ...]:
    data = _read(path, problems) or {}
    categories = []
    for i, raw in enumerate(data.get("category", [])):
        where = f"{path.name}.category[{i}]"
        titles = {lang: _text(raw, lang, where, problems, TITLE_LIMIT) for lang in LANGUAGES}
        categories.append(
            Category(id=_text(raw, "id", where, problems), icon=raw.get("icon", ""), titles=titles)
        )
    if not categories:
        problems.add(path.name, "no [[category]] entries")
    return tuple(categories)


def _load_labels(path: Path, problems: _Problems) -> dict[str, AnswerLabels]:
    data = _read(path, problems) or {}
    if _missing_languages(data, path.name, problems):
        return {}
    return {
        lang: AnswerLabels(
            sources=_text(data[lang], "sources", f"{path.name}.{lang}", problems),
            reviewed=_text(data[lang], "reviewed", f"{path.name}.{lang}", problems),
            disclaimer=_text(data[lang], "disclaimer", f"{path.name}.{lang}", problems, 300),
        )
        for lang in LANGUAGES
    }


def _load_documents(path: Path, problems: _Problems) -> dict[str, DocumentKind]:
    data = _read(path, problems) or {}
    kinds = {}
    for kind in DOCUMENT_KINDS:
        raw = data.get(kind)
        if not isinstance(raw, dict):
            problems.add(f"{path.name}.{kind}", "document kind is missing")
            continue
        where = f"{path.name}.{kind}"
        lead = raw.get("lead_days")
        if not isinstance(lead, int) or not 0 <= lead <= 365:
            problems.add(f"{where}.lead_days", "must be a whole number of days from 0 to 365")
            lead = 0
        offsets = raw.get("reminder_days")
        if (
            not isinstance(offsets, list)
            or not offsets
            or not all(isinstance(d, int) and 0 <= d <= 365 for d in offsets)
            or offsets != sorted(set(offsets), reverse=True)
        ):
            problems.add(f"{where}.reminder_days", "must be distinct days 0-365, largest first")
            offsets = [0]
        monthly = raw.get("monthly", False)
        if not isinstance(monthly, bool):
            problems.add(f"{where}.monthly", "must be true or false")
            monthly = False
        texts = {}
        if not _missing_languages(raw, where, problems):
            for lang in LANGUAGES:
                lw, table = f"{where}.{lang}", raw[lang]
                texts[lang] = DocumentText(
                    title=_text(table, "title", lw, problems, SHORT_LIMIT),
                    lead_note=_text(table, "lead_note", lw, problems, 400),
                    checklist=_strings(table, "checklist", lw, problems, 1, 15),
                )
        kinds[kind] = DocumentKind(
            id=kind,
            lead_days=lead,
            reminder_days=tuple(offsets),
            topics=_strings(raw, "topics", where, problems, 0, 6),
            texts=texts,
            monthly=monthly,
        )
    return kinds


def _check_links(kb: KnowledgeBase, problems: _Problems) -> None:
    category_ids = {c.id for c in kb.categories}
    for topic in kb.topics.values():
        name = f"{topic.id}.toml"
        if topic.category and topic.category not in category_ids:
            problems.add(f"{name}.category", f"{topic.category!r} is not in categories.toml")
        for other in topic.related:
            if other not in kb.topics:
                problems.add(f"{name}.related", f"{other!r} is not a topic")
            elif other == topic.id:
                problems.add(f"{name}.related", "a topic cannot relate to itself")
        if len(topic.texts) == len(LANGUAGES) and kb.labels:
            for lang in LANGUAGES:
                length = visible_length(render_answer(kb, topic, lang, LONGEST_DATE))
                if length > MESSAGE_LIMIT:
                    problems.add(f"{name}.{lang}", f"rendered answer is {length} > {MESSAGE_LIMIT}")
    for kind in kb.documents.values():
        for other in kind.topics:
            if other not in kb.topics:
                problems.add(f"documents.toml.{kind.id}.topics", f"{other!r} is not a topic")


def load_knowledge_base(root: Path = CONTENT_DIR) -> KnowledgeBase:
    """Loads everything under `root`; raises ContentError listing every problem found."""
    problems = _Problems()
    topics: dict[str, Topic] = {}
    paths = sorted((root / "topics").glob("*.toml"))
    if not paths:
        problems.add("topics/", "no topic files")
    for path in paths:
        topic = _load_topic(path, problems)
        if topic is None or not topic.id:
            continue
        if topic.id in topics:
            problems.add(path.name, f"duplicate topic id {topic.id!r}")
        topics[topic.id] = topic
    kb = KnowledgeBase(
        topics=topics,
        categories=_load_categories(root / "categories.toml", problems),
        documents=_load_documents(root / "documents.toml", problems),
        labels=_load_labels(root / "meta.toml", problems),
    )
    _check_links(kb, problems)
    problems.items.extend(editorial_problems(kb, root))
    if problems.items:
        raise ContentError(problems.items)
    return kb
