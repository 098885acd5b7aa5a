"""A sparse TF-IDF index of the topics' texts, scored per topic with numpy."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from faq.features import Features

EXAMPLE_WEIGHT = 0.2  # the closest single example question of a topic...
CENTROID_WEIGHT = 0.8  # ...and the topic's texts in one language taken together
UNKNOWN_DF = 0.5  # a query feature the index lacks weighs like one found in this many documents


@dataclass(frozen=True, slots=True)
class Document:
    topic: int
    group: int
    """Documents of one topic in one language form a group; its centroid is scored too."""
    features: Features


class TopicIndex:
    """Rows: every document, then every group's centroid; a topic scores by its best document
    and its best centroid."""

    def __init__(self, documents: Sequence[Document], topic_count: int) -> None:
        """`documents` sorted by topic, at least one per topic."""
        keys: list[str] = []
        counts: list[float] = []
        for document in documents:
            keys.extend(document.features)
            counts.extend(document.features.values())
        ids = {key: i for i, key in enumerate(dict.fromkeys(keys))}
        n_docs, n_features = len(documents), len(ids)
        row = np.repeat(np.arange(n_docs), [len(d.features) for d in documents])
        col = np.fromiter(map(ids.__getitem__, keys), dtype=np.int64, count=len(keys))
        count = np.array(counts)
        df = np.bincount(col, minlength=n_features)
        self._idf = np.log1p(n_docs / df)
        self._unknown_idf = float(np.log1p(n_docs / UNKNOWN_DF))
        self._ids = ids

        groups = np.array([d.group for d in documents])
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

        topics = np.array([d.topic for d in documents])
        group_topics = np.zeros(n_groups, dtype=np.int64)
        group_topics[groups] = topics
        self._example_starts = np.searchsorted(topics, np.arange(topic_count))
        self._group_starts = n_docs + np.searchsorted(group_topics, np.arange(topic_count))
        self._n_docs = n_docs

    def scores(self, features: Features) -> np.ndarray:
        """Cosine-based similarity of the query to each topic, 0 to 1."""
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
            return np.zeros(len(self._example_starts))
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
        return EXAMPLE_WEIGHT * example + CENTROID_WEIGHT * centroid


def _damp(count: np.ndarray) -> np.ndarray:
    return np.where(count >= 1, 1 + np.log(np.maximum(count, 1)), count)


def _damp_one(count: float) -> float:
    return 1 + math.log(count) if count >= 1 else count
