"""Streaming inputs into a story store: read them, prepare each article, hand them on.

``ingest_into(store, inputs)`` is what ``storybrief ingest``, ``POST /ingest`` and
``storybrief follow`` run. An ``Ingester`` reads inputs (paths, ``Article`` objects,
rejections), shows progress, prepares each article (``stream.prepare``: cleaning and
fingerprints, in ``jobs`` worker processes when asked) and hands the prepared items to
the store's writer, which stores them in arrival order; the report says what became of
every input. The store itself never reads a file.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storybrief.errors import ConfigError
from storybrief.ingest import DEFAULT_MAX_BYTES, iter_inputs
from storybrief.ingest.formats import Unextracted
from storybrief.model import Article, Notice, Rejected
from storybrief.store.base import IngestItem, IngestOutcome, IngestReport, Store
from storybrief.store.prepared import Item, Prepared
from storybrief.stream.prepare import Workers, prepare

__all__ = ["Ingester", "ingest_into"]


def ingest_into(
    store: Store,
    items: Iterable[IngestItem] | str | Path,
    *,
    progress: bool = True,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    """Add articles (or read input paths; ``max_bytes`` per article) to ``store``: clean,
    deduplicate and assign each to a story, in arrival order. Re-ingesting what is stored
    changes nothing; a text under an id another text has is stored under a new id.
    ``jobs`` > 1 extracts HTML, cleans and fingerprints articles in that many worker
    processes; the result is the same."""
    with Ingester(store, progress=progress, jobs=jobs, max_bytes=max_bytes) as ingester:
        return ingester.ingest(items)


class Ingester:
    """Feeds one store; keeps its worker pool (``jobs`` > 1) between ingests until
    ``close``."""

    def __init__(
        self,
        store: Store,
        *,
        progress: bool = True,
        jobs: int = 1,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ConfigError(f"jobs must be a positive number of processes, got {jobs!r}")
        self.store, self.progress, self.jobs, self.max_bytes = store, progress, jobs, max_bytes
        self._pool: Workers | None = None

    def ingest(self, items: Iterable[IngestItem] | str | Path) -> IngestReport:
        """Everything ``items`` holds, into the store (see ``ingest_into``)."""
        from tqdm import tqdm

        start = time.perf_counter()
        tally = _Tally()
        bar = tqdm(
            disable=not self.progress,
            unit=" articles",
            desc="ingest",
            leave=False,
            mininterval=0.5,
        )
        try:
            for outcome, notices in self.store.add(self._ready(items, bar)):
                tally.add(outcome, notices)
        except BaseException:
            self.close()  # a pool that saw a failure is not reused
            raise
        finally:
            bar.close()
        return tally.report(time.perf_counter() - start)

    def _ready(self, items: Iterable[IngestItem] | str | Path, bar: Any) -> Iterator[Item]:
        """The store's items, one per input, as the writer asks for them."""
        clean = self.store.clean
        # With workers, HTML pages are extracted there too (the costliest step for them).
        flat = _flatten(items, defer_html=self.jobs > 1, max_bytes=self.max_bytes)
        source: Iterable[Article | Prepared | Rejected | Unextracted] = (
            flat if self.jobs == 1 else self._workers().prepared(flat, clean=clean)
        )
        for item in source:
            bar.update(1)
            if isinstance(item, Article):
                yield self.store.known(item) or prepare(item, clean=clean, counts=True)
            else:
                assert not isinstance(item, Unextracted)  # deferred only with workers
                yield item

    def _workers(self) -> Workers:
        if self._pool is None:
            self._pool = Workers(self.jobs)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.close()

    def __enter__(self) -> Ingester:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _flatten(
    items: Iterable[IngestItem] | str | Path,
    *,
    defer_html: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Rejected | Unextracted]:
    if isinstance(items, str | Path):
        items = [items]
    for item in items:
        if isinstance(item, Article | Rejected):
            yield item
        elif isinstance(item, str | Path):
            yield from iter_inputs([item], defer_html=defer_html, max_bytes=max_bytes)
        else:
            raise ConfigError(
                f"cannot ingest a {type(item).__name__}: give Article objects or input paths"
            )


class _Tally:
    """The outcomes of one ingest, input by input, and their counts."""

    def __init__(self) -> None:
        self.outcomes: list[IngestOutcome] = []
        self.notices: list[Notice] = []

    def add(self, outcome: IngestOutcome, notices: Iterable[Notice] = ()) -> None:
        self.outcomes.append(outcome)
        self.notices.extend(notices)
        if outcome.renamed_from is not None:
            self.notices.append(
                Notice(
                    outcome.origin,
                    f"id {outcome.renamed_from!r} is taken by another text; stored as "
                    f"{outcome.id!r}",
                )
            )

    def report(self, seconds: float) -> IngestReport:
        actions = [o.action for o in self.outcomes]
        return IngestReport(
            added=actions.count("added"),
            copies=actions.count("copy"),
            skipped=actions.count("already stored"),
            new_stories=sum(o.new_story for o in self.outcomes),
            rejected=tuple(
                Rejected(o.origin, o.reason or "") for o in self.outcomes if o.action == "rejected"
            ),
            seconds=seconds,
            renamed=sum(o.renamed_from is not None for o in self.outcomes),
            notices=tuple(self.notices),
            outcomes=tuple(self.outcomes),
        )
