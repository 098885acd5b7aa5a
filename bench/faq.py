"""Matcher benchmark: index build time, per-question latency, peak memory and eval accuracy.

Accuracy is reported separately on the dev split (what weights and thresholds were tuned on)
and the test split (looked at only to report), per language.

Run from the repository root: .venv/bin/python bench/faq.py [--lenient] [--misses]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

IMPORT_START = time.perf_counter()
from faq.matcher import Matcher  # noqa: E402

IMPORT_MS = (time.perf_counter() - IMPORT_START) * 1000

from faq.evaluation import SPLITS, evaluate, load_examples, load_split, summary  # noqa: E402
from faq.loader import CONTENT_DIR, ContentError, load_knowledge_base  # noqa: E402
from faq.model import KnowledgeBase  # noqa: E402

SMALLTALK = ROOT / "tests" / "data" / "smalltalk_eval.jsonl"
ROUNDS = 5


def load_lenient() -> KnowledgeBase:
    """While the content is being written: every topic file that parses, links unchecked."""
    from faq import loader

    try:
        return load_knowledge_base()
    except ContentError:
        pass
    problems = loader._Problems()
    topics = {}
    for path in sorted((CONTENT_DIR / "topics").glob("*.toml")):
        topic = loader._load_topic(path, problems)
        if topic is not None and topic.id and len(topic.texts) == 4:
            topics[topic.id] = topic
    return KnowledgeBase(topics=topics, categories=(), documents={}, labels={})


def smalltalk_figures(matcher: Matcher) -> dict[str, float]:
    """Small talk recognised, on the phrase lists themselves and on unseen combinations."""
    own = [(phrase, kind) for kind, phrase in matcher.smalltalk_phrases()]
    unseen = (
        [(e.question, e.expect) for e in load_examples(SMALLTALK)] if SMALLTALK.exists() else []
    )
    rates = {}
    for name, pairs in (("own_list", own), ("unseen", unseen)):
        right = sum(matcher.match(text).smalltalk == kind for text, kind in pairs)
        rates[name] = round(right / len(pairs), 4) if pairs else 1.0
    return rates


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lenient", action="store_true", help="load what parses (development)")
    parser.add_argument("--misses", action="store_true", help="list wrongly matched questions")
    args = parser.parse_args()

    kb = load_lenient() if args.lenient else load_knowledge_base()
    builds = []
    for _ in range(3):
        start = time.perf_counter()
        matcher = Matcher(kb)
        builds.append((time.perf_counter() - start) * 1000)
    build_ms = builds[0]
    tracemalloc.start()
    Matcher(kb)
    _, build_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    splits = {split: load_split(split) for split in SPLITS}
    if args.lenient:
        splits = {
            split: [e for e in examples if e.expect is None or e.expect in kb.topics]
            for split, examples in splits.items()
        }
    examples = [e for split in SPLITS for e in splits[split]]
    timings = []
    for _ in range(ROUNDS):
        for ex in examples:
            t0 = time.perf_counter()
            matcher.match(ex.question, lang_hint=ex.lang)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    tracemalloc.start()
    for ex in examples:
        matcher.match(ex.question, lang_hint=ex.lang)
    _, query_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_mb = max(build_peak, query_peak) / 2**20
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    accuracy = {}
    talk = smalltalk_figures(matcher)
    print(f"topics: {len(kb.topics)}, questions: {len(examples)} x {ROUNDS} rounds")
    print(f"import of faq.matcher (numpy, rapidfuzz, PyStemmer): {IMPORT_MS:.1f} ms")
    print(f"index build: first {build_ms:.1f} ms, then {', '.join(f'{b:.1f}' for b in builds[1:])}")
    print(f"latency per question: p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {timings[-1]:.3f} ms")
    print(
        f"peak Python memory of build or queries (tracemalloc): {peak_mb:.1f} MB; "
        f"process max RSS {rss_mb:.0f} MB"
    )
    for split in SPLITS:
        figures = evaluate(matcher, splits[split])
        accuracy[split] = summary(figures)
        sizes = {lang: (f.answerable, f.off_topic) for lang, f in figures.items()}
        print(f"{split} split (in-scope, off-topic per language: {sizes}):")
        for lang, rates in accuracy[split].items():
            print(
                f"  {lang}: direct and right {rates['direct_right']:.1%}  "
                f"direct and wrong {rates['direct_wrong']:.1%}  top-1 {rates['top1']:.1%}  "
                f"top-3 {rates['top3']:.1%}  off-topic declined {rates['declined']:.1%}  "
                f"language {rates['lang']:.1%}"
            )
            if args.misses and split == "dev":
                for miss in figures[lang].misses:
                    print("     ", miss)
    print(f"small talk recognised: {json.dumps(talk)}")
    print(
        json.dumps(
            {
                "topics": len(kb.topics),
                "import_ms": round(IMPORT_MS, 1),
                "build_ms": round(build_ms, 1),
                "p50_ms": round(p50, 4),
                "p99_ms": round(p99, 4),
                "peak_mb": round(peak_mb, 2),
                "rss_mb": round(rss_mb, 1),
                "accuracy": accuracy,
                "smalltalk": talk,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
