"""Built matchers on disk, named by a digest of everything they are built from: the content
files, the operators' verdicts and the matcher's own code. A restart with unchanged content loads
one in a fraction of the time a build takes; anything changed is a new name, so a stale matcher
is never loaded. The files are the bot's own, in its data folder, written atomically."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy

import faq
from faq import KnowledgeBase
from faq.confidence import CONFIDENCE_FILE, content_digest
from faq.matcher import Learned, Matcher

KEEP = 3  # newest files kept: the current content and the versions just before it
_SUFFIX = ".matcher"
log = logging.getLogger(__name__)


class MatcherCache:
    """Writes nothing until `open()`: a start-up refused (a bad database path, say) leaves the
    data folder as it was."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._open = False
        self._unwritten: dict[Path, Matcher] = {}

    def open(self) -> None:
        """Start-up went well: what was built so far is kept, and from now on at once."""
        self._open = True
        for path, matcher in self._unwritten.items():
            self._keep(path, matcher)
        self._unwritten.clear()

    def matcher(self, kb: KnowledgeBase, content_dir: Path, learned: Sequence[Learned]) -> Matcher:
        """The matcher of `kb`, read from `content_dir`: loaded when built before, else built
        and kept."""
        path = self.directory / (_digest(content_dir, learned) + _SUFFIX)
        try:
            with path.open("rb") as file:
                found = pickle.load(file)
            if isinstance(found, Matcher):
                return found
        except FileNotFoundError:
            pass
        except Exception as e:  # a torn or foreign file: built again below, and replaced
            log.warning("matcher cache %s unreadable (%s): building", path.name, type(e).__name__)
        matcher = Matcher(kb, learned=learned)
        if self._open:
            self._keep(path, matcher)
        else:
            self._unwritten[path] = matcher
        return matcher

    def _keep(self, path: Path, matcher: Matcher) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
            partial.write_bytes(pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(partial, path)
            kept = sorted(self.directory.glob("*" + _SUFFIX), key=lambda p: p.stat().st_mtime)
            for old in kept[:-KEEP]:
                old.unlink(missing_ok=True)
        except OSError as e:
            log.warning("matcher cache not written (%s): the next start builds again", e)


def _digest(content_dir: Path, learned: Sequence[Learned]) -> str:
    h = hashlib.sha256(f"{sys.version}|{numpy.__version__}|{content_digest(content_dir)}".encode())
    code_dir = Path(faq.__file__).parent
    for path in [*sorted(code_dir.glob("*.py")), content_dir / CONFIDENCE_FILE]:
        if path.exists():
            h.update(path.name.encode() + b"\0" + path.read_bytes())
    for item in learned:
        h.update(f"\0{item.question}\0{item.topic_id}".encode())
    return h.hexdigest()[:32]
