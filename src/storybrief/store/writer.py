"""The store's writer: prepared articles in, one write transaction per batch.

Inputs are prepared with no lock held (an ingest reading a pipe may wait for its input
for hours); the write lock is taken for one batch at a time: ``batch`` articles written,
the same cut as if the lock were held all along (texts stored already, or repeated in the
batch, do not count). Inside the lock the clusterer state is read again (another writer
may have moved it), each article is looked up (the same text stored: nothing to do; a near
copy of a stored one: filed with it; else clustered), and the batch is written together
with the clusterer state it changed: a killed ingest loses at most the open batch, and
the next run, which skips what is stored, picks up exactly where the store stopped.

Every ``cluster.settle.EVERY`` originals the open undated stories are re-settled with the
batch method inside the batch (``recluster.regroup``), counted in originals, so the same
feed gives the same store however it is cut into ingests and batches.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from storybrief.cluster import StoryClusterer
from storybrief.cluster.features import parse_time
from storybrief.cluster.pairs import PairModel
from storybrief.cluster.settle import due as settle_due
from storybrief.cluster.settle import open_undated
from storybrief.dedup.index import Filed, find_original
from storybrief.dedup.rule import CopyParams
from storybrief.model import Notice
from storybrief.store.base import IngestOutcome
from storybrief.store.copyindex import SQLiteCopyIndex
from storybrief.store.languages import LanguageGuard
from storybrief.store.prepared import Item, Prepared, Stored
from storybrief.store.recluster import regroup
from storybrief.store.rows import INSERT_ARTICLE
from storybrief.store.state import ClustererCache, write_clusterer
from storybrief.store.stories import StoryCounts, start_story


class Writer:
    """Writes prepared items to one store, ``batch`` articles a transaction."""

    def __init__(
        self,
        db: sqlite3.Connection,
        *,
        batch: int,
        clusterers: ClustererCache,
        errors: Callable[[], AbstractContextManager[None]],
        rule: CopyParams | None = None,
        pair_model: PairModel | None = None,
    ) -> None:
        self.db, self.batch, self.clusterers, self.errors = db, batch, clusterers, errors
        self.pair_model = pair_model  # the batch method's model for re-settling (None: shipped)
        self.rule = rule or CopyParams()
        self.index = SQLiteCopyIndex(db)
        self.languages = LanguageGuard(db)
        self._undated = True  # a story may be undated (set at each batch's start)
        self._reset()

    def _reset(self) -> None:
        """The open batch: its article rows, their ids and texts (digest -> id, repeats
        are skipped), what it adds to each story, and its originals' languages."""
        self._rows: list[tuple[Any, ...]] = []
        self._ids: set[str] = set()
        self._hashes: dict[str, str] = {}
        self._stories = StoryCounts()
        self.languages.reset()

    # --- batches ---------------------------------------------------------------------

    def add(self, items: Iterable[Item]) -> Iterator[tuple[IngestOutcome, tuple[Notice, ...]]]:
        """Store ``items`` in arrival order; the outcome of each with its notices, batch by
        batch. (A batch with nothing to write has always reported no notices: kept so.)"""
        batch: list[Item] = []
        digests: set[str] = set()
        for item in items:
            batch.append(item)
            self._count_new(item, digests)
            if len(digests) >= self.batch:
                done, batch = self._write(batch)
                yield from done
                digests = set()
                for rest in batch:
                    self._count_new(rest, digests)
        while batch:
            done, batch = self._write(batch)
            yield from done

    def _count_new(self, item: Item, digests: set[str]) -> None:
        """Add the item's text to ``digests`` if it will be written: an article, not
        repeated among ``digests``, not stored (read without the lock: stored texts never
        go away; another writer may store it meanwhile, which the writer then sees)."""
        if isinstance(item, Prepared) and item.rejected is None and item.digest not in digests:
            with self.errors():
                row = self.db.execute(
                    "SELECT 1 FROM articles WHERE hash = ?", (item.digest,)
                ).fetchone()
            if row is None:
                digests.add(item.digest)

    def _write(
        self, batch: list[Item]
    ) -> tuple[list[tuple[IngestOutcome, tuple[Notice, ...]]], list[Item]]:
        """Store the items of ``batch`` in one write transaction, against the store as it
        is now, until ``self.batch`` articles are written; (outcomes with their notices,
        the items left for the next)."""
        if not any(isinstance(item, Prepared) and item.rejected is None for item in batch):
            return [(outcome_without_lock(item), ()) for item in batch], []
        db = self.db
        outcomes: list[IngestOutcome] = []
        try:
            with self.errors():
                db.execute("BEGIN IMMEDIATE")
                # The state is read inside the write lock: another writer may have moved it
                # since this one's last batch, and nobody can move it now until the commit.
                clusterer = self.clusterers.current(db)
                # Whether a re-settle may find a story to take (see ``_settle``): once
                # one is undated, or an undated article came, until the batch's end.
                self._undated = (
                    db.execute("SELECT 1 FROM stories WHERE last_ts IS NULL LIMIT 1").fetchone()
                    is not None
                )
                written = 0
                for item in batch:
                    outcome = self._add(item, clusterer)
                    outcomes.append(outcome)
                    if outcome.action == "added" and settle_due(clusterer.seq):
                        self._settle(clusterer)
                    written += outcome.action in ("added", "copy")
                    if written >= self.batch:
                        break
                self.commit(clusterer)
        except BaseException:
            self.rollback()
            raise
        done = [
            (outcome, item.notices if isinstance(item, Prepared) else ())
            for item, outcome in zip(batch, outcomes, strict=False)
        ]
        return done, batch[len(outcomes) :]

    def _add(self, item: Item, clusterer: StoryClusterer) -> IngestOutcome:
        """Store one article prepared outside the lock; what became of it."""
        if not isinstance(item, Prepared) or item.rejected is not None:
            return outcome_without_lock(item)
        db = self.db
        article, digest = item.article, item.digest
        origin = article.origin or article.id
        same = self._hashes.get(digest)
        if same is None:
            row = db.execute("SELECT id FROM articles WHERE hash = ?", (digest,)).fetchone()
            same = None if row is None else row[0]
        if same is not None:  # the same text, under this id or another: nothing to do
            return IngestOutcome(origin, "already stored", id=same, of=same)
        renamed_from = None
        if self._taken(article.id):
            renamed_from = article.id
            article = replace(article, id=self._free_id(article.id, digest))
        sig, keys = item.signature, item.band_keys
        ts = parse_time(article.published)
        original = find_original(
            sig,
            keys,
            ts,
            (self.index,),
            window_days=clusterer.params.window_days,
            horizon=clusterer.horizon,
            rule=self.rule,
        )
        new_story = False
        if original is not None:
            story, group, copy_of = original.story, original.group, original.article
            new_source = 0
        else:
            assignment = clusterer.assign(
                article, counts=item.counts, admits=self.languages.admits(article.language)
            )
            story, new_story = assignment.story, assignment.new
            group, copy_of, new_source = article.id, None, 1
            if new_story:
                start_story(db, story, clusterer.seq, article)
            self.languages.filed(story, article, clusterer.seq)
        if ts is None:
            self._undated = True
        self._stories.seen(story, new_source, ts, article.published)
        self._rows.append(
            (
                article.id,
                digest,
                story,
                copy_of,
                group,
                article.title,
                article.source,
                article.url,
                article.published,
                article.origin,
                ts,
                article.text,
                article.removed_chars,
                item.n_shingles,
                sig.tobytes(),
                item.raw_digest,
                article.language,
                article.published_source,
                article.extraction,
            )
        )
        self._ids.add(article.id)
        self._hashes[digest] = article.id
        # A late arrival dated before the horizon is filed nowhere: no lookup reaches it.
        horizon = clusterer.horizon
        if ts is None or horizon is None or ts >= horizon:
            self.index.add(Filed(article.id, story, group, sig, ts), keys)
        return IngestOutcome(
            origin,
            "copy" if copy_of is not None else "added",
            id=article.id,
            story=story,
            new_story=new_story,
            of=copy_of,
            renamed_from=renamed_from,
        )

    def _taken(self, article_id: str) -> bool:
        return article_id in self._ids or bool(
            self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        )

    def _free_id(self, taken: str, digest: str) -> str:
        """A new id for a text whose id another text has: the id with a piece of the
        text's digest (the same text gets the same one on any run), numbered on the rare
        chance that this is taken too."""
        base = f"{taken}~{digest[:8]}"
        candidate, n = base, 1
        while self._taken(candidate):
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    # --- re-settling and re-clustering -------------------------------------------------

    def _settle(self, clusterer: StoryClusterer) -> None:
        """Re-settle inside an ingest (``cluster.settle``): what is pending is written first
        (not committed: commits stay at whole batches), so the regrouping reads every
        article so far. A dated feed skips both: with no story undated at the batch's start
        and every article since dated, every story has a date once written, so the
        regrouping would take none, and the batch's commit writes the same rows."""
        if not self._undated:
            return
        self.flush(clusterer)
        where, args = open_undated(clusterer.seq)
        # With nothing to regroup (a dated feed) the clusterer is left exactly as it is.
        if self.db.execute(f"SELECT 1 FROM stories WHERE {where} LIMIT 1", args).fetchone():
            regroup(self.db, clusterer, where, args, None, self.pair_model)

    def recluster(
        self, pick: Callable[[], tuple[str, list[Any]]], max_articles: int | None
    ) -> tuple[int, int, int, int]:
        """Regroup the stories that ``pick`` chooses (an SQL condition on ``stories`` and
        its arguments, read in the lock), in a write transaction of its own; (articles,
        stories before, stories after, articles moved)."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            clusterer = self.clusterers.current(db)
            where, args = pick()
            counts = regroup(db, clusterer, where, args, max_articles, self.pair_model)
            self.commit(clusterer)
        except BaseException:
            self.rollback()
            raise
        return counts

    # --- the transaction ----------------------------------------------------------------

    def flush(self, clusterer: StoryClusterer) -> str:
        """Write what is pending and the clusterer's changes, in the open transaction;
        the state written."""
        self.db.executemany(INSERT_ARTICLE, self._rows)
        self.index.write()
        self._stories.write(self.db)
        self._reset()
        self.index.prune(clusterer.horizon)
        return write_clusterer(self.db, clusterer)

    def commit(self, clusterer: StoryClusterer) -> None:
        state = self.flush(clusterer)
        self.db.execute("COMMIT")
        self.clusterers.written(state)  # what a later write compares the stored state with

    def rollback(self) -> None:
        """Undo the open transaction, and forget what this writer kept of it."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.clusterers.drop()
        self._reset()
        self.index.discard()  # a prune in the rolled-back batch did not happen


def outcome_without_lock(item: Item) -> IngestOutcome:
    """The outcome of an item that writes nothing: stored already, or rejected."""
    if isinstance(item, Stored):
        return IngestOutcome(item.origin, "already stored", id=item.id, of=item.id)
    if isinstance(item, Prepared):
        assert item.rejected is not None
        return IngestOutcome(
            item.rejected[0], "rejected", id=item.article.id, reason=item.rejected[1]
        )
    return IngestOutcome(item.origin, "rejected", reason=item.reason)
