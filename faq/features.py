"""Turns text into weighted features: word stems, character trigrams, Chinese uni/bigrams."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

import Stemmer

from faq.lexicon import Lexicon
from faq.normalize import Token, is_cyrillic, is_han, tokenize
from faq.translit import to_cyrillic

STEM_WEIGHT = 2.0
TRIGRAM_WEIGHT = 1.0
DIGIT_WEIGHT = 1.5
HAN_UNIGRAM_WEIGHT = 1.5
HAN_BIGRAM_WEIGHT = 1.0
TRANSLIT_WEIGHT = 0.8
CONCEPT_WEIGHT = 2.0  # a glossary concept, whatever the language or word it is written in
KIND_WEIGHT = 1.5  # what the question asks for: cost, duration, where, who...

Features = dict[str, float]
Pair = tuple[str, float]


class Analyzer:
    """The same steps for topic texts and messages, so both land in one feature space."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._open_stemmers()
        self.stopwords = frozenset().union(*lexicon.stopwords.values())
        self._russian_stopwords = lexicon.stopwords.get("ru", frozenset())
        worded = sorted((k for k in lexicon.synonyms if k.isascii() or _cyrillic(k)), key=len)
        chinese = sorted((k for k in lexicon.synonyms if k not in worded), key=len)
        self._synonyms = lexicon.synonyms
        self._worded = _alternation(worded[::-1], bounded=True)
        self._chinese = _alternation(chinese[::-1], bounded=False)
        han_stops = sorted((w for w in lexicon.stopwords.get("zh", ()) if _han(w)), key=len)
        self._han_stops = _alternation(han_stops[::-1], bounded=False)
        self._concepts = lexicon.concepts
        spelled = sorted(lexicon.concepts, key=len, reverse=True)
        self._concept_words = _alternation([k for k in spelled if not _han(k)], bounded=True)
        self._concept_han = _alternation([k for k in spelled if _han(k)], bounded=False)
        self._kinds = lexicon.kinds
        self.russian_stems: Collection[str] = frozenset()
        self.latin_words: Collection[str] = frozenset()
        """Latin words of the knowledge base: matched as typed even when they read as Russian."""
        self._known: dict[str, tuple[Pair, ...]] = {}
        self._readings: dict[str, str | None] = {}
        """Features and readings of the knowledge base's words, kept while the index is built."""

    def _open_stemmers(self) -> None:
        self._russian = Stemmer.Stemmer("russian")
        self._english = Stemmer.Stemmer("english")
        self._italian = Stemmer.Stemmer("italian")

    def __getstate__(self) -> dict[str, object]:
        """Stemmers are C objects: a pickled analyzer opens its own."""
        return {k: v for k, v in self.__dict__.items() if not isinstance(v, Stemmer.Stemmer)}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._open_stemmers()

    def stems(self, word: str) -> set[str]:
        if is_cyrillic(word[0]):
            return {self._russian.stemWord(word)}
        return {self._english.stemWord(word), self._italian.stemWord(word)}

    def all_stems(self, word: str) -> set[str]:
        """Stems of the word and, for a Latin word that reads as Russian, of its reading."""
        reading = self.russian_reading(word) if word.isascii() else None
        return self.stems(word) | self.stems(reading) if reading else self.stems(word)

    def stem_russian(self, word: str) -> str:
        return self._russian.stemWord(word)

    def russian_reading(self, word: str) -> str | None:
        """The Cyrillic form of a Latin word when the knowledge base knows its Russian stem."""
        if word in self._readings:
            return self._readings[word]
        if len(word) < 3 or word in self.stopwords:
            return None
        cyrillic = to_cyrillic(word)
        return cyrillic if self._russian.stemWord(cyrillic) in self.russian_stems else None

    def canonical(self, normalized: str) -> str:
        """Applies the synonyms: slang, transliterations, variants to the knowledge base's words."""
        if self._worded:
            normalized = self._worded.sub(lambda m: self._synonyms[m.group()], normalized)
        if self._chinese:
            normalized = self._chinese.sub(lambda m: self._synonyms[m.group()], normalized)
        return normalized

    def signals(self, normalized: str) -> Features:
        """The glossary concepts a text names and the kinds of question it asks."""
        found: Features = {}
        for pattern in (self._concept_words, self._concept_han):
            for m in pattern.finditer(normalized) if pattern else ():
                found["@" + self._concepts[m.group()]] = CONCEPT_WEIGHT
        for kind, pattern in self._kinds.items():
            if pattern.search(normalized):
                found["?" + kind] = KIND_WEIGHT
        return found

    def terms(self, normalized: str) -> list[Token]:
        """Content tokens of canonical text: stopwords dropped, Chinese runs split at particles."""
        out: list[Token] = []
        for token in tokenize(normalized):
            if token.script == "han":
                pieces = self._han_stops.split(token.text) if self._han_stops else [token.text]
                out.extend(Token(p, "han") for p in pieces if p)
            elif token.text not in self.stopwords and not (
                token.script == "latin" and to_cyrillic(token.text) in self._russian_stopwords
            ):
                out.append(token)
        return out

    def features(self, terms: Iterable[Token], *, remember: bool = False) -> Features:
        """`remember`: keep each word's features, as the knowledge base's own words."""
        features: Features = {}
        get = features.get
        for token in terms:
            for feature, weight in self._token(token, remember):
                features[feature] = get(feature, 0.0) + weight
        return features

    def remembered(self, token: Token) -> tuple[Pair, ...]:
        """The features of one of the knowledge base's own words, kept for the messages."""
        return self._token(token, remember=True)

    def _token(self, token: Token, remember: bool) -> tuple[Pair, ...]:
        text = token.text
        if token.script == "han":
            unigrams = ((ch, HAN_UNIGRAM_WEIGHT) for ch in text)
            bigrams = ((text[i : i + 2], HAN_BIGRAM_WEIGHT) for i in range(len(text) - 1))
            return (*unigrams, *bigrams)
        if token.script == "digit":
            return (("#" + text, DIGIT_WEIGHT),)
        return self._word(text, remember)

    def _word(self, word: str, remember: bool) -> tuple[Pair, ...]:
        known = self._known.get(word)
        if known is not None:
            return known
        features: Features = {}
        reading = self.russian_reading(word) if word.isascii() else None
        # Russian in Latin letters is matched through its reading, unless the knowledge base
        # itself writes the word that way
        if reading is None or remember or word in self.latin_words:
            self._add_word(word, 1.0, features)
        if reading:
            self._add_word(reading, TRANSLIT_WEIGHT, features)
        pairs = tuple(features.items())
        if remember:
            self._known[word] = pairs
            if word.isascii():
                self._readings[word] = reading
        return pairs

    def _add_word(self, word: str, weight: float, features: Features) -> None:
        stems = self.stems(word)
        for stem in stems:
            key = "~" + stem
            features[key] = features.get(key, 0.0) + weight * STEM_WEIGHT / len(stems)
        padded = f"<{word}>"
        for i in range(len(padded) - 2):
            key = padded[i : i + 3]
            features[key] = features.get(key, 0.0) + weight * TRIGRAM_WEIGHT


def _cyrillic(text: str) -> bool:
    return any(is_cyrillic(ch) for ch in text)


def _han(text: str) -> bool:
    return all(is_han(ch) for ch in text)


def _alternation(keys: list[str], *, bounded: bool) -> re.Pattern[str] | None:
    if not keys:
        return None
    body = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"(?<!\S)(?:{body})(?!\S)" if bounded else body)
