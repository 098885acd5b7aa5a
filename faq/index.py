"""A sparse TF-IDF index of the topics' texts, scored per topic with numpy."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from faq.features import Features

EXAMPLE_WEIGHT = 0.2  # the closest single example question of a topic...
CENTROID_WEIGHT = 0.8  # ...and the topic's texts in one language taken together
UNKNOWN_DF = 0.5  # a query feature the index lacks weighs like one found in this many documents


class Corpus:
    """The documents to index, gathered as bags of words: each distinct word's features are
    worked out once, and numpy adds them up per document."""

    def __init__(self, word_features: Callable[[Hashable], Iterable[tuple[str, float]]]) -> None:
        self._word_features = word_features
        self.feature_ids: dict[str, int] = {}
        self.topics: list[int] = []
        self.groups: list[int] = []
        """Documents of one topic in one language form a group; its centroid is scored too."""
        self._word_ids: dict[Hashable, int] = {}
        self._word_starts = [0]
        self._word_columns: list[int] = []
        self._word_weights: list[float] = []
        self._words: list[int] = []
        self._lengths: list[int] = []
        self._extra: list[tuple[int, int, float]] = []

    def add(self, topic: int, group: int, words: Sequence[Hashable], extra: Features) -> None:
        """Documents come sorted by topic, at least one per topic."""
        document = len(self.topics)
        self.topics.append(topic)
        self.groups.append(group)
        known = self._word_ids
        for word in words:
            word_id = known.get(word)
            self._words.append(self._learn(word) if word_id is None else word_id)
        self._lengths.append(len(words))
        ids = self.feature_ids
        for feature, weight in extra.items():
            self._extra.append((document, ids.setdefault(feature, len(ids)), weight))

    def _learn(self, word: Hashable) -> int:
        ids = self.feature_ids
        for feature, weight in self._word_features(word):
            self._word_columns.append(ids.setdefault(feature, len(ids)))
            self._word_weights.append(weight)
        self._word_starts.append(len(self._word_columns))
        self._word_ids[word] = word_id = len(self._word_ids)
        return word_id

    def cells(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Document, feature and summed weight of every pair that occurs."""
        starts = np.array(self._word_starts)
        words = np.array(self._words, dtype=np.int64)
        sizes = starts[words + 1] - starts[words]
        ends = np.cumsum(sizes)
        at = np.repeat(starts[words] - (ends - sizes), sizes) + np.arange(int(ends[-1]))
        extra = np.array(self._extra, dtype=np.float64).reshape(-1, 3)
        documents = np.repeat(np.arange(len(self._lengths)), self._lengths)
        row = np.concatenate([np.repeat(documents, sizes), extra[:, 0].astype(np.int64)])
        col = np.concatenate([np.array(self._word_columns, dtype=np.int64)[at], extra[:, 1]])
        weight = np.concatenate([np.array(self._word_weights)[at], extra[:, 2]])
        n_features = len(self.feature_ids)
        cells, where = np.unique(row * n_features + col.astype(np.int64), return_inverse=True)
        return cells // n_features, cells % n_features, np.bincount(where, weights=weight)


@dataclass(frozen=True, slots=True)
class Scores:
    """Per topic, 0 to 1: the closest single example, the texts in one language taken together,
    and the two weighed into the topic's score."""

    example: np.ndarray
    centroid: np.ndarray

    @property
    def total(self) -> np.ndarray:
        return EXAMPLE_WEIGHT * self.example + CENTROID_WEIGHT * self.centroid


class TopicIndex:
    """Rows: every document, then every group's centroid; a topic scores by its best document
    and its best centroid."""

    def __init__(self, corpus: Corpus, topic_count: int) -> None:
        row, col, count = corpus.cells()
        ids = corpus.feature_ids
        n_docs, n_features = len(corpus.topics), len(ids)
        df = np.bincount(col, minlength=n_features)
        self._idf = np.log1p(n_docs / df)
        self._unknown_idf = float(np.log1p(n_docs / UNKNOWN_DF))
        self._ids = ids

        groups = np.array(corpus.groups)
        n_groups = int(groups.max()) + 1
        cells, where = np.unique(groups[row] * n_features + col, return_inverse=True)
        group_count = np.bincount(where, weights=count)
        row = np.concatenate([row, n_docs + cells // n_features])
        col = np.concatenate([col, cells % n_features])
        count = np.concatenate([count, group_count])

        weight = _damp(count) * self._idf[col]
        norms = np.sqrt(np.bincount(row, weights=weight * weight))
        weight /= norms[row]
        order = np.argsort(col, kind="stable")
        self._docs = row[order].astype(np.int32)
        self._weights = weight[order]
        self._starts = np.concatenate([[0], np.cumsum(np.bincount(col, minlength=n_features))])
        self._n_rows = n_docs + n_groups

        topics = np.array(corpus.topics)
        group_topics = np.zeros(n_groups, dtype=np.int64)
        group_topics[groups] = topics
        self._example_starts = np.searchsorted(topics, np.arange(topic_count))
        self._group_starts = n_docs + np.searchsorted(group_topics, np.arange(topic_count))
        self._n_docs = n_docs

    def scores(self, features: Features) -> Scores:
        """Cosine-based similarity of the query to each topic."""
        known: list[int] = []
        weights: list[float] = []
        unknown = 0.0
        for feature, count in features.items():
            fid = self._ids.get(feature)
            if fid is None:
                unknown += (_damp_one(count) * self._unknown_idf) ** 2
            else:
                known.append(fid)
                weights.append(_damp_one(count))
        if not known:
            nothing = np.zeros(len(self._example_starts))
            return Scores(nothing, nothing)
        fids = np.array(known)
        q = np.array(weights) * self._idf[fids]
        q /= np.sqrt(q @ q + unknown)
        starts, ends = self._starts[fids], self._starts[fids + 1]
        lengths = ends - starts
        docs = np.concatenate([self._docs[s:e] for s, e in zip(starts, ends, strict=True)])
        values = np.concatenate([self._weights[s:e] for s, e in zip(starts, ends, strict=True)])
        values *= np.repeat(q, lengths)
        rows = np.bincount(docs, weights=values, minlength=self._n_rows)
        example = np.maximum.reduceat(rows[: self._n_docs], self._example_starts)
        centroid = np.maximum.reduceat(rows, self._group_starts)
        return Scores(example, centroid)


def _damp(count: np.ndarray) -> np.ndarray:
    return np.where(count >= 1, 1 + np.log(np.maximum(count, 1)), count)


def _damp_one(count: float) -> float:
    return 1 + math.log(count) if count >= 1 else count
