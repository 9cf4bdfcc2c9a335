"""The SQLite story store: one file, nothing to start, safe to read while it is written.

This module is the store's face: it opens the file (``store.connection``, with the schema
of ``store.schema``), hands prepared articles to its writer (``store.writer``: batches,
copy index, clusterer state, re-settling) and reads stories and articles back. Reading
input files and preparing articles is ``storybrief.stream``'s work; making a stored
story's brief is the pipeline's (``storybrief.brief_story``).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from storybrief.cluster import BatchParams, ClusterParams, StoryClusterer
from storybrief.cluster.pairs import PairModel
from storybrief.errors import ConfigError, StoreError, UnknownStoryError
from storybrief.model import Article, Notice, Story
from storybrief.store.base import IngestOutcome, Order, ReclusterReport, Store, default_path
from storybrief.store.connection import BUSY_TIMEOUT_S, ReadTx, busy_error, connect, errors
from storybrief.store.prepared import Item, Stored, raw_digest_of
from storybrief.store.query import since_days
from storybrief.store.rows import ARTICLE_COLUMNS, article_of
from storybrief.store.schema import init_schema, meta
from storybrief.store.state import ClustererCache
from storybrief.store.writer import Writer

DEFAULT_BATCH = 500


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
        params = asdict(ClusterParams(**(cluster or {})))
        try:
            self.db = connect(self.path, self.busy_timeout)
            init_schema(self.db, self.path, params, given=bool(cluster))
        except sqlite3.OperationalError as exc:
            busy_error(exc, self.path, self.busy_timeout)
            raise StoreError(f"cannot open story store {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open story store {self.path}: {exc}") from exc
        self._clusterers = ClustererCache(self.params())
        self.writer = Writer(
            self.db,
            batch=batch,
            clusterers=self._clusterers,
            errors=self._errors,
            pair_model=pair_model,
        )

    def params(self) -> ClusterParams:
        return ClusterParams(**json.loads(meta(self.db, "params") or "{}"))

    def clusterer(self) -> StoryClusterer:
        """The online clusterer at the stored state (the writer's, when it is current)."""
        with self._errors():
            return self._clusterers.current(self.db)

    def _errors(self) -> AbstractContextManager[None]:
        return errors(self.path, self.busy_timeout)

    # --- writing ---------------------------------------------------------------------

    def known(self, article: Article) -> Stored | None:
        """The article, if its id is stored with the same input: it is not cleaned again.
        (Read without the lock: a stored article never goes away.)"""
        raw = raw_digest_of(article)
        with self._errors():
            row = self.db.execute(
                "SELECT 1 FROM articles WHERE id = ? AND raw_hash = ?", (article.id, raw)
            ).fetchone()
        return None if row is None else Stored(article.origin or article.id, article.id)

    def add(self, items: Iterable[Item]) -> Iterator[tuple[IngestOutcome, tuple[Notice, ...]]]:
        return self.writer.add(items)

    def recluster(
        self, *, since: str | None = None, max_articles: int | None = BatchParams.max_articles
    ) -> ReclusterReport:
        def pick() -> tuple[str, list[Any]]:  # read inside the write lock
            if since is None:
                return "active = 1", []
            return "active = 1 AND coalesce(last_ts, added) >= ?", [self._since(since)]

        start = time.perf_counter()
        with self._errors():
            counts = self.writer.recluster(pick, max_articles)
        return ReclusterReport(*counts, seconds=time.perf_counter() - start)

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
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE story = ? ORDER BY seq",
                (story_id,),
            ).fetchall()
        return [article_of(r) for r in rows]

    @contextmanager
    def _read(self) -> Iterator[None]:
        with self._errors(), ReadTx(self.db):
            yield

    def close(self) -> None:
        self.db.close()
