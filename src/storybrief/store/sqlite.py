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
from dataclasses import asdict
from pathlib import Path
from typing import Any, cast

import numpy as np

from storybrief.cluster import BatchParams, ClusterParams, StoryClusterer, StoryState, cluster_batch
from storybrief.cluster.features import parse_time
from storybrief.cluster.pairs import PairModel
from storybrief.cluster.settle import due as settle_due
from storybrief.cluster.settle import open_undated
from storybrief.errors import ConfigError, InputError, StoreError, UnknownStoryError
from storybrief.ingest.formats import Unextracted
from storybrief.model import Article, Rejected, Story
from storybrief.store import copies as cp
from storybrief.store.base import (
    IngestItem,
    IngestReport,
    Order,
    ReclusterReport,
    Store,
    default_path,
)
from storybrief.store.prepare import Prepared, Workers, prepare
from storybrief.store.query import since_days, story_title
from storybrief.store.schema import (
    DDL,
    MIGRATIONS,
    SCHEMA_VERSION,
    decode_vector,
    encode_vector,
)

DEFAULT_BATCH = 500
BUSY_TIMEOUT_MS = 30_000
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
        pair_model: PairModel | None = None,
    ) -> None:
        # The batch method's pair model for re-settling and recluster (None: the shipped
        # one); evaluation passes a cross-validation fold's model to score out of fold.
        self.pair_model = pair_model
        if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
            raise ConfigError(f"batch must be a positive number of articles, got {batch!r}")
        self.path = Path(path) if path is not None else default_path()
        self.batch, self.clean = batch, clean
        if not create and not self.path.exists():
            raise StoreError(
                f"no story store at {self.path}; run `storybrief ingest --db {self.path} ...` first"
            )
        try:
            self.db = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # The LSH and article indexes outgrow SQLite's default 2 MB page cache within a
            # few thousand articles; a bounded 64 MB keeps index updates off the disk.
            self.db.execute(f"PRAGMA cache_size={-CACHE_KIB}")
            self._init_schema(cluster or {})
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open story store {self.path}: {exc}") from exc
        self._clusterer: StoryClusterer | None = None
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
        """The clusterer of the last ingest when the store has not moved since (same
        article count and sequence: no other writer came in between), else a fresh load;
        reloading the document frequencies of a large store takes seconds."""
        cached = self._clusterer
        if cached is not None:
            state = json.loads(self._meta("state") or "{}")
            if (state.get("seq", 0), state.get("n_docs", 0), state.get("generation", 0)) == (
                cached.seq,
                cached.n_docs,
                cached.generation,
            ):
                return cached
        return self._load_clusterer()

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
        clusterer.restore(
            stories=stories,
            df=dict(self.db.execute("SELECT term, n FROM df")),
            n_docs=state.get("n_docs", 0),
            n_stories=state.get("n_stories", 0),
            seq=state.get("seq", 0),
            latest_ts=state.get("latest_ts"),
            swept_ts=state.get("swept_ts"),
            generation=state.get("generation", 0),
        )
        return clusterer

    # --- ingest ----------------------------------------------------------------------

    def ingest(
        self, items: Iterable[IngestItem] | str | Path, *, progress: bool = True, jobs: int = 1
    ) -> IngestReport:
        from tqdm import tqdm

        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ConfigError(f"jobs must be a positive number of processes, got {jobs!r}")

        start = time.perf_counter()
        counts = {"added": 0, "copies": 0, "skipped": 0, "new_stories": 0}
        rejected: list[Rejected] = []
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        # The state is read inside the write lock: no other writer can move it meanwhile.
        clusterer = self._clusterer = self._current_clusterer()
        pending = 0
        bar = tqdm(
            disable=not progress, unit=" articles", desc="ingest", leave=False, mininterval=0.5
        )
        try:
            # With workers, HTML pages are extracted there too (the costliest step for them).
            flat = _flatten(items, defer_html=jobs > 1)
            source: Iterable[Article | Prepared | Rejected] = (
                cast(Iterator[Article | Rejected], flat)  # nothing deferred with one process
                if jobs == 1
                else self._workers(jobs).prepared(flat, clean=self.clean)
            )
            for item in source:
                bar.update(1)
                if isinstance(item, Rejected):
                    rejected.append(item)
                    continue
                try:
                    outcome = self._add(item, clusterer)
                except InputError as exc:
                    rejected.append(Rejected(exc.origin, exc.reason))
                    continue
                counts[outcome] += 1
                if outcome == "new_stories":
                    counts["added"] += 1
                if outcome in ("added", "new_stories") and settle_due(clusterer.seq):
                    self._settle(clusterer)
                if outcome != "skipped":
                    pending += 1
                if pending >= self.batch:
                    self._commit(clusterer)
                    db.execute("BEGIN IMMEDIATE")
                    pending = 0
            self._commit(clusterer)
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            self._clusterer = None
            self._pending = _Pending()
            self._close_workers()  # a pool that saw a failure is not reused
            self._pruned_to = None  # a prune in the rolled-back batch did not happen
            raise
        finally:
            bar.close()
        return IngestReport(rejected=tuple(rejected), seconds=time.perf_counter() - start, **counts)

    def _add(self, item: Article | Prepared, clusterer: StoryClusterer) -> str:
        """Store one article (or one prepared in a worker); which of the report's counts
        it adds to. The id is checked first, so a stored article is never cleaned again."""
        db = self.db
        pending = self._pending
        prepared = item if isinstance(item, Prepared) else None
        article = item.article if isinstance(item, Prepared) else item
        if (
            article.id in pending.ids
            or db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
        ):
            return "skipped"
        if prepared is None:  # one process: term counts only if the clusterer needs them
            prepared = prepare(article, clean=self.clean, counts=False)
        if prepared.rejected is not None:
            raise InputError(*prepared.rejected)
        article, digest = prepared.article, prepared.digest
        if (
            digest in pending.hashes
            or db.execute("SELECT 1 FROM articles WHERE hash = ?", (digest,)).fetchone()
        ):
            return "skipped"
        n_shingles, sig, keys = prepared.n_shingles, prepared.signature, prepared.band_keys
        counts = prepared.counts
        ts = parse_time(article.published)
        original = self._find_original(
            sig, keys, ts, clusterer.params.window_days, clusterer.horizon
        )
        if original is not None:
            story, group, copy_of = original
            outcome, new_source = "copies", 0
        else:
            assignment = clusterer.assign(article, counts=counts)
            story, group, copy_of = assignment.story, article.id, None
            outcome, new_source = ("new_stories" if assignment.new else "added"), 1
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
            ),
            sig,
            keys,
            clusterer.horizon,
        )
        return outcome

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
        marks = ",".join("?" * len(keys))
        low = -math.inf if horizon is None else horizon - 1e-6
        if ts is not None:
            low = max(low, ts - window_days - 1e-6)
        high = math.inf if ts is None else ts + window_days + 1e-6
        # Texts that recur (templates, a wire story republished weeks later) share bands
        # with ever more stored articles: two range scans of the (key, ts) index read only
        # the rows in reach and the undated ones, so a lookup costs the same in a store of
        # any size. (A hair wide: the exact tests below decide.)
        found = (
            f"SELECT article FROM lsh WHERE key IN ({marks}) AND ts BETWEEN ? AND ? "
            f"UNION ALL SELECT article FROM lsh WHERE key IN ({marks}) AND ts IS NULL"
        )
        args: list[Any] = [*keys, low, high, *keys]
        rows = self.db.execute(
            "SELECT a.id, a.story, a.source_group, a.signature, a.ts FROM articles a "
            f"WHERE a.id IN ({found})",
            args,
        ).fetchall()
        candidates = [
            (aid, story, group, np.frombuffer(blob, dtype=np.uint32), when)
            for aid, story, group, blob, when in rows
        ]
        candidates += self._pending.candidates(keys)
        best: tuple[float, str, str, str] | None = None
        for aid, story, group, other, when in candidates:
            if when is not None and (
                (ts is not None and abs(ts - when) > window_days)
                or (horizon is not None and when < horizon)
            ):
                continue
            sim = cp.jaccard(sig, other)
            if sim >= cp.COPY_JACCARD and (best is None or (sim, aid) > (best[0], best[3])):
                best = (sim, story, group, aid)
        return None if best is None else (best[1], best[2], best[3])

    def _commit(self, clusterer: StoryClusterer) -> None:
        self._flush(clusterer)
        self.db.execute("COMMIT")

    def _flush(self, clusterer: StoryClusterer) -> None:
        """Write what is pending and the clusterer's changes, in the open transaction."""
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
        self._set_meta(
            "state",
            {
                "n_docs": clusterer.n_docs,
                "n_stories": clusterer.n_stories,
                "seq": clusterer.seq,
                "latest_ts": clusterer.latest_ts,
                "swept_ts": clusterer.swept_ts,
                "generation": clusterer.generation,
            },
        )

    # --- re-clustering -----------------------------------------------------------------

    def recluster(
        self, *, since: str | None = None, max_articles: int | None = BatchParams.max_articles
    ) -> ReclusterReport:
        start = time.perf_counter()
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            clusterer = self._current_clusterer()
            where, args = "active = 1", []
            if since is not None:
                where += " AND coalesce(last_ts, added) >= ?"
                args.append(since_days(since))
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
            where, args = "WHERE coalesce(last_ts, added) >= ?", [since_days(since)]
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

    def _read(self) -> _ReadTx:
        return _ReadTx(self.db)

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
    "published, origin, ts, text, removed_chars, shingles, signature) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
        self.hashes: set[str] = set()
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
        self.hashes.add(digest)
        if ts is not None and horizon is not None and ts < horizon:
            return
        entry = (aid, story, group, sig, ts)
        for key in keys:
            self.lsh.append((key, aid, ts))
            self.bands.setdefault(key, []).append(entry)

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
    items: Iterable[IngestItem] | str | Path, *, defer_html: bool = False
) -> Iterator[Article | Rejected | Unextracted]:
    from storybrief.ingest import iter_inputs

    if isinstance(items, str | Path):
        items = [items]
    for item in items:
        if isinstance(item, Article | Rejected):
            yield item
        elif isinstance(item, str | Path):
            yield from iter_inputs([item], defer_html=defer_html)
        else:
            raise ConfigError(
                f"cannot ingest a {type(item).__name__}: give Article objects or input paths"
            )
