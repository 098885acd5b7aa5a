"""Rows a process keeps in memory because no other process writes them (SQLite's one owner).

A memo is write-through: the repository that writes a row puts the new value in, or forgets it
when it cannot tell it, within the same turn on the database; readers read the memo first. A
reader that went to the database stores what it found only if no write to the memo began while
it was reading (`version`), so a slow read never overwrites a newer write. With PostgreSQL other
processes write too: `Database.memo` gives none there.
"""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    def __init__(self) -> None:
        self._values: dict[K, V] = {}
        self.version = 0

    def __contains__(self, key: K) -> bool:
        return key in self._values

    def __getitem__(self, key: K) -> V:
        return self._values[key]

    def read(self, key: K, value: V, version: int) -> None:
        """A value read from the database, stored unless a write began since `version`."""
        if version == self.version:
            self._values[key] = value

    def wrote(self, key: K, value: V) -> None:
        self.version += 1
        self._values[key] = value

    def forget(self, key: K) -> None:
        self.version += 1
        self._values.pop(key, None)

    def clear(self) -> None:
        self.version += 1
        self._values.clear()
