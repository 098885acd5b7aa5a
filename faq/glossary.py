"""One vocabulary per language (`glossary.toml`): the term our texts use for each concept, the
words people type for it, and the words our texts must not use."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from faq.model import LANGUAGES


@dataclass(frozen=True, slots=True)
class Term:
    concept: str
    lang: str
    preferred: str
    community: tuple[str, ...]
    forbidden: tuple[str, ...]
    alone: tuple[str, ...]
    """Allowed in a text only beside the preferred term."""


@dataclass(frozen=True, slots=True)
class Glossary:
    terms: tuple[Term, ...]

    def in_language(self, lang: str) -> list[Term]:
        return [t for t in self.terms if t.lang == lang]

    def concepts(self) -> Mapping[str, tuple[str, ...]]:
        """Concept id -> every way of writing it, in any language (preferred and community)."""
        spellings: dict[str, list[str]] = {}
        for term in self.terms:
            spellings.setdefault(term.concept, []).extend((term.preferred, *term.community))
        return {concept: tuple(dict.fromkeys(words)) for concept, words in spellings.items()}


class GlossaryError(ValueError):
    pass


def load_glossary(path: Path) -> Glossary:
    """Raises GlossaryError naming the first malformed entry."""
    with path.open("rb") as f:
        data = tomllib.load(f)
    terms = []
    for concept, languages in data.items():
        if not isinstance(languages, dict):
            raise GlossaryError(f"{path.name}.{concept}: must be a table of languages")
        for lang, raw in languages.items():
            where = f"{path.name}.{concept}.{lang}"
            if lang not in LANGUAGES or not isinstance(raw, dict):
                raise GlossaryError(f"{where}: not one of {', '.join(LANGUAGES)}")
            preferred = raw.get("preferred")
            if not isinstance(preferred, str) or not preferred.strip():
                raise GlossaryError(f"{where}.preferred: must be a non-empty string")
            lists = {}
            for key in ("community", "forbidden", "alone"):
                value = raw.get(key, [])
                if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                    raise GlossaryError(f"{where}.{key}: must be a list of strings")
                lists[key] = tuple(value)
            terms.append(Term(concept, lang, preferred.strip(), **lists))
    return Glossary(tuple(terms))
