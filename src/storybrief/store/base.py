"""The story store's contract: an ABC, a report type, and the default location.

Backends are chosen by a small config dict (``{"type": "sqlite", "path": ...}``), the way
datasketch picks its storage: the ABC is what the CLI, the API and the service rely on.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from storybrief.model import Article, Notice, Rejected, Story

if TYPE_CHECKING:
    from storybrief.store.prepared import Item, Stored

DEFAULT_FILENAME = "storybrief.db"
ENV_VAR = "STORYBRIEF_DB"

Order = Literal["newest", "largest"]
Action = Literal["added", "copy", "already stored", "rejected"]
IngestItem = Article | Rejected | str | Path


def default_path() -> Path:
    """``$STORYBRIEF_DB`` when set, else ``./storybrief.db``."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_FILENAME)


@dataclass(frozen=True)
class IngestOutcome:
    """What became of one input of an ingest.

    ``action``: ``added`` (filed under ``story``, which it started when ``new_story``),
    ``copy`` (a near copy of the stored article ``of``, filed under its story), ``already
    stored`` (the same text is stored as ``of``: nothing changed) or ``rejected``
    (``reason`` says why). ``id`` is the id it is stored under: the one it came with,
    unless a different text already had that one (``renamed_from`` then holds it).
    """

    origin: str
    action: Action
    id: str | None = None
    story: str | None = None
    new_story: bool = False
    of: str | None = None
    renamed_from: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, False)}


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did, in counts and input by input (``outcomes``, in input order).

    ``skipped`` were already stored (the same text, under any id); ``copies`` are
    near-copies of a stored article, filed under its story; ``renamed`` came with an id
    that a different text already had and were stored under a new one (a notice says
    which). ``notices`` are about inputs that were still used."""

    added: int = 0
    copies: int = 0
    skipped: int = 0
    new_stories: int = 0
    rejected: tuple[Rejected, ...] = ()
    seconds: float = 0.0
    renamed: int = 0
    notices: tuple[Notice, ...] = ()
    outcomes: tuple[IngestOutcome, ...] = ()

    @property
    def seen(self) -> int:
        return self.added + self.copies + self.skipped + len(self.rejected)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "copies": self.copies,
            "skipped": self.skipped,
            "new_stories": self.new_stories,
            "renamed": self.renamed,
            "rejected": [r.to_dict() for r in self.rejected],
            "notices": [n.to_dict() for n in self.notices],
            "seconds": self.seconds,
            "outcomes": [o.to_dict() for o in self.outcomes],
        }


@dataclass(frozen=True)
class ReclusterReport:
    """What one ``recluster`` did: the stories it regrouped and what came out of them.
    ``moved`` counts the articles now filed under another story id."""

    articles: int = 0
    stories_before: int = 0
    stories_after: int = 0
    moved: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Store(ABC):
    """A persistent set of articles grouped into stories as they arrive.

    A store takes prepared articles (``add``); reading inputs and preparing them is
    ``storybrief.stream.ingest_into``'s work, which feeds any store."""

    # Whether articles are cleaned before they are stored (else kept as given).
    clean: bool = True

    @abstractmethod
    def known(self, article: Article) -> Stored | None:
        """``article`` as stored already (its id with the same input), else None: an
        input that need not be prepared again."""

    @abstractmethod
    def add(self, items: Iterable[Item]) -> Iterator[tuple[IngestOutcome, tuple[Notice, ...]]]:
        """Store prepared ``items`` (``store.prepared``), deduplicate and assign each
        article to a story, in arrival order; each item's outcome with its notices, as
        they are written. Re-adding what is stored changes nothing; a text under an id
        another text has is stored under a new id."""

    @abstractmethod
    def recluster(self, *, since: str | None = None) -> ReclusterReport:
        """Regroup the articles of the open stories (last seen at or after ``since``, when
        given) with the batch method, which sees them all at once instead of one by one.
        Each new group keeps the id of the old story it shares most articles with; later
        ingests go on from the new stories."""

    @abstractmethod
    def stories(
        self, *, since: str | None = None, order: Order = "newest", limit: int | None = None
    ) -> list[Story]:
        """Stories last seen at or after ``since``: an ISO date, or an age (``7d``, ``12h``)
        counted back from the newest article date in the store (from now if none has one)."""

    @abstractmethod
    def story(self, story_id: str) -> Story:
        """One story; raises ``UnknownStoryError``."""

    @abstractmethod
    def articles(self, story_id: str) -> list[Article]:
        """A story's articles in arrival order; raises ``UnknownStoryError``."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
