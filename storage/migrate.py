"""Numbered migrations, one folder per dialect, and the rule every engine applies them by.

Each version exists for both dialects (storage/migrations/sqlite/ and .../postgresql/), with the
same number and name: a database records the version it has reached, and one written by a newer
bot than this one is refused rather than half understood.
"""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
DIALECTS = ("sqlite", "postgresql")
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer version of the bot than this one."""


def migrations(directory: Path = MIGRATIONS_DIR / "sqlite") -> list[tuple[int, Path]]:
    found = []
    for path in directory.iterdir():
        if m := _MIGRATION_NAME.match(path.name):
            found.append((int(m.group(1)), path))
    found.sort()
    versions = [v for v, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations must be numbered 0001, 0002, ... without gaps: {versions}")
    return found


def to_apply(current: int, known: list[tuple[int, Path]], where: str) -> list[tuple[int, Path]]:
    """The migrations a database at version `current` still needs, oldest first."""
    latest = known[-1][0] if known else 0
    if current > latest:
        raise SchemaTooNewError(
            f"database {where} has schema version {current}, but this bot knows only up to "
            f"{latest}: run a newer version of the bot or restore a backup"
        )
    return [(version, path) for version, path in known if version > current]
