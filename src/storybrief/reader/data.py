"""The reader's access to the store: one SQLite connection per server thread, the reader
queries, cached briefs, and a bounded cache of rendered story pages."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from storybrief.errors import StoreError
from storybrief.model import Brief
from storybrief.reader.briefs import cached_brief
from storybrief.store import default_path
from storybrief.store.extras import ensure_extras
from storybrief.store.search import (
    StoryRow,
    language_choices,
    list_stories,
    source_choices,
    story_fingerprint,
)

PAGE_CACHE = 256  # rendered story pages kept in memory
# A reader never waits long on a writer: WAL reads do not wait at all, and a cache write
# that finds the store busy is skipped.
READER_BUSY_MS = 100
SETUP_BUSY_S = 10.0


class ReaderData:
    """What the reader's pages read, over the store at ``path``."""

    def __init__(self, path: str | Path | None, *, page_cache: int = PAGE_CACHE) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._local = threading.local()
        self._ready = False
        self._lock = threading.Lock()
        self._pages: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self._page_cache = page_cache
        self._facets: dict[str, tuple[Any, list[tuple[str, int]]]] = {}

    def exists(self) -> bool:
        return self.path.exists()

    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if not self.path.exists():
            raise StoreError(
                f"no story store at {self.path.name} yet: run `storybrief follow` or "
                "`storybrief ingest` first"
            )
        try:
            conn = sqlite3.connect(
                self.path, timeout=SETUP_BUSY_S, isolation_level=None, check_same_thread=False
            )
            if not self._ready:
                with self._lock:
                    ensure_extras(conn)
                    self._ready = True
            conn.execute(f"PRAGMA busy_timeout={READER_BUSY_MS}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot read story store {self.path.name}: {exc}") from exc
        self._local.conn = conn
        return conn

    def stories(self, **filters: Any) -> list[StoryRow]:
        return list_stories(self.db(), **filters)

    def story(self, story_id: str) -> StoryRow | None:
        row = (
            self.db()
            .execute(
                "SELECT id, title, size, sources, first_seen, last_seen FROM stories WHERE id = ?",
                (story_id,),
            )
            .fetchone()
        )
        return StoryRow(*row) if row else None

    def version(self) -> int:
        """Changes whenever articles are added (the latest arrival's sequence number)."""
        row = self.db().execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()
        return int(row[0])

    def sources(self) -> list[tuple[str, int]]:
        return self._facet("sources", source_choices)

    def languages(self) -> list[tuple[str, int]]:
        return self._facet("languages", language_choices)

    def _facet(self, name: str, query: Any) -> list[tuple[str, int]]:
        # the filter choices count all articles: read once per version of the store
        key = (name, self.version())
        with self._lock:
            if self._facets.get(name, (None,))[0] == key:
                return self._facets[name][1]
        value = query(self.db())
        with self._lock:
            self._facets[name] = (key, value)
        return value

    def fingerprint(self, story_id: str) -> str | None:
        return story_fingerprint(self.db(), story_id)

    def brief(self, story_id: str, *, words: int) -> tuple[Brief, str]:
        return cached_brief(self.db(), self.path, story_id, words=words)

    # --- rendered pages ----------------------------------------------------------------

    def page(self, key: tuple[Any, ...]) -> bytes | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def keep_page(self, key: tuple[Any, ...], page: bytes) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self._page_cache:
                self._pages.popitem(last=False)
