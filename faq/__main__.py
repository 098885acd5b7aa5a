"""Command line: `python -m faq check` validates the content, `ask` tries the matcher,
`calibrate` fits when it answers without asking, `suspects` lists examples that may be misfiled."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from faq.confidence import content_digest, load_confidence, save_confidence
from faq.lexicon import load_lexicon
from faq.loader import CONTENT_DIR, ContentError, load_knowledge_base
from faq.matcher import Matcher
from faq.model import LANGUAGES


def check(root: Path) -> int:
    try:
        kb = load_knowledge_base(root)
    except ContentError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"content check failed: {len(e.problems)} problem(s)", file=sys.stderr)
        return 1
    print(
        f"content ok: {len(kb.topics)} topics, {len(kb.categories)} categories, "
        f"{len(kb.documents)} document kinds"
    )
    if load_confidence(root).digest != content_digest(root):
        print(
            "warning: the matcher's confidence was calibrated on other content (or never): "
            "run `python -m faq calibrate`",
            file=sys.stderr,
        )
    return 0


def calibrate(root: Path, out: TextIO) -> int:
    """Fits the confidence on held-out training examples, its threshold on the dev split."""
    from dataclasses import replace

    from faq.calibration import calibrate as fitted_on
    from faq.evaluation import evaluate, load_split, summary

    dev = load_split("dev")
    confidence = fitted_on(root, dev)
    path = save_confidence(confidence, root, "Fitted on held-out examples; threshold on dev.")
    print(f"{path}: threshold {confidence.threshold:.3f}", file=out)
    lexicon = replace(load_lexicon(root, calibrated=False), confidence=confidence)
    for lang, rates in summary(evaluate(Matcher(load_knowledge_base(root), lexicon), dev)).items():
        print(
            f"  dev {lang}: direct and right {rates['direct_right']:.1%}, "
            f"direct and wrong {rates['direct_wrong']:.1%}, top-1 {rates['top1']:.1%}",
            file=out,
        )
    return 0


def ask(root: Path, question: str, lang: str | None, as_json: bool, out: TextIO) -> int:
    """One question; with "-" every line of stdin, each answered as one line of JSON."""
    try:
        kb = load_knowledge_base(root)
    except ContentError as e:
        print(
            f"content check failed: {len(e.problems)} problem(s); run `python -m faq check`",
            file=sys.stderr,
        )
        return 1
    matcher = Matcher(kb, load_lexicon(root))
    questions = (line.rstrip("\n") for line in sys.stdin) if question == "-" else [question]
    for text in questions:
        match = matcher.match(text, lang_hint=lang)
        if as_json or question == "-":
            record = {
                "question": text,
                "lang": match.lang,
                "id": match.topic_id,
                "score": match.score,
                "confident": match.confident,
                "kind": match.kind,
                "subject": match.subject,
                "alternatives": list(match.alternatives),
            }
            print(json.dumps(record, ensure_ascii=False), file=out, flush=True)
            continue
        if match.topic_id is None:
            reason = match.smalltalk or match.subject or "no topic close enough"
            print(f"{match.kind} ({reason})  score={match.score:.3f}  lang={match.lang}", file=out)
            continue
        title = kb.topics[match.topic_id].text(match.lang).title
        alternatives = ", ".join(match.alternatives) or "-"
        print(
            f"{match.topic_id}  score={match.score:.3f}  confident={match.confident}  "
            f"alternatives={alternatives}  lang={match.lang}\n  {title}",
            file=out,
        )
    return 0


def suspects(root: Path, lang: str | None, out: TextIO) -> int:
    """Examples that a matcher built without them files under another topic, grouped for an
    editor: move the misfiled ones, drop the ones two topics answer alike, keep the rest."""
    from faq.calibration import misfiled

    cases = [
        case
        for case in misfiled(load_knowledge_base(root), load_lexicon(root, calibrated=False))
        if lang is None or case.lang == lang
    ]
    groups: dict[tuple[str, str, str], list[str]] = {}
    for case in cases:
        assert case.topic_id is not None and case.match.topic_id is not None
        key = (case.topic_id, case.lang, case.match.topic_id)
        groups.setdefault(key, []).append(case.question)
    for (topic_id, question_lang, elsewhere), questions in sorted(
        groups.items(), key=lambda item: (-len(item[1]), item[0])
    ):
        print(f"# topics/{topic_id}.toml [{question_lang}]: matched to {elsewhere}", file=out)
        for question in questions:
            print(f"  {json.dumps(question, ensure_ascii=False)}", file=out)
    print(f"# {len(cases)} example(s) matched to another topic when held out", file=out)
    return 0


def learned(database: Path | str, out: TextIO) -> int:
    """What operators taught with /review, as additions an editor can paste into the content."""
    import asyncio

    from storage.database import Database
    from storage.reviews import Review, taught

    db = Database(database)
    if db.path is not None and not db.path.exists():
        print(f"no database at {db.path}", file=sys.stderr)
        return 1

    async def read() -> list[Review]:
        await db.connect()
        try:
            return await taught(db)
        finally:
            await db.close()

    reviews = asyncio.run(read())
    by_place: dict[str, list[str]] = {}
    for review in reviews:
        place = (
            f"topics/{review.topic_id}.toml [{review.lang}] questions"
            if review.topic_id
            else f"offtopic.toml: the subject it belongs to, {review.lang}"
        )
        by_place.setdefault(place, []).append(review.question)
    for place, questions in sorted(by_place.items()):
        print(f"# {place}: add", file=out)
        for question in questions:
            print(f"  {json.dumps(question, ensure_ascii=False)},", file=out)
    print(f"# {len(reviews)} question(s) taught", file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m faq")
    parser.add_argument("--content", type=Path, default=CONTENT_DIR, help="content folder")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every content file")
    sub.add_parser("calibrate", help="fit when the matcher answers without asking")
    suspecting = sub.add_parser(
        "suspects", help="list examples the matcher files under another topic when held out"
    )
    suspecting.add_argument("--lang", choices=LANGUAGES, help="only this language")
    asking = sub.add_parser("ask", help="match a question to a topic")
    asking.add_argument("--lang", choices=LANGUAGES, help="the user's interface language")
    asking.add_argument("--json", action="store_true", help="print one JSON object per question")
    asking.add_argument("question", help='the question, or "-" to read one per line from stdin')
    teaching = sub.add_parser("learned", help="print what operators taught with /review")
    teaching.add_argument(
        "--database",
        default=os.environ.get("DATABASE_URL")
        or os.environ.get("DATABASE_PATH", "data/renewal-bot.db"),
        help="the bot's SQLite file or database URL"
        " (default: $DATABASE_URL, else $DATABASE_PATH, else data/renewal-bot.db)",
    )
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.content)
    if args.command == "calibrate":
        return calibrate(args.content, sys.stdout)
    if args.command == "suspects":
        return suspects(args.content, args.lang, sys.stdout)
    if args.command == "learned":
        return learned(args.database, sys.stdout)
    if args.command == "ask":
        return ask(args.content, args.question, args.lang, args.json, sys.stdout)
    return 2


if __name__ == "__main__":
    sys.exit(main())
