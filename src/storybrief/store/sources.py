"""Followed sources and fetch state in the store: what ``storybrief follow`` reads and
writes between runs, and what ``storybrief sources`` shows."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import asdict, dataclass
from typing import Any

FINAL = ("stored", "rejected")  # an article URL in one of these is never fetched again


def _now() -> float:
    return time.time() / 86400.0


@dataclass(frozen=True)
class SourceState:
    """One followed source and how its last fetch went."""

    url: str
    kind: str | None
    title: str | None
    parent: str | None
    added: float
    etag: str | None
    last_modified: str | None
    last_fetch: float | None
    last_status: str | None
    last_error: str | None
    fetches: int
    failures: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def add_source(db: sqlite3.Connection, url: str, *, parent: str | None = None) -> None:
    db.execute(
        "INSERT INTO sources (url, parent, added) VALUES (?, ?, ?) ON CONFLICT(url) DO NOTHING",
        (url, parent, _now()),
    )


def get_source(db: sqlite3.Connection, url: str) -> SourceState | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM sources WHERE url = ?", (url,)).fetchone()
    return SourceState(*row) if row else None


def children(db: sqlite3.Connection, url: str) -> tuple[str, ...]:
    """The sources an OPML list or sitemap index named when last read."""
    rows = db.execute("SELECT url FROM sources WHERE parent = ? ORDER BY url", (url,))
    return tuple(r[0] for r in rows)


def all_sources(db: sqlite3.Connection) -> list[SourceState]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM sources ORDER BY parent IS NOT NULL, url")
    return [SourceState(*row) for row in rows]


def record_fetch(
    db: sqlite3.Connection,
    url: str,
    *,
    status: str,
    kind: str | None = None,
    title: str | None = None,
    error: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    articles: int = 0,
) -> None:
    """How one fetch of a source went; validators are kept from the last response that
    had them, so a 304 keeps them."""
    failed = error is not None
    db.execute(
        "UPDATE sources SET kind = coalesce(?, kind), title = coalesce(?, title), "
        "etag = CASE WHEN ? THEN etag ELSE coalesce(?, etag) END, "
        "last_modified = CASE WHEN ? THEN last_modified ELSE coalesce(?, last_modified) END, "
        "last_fetch = ?, last_status = ?, last_error = ?, fetches = fetches + 1, "
        "failures = failures + ?, articles = articles + ? WHERE url = ?",
        (
            kind,
            title,
            failed,
            etag,
            failed,
            last_modified,
            _now(),
            status,
            error,
            int(failed),
            articles,
            url,
        ),
    )


def seen_urls(db: sqlite3.Connection, urls: list[str]) -> set[str]:
    """The URLs among ``urls`` that are stored (as an article's URL or id) or were tried
    with a final outcome: none of them is fetched again."""
    seen: set[str] = set()
    for i in range(0, len(urls), 300):
        chunk = urls[i : i + 300]
        marks = ",".join("?" * len(chunk))
        seen.update(
            r[0]
            for r in db.execute(
                f"SELECT url FROM fetched WHERE url IN ({marks}) AND status IN (?, ?)",
                [*chunk, *FINAL],
            )
        )
        seen.update(
            r[0] for r in db.execute(f"SELECT url FROM articles WHERE url IN ({marks})", chunk)
        )
        seen.update(
            r[0] for r in db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
        )
    return seen


def record_articles(db: sqlite3.Connection, rows: list[tuple[str, str, str, str | None]]) -> None:
    """(url, source, status, error) of article URLs just tried."""
    now = _now()
    db.executemany(
        "INSERT INTO fetched VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
        "status = excluded.status, at = excluded.at, error = excluded.error",
        [(url, source, status, now, error) for url, source, status, error in rows],
    )


_COLUMNS = (
    "url, kind, title, parent, added, etag, last_modified, last_fetch, last_status, "
    "last_error, fetches, failures, articles"
)
