"""Tables beside the story store's core: followed sources and their fetch state, the
full-text index over articles, and the brief cache (what ``storybrief follow`` and the
reader need).

They carry a schema version of their own (meta key ``extras_schema``) with their own
migration steps, so they are added to any store, old or new, the first time ``follow`` or
the reader opens it, without touching the core tables' schema. The full-text index is kept
by triggers on ``articles``: every ingest path updates it, whoever wrote the rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from storybrief.errors import ConfigError

EXTRAS_VERSION = 2
META_KEY = "extras_schema"

# Steps that bring the extras from version N to N + 1 (0: none yet), each run once, in one
# write transaction.
STEPS: Mapping[int, tuple[str, ...]] = MappingProxyType(
    {
        0: (
            # A followed source: a feed, an OPML list, a sitemap or one article page.
            """CREATE TABLE IF NOT EXISTS sources (
            url TEXT PRIMARY KEY,
            kind TEXT,                      -- feed, opml, sitemap, page (once known)
            title TEXT,
            parent TEXT,                    -- the OPML list or sitemap index it came from
            added REAL NOT NULL,            -- wall clock, days since the epoch
            etag TEXT, last_modified TEXT,  -- for conditional GET
            last_fetch REAL, last_status TEXT, last_error TEXT,
            fetches INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0,
            articles INTEGER NOT NULL DEFAULT 0
        )""",
            # Each article URL tried: a stored or rejected one is never fetched again.
            """CREATE TABLE IF NOT EXISTS fetched (
            url TEXT PRIMARY KEY,
            source TEXT,
            status TEXT NOT NULL,           -- stored, rejected (final) or error (retried)
            at REAL NOT NULL,
            error TEXT
        )""",
            "CREATE INDEX IF NOT EXISTS articles_url ON articles(url)",
            """CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
            title, text, content='articles', content_rowid='seq',
            tokenize='unicode61 remove_diacritics 2'
        )""",
            """CREATE TRIGGER IF NOT EXISTS article_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END""",
            """CREATE TRIGGER IF NOT EXISTS article_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
        END""",
            """CREATE TRIGGER IF NOT EXISTS article_fts_update AFTER UPDATE OF title, text
        ON articles BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
            INSERT INTO article_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END""",
            "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
            # A story's brief as JSON, valid while the story's articles are the same.
            """CREATE TABLE IF NOT EXISTS brief_cache (
            story TEXT NOT NULL,
            words INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            made REAL NOT NULL,
            brief TEXT NOT NULL,
            PRIMARY KEY (story, words)
        )""",
        ),
        # The story list's two orders, as indexes: a stories row carries its clusterer state
        # (centroid blobs), so sorting them by a scan read the whole table (8 ms a page at
        # 10,000 articles; 0.3 ms through the index).
        1: (
            "CREATE INDEX IF NOT EXISTS stories_recent ON stories"
            "(coalesce(last_ts, added) DESC, updated DESC)",
            "CREATE INDEX IF NOT EXISTS stories_largest ON stories"
            "(sources DESC, size DESC, updated DESC)",
        ),
    }
)


def version(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    return int(row[0]) if row else 0


def ensure_extras(db: sqlite3.Connection) -> None:
    """Bring the extras up to date (a no-op read when they are); ``db`` is a store's
    connection in autocommit mode, outside any transaction."""
    if version(db) >= EXTRAS_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        current = version(db)  # another process may have done it meanwhile
        for step in range(current, EXTRAS_VERSION):
            for statement in STEPS[step]:
                db.execute(statement)
        db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (META_KEY, str(EXTRAS_VERSION)),
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def connection(store: Any) -> sqlite3.Connection:
    """The SQLite connection of a store, with its extras in place (following and the
    reader need the SQLite backend: its full-text index and its tables)."""
    db = getattr(store, "db", None)
    if not isinstance(db, sqlite3.Connection):
        raise ConfigError(
            f"following and the reader need a SQLite store, not {type(store).__name__}"
        )
    ensure_extras(db)
    return db
