"""Logging set-up: one line per record, and the bot token never written anywhere."""

from __future__ import annotations

import logging
import sys
from pathlib import Path


class RedactingFilter(logging.Filter):
    """Replaces every occurrence of the secrets in a record's final text."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        text = message
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
            if record.exc_text:
                record.exc_text = record.exc_text.replace(secret, "<redacted>")
        if text != message:
            record.msg, record.args = text, None
        return True


def setup_logging(level: str, secrets: list[str], file: Path | None = None) -> None:
    """One line per record to stderr, or appended to `file` (created with its folder)."""
    handler: logging.Handler
    if file is None:
        handler = logging.StreamHandler(sys.stderr)
    else:
        file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    if level != "DEBUG":
        logging.getLogger("aiogram.event").setLevel(logging.WARNING)
