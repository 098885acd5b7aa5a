"""Editorial rules beyond the format: official sources, one vocabulary per language, a short
first screen, and dates written as each language writes them."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from faq.glossary import Glossary, GlossaryError, load_glossary
from faq.model import LANGUAGES, KnowledgeBase, Topic
from faq.normalize import normalize
from faq.render import render_answer, render_details
from faq.telegram_html import visible_length

FIRST_SCREEN_LIMIT = 700  # what a reader sees before unfolding the details
BUTTON_LIMIT = 40
LONGEST_DATE = "9" * 19  # as long as the longest review date any language writes
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def editorial_problems(kb: KnowledgeBase, root: Path) -> list[str]:
    problems = list(_source_problems(kb, root / "sources.toml"))
    try:
        glossary = load_glossary(root / "glossary.toml")
    except (OSError, tomllib.TOMLDecodeError, GlossaryError) as e:
        problems.append(f"glossary.toml: {e}")
    else:
        problems.extend(_vocabulary_problems(kb, glossary))
    problems.extend(_shape_problems(kb))
    problems.extend(_example_problems(kb))
    return problems


def _example_problems(kb: KnowledgeBase) -> Iterator[str]:
    """A training question teaches one topic: the same question under two teaches neither."""
    first: dict[str, str] = {}
    for topic in kb.topics.values():
        for lang, text in topic.texts.items():
            for question in text.questions:
                key = normalize(question)
                owner = first.setdefault(key, topic.id)
                if owner != topic.id:
                    yield f"{topic.id}.toml.{lang}.questions: {question!r} is also in {owner}.toml"


def _complete(kb: KnowledgeBase) -> list[Topic]:
    """Topics that loaded in every language (the others have problems named already)."""
    return [t for t in kb.topics.values() if len(t.texts) == len(LANGUAGES)]


def host_of(url: str) -> str:
    """The host in its ASCII (punycode) form, without "www."."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _listed(host: str, domains: Iterable[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _source_problems(kb: KnowledgeBase, path: Path) -> Iterator[str]:
    try:
        with path.open("rb") as f:
            policy = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        yield f"{path.name}: {e}"
        return
    official = [host_of(f"https://{d}/") for d in policy.get("official", [])]
    deny = [host_of(f"https://{d}/") for d in policy.get("deny", [])]
    for topic in kb.topics.values():
        if not topic.sources:
            continue
        hosts = [host_of(s.url) for s in topic.sources]
        for source, host in zip(topic.sources, hosts, strict=True):
            if _listed(host, deny):
                yield f"{topic.id}.toml.sources: {source.url} is on the deny list of {path.name}"
        if topic.legal and not any(_listed(h, official) for h in hosts):
            yield f"{topic.id}.toml.sources: a legal topic needs an official source ({path.name})"


def _texts(kb: KnowledgeBase, lang: str) -> Iterator[tuple[str, str]]:
    """Every text of ours a reader sees in `lang`, with where it is."""
    for topic in _complete(kb):
        text = topic.text(lang)
        for field in ("title", "short", "answer", "details"):
            yield f"{topic.id}.toml.{lang}.{field}", getattr(text, field)
    for kind in kb.documents.values():
        if not kind.texts:
            continue
        doc = kind.text(lang)
        where = f"documents.toml.{kind.id}.{lang}"
        yield f"{where}.title", doc.title
        yield f"{where}.lead_note", doc.lead_note
        yield from ((f"{where}.checklist", item) for item in doc.checklist)
    for category in kb.categories:
        yield f"categories.toml.{category.id}.{lang}", category.title(lang)


def _vocabulary_problems(kb: KnowledgeBase, glossary: Glossary) -> Iterator[str]:
    for lang in LANGUAGES:
        terms = glossary.in_language(lang)
        for where, text in _texts(kb, lang):
            folded = text.casefold()
            for term in terms:
                for word in term.forbidden:
                    if word.casefold() in folded:
                        yield f"{where}: {word!r} is forbidden; write {term.preferred!r}"
                for word in term.alone:
                    if word.casefold() in folded and term.preferred.casefold() not in folded:
                        yield f"{where}: {word!r} only beside {term.preferred!r}"


def _shape_problems(kb: KnowledgeBase) -> Iterator[str]:
    for topic in _complete(kb) if kb.labels else ():
        for lang in LANGUAGES:
            text = topic.text(lang)
            where = f"{topic.id}.toml.{lang}"
            for field in ("answer", "details"):
                if found := _ISO_DATE.search(getattr(text, field)):
                    yield f"{where}.{field}: write {found.group()} as {lang} writes dates"
            message = render_answer(kb, topic, lang, LONGEST_DATE)
            first_screen = visible_length(message) - visible_length(render_details(topic, lang))
            if first_screen > FIRST_SCREEN_LIMIT:
                yield (
                    f"{where}: {first_screen} characters before the details unfold, at most "
                    f"{FIRST_SCREEN_LIMIT}: shorten the answer or the source titles"
                )
    for category in kb.categories:
        for lang in LANGUAGES:
            if len(label := category.title(lang)) > BUTTON_LIMIT:
                yield f"categories.toml.{category.id}.{lang}: button {label!r} > {BUTTON_LIMIT}"
