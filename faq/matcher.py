"""Free-text questions to topics: one index over every language's examples, built once.

Two decisions are kept apart. Which topic ranks first comes from the topics' own examples. Whether
the message belongs to our domain at all comes from the same index, where the subjects we decline
(other countries' visas, citizenship, renting, banking...) are classes with examples of their own:
a message nearer to one of those than to any topic is declined, with that subject as the reason.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from faq.features import Analyzer, Features
from faq.index import Corpus, Scores, TopicIndex
from faq.language import ForeignLanguage, LanguageDetector
from faq.lexicon import Lexicon, load_lexicon, phrase_pattern
from faq.model import KnowledgeBase
from faq.normalize import Token, is_cyrillic, normalize, tokenize
from faq.translit import from_latin_layout

DECLINE_BELOW = 0.16  # best topic's score under which the matcher declines
SUBJECT_MARGIN = -0.03  # a declined subject within this much of the best topic declines it
SUBJECT_LEAD = 0.08  # ...and one within this much leaves the answer to the user's choice
ALTERNATIVES = 2  # offered with the best topic when unsure: three buttons
MIN_FUZZY_LENGTH = 5  # shorter words are too often another real word one letter away
MAX_CHARS = 4096  # Telegram's longest message: the whole of it is read
STORY_WEIGHT = 0.5  # the whole story around a question, against one sentence that asks
SUBJECT_PREFIX = "offtopic:"
NAMED_DOCUMENTS = ("rvp", "vnzh", "patent", "registration", "visa")
"""Glossary concepts that are document kinds of the renewal wizard; the longest name found wins
("permesso di lavoro" is a patent, "permesso" alone a residence permit)."""
_SENTENCE_END = re.compile(r"(?<=[.!?\u3002\uff01\uff1f\u2026;\uff1b])\s*|\n+")

Evidence = tuple[float, ...]

FOREIGN = "language"
"""The `subject` of a message declined because it is in a language we don't speak."""


@dataclass(frozen=True)
class Match:
    topic_id: str | None
    score: float
    confident: bool
    lang: str
    alternatives: tuple[str, ...]
    subject: str | None = None
    """Why it was declined: the subject it is nearest to, or FOREIGN."""
    smalltalk: str | None = None
    """The kind of small talk, for a message that is not a question."""

    @property
    def kind(self) -> str:
        """`topic`, `uncertain`, `offtopic` or `smalltalk:<name>`."""
        if self.smalltalk:
            return f"smalltalk:{self.smalltalk}"
        if self.topic_id is None:
            return "offtopic"
        return "topic" if self.confident else "uncertain"


@dataclass(frozen=True, slots=True)
class Learned:
    """An operator's answer to a question the bot could not place: a topic, or None for
    "not our subject"."""

    question: str
    topic_id: str | None


@dataclass(frozen=True, slots=True)
class _Query:
    lang: str
    features: Features | None
    """None when nothing is left to score (empty, or only small talk)."""
    relaid: str = ""
    """The normalised text, Russian typed in the English layout put back in Cyrillic."""


@dataclass(slots=True)
class _Sample:
    topic: int
    group: int
    terms: list[Token]
    signals: Features


class Matcher:
    """Built once per knowledge base (well under a second); `match` and `search` then take about
    a millisecond and change nothing."""

    def __init__(
        self, kb: KnowledgeBase, lexicon: Lexicon | None = None, learned: Sequence[Learned] = ()
    ) -> None:
        self._lexicon = lexicon = lexicon or load_lexicon()
        self._analyzer = analyzer = Analyzer(lexicon)
        self._topic_ids = [*kb.topics, *(SUBJECT_PREFIX + s for s in lexicon.subjects)]
        if any(item.topic_id is None for item in learned):
            self._topic_ids.append(SUBJECT_PREFIX + "learned")
        self._n_topics = len(kb.topics)
        self._class_index = {class_id: i for i, class_id in enumerate(self._topic_ids)}
        samples, vocabulary = self._read(kb, learned)
        russian_words = {t.text for s in samples for t in s.terms if t.script == "cyrillic"}
        analyzer.russian_stems = frozenset(map(analyzer.stem_russian, russian_words))
        analyzer.latin_words = frozenset(
            w for w in vocabulary if w.isascii() and not self._russian_layout(w)
        )
        lettered = [w for w in vocabulary if _lettered(w)]
        self._vocabulary = frozenset(vocabulary)
        self._sorted_vocabulary = sorted(lettered)
        self._frequency = vocabulary
        self._stems = frozenset(s for w in lettered for s in analyzer.stems(w))
        self._buckets = _fuzzy_buckets(w for w in lettered if len(w) >= 3)
        self._detector = _detector(kb, lexicon)
        self._foreign = ForeignLanguage(
            lexicon.foreign_words,
            lexicon.foreign_letters,
            (w for lang in ("en", "it") for w in self._detector.words(lang)),
        )
        spellings = lexicon.glossary_spellings
        self._documents = {
            kind: phrase_pattern(spellings[kind]) for kind in NAMED_DOCUMENTS if kind in spellings
        }
        self._taught = {
            normalize(item.question): item.topic_id
            for item in learned
            if item.topic_id is None or item.topic_id in kb.topics
        }
        corpus = Corpus(analyzer.remembered)
        for sample in samples:
            corpus.add(sample.topic, sample.group, sample.terms, sample.signals)
        self._index = TopicIndex(corpus, len(self._topic_ids))

    def _read(
        self, kb: KnowledgeBase, learned: Sequence[Learned]
    ) -> tuple[list[_Sample], Counter[str]]:
        """Every title, example question and keyword list as terms, per class and language; and
        every word written, with how often."""
        analyzer = self._analyzer
        samples: list[_Sample] = []
        vocabulary = Counter(w for key in self._lexicon.synonyms for w in key.split())
        classes = {class_id: i for i, class_id in enumerate(self._topic_ids)}
        texts: dict[str, list[list[str]]] = defaultdict(list)
        for topic in kb.topics.values():
            for text in topic.texts.values():
                keywords = " ".join(text.keywords)
                texts[topic.id].append([text.title, *text.questions, keywords])
        for subject, by_language in self._lexicon.subjects.items():
            texts[SUBJECT_PREFIX + subject].extend(list(e) for e in by_language.values() if e)
        for item in learned:
            class_id = item.topic_id or SUBJECT_PREFIX + "learned"
            if class_id in classes:
                texts[class_id].append([item.question])
        group = -1  # one class in one language
        for class_id in self._topic_ids:
            for examples in texts[class_id]:
                group += 1
                for example in examples:
                    normalized = normalize(example)
                    vocabulary.update(normalized.split())
                    terms = analyzer.terms(analyzer.canonical(normalized))
                    signals = analyzer.signals(normalized)
                    samples.append(_Sample(classes[class_id], group, terms, signals))
        return samples, vocabulary

    def match(self, text: str, lang_hint: str | None = None) -> Match:
        return self.weigh(text, lang_hint)[0]

    def weigh(self, text: str, lang_hint: str | None = None) -> tuple[Match, Evidence | None]:
        """The match, and the evidence its confidence was judged on (None when no topic was
        ranked first: small talk, a decline, an operator's verdict)."""
        query = self._analyse(text, lang_hint)
        smalltalk = self._lexicon.smalltalk
        if talk := smalltalk.kind(text) or smalltalk.kind(query.relaid):
            return Match(None, 0.0, False, query.lang, (), smalltalk=talk), None
        if self._foreign.detect(text, tokenize(normalize(text[:MAX_CHARS]))):
            return Match(None, 0.0, False, query.lang, (), subject=FOREIGN), None
        taught = self._taught.get(normalize(text[:MAX_CHARS]), "")
        if taught != "":
            return Match(taught, 1.0, taught is not None, query.lang, ()), None
        scores = self._index.scores(query.features) if query.features else None
        ranked = self._ranked(scores)
        topics = [(t, s) for t, s in ranked if not t.startswith(SUBJECT_PREFIX)]
        subject = next(((t, s) for t, s in ranked if t.startswith(SUBJECT_PREFIX)), None)
        best = topics[0] if topics else None
        if scores is None or best is None or best[1] < DECLINE_BELOW:
            return self._declined(query, best, subject), None
        if subject is not None and subject[1] > best[1] + SUBJECT_MARGIN:
            return self._declined(query, best, subject), None
        (best_id, score), *rest = topics
        subject_score = subject[1] if subject else 0.0
        evidence = self._evidence(topics, subject_score, scores)
        confident = score - subject_score >= SUBJECT_LEAD and (
            self._lexicon.confidence.confident(evidence)
        )
        alternatives = tuple(t for t, _ in rest[:ALTERNATIVES])
        return Match(best_id, round(score, 4), confident, query.lang, alternatives), evidence

    def _evidence(
        self, topics: list[tuple[str, float]], subject: float, scores: Scores
    ) -> Evidence:
        """What the ranking shows, in the order of `confidence.EVIDENCE`."""
        (best_id, score), *rest = topics
        second = rest[0][1] if rest else 0.0
        third = rest[1][1] if len(rest) > 1 else 0.0
        best = self._class_index[best_id]
        centroids = scores.centroid[: self._n_topics]
        centroid_first = int(np.argmax(centroids)) == best
        other_centroid = max(np.delete(centroids, best), default=0.0)
        return (
            score,
            score - second,
            second / score,
            score - subject,
            score - third,
            float(centroid_first),
            float(scores.example[best]),
            float(scores.centroid[best]),
            float(scores.centroid[best] - other_centroid),
        )

    @staticmethod
    def _declined(
        query: _Query, best: tuple[str, float] | None, subject: tuple[str, float] | None
    ) -> Match:
        name = subject[0].removeprefix(SUBJECT_PREFIX) if subject else None
        if subject and best and subject[1] <= best[1]:
            name = None  # declined for a weak topic, not for a subject
        score = round(max(best[1] if best else 0.0, subject[1] if subject else 0.0), 4)
        return Match(None, score, False, query.lang, (), subject=name)

    def document_named(self, text: str) -> str | None:
        """The document kind a message names ("my visa ends on 15 March": visa), if any."""
        normalized = normalize(text[:MAX_CHARS])
        found = [
            (len(m.group()), kind)
            for kind, p in self._documents.items()
            if (m := p.search(normalized))
        ]
        return max(found, key=lambda pair: pair[0])[1] if found else None

    def teach(self, item: Learned) -> None:
        """An operator's verdict on one question, in effect at once for that question; the next
        Matcher built with it learns it as an example too."""
        if item.topic_id is None or item.topic_id in self._topic_ids[: self._n_topics]:
            self._taught[normalize(item.question[:MAX_CHARS])] = item.topic_id

    def smalltalk_phrases(self) -> list[tuple[str, str]]:
        return self._lexicon.smalltalk.phrases()

    def search(
        self, text: str, lang_hint: str | None = None, limit: int = 5
    ) -> list[tuple[str, float]]:
        query = self._analyse(self._complete(text), lang_hint)
        if not query.features or limit <= 0:
            return []
        ranked = self._ranked(self._index.scores(query.features))
        if not ranked or ranked[0][0].startswith(SUBJECT_PREFIX):
            return []
        topics = [(t, s) for t, s in ranked if not t.startswith(SUBJECT_PREFIX)]
        return [(t, round(s, 4)) for t, s in topics[:limit] if s >= DECLINE_BELOW]

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
        text = text[:MAX_CHARS]
        normalized = " ".join(self._relayout(t) for t in normalize(text).split())
        tokens = tokenize(normalized)
        translit = sum(
            1 for t in tokens if t.script == "latin" and self._analyzer.russian_reading(t.text)
        )
        lang = self._detector.detect(tokens, lang_hint, translit)
        sentences = [s for s in _SENTENCE_END.split(text) if s and s.strip()]
        if len(sentences) < 2:
            return _Query(lang, self._features(normalized), normalized)
        features: Features = {}
        asks = [_asks(s, self._analyzer) for s in sentences]
        story = len(asks) - sum(asks)
        weights = [1.0 if a else STORY_WEIGHT / story for a in asks]
        if not any(asks):
            weights = [1.0] * len(weights)
        for sentence, weight in zip(sentences, weights, strict=True):
            relaid = " ".join(self._relayout(t) for t in normalize(sentence).split())
            for key, value in (self._features(relaid) or {}).items():
                features[key] = features.get(key, 0.0) + weight * value
        return _Query(lang, features or None, normalized)

    def _features(self, normalized: str) -> Features | None:
        content = self._lexicon.social.sub(" ", normalized)
        corrected = " ".join(self._correct(t) for t in tokenize(content))
        terms = self._analyzer.terms(self._analyzer.canonical(corrected))
        signals = self._analyzer.signals(corrected)
        if not terms and not signals:
            return None
        return {**self._analyzer.features(terms), **signals}

    def _russian_layout(self, word: str) -> bool:
        """An example typed in the wrong keyboard layout, as users do: not a Latin word."""
        analyzer = self._analyzer
        if len(word) < 3 or not word.isalpha() or word in analyzer.stopwords:
            return False
        return analyzer.stem_russian(from_latin_layout(word)) in analyzer.russian_stems

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

    def _correct(self, token: Token) -> str:
        """A misspelt word becomes the closest known word, if one is close enough."""
        word = token.text
        if len(word) < MIN_FUZZY_LENGTH and token.script in ("latin", "cyrillic"):
            return self._unswapped(word)
        if (
            token.script not in ("latin", "cyrillic")
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

    def _unswapped(self, word: str) -> str:
        """A short unknown word with two letters swapped ("mnay") becomes the known word, the
        most frequent one if several; any other short typo stays as typed."""
        if len(word) < 3 or word in self._vocabulary or word in self._analyzer.stopwords:
            return word
        swaps = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
        known = [w for w in swaps if w in self._vocabulary]
        return max(known, key=self._frequency.__getitem__) if known else word

    def _ranked(self, scores: Scores | None) -> list[tuple[str, float]]:
        if scores is None:
            return []
        total = scores.total
        order = np.argsort(-total)
        return [(self._topic_ids[t], float(total[t])) for t in order if total[t] > 0]


def _detector(kb: KnowledgeBase, lexicon: Lexicon) -> LanguageDetector:
    """English against Italian by the words of each language's answers and questions."""
    words = {lang: [*lexicon.stopwords[lang], *lexicon.social_words[lang]] for lang in ("en", "it")}
    for topic in kb.topics.values():
        for lang, known in words.items():
            text = topic.text(lang)
            known.extend(normalize(f"{text.answer} {' '.join(text.questions)}").split())
    return LanguageDetector(words["en"], words["it"])


def _asks(sentence: str, analyzer: Analyzer) -> bool:
    """A sentence that asks: a question mark, or words that ask for a cost, a time, a place..."""
    if "?" in sentence or "\uff1f" in sentence:
        return True
    return any(key.startswith("?") for key in analyzer.signals(normalize(sentence)))


def _lettered(word: str) -> bool:
    return "a" <= word[0] <= "z" or is_cyrillic(word[0])


def _fuzzy_buckets(words: Iterable[str]) -> dict[tuple[str, int], list[str]]:
    """Candidates for a misspelt word: same first letter, length within one."""
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for word in sorted(set(words)):
        for length in (len(word) - 1, len(word), len(word) + 1):
            buckets[(word[0], length)].append(word)
    return dict(buckets)
