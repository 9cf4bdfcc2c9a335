"""SQLite schema of the story store, its migrations, its ``meta`` table, and the codecs of
its blobs.

Versioned by ``schema_version``: a store written by an older storybrief is migrated on its
first open, one written by a newer one is refused with a clear message rather than misread.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from storybrief.errors import ConfigError, StoreError

SCHEMA_VERSION = 4

# Statements that bring a store of version N up to N + 1, run in one transaction on open.
MIGRATIONS: Mapping[int, tuple[str, ...]] = MappingProxyType(
    {
        # 2: LSH rows carry their article's date (copy lookups skip out-of-window rows).
        1: (
            "ALTER TABLE lsh ADD COLUMN ts REAL",
            "UPDATE lsh SET ts = (SELECT ts FROM articles WHERE articles.id = lsh.article)",
            "DROP INDEX IF EXISTS lsh_key",
            "CREATE INDEX IF NOT EXISTS lsh_key_ts ON lsh(key, ts)",
        ),
        # 3: articles keep a digest of their input as it came (re-runs skip them uncleaned).
        2: ("ALTER TABLE articles ADD COLUMN raw_hash TEXT",),
        # 4: articles keep their language, where their date came from and how their text was
        # extracted (unknown for articles stored before).
        3: (
            "ALTER TABLE articles ADD COLUMN language TEXT",
            "ALTER TABLE articles ADD COLUMN published_source TEXT",
            "ALTER TABLE articles ADD COLUMN extraction TEXT",
        ),
    }
)

DDL = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY,            -- arrival order
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,          -- of the cleaned text: exact re-ingest is a no-op
    story TEXT NOT NULL REFERENCES stories(id),
    copy_of TEXT,                       -- a near-copy of this stored article
    source_group TEXT NOT NULL,         -- copies share their original's group
    title TEXT, source TEXT, url TEXT, published TEXT, origin TEXT,
    ts REAL,                            -- published, in days since the epoch
    text TEXT NOT NULL,
    removed_chars INTEGER NOT NULL DEFAULT 0,
    shingles INTEGER NOT NULL,
    -- MinHash (uint32 x NUM_PERM), then a digest of the title and text as they came
    signature BLOB NOT NULL, raw_hash TEXT,
    language TEXT,                      -- ISO 639-1, detected when cleaned
    published_source TEXT,              -- record, page, url or text (see Article)
    extraction TEXT                     -- the HTML extraction method, if any
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story, seq);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    created INTEGER NOT NULL,           -- seq of its first article
    updated INTEGER NOT NULL,           -- seq of its latest article
    title TEXT NOT NULL,
    size INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    first_seen TEXT, last_seen TEXT, first_ts REAL, last_ts REAL,
    added REAL NOT NULL,                -- wall clock of the last ingest touching it (days)
    active INTEGER NOT NULL DEFAULT 1,  -- still open to new articles (clusterer state)
    -- the clusterer's view: articles clustered (copies excluded), their time span
    clustered INTEGER NOT NULL DEFAULT 0, span_first REAL, span_last REAL,
    norm REAL NOT NULL DEFAULT 0, names_norm REAL NOT NULL DEFAULT 0,
    centroid BLOB, names BLOB
);
CREATE INDEX IF NOT EXISTS stories_active ON stories(active);
CREATE INDEX IF NOT EXISTS stories_last ON stories(last_ts);
-- band key -> article, with the article's date: a lookup reads only the window's rows
CREATE TABLE IF NOT EXISTS lsh (key INTEGER NOT NULL, article TEXT NOT NULL, ts REAL);
CREATE INDEX IF NOT EXISTS lsh_key_ts ON lsh(key, ts);
CREATE TABLE IF NOT EXISTS df (term INTEGER PRIMARY KEY, n INTEGER NOT NULL);
"""


def encode_vector(vec: dict[int, float]) -> bytes:
    """Keys then values, in the dict's own order (restoring it keeps sums bit-identical)."""
    keys = np.fromiter(vec.keys(), dtype=np.int32, count=len(vec))
    values = np.fromiter(vec.values(), dtype=np.float64, count=len(vec))
    return keys.tobytes() + values.tobytes()


def decode_vector(blob: bytes | None) -> dict[int, float]:
    if not blob:
        return {}
    n = len(blob) // 12
    keys = np.frombuffer(blob, dtype=np.int32, count=n)
    values = np.frombuffer(blob, dtype=np.float64, offset=4 * n, count=n)
    return dict(zip(keys.tolist(), values.tolist(), strict=True))


def meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: sqlite3.Connection, key: str, value: object) -> None:
    db.execute(
        "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value) if not isinstance(value, str) else value),
    )


def init_schema(db: sqlite3.Connection, path: Path, params: dict[str, Any], *, given: bool) -> None:
    """Create the store's tables, or migrate an older store's, keeping clustering
    ``params`` (checked against the stored ones when ``given``: a store keeps its own)."""
    if _ready(db, path, params if given else None):
        return  # an existing store: readers take no write lock at all
    db.execute("BEGIN IMMEDIATE")
    try:
        _migrate(db)
        for stmt in DDL.split(";"):
            if stmt.strip():
                db.execute(stmt)
        if db.execute("SELECT version FROM schema_version").fetchone() is None:
            db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
        if meta(db, "params") is None:
            set_meta(db, "params", json.dumps(params, sort_keys=True))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    _ready(db, path, params if given else None)


def _migrate(db: sqlite3.Connection) -> None:
    """Bring a store written by an older storybrief up to ``SCHEMA_VERSION`` (inside the
    caller's write transaction; once, on the first open)."""
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


def _ready(db: sqlite3.Connection, path: Path, params: dict[str, Any] | None) -> bool:
    """Whether the store exists with a readable schema (and ``params``, when given)."""
    if not db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone():
        return False
    row = db.execute("SELECT version FROM schema_version").fetchone()
    stored = meta(db, "params")
    if row is None or stored is None:
        return False
    if row[0] > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has store schema {row[0]}; this storybrief reads up to "
            f"{SCHEMA_VERSION}: upgrade storybrief"
        )
    if row[0] < SCHEMA_VERSION:
        return False  # an older store: migrated by the caller
    if params is not None and json.loads(stored) != params:
        raise ConfigError(
            f"{path} was built with clustering parameters {stored}; a store keeps "
            "its parameters: use a new --db to try others"
        )
    return True
