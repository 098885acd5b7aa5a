"""Free-text questions to topics: one TF-IDF index over every language's examples, built once."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from faq.features import Analyzer, Features
from faq.index import Document, TopicIndex
from faq.language import LanguageDetector
from faq.lexicon import Lexicon, load_lexicon
from faq.model import KnowledgeBase
from faq.normalize import Token, is_cyrillic, normalize, tokenize
from faq.translit import from_latin_layout

DECLINE_BELOW = 0.16  # best topic's score under which the matcher declines
MIN_COVERAGE = 0.5  # share of the message's words the knowledge base must know
CONFIDENT_FROM = 0.30  # score, and lead over the runner-up, for answering without asking
CONFIDENT_MARGIN = 0.03
ALTERNATIVES = 3
MIN_FUZZY_LENGTH = 5  # shorter words are too often another real word one letter away
MAX_CHARS = 600  # a longer message is matched on its beginning


@dataclass(frozen=True)
class Match:
    topic_id: str | None
    score: float
    confident: bool
    lang: str
    alternatives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Query:
    lang: str
    features: Features | None
    """None when the message is declined before scoring (empty, greeting, off-topic marker)."""
    coverage: float = 0.0


@dataclass(slots=True)
class _Sample:
    topic: int
    group: int
    terms: list[Token]


class Matcher:
    """Built once per knowledge base (about 0.1 s); `match` and `search` then take well under
    a millisecond and change nothing."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon = lexicon or load_lexicon()
        self._analyzer = analyzer = Analyzer(lexicon)
        self._topic_ids = list(kb.topics)
        samples, vocabulary = self._read(kb)
        analyzer.russian_stems = frozenset(
            analyzer.stem_russian(t.text)
            for sample in samples
            for t in sample.terms
            if t.script == "cyrillic"
        )
        analyzer.latin_words = frozenset(w for w in vocabulary if w.isascii())
        lettered = [w for w in vocabulary if _lettered(w)]
        self._vocabulary = frozenset(vocabulary)
        self._sorted_vocabulary = sorted(lettered)
        self._frequency = vocabulary
        self._stems = frozenset(s for w in lettered for s in analyzer.stems(w))
        self._buckets = _fuzzy_buckets(w for w in lettered if len(w) >= 3)
        self._detector = _detector(kb, lexicon)
        documents = [
            Document(s.topic, s.group, analyzer.features(s.terms, remember=True)) for s in samples
        ]
        self._index = TopicIndex(documents, len(self._topic_ids))

    def _read(self, kb: KnowledgeBase) -> tuple[list[_Sample], Counter[str]]:
        """Every title, example question and keyword list as terms; and every word written,
        with how often."""
        analyzer = self._analyzer
        samples: list[_Sample] = []
        vocabulary = Counter(w for key in self._lexicon.synonyms for w in key.split())
        group = -1  # a topic in one language
        for index, topic in enumerate(kb.topics.values()):
            for text in topic.texts.values():
                group += 1
                for sample in (text.title, *text.questions, " ".join(text.keywords)):
                    normalized = normalize(sample)
                    vocabulary.update(normalized.split())
                    terms = analyzer.terms(analyzer.canonical(normalized))
                    samples.append(_Sample(index, group, terms))
        return samples, vocabulary

    def match(self, text: str, lang_hint: str | None = None) -> Match:
        query = self._analyse(text, lang_hint)
        ranked = self._rank(query)
        if not ranked or ranked[0][1] < DECLINE_BELOW or query.coverage < MIN_COVERAGE:
            return Match(None, round(ranked[0][1], 4) if ranked else 0.0, False, query.lang, ())
        (best, score), *rest = ranked
        second = rest[0][1] if rest else 0.0
        confident = score >= CONFIDENT_FROM and score - second >= CONFIDENT_MARGIN
        alternatives = tuple(t for t, _ in rest[:ALTERNATIVES])
        return Match(best, round(score, 4), confident, query.lang, alternatives)

    def search(
        self, text: str, lang_hint: str | None = None, limit: int = 5
    ) -> list[tuple[str, float]]:
        query = self._analyse(self._complete(text), lang_hint)
        if not query.features or query.coverage < MIN_COVERAGE or limit <= 0:
            return []
        ranked = self._rank(query)
        return [(t, round(s, 4)) for t, s in ranked[:limit] if s >= DECLINE_BELOW]

    def _complete(self, text: str) -> str:
        """Inline queries arrive as they are typed: a last word cut short becomes the commonest
        known word it begins ("visa ext" -> "visa extension")."""
        head, _, last = normalize(text[:MAX_CHARS]).rpartition(" ")
        if len(last) < 3 or last in self._vocabulary or not _lettered(last):
            return text
        at = bisect_left(self._sorted_vocabulary, last)
        found = []
        for word in self._sorted_vocabulary[at : at + 50]:
            if not word.startswith(last):
                break
            found.append(word)
        return f"{head} {max(found, key=self._frequency.__getitem__)}" if found else text

    def _analyse(self, text: str, lang_hint: str | None) -> _Query:
        normalized = " ".join(self._relayout(t) for t in normalize(text[:MAX_CHARS]).split())
        tokens = tokenize(normalized)
        translit = sum(
            1 for t in tokens if t.script == "latin" and self._analyzer.russian_reading(t.text)
        )
        lang = self._detector.detect(tokens, lang_hint, translit)
        if not tokens or self._lexicon.off_topic.search(normalized):
            return _Query(lang, None)
        content = tokenize(self._lexicon.social.sub(" ", normalized))
        corrected = " ".join(self._correct(t) for t in content)
        terms = self._analyzer.terms(self._analyzer.canonical(corrected))
        if not terms:
            return _Query(lang, None)
        return _Query(lang, self._analyzer.features(terms), self._coverage(terms))

    def _relayout(self, word: str) -> str:
        """A Latin word that is Russian typed in the English keyboard layout, in Cyrillic."""
        analyzer = self._analyzer
        if len(word) < 3 or not (word.isascii() and word.isalpha()):
            return word
        if word in analyzer.latin_words or word in analyzer.stopwords:
            return word
        if analyzer.russian_reading(word):
            return word
        russian = from_latin_layout(word)
        if self._lexicon.social.fullmatch(russian) or analyzer.stem_russian(russian) in (
            analyzer.russian_stems
        ):
            return russian
        return word

    def _coverage(self, terms: list[Token]) -> float:
        """The share of the message's words (Chinese: character pairs) the knowledge base knows."""
        known = total = 0
        for token in terms:
            text = token.text
            if token.script == "digit":
                continue
            if token.script == "han":
                pairs = [text[i : i + 2] for i in range(len(text) - 1)] or [text]
                total += len(pairs)
                known += sum(self._index.knows(p) for p in pairs)
                continue
            total += 1
            known += any(self._index.knows("~" + s) for s in self._analyzer.all_stems(text))
        return known / total if total else 1.0

    def _correct(self, token: Token) -> str:
        """A misspelt word becomes the closest known word, if one is close enough."""
        word = token.text
        if (
            token.script not in ("latin", "cyrillic")
            or len(word) < MIN_FUZZY_LENGTH
            or word in self._vocabulary
            or word in self._analyzer.stopwords
            or not self._stems.isdisjoint(self._analyzer.stems(word))
            or (token.script == "latin" and self._analyzer.russian_reading(word))
        ):
            return word
        choices = self._buckets.get((word[0], len(word)))
        if not choices:
            return word
        limit = 1 if len(word) < 6 else 2 if len(word) < 10 else 3
        found = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=limit)
        return found[0] if found else word

    def _rank(self, query: _Query) -> list[tuple[str, float]]:
        if not query.features:
            return []
        scores = self._index.scores(query.features)
        order = np.argsort(-scores)
        return [(self._topic_ids[t], float(scores[t])) for t in order if scores[t] > 0]


def _detector(kb: KnowledgeBase, lexicon: Lexicon) -> LanguageDetector:
    """English against Italian by the words of each language's answers and questions."""
    words = {lang: {*lexicon.stopwords[lang], *lexicon.social_words[lang]} for lang in ("en", "it")}
    for topic in kb.topics.values():
        for lang, known in words.items():
            text = topic.text(lang)
            known.update(normalize(f"{text.answer} {' '.join(text.questions)}").split())
    return LanguageDetector(words["en"], words["it"])


def _lettered(word: str) -> bool:
    return "a" <= word[0] <= "z" or is_cyrillic(word[0])


def _fuzzy_buckets(words: Iterable[str]) -> dict[tuple[str, int], list[str]]:
    """Candidates for a misspelt word: same first letter, length within one."""
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for word in sorted(set(words)):
        for length in (len(word) - 1, len(word), len(word) + 1):
            buckets[(word[0], length)].append(word)
    return dict(buckets)
