"""The SQLite story store: one file, nothing to start, safe to read while it is written.

WAL journal, so readers never block the writer nor see half a batch. Articles are written
in transactions of ``batch`` articles together with the clusterer state they changed: a
killed ingest loses at most the open batch, and the next run, which skips what is stored,
picks up exactly where the store says it stopped.
"""

from __future__ import annotations

import json
import math
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, cast

import numpy as np

from storybrief.cluster import BatchParams, ClusterParams, StoryClusterer, StoryState, cluster_batch
from storybrief.cluster.features import parse_time
from storybrief.cluster.pairs import PairModel
from storybrief.cluster.settle import due as settle_due
from storybrief.cluster.settle import open_undated
from storybrief.errors import ConfigError, StoreBusyError, StoreError, UnknownStoryError
from storybrief.ingest import DEFAULT_MAX_BYTES
from storybrief.ingest.formats import Unextracted
from storybrief.model import Article, Notice, Rejected, Story
from storybrief.store import copies as cp
from storybrief.store.base import (
    IngestItem,
    IngestOutcome,
    IngestReport,
    Order,
    ReclusterReport,
    Store,
    default_path,
)
from storybrief.store.prepare import Prepared, Workers, prepare, raw_digest_of
from storybrief.store.query import since_days, story_title
from storybrief.store.schema import (
    DDL,
    MIGRATIONS,
    SCHEMA_VERSION,
    decode_vector,
    encode_vector,
)

DEFAULT_BATCH = 500
# How long a writer waits for another to finish its batch before giving up with a
# ``StoreBusyError``; a batch of 500 takes a few seconds, a re-cluster of 5,000 longer.
BUSY_TIMEOUT_S = 30.0
# What a writer that gave up is told to wait before trying again.
RETRY_AFTER_S = 5.0
CACHE_KIB = 64 * 1024


class SQLiteStore(Store):
    """A story store in one SQLite file (see ``open_store``)."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        create: bool = True,
        batch: int = DEFAULT_BATCH,
        clean: bool = True,
        cluster: dict[str, Any] | None = None,
        busy_timeout: float = BUSY_TIMEOUT_S,
        pair_model: PairModel | None = None,
    ) -> None:
        # The batch method's pair model for re-settling and recluster (None: the shipped
        # one); evaluation passes a cross-validation fold's model to score out of fold.
        self.pair_model = pair_model
        if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
            raise ConfigError(f"batch must be a positive number of articles, got {batch!r}")
        if (
            isinstance(busy_timeout, bool)
            or not isinstance(busy_timeout, int | float)
            or not (0 <= busy_timeout <= 3600)
        ):
            raise ConfigError(
                f"busy_timeout must be a number of seconds in [0, 3600], got {busy_timeout!r}"
            )
        self.path = Path(path) if path is not None else default_path()
        self.batch, self.clean, self.busy_timeout = batch, clean, float(busy_timeout)
        if not create and not self.path.exists():
            raise StoreError(
                f"no story store at {self.path}; run `storybrief ingest --db {self.path} ...` first"
            )
        try:
            self.db = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout,
                isolation_level=None,
                check_same_thread=False,
            )
            self.db.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # The LSH and article indexes outgrow SQLite's default 2 MB page cache within a
            # few thousand articles; a bounded 64 MB keeps index updates off the disk.
            self.db.execute(f"PRAGMA cache_size={-CACHE_KIB}")
            self._init_schema(cluster or {})
        except sqlite3.OperationalError as exc:
            self._raise_busy(exc)
            raise StoreError(f"cannot open story store {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open story store {self.path}: {exc}") from exc
        self._clusterer: StoryClusterer | None = None
        self._state_text: str | None = None  # the state the cached clusterer is at
        self._pending = _Pending()
        self._pool: Workers | None = None
        self._pruned_to: float | None = None  # LSH rows before this date are gone

    # --- schema and clusterer state --------------------------------------------------

    def _init_schema(self, cluster: dict[str, Any]) -> None:
        db = self.db
        params = asdict(ClusterParams(**cluster))
        if self._ready(params if cluster else None):
            return  # an existing store: readers take no write lock at all
        db.execute("BEGIN IMMEDIATE")
        try:
            self._migrate()
            for stmt in DDL.split(";"):
                if stmt.strip():
                    db.execute(stmt)
            if db.execute("SELECT version FROM schema_version").fetchone() is None:
                db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            if self._meta("params") is None:
                self._set_meta("params", json.dumps(params, sort_keys=True))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self._ready(params if cluster else None)

    def _migrate(self) -> None:
        """Bring a store written by an older storybrief up to ``SCHEMA_VERSION`` (inside
        the caller's write transaction; once, on the first open)."""
        db = self.db
        if not db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone():
            return
        row = db.execute("SELECT version FROM schema_version").fetchone()
        if row is None:
            return
        for version in range(row[0], SCHEMA_VERSION):
            for stmt in MIGRATIONS[version]:
                db.execute(stmt)
            db.execute("UPDATE schema_version SET version = ?", (version + 1,))

    def _ready(self, params: dict[str, Any] | None) -> bool:
        """Whether the store exists with a readable schema (and ``params``, when given)."""
        db = self.db
        if not db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone():
            return False
        row = db.execute("SELECT version FROM schema_version").fetchone()
        stored = self._meta("params")
        if row is None or stored is None:
            return False
        if row[0] > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has store schema {row[0]}; this storybrief reads up to "
                f"{SCHEMA_VERSION}: upgrade storybrief"
            )
        if row[0] < SCHEMA_VERSION:
            return False  # an older store: migrated by the caller
        if params is not None and json.loads(stored) != params:
            raise ConfigError(
                f"{self.path} was built with clustering parameters {stored}; a store keeps "
                "its parameters: use a new --db to try others"
            )
        return True

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: object) -> None:
        self.db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value) if not isinstance(value, str) else value),
        )

    def params(self) -> ClusterParams:
        return ClusterParams(**json.loads(self._meta("params") or "{}"))

    def _current_clusterer(self) -> StoryClusterer:
        """The clusterer of this store object's last write when the stored state is still
        the one it wrote (no other writer came in between: every write that moves the
        clusterer rewrites the state), else a fresh load; reloading the document
        frequencies of a large store takes seconds."""
        text = self._meta("state")
        if self._clusterer is not None and text is not None and text == self._state_text:
            return self._clusterer
        clusterer = self._load_clusterer()
        self._state_text = text
        return clusterer

    def _load_clusterer(self) -> StoryClusterer:
        clusterer = StoryClusterer(**asdict(self.params()))
        state = json.loads(self._meta("state") or "{}")
        stories = [
            StoryState(
                id=sid,
                centroid=decode_vector(cent),
                norm=norm,
                names=decode_vector(names),
                names_norm=names_norm,
                size=size,
                first_ts=first_ts,
                last_ts=last_ts,
                updated=updated,
            )
            for sid, cent, norm, names, names_norm, size, first_ts, last_ts, updated in self.db.execute(
                "SELECT id, centroid, norm, names, names_norm, clustered, span_first, span_last, "
                "updated FROM stories WHERE active = 1"
            )
        ]
        # The story counter never goes below a story number in use (a store written by an
        # older storybrief, whose writers could race, may hold one).
        highest = self.db.execute(
            "SELECT max(CAST(substr(id, ?) AS INTEGER)) FROM stories WHERE id GLOB ?",
            (len(clusterer.id_prefix) + 1, f"{clusterer.id_prefix}[0-9]*"),
        ).fetchone()[0]
        clusterer.restore(
            stories=stories,
            df=dict(self.db.execute("SELECT term, n FROM df")),
            n_docs=state.get("n_docs", 0),
            n_stories=max(state.get("n_stories", 0), highest or 0),
            seq=state.get("seq", 0),
            latest_ts=state.get("latest_ts"),
            swept_ts=state.get("swept_ts"),
            generation=state.get("generation", 0),
        )
        return clusterer

    # --- ingest ----------------------------------------------------------------------

    def ingest(
        self,
        items: Iterable[IngestItem] | str | Path,
        *,
        progress: bool = True,
        jobs: int = 1,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> IngestReport:
        from tqdm import tqdm

        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ConfigError(f"jobs must be a positive number of processes, got {jobs!r}")

        start = time.perf_counter()
        tally = _Tally()
        bar = tqdm(
            disable=not progress, unit=" articles", desc="ingest", leave=False, mininterval=0.5
        )
        try:
            # With workers, HTML pages are extracted there too (the costliest step for them).
            flat = _flatten(items, defer_html=jobs > 1, max_bytes=max_bytes)
            source: Iterable[Article | Prepared | Rejected] = (
                cast(Iterator[Article | Rejected], flat)  # nothing deferred with one process
                if jobs == 1
                else self._workers(jobs).prepared(flat, clean=self.clean)
            )
            # Inputs are read and prepared with no lock held (an ingest reading a pipe may
            # wait for its input for hours); the write lock is taken for one batch at a time:
            # ``self.batch`` articles written, the same cut as if the lock were held all
            # along (texts stored already, or repeated in the batch, do not count).
            batch: list[Prepared | Rejected | _Stored] = []
            digests: set[str] = set()
            for item in source:
                bar.update(1)
                ready = (
                    (self._known(item) or prepare(item, clean=self.clean, counts=True))
                    if isinstance(item, Article)
                    else item
                )
                batch.append(ready)
                self._count_new(ready, digests)
                if len(digests) >= self.batch:
                    batch = self._write(batch, tally)
                    digests = set()
                    for rest in batch:
                        self._count_new(rest, digests)
            while batch:
                batch = self._write(batch, tally)
        except BaseException:
            self._close_workers()  # a pool that saw a failure is not reused
            raise
        finally:
            bar.close()
        return tally.report(time.perf_counter() - start)

    def _known(self, article: Article) -> _Stored | None:
        """The article, if its id is stored with the same input: it is not cleaned again.
        (Read without the lock: a stored article never goes away.)"""
        raw = raw_digest_of(article)
        with self._errors():
            row = self.db.execute(
                "SELECT 1 FROM articles WHERE id = ? AND raw_hash = ?", (article.id, raw)
            ).fetchone()
        return None if row is None else _Stored(article.origin or article.id, article.id)

    def _count_new(self, item: Prepared | Rejected | _Stored, digests: set[str]) -> None:
        """Add the item's text to ``digests`` if it will be written: an article, not
        repeated among ``digests``, not stored (read without the lock: stored texts never
        go away; another writer may store it meanwhile, which the writer then sees)."""
        if isinstance(item, Prepared) and item.rejected is None and item.digest not in digests:
            with self._errors():
                row = self.db.execute(
                    "SELECT 1 FROM articles WHERE hash = ?", (item.digest,)
                ).fetchone()
            if row is None:
                digests.add(item.digest)

    def _write(
        self, batch: list[Prepared | Rejected | _Stored], tally: _Tally
    ) -> list[Prepared | Rejected | _Stored]:
        """Store the items of ``batch`` in one write transaction, against the store as it
        is now, until ``self.batch`` articles are written; the items left for the next."""
        if not any(isinstance(item, Prepared) and item.rejected is None for item in batch):
            for item in batch:
                tally.add(self._outcome_without_lock(item))
            return []
        db = self.db
        outcomes: list[IngestOutcome] = []
        try:
            with self._errors():
                db.execute("BEGIN IMMEDIATE")
                # The state is read inside the write lock: another writer may have moved it
                # since this one's last batch, and nobody can move it now until the commit.
                clusterer = self._clusterer = self._current_clusterer()
                written = 0
                for item in batch:
                    outcome = self._add(item, clusterer)
                    outcomes.append(outcome)
                    if outcome.action == "added" and settle_due(clusterer.seq):
                        self._settle(clusterer)
                    written += outcome.action in ("added", "copy")
                    if written >= self.batch:
                        break
                self._commit(clusterer)
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            self._clusterer = None
            self._pending = _Pending()
            self._pruned_to = None  # a prune in the rolled-back batch did not happen
            raise
        for item, outcome in zip(batch, outcomes, strict=False):
            tally.add(outcome, item.notices if isinstance(item, Prepared) else ())
        return batch[len(outcomes) :]

    @staticmethod
    def _outcome_without_lock(item: Prepared | Rejected | _Stored) -> IngestOutcome:
        if isinstance(item, _Stored):
            return IngestOutcome(item.origin, "already stored", id=item.id, of=item.id)
        if isinstance(item, Rejected):
            return IngestOutcome(item.origin, "rejected", reason=item.reason)
        assert item.rejected is not None
        return IngestOutcome(
            item.rejected[0], "rejected", id=item.article.id, reason=item.rejected[1]
        )

    def _add(self, item: Prepared | Rejected | _Stored, clusterer: StoryClusterer) -> IngestOutcome:
        """Store one article prepared outside the lock; what became of it."""
        if not isinstance(item, Prepared) or item.rejected is not None:
            return self._outcome_without_lock(item)
        db = self.db
        pending = self._pending
        article, digest = item.article, item.digest
        origin = article.origin or article.id
        same = pending.hashes.get(digest)
        if same is None:
            row = db.execute("SELECT id FROM articles WHERE hash = ?", (digest,)).fetchone()
            same = None if row is None else row[0]
        if same is not None:  # the same text, under this id or another: nothing to do
            return IngestOutcome(origin, "already stored", id=same, of=same)
        renamed_from = None
        if self._taken(article.id):
            renamed_from = article.id
            article = replace(article, id=self._free_id(article.id, digest))
        n_shingles, sig, keys = item.n_shingles, item.signature, item.band_keys
        ts = parse_time(article.published)
        original = self._find_original(
            sig, keys, ts, clusterer.params.window_days, clusterer.horizon
        )
        new_story = False
        if original is not None:
            story, group, copy_of = original
            new_source = 0
        else:
            assignment = clusterer.assign(article, counts=item.counts)
            story, group, copy_of = assignment.story, article.id, None
            new_source, new_story = 1, assignment.new
            if assignment.new:
                db.execute(
                    "INSERT INTO stories (id, created, updated, title, size, sources, added) "
                    "VALUES (?, ?, ?, ?, 0, 0, 0)",
                    (story, clusterer.seq, clusterer.seq, story_title(article)),
                )
        pending.story_seen(story, new_source, ts, article.published)
        pending.add(
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
                n_shingles,
                sig.tobytes(),
                item.raw_digest,
            ),
            sig,
            keys,
            clusterer.horizon,
        )
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
        return article_id in self._pending.ids or bool(
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

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's errors as the library's: a write lock held by another writer for
        longer than ``busy_timeout`` is a ``StoreBusyError``, the rest ``StoreError``."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            self._raise_busy(exc)
            raise StoreError(f"story store {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"story store {self.path}: {exc}") from exc

    def _raise_busy(self, exc: sqlite3.OperationalError) -> None:
        message = str(exc)
        if "locked" in message or "busy" in message:
            raise StoreBusyError(
                f"story store {self.path} is busy: another writer held it for over "
                f"{self.busy_timeout:g}s; try again in {RETRY_AFTER_S:g}s",
                retry_after=RETRY_AFTER_S,
            ) from None

    def _find_original(
        self,
        sig: np.ndarray,
        keys: list[int],
        ts: float | None,
        window_days: float,
        horizon: float | None,
    ) -> tuple[str, str, str] | None:
        """(story, source group, article) of the stored article this one copies, if any.

        Only an original within the clustering window counts: a text republished weeks
        later belongs to whatever story is current then, as the clusterer would decide.
        Nor does one published before the clusterer's ``horizon``, whose story is retired
        (which lets the store drop those LSH rows: see ``_prune``). Candidates share a band
        with it: stored ones (from the LSH table) and those of the open batch, not written
        yet (from memory).
        """
        low = -math.inf if horizon is None else horizon - 1e-6
        if ts is not None:
            low = max(low, ts - window_days - 1e-6)
        high = math.inf if ts is None else ts + window_days + 1e-6
        # Texts that recur (templates, a wire story republished weeks later) share bands
        # with ever more stored articles: range scans of the (key, ts) index read only the
        # rows in reach and the undated ones, so a lookup costs the same in a store of any
        # size. (A hair wide: the exact tests below decide.) And each band reads at most
        # ``BAND_CANDIDATES`` rows, the earliest: thousands of near-identical articles make
        # a band that holds them all, and comparing each newcomer with every one of them
        # would make their ingest quadratic. Any one of them will do as the original.
        parts, args = [], []
        for key in keys:
            parts.append(_BAND_DATED)
            args += [key, low, high]
            parts.append(_BAND_UNDATED)
            args.append(key)
        rows = self.db.execute(
            "SELECT a.id, a.story, a.source_group, a.signature, a.ts FROM articles a "
            f"WHERE a.id IN ({' UNION ALL '.join(parts)})",
            args,
        ).fetchall()
        candidates = [
            (aid, story, group, np.frombuffer(blob, dtype=np.uint32), when)
            for aid, story, group, blob, when in rows
        ]
        candidates += self._pending.candidates(keys)
        reach = [
            c
            for c in candidates
            if c[4] is None
            or not (
                (ts is not None and abs(ts - c[4]) > window_days)
                or (horizon is not None and c[4] < horizon)
            )
        ]
        if not reach:
            return None
        sims = cp.jaccards(sig, np.stack([c[3] for c in reach]))
        best: tuple[float, str, str, str] | None = None
        for (aid, story, group, _, _), sim in zip(reach, sims.tolist(), strict=True):
            if sim >= cp.COPY_JACCARD and (best is None or (sim, aid) > (best[0], best[3])):
                best = (sim, story, group, aid)
        return None if best is None else (best[1], best[2], best[3])

    def _commit(self, clusterer: StoryClusterer) -> None:
        state = self._flush(clusterer)
        self.db.execute("COMMIT")
        self._state_text = state  # what a later write compares the stored state with

    def _flush(self, clusterer: StoryClusterer) -> str:
        """Write what is pending and the clusterer's changes, in the open transaction;
        the state written."""
        changed, retired, delta = clusterer.drain()
        db = self.db
        self._pending.write(db)
        self._pending = _Pending()
        self._prune(clusterer.horizon)
        db.executemany(
            "UPDATE stories SET centroid = ?, norm = ?, names = ?, names_norm = ?, "
            "clustered = ?, span_first = ?, span_last = ?, updated = ? WHERE id = ?",
            [
                (
                    encode_vector(s.centroid),
                    s.norm,
                    encode_vector(s.names),
                    s.names_norm,
                    s.size,
                    s.first_ts,
                    s.last_ts,
                    s.updated,
                    s.id,
                )
                for s in changed
            ],
        )
        db.executemany("UPDATE stories SET active = 0 WHERE id = ?", [(s,) for s in retired])
        db.executemany(
            "INSERT INTO df VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            list(delta.items()),
        )
        state = json.dumps(
            {
                "n_docs": clusterer.n_docs,
                "n_stories": clusterer.n_stories,
                "seq": clusterer.seq,
                "latest_ts": clusterer.latest_ts,
                "swept_ts": clusterer.swept_ts,
                "generation": clusterer.generation,
            }
        )
        self._set_meta("state", state)
        return state

    # --- re-clustering -----------------------------------------------------------------

    def recluster(
        self, *, since: str | None = None, max_articles: int | None = BatchParams.max_articles
    ) -> ReclusterReport:
        with self._errors():
            return self._recluster(since, max_articles)

    def _recluster(self, since: str | None, max_articles: int | None) -> ReclusterReport:
        start = time.perf_counter()
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            clusterer = self._current_clusterer()
            where, args = "active = 1", []
            if since is not None:
                where += " AND coalesce(last_ts, added) >= ?"
                args.append(self._since(since))
            counts = self._regroup(clusterer, where, args, max_articles)
            self._commit(clusterer)
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            self._clusterer = None
            raise
        return ReclusterReport(*counts, seconds=time.perf_counter() - start)

    def _settle(self, clusterer: StoryClusterer) -> None:
        """Re-settle inside an ingest (``cluster.settle``): what is pending is written first
        (not committed: commits stay at whole batches), so the regrouping reads every
        article so far."""
        self._flush(clusterer)
        where, args = open_undated(clusterer.seq)
        # With nothing to regroup (a dated feed) the clusterer is left exactly as it is.
        if self.db.execute(f"SELECT 1 FROM stories WHERE {where} LIMIT 1", args).fetchone():
            self._regroup(clusterer, where, args, None)

    def _regroup(
        self, clusterer: StoryClusterer, where: str, args: list[Any], max_articles: int | None
    ) -> tuple[int, int, int, int]:
        """Regroup the stories ``where`` picks with the batch method, in the open
        transaction; (articles, stories before, stories after, articles moved)."""
        db = self.db
        old = [r[0] for r in db.execute(f"SELECT id FROM stories WHERE {where}", args)]
        picked = f"SELECT id FROM stories WHERE {where}"
        # Originals (copies follow them), in arrival order, with the clusterer's sequence
        # number of each: the count of originals stored up to it.
        rows = db.execute(
            f"SELECT story, rank, {_ARTICLE_COLUMNS} FROM (SELECT *, "
            "row_number() OVER (ORDER BY seq) AS rank FROM articles "
            f"WHERE copy_of IS NULL) WHERE story IN ({picked}) ORDER BY seq",
            args,
        ).fetchall()
        if max_articles is not None and len(rows) > max_articles:
            raise ConfigError(
                f"{len(rows)} articles in {len(old)} open stories; a re-cluster takes at "
                f"most {max_articles} at once: give a later since"
            )
        articles = [_article(r[2:]) for r in rows]
        before = {r[2]: r[0] for r in rows}
        p = clusterer.params
        groups = cluster_batch(articles, window_days=p.window_days, half_life_days=p.half_life_days)
        story_of = _keep_ids(groups, before, clusterer.new_story_id)
        seq_of = {r[2]: r[1] for r in rows}
        by_id = {a.id: a for a in articles}
        members: dict[str, list[tuple[Article, int]]] = {}
        for aid, sid in story_of.items():
            members.setdefault(sid, []).append((by_id[aid], seq_of[aid]))
        for group in members.values():
            group.sort(key=lambda m: m[1])
        for aid, copy_of, sid in db.execute(
            f"SELECT id, copy_of, story FROM articles WHERE story IN ({picked}) "
            "AND copy_of IS NOT NULL ORDER BY seq",
            args,
        ).fetchall():
            before[aid] = sid
            story_of[aid] = story_of.get(copy_of, sid)
        moved = [(sid, aid) for aid, sid in story_of.items() if before[aid] != sid]
        db.executemany("UPDATE articles SET story = ? WHERE id = ?", moved)
        clusterer.rebuild(old, members)
        self._restate(old, members, clusterer)
        return len(story_of), len(old), len(members), len(moved)

    def _restate(
        self,
        old: list[str],
        members: dict[str, list[tuple[Article, int]]],
        clusterer: StoryClusterer,
    ) -> None:
        """The story rows after a re-cluster: stories left empty go, new ones come, and
        every regrouped story's counts, dates and title are taken again from its articles."""
        db = self.db
        gone = [sid for sid in old if sid not in members]
        db.executemany("DELETE FROM stories WHERE id = ?", [(sid,) for sid in gone])
        now = time.time() / 86400.0
        for sid, group in members.items():
            first = group[0][0]
            db.execute(
                "INSERT INTO stories (id, created, updated, title, size, sources, added) "
                "VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT(id) DO UPDATE SET "
                "created = excluded.created, title = excluded.title, added = excluded.added",
                (sid, group[0][1], group[-1][1], story_title(first), now),
            )
        db.executemany(_RESTATE_STORY, [(sid,) for sid in members])

    def _prune(self, horizon: float | None) -> None:
        """Drop the LSH rows of articles published before ``horizon``: no lookup reads them
        again (see ``_find_original``), and the index then stays the size of the recent
        window instead of growing with the store. Run when the horizon has moved (once per
        sweep of the clusterer, a quarter window), in the batch's transaction."""
        if horizon is None or (self._pruned_to is not None and horizon <= self._pruned_to):
            return
        self.db.execute("DELETE FROM lsh WHERE ts < ?", (horizon,))
        self._pruned_to = horizon

    # --- reading ---------------------------------------------------------------------

    def stories(
        self, *, since: str | None = None, order: Order = "newest", limit: int | None = None
    ) -> list[Story]:
        if order not in ("newest", "largest"):
            raise ConfigError(f"order must be 'newest' or 'largest', got {order!r}")
        if limit is not None and (isinstance(limit, bool) or limit < 1):
            raise ConfigError(f"limit must be a positive number of stories, got {limit!r}")
        where, args = "", []
        if since is not None:
            where, args = "WHERE coalesce(last_ts, added) >= ?", [self._since(since)]
        sort = (
            "coalesce(last_ts, added) DESC, updated DESC"
            if order == "newest"
            else "sources DESC, size DESC, updated DESC"
        )
        sql = (
            f"SELECT id, title, sources, first_seen, last_seen FROM stories {where} "
            f"ORDER BY {sort}" + (f" LIMIT {int(limit)}" if limit else "")
        )
        with self._read():
            rows = self.db.execute(sql, args).fetchall()
            members = self._members([r[0] for r in rows])
        return [
            Story(sid, title, tuple(members.get(sid, ())), sources, first, last)
            for sid, title, sources, first, last in rows
        ]

    def _since(self, since: str) -> float:
        """``since`` in days since the epoch. An age (``7d``) counts back from the newest
        article date in the store, the feed's own clock (a store of last year's news reads
        as it did then), or from now when no article has a date."""
        newest = self.db.execute("SELECT max(last_ts) FROM stories").fetchone()[0]
        return since_days(since, now=None if newest is None else newest * 86400.0)

    def _members(self, ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for sid, aid in self.db.execute(
                f"SELECT story, id FROM articles WHERE story IN ({','.join('?' * len(chunk))}) "
                "ORDER BY seq",
                chunk,
            ):
                out.setdefault(sid, []).append(aid)
        return out

    def story(self, story_id: str) -> Story:
        with self._read():
            row = self.db.execute(
                "SELECT id, title, sources, first_seen, last_seen FROM stories WHERE id = ?",
                (story_id,),
            ).fetchone()
            if row is None:
                raise UnknownStoryError(f"no story {story_id!r} in {self.path}")
            members = self._members([story_id])
        return Story(row[0], row[1], tuple(members.get(story_id, ())), row[2], row[3], row[4])

    def articles(self, story_id: str) -> list[Article]:
        with self._read():
            self.story(story_id)
            rows = self.db.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE story = ? ORDER BY seq",
                (story_id,),
            ).fetchall()
        return [_article(r) for r in rows]

    @contextmanager
    def _read(self) -> Iterator[None]:
        with self._errors(), _ReadTx(self.db):
            yield

    def _workers(self, jobs: int) -> Workers:
        if self._pool is None or self._pool.jobs != jobs:
            self._close_workers()
            self._pool = Workers(jobs)
        return self._pool

    def _close_workers(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.close()

    def close(self) -> None:
        self._close_workers()
        self.db.close()


# The most rows one band of a copy lookup reads (see ``_find_original``): twice the most
# any band held within reach on a 20,000-article stream of real texts (7), where the
# stores with and without the bound are identical.
BAND_CANDIDATES = 16
_BAND_DATED = (
    "SELECT article FROM (SELECT article FROM lsh WHERE key = ? AND ts BETWEEN ? AND ? "
    f"LIMIT {BAND_CANDIDATES})"
)
_BAND_UNDATED = (
    f"SELECT article FROM (SELECT article FROM lsh WHERE key = ? AND ts IS NULL "
    f"LIMIT {BAND_CANDIDATES})"
)

# A story's counts and dates, from its articles (copies included).
_RESTATE_STORY = (
    "UPDATE stories SET "
    "size = (SELECT count(*) FROM articles WHERE story = ?1), "
    "sources = (SELECT count(DISTINCT source_group) FROM articles WHERE story = ?1), "
    "first_ts = (SELECT min(ts) FROM articles WHERE story = ?1), "
    "last_ts = (SELECT max(ts) FROM articles WHERE story = ?1), "
    "first_seen = (SELECT published FROM articles WHERE story = ?1 AND ts IS NOT NULL "
    "ORDER BY ts, seq LIMIT 1), "
    "last_seen = (SELECT published FROM articles WHERE story = ?1 AND ts IS NOT NULL "
    "ORDER BY ts DESC, seq LIMIT 1), "
    "active = 1 WHERE id = ?1"
)


def _keep_ids(
    groups: list[list[str]], before: dict[str, str], new_id: Callable[[], str]
) -> dict[str, str]:
    """Story id of each article after a re-cluster: each group takes the id of the old
    story it shares most articles with (the largest overlaps choose first; an id goes to one
    group only); the others get new ids, in the order of their first article."""
    overlaps: dict[tuple[int, str], int] = {}
    for i, group in enumerate(groups):
        for aid in group:
            key = (i, before[aid])
            overlaps[key] = overlaps.get(key, 0) + 1
    named: dict[int, str] = {}
    taken: set[str] = set()
    for (i, sid), _ in sorted(overlaps.items(), key=lambda kv: (-kv[1], kv[0])):
        if i not in named and sid not in taken:
            named[i] = sid
            taken.add(sid)
    story_of: dict[str, str] = {}
    for i, group in enumerate(groups):
        sid = named[i] if i in named else new_id()
        for aid in group:
            story_of[aid] = sid
    return story_of


# The columns ``_article`` reads, in its order.
_ARTICLE_COLUMNS = "id, text, title, source, url, published, origin, removed_chars"


def _article(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0],
        text=row[1],
        title=row[2],
        source=row[3],
        url=row[4],
        published=row[5],
        origin=row[6],
        removed_chars=row[7],
    )


_INSERT_ARTICLE = (
    "INSERT INTO articles (id, hash, story, copy_of, source_group, title, source, url, "
    "published, origin, ts, text, removed_chars, shingles, signature, raw_hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# SQLite evaluates every SET against the old row, so the spans update together: each
# bound takes the batch's earliest (latest) date when it is before (after) the stored one.
_UPDATE_STORY = (
    "UPDATE stories SET size = size + ?2, sources = sources + ?3, added = ?4, "
    "first_seen = CASE WHEN ?5 IS NOT NULL AND (first_ts IS NULL OR ?5 < first_ts) "
    "THEN ?6 ELSE first_seen END, "
    "last_seen = CASE WHEN ?7 IS NOT NULL AND (last_ts IS NULL OR ?7 > last_ts) "
    "THEN ?8 ELSE last_seen END, "
    "first_ts = CASE WHEN ?5 IS NOT NULL AND (first_ts IS NULL OR ?5 < first_ts) "
    "THEN ?5 ELSE first_ts END, "
    "last_ts = CASE WHEN ?7 IS NOT NULL AND (last_ts IS NULL OR ?7 > last_ts) "
    "THEN ?7 ELSE last_ts END WHERE id = ?1"
)


class _Pending:
    """The writes of the open batch, kept until its commit and then made together: a few
    statements for the batch, not several per article, and the LSH rows in key order (the
    index grows in order, not at random places).

    Until then the batch's articles are looked up here: their ids and hashes (repeats are
    skipped) and their band keys (near copies of each other).
    """

    def __init__(self) -> None:
        self.rows: list[tuple[Any, ...]] = []
        self.ids: set[str] = set()
        self.hashes: dict[str, str] = {}  # digest -> id
        self.lsh: list[tuple[int, str, float | None]] = []
        self.bands: dict[int, list[tuple[str, str, str, np.ndarray, float | None]]] = {}
        # story -> [articles, sources, first ts, its published, last ts, its published, added]
        self.stories: dict[str, list[Any]] = {}

    def add(
        self, row: tuple[Any, ...], sig: np.ndarray, keys: list[int], horizon: float | None
    ) -> None:
        """One article; its band keys too unless it is dated before ``horizon`` (a late
        arrival no lookup will reach: see ``SQLiteStore._prune``)."""
        aid, digest, story, group, ts = row[0], row[1], row[2], row[4], row[10]
        self.rows.append(row)
        self.ids.add(aid)
        self.hashes[digest] = aid
        if ts is not None and horizon is not None and ts < horizon:
            return
        entry = (aid, story, group, sig, ts)
        for key in keys:
            self.lsh.append((key, aid, ts))
            band = self.bands.setdefault(key, [])
            if len(band) < BAND_CANDIDATES:  # as a lookup reads the stored rows
                band.append(entry)

    def candidates(self, keys: list[int]) -> list[tuple[str, str, str, np.ndarray, float | None]]:
        """The batch's articles that share a band with ``keys``, each once."""
        found = {e[0]: e for key in keys for e in self.bands.get(key, ())}
        return list(found.values())

    def story_seen(
        self, story: str, new_source: int, ts: float | None, published: str | None
    ) -> None:
        """One more article of ``story``, as the per-article update used to count it: the
        earliest date wins only if strictly earlier (the first such article's published
        string with it), the latest likewise, and the wall clock of the last one."""
        s = self.stories.get(story)
        if s is None:
            s = self.stories[story] = [0, 0, None, None, None, None, 0.0]
        s[0] += 1
        s[1] += new_source
        if ts is not None:
            if s[2] is None or ts < s[2]:
                s[2], s[3] = ts, published
            if s[4] is None or ts > s[4]:
                s[4], s[5] = ts, published
        s[6] = time.time() / 86400.0

    def write(self, db: sqlite3.Connection) -> None:
        db.executemany(_INSERT_ARTICLE, self.rows)
        self.lsh.sort()  # by key, then article (each pair is unique: dates never compare)
        db.executemany("INSERT INTO lsh VALUES (?, ?, ?)", self.lsh)
        db.executemany(
            _UPDATE_STORY,
            [
                (story, size, sources, added, first, first_seen, last, last_seen)
                for story, (
                    size,
                    sources,
                    first,
                    first_seen,
                    last,
                    last_seen,
                    added,
                ) in self.stories.items()
            ],
        )


class _ReadTx:
    """A read transaction (one consistent snapshot), unless one is already open."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db, self.own = db, False

    def __enter__(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN")
            self.own = True

    def __exit__(self, *exc: object) -> None:
        if self.own:
            self.db.execute("COMMIT")


def _flatten(
    items: Iterable[IngestItem] | str | Path,
    *,
    defer_html: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Rejected | Unextracted]:
    from storybrief.ingest import iter_inputs

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


@dataclass(frozen=True)
class _Stored:
    """An input known to be stored already (its id, with the same input)."""

    origin: str
    id: str


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
