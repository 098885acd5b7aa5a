"""The content's markup: checks that a string is HTML Telegram accepts, and measures its visible
length the way Telegram counts it. Reading HTML back as plain text is the bot's business
(bot/telegram_text.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "b": frozenset(),
    "strong": frozenset(),
    "i": frozenset(),
    "em": frozenset(),
    "u": frozenset(),
    "ins": frozenset(),
    "s": frozenset(),
    "strike": frozenset(),
    "del": frozenset(),
    "code": frozenset(),
    "pre": frozenset(),
    "blockquote": frozenset({"expandable"}),
    "tg-spoiler": frozenset(),
    "a": frozenset({"href"}),
}
_BARE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);)")
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.problems: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}> is not allowed by Telegram")
            return
        for name, value in attrs:
            if name not in ALLOWED_TAGS[tag]:
                self.problems.append(f"attribute {name!r} is not allowed on <{tag}>")
            elif tag == "a" and not (value or "").startswith(("http://", "https://", "tg://")):
                self.problems.append(f"link {value!r} must start with http://, https:// or tg://")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"self-closing <{tag}/> is not allowed by Telegram")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"closing </{tag}> does not match an open tag")
            return
        self.open.pop()


def html_problems(text: str) -> list[str]:
    """Everything in `text` that Telegram would reject, as readable sentences (empty when fine)."""
    problems = [
        f"bare '&' at character {m.start()}: write &amp;" for m in _BARE_AMPERSAND.finditer(text)
    ]
    checker = _Checker()
    checker.feed(text)
    checker.close()
    problems += checker.problems
    problems += [f"<{tag}> is never closed" for tag in checker.open]
    if re.search(r"<(?![a-zA-Z/])", text):
        problems.append("a bare '<' that is not a tag: write &lt;")
    return problems


def visible_length(text: str) -> int:
    """The length Telegram counts against its 4,096-character limit: tags out, entities as one."""
    return len(_ENTITY.sub("x", _TAG.sub("", text)))
