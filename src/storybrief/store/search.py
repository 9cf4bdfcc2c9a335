"""The reader's queries over a story store: story rows with filters, full-text search
(SQLite FTS5 over article titles and texts), and the choices a filter offers.

All read-only, over a connection to a store whose extras are in place
(``store.extras.ensure_extras``).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any, Literal

from storybrief.errors import ConfigError
from storybrief.store.query import since_days

ListOrder = Literal["newest", "largest"]
MAX_LIMIT = 200
# Articles read from the full-text index per search, best first; their stories are the
# results. Bounds a search's cost on a large store whatever the terms.
SEARCH_ARTICLES = 1000
_TERM = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class StoryRow:
    """One story as the list shows it."""

    id: str
    title: str
    articles: int
    sources: int  # independent: copies of one text count once
    first_seen: str | None
    last_seen: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def match_query(text: str) -> str | None:
    """An FTS5 query for the words a user typed: every word must occur (as a prefix for the
    last one), and nothing they type is read as query syntax."""
    terms = _TERM.findall(text)[:12]
    if not terms:
        return None
    quoted = [f'"{t}"' for t in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def has_column(db: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


def list_stories(
    db: sqlite3.Connection,
    *,
    order: ListOrder = "newest",
    since: str | None = None,
    q: str | None = None,
    source: str | None = None,
    language: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[StoryRow]:
    """Stories, newest (latest article date) or largest (independent sources) first, or by
    relevance when ``q`` is given; filtered by date, source and language."""
    if order not in ("newest", "largest"):
        raise ConfigError(f"order must be 'newest' or 'largest', got {order!r}")
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ConfigError(f"limit must be in 1..{MAX_LIMIT} and offset >= 0")
    where: list[str] = []
    args: list[Any] = []
    if since:
        where.append("coalesce(s.last_ts, s.added) >= ?")
        args.append(since_days(since))
    if source:
        where.append("EXISTS (SELECT 1 FROM articles a WHERE a.story = s.id AND a.source = ?)")
        args.append(source)
    if language and has_column(db, "articles", "language"):
        where.append("EXISTS (SELECT 1 FROM articles a WHERE a.story = s.id AND a.language = ?)")
        args.append(language)
    rank = ""
    query = match_query(q) if q else None
    if q and query is None:
        return []
    if query:
        # The best-ranked articles first (FTS5 orders by rank cheaply), then their stories.
        rank = (
            "JOIN (SELECT a.story AS story, min(m.rank) AS score FROM ("
            "SELECT rowid, rank FROM article_fts WHERE article_fts MATCH ? "
            f"ORDER BY rank LIMIT {SEARCH_ARTICLES}) m "
            "JOIN articles a ON a.seq = m.rowid GROUP BY a.story) hits ON hits.story = s.id "
        )
        args.insert(0, query)
    sort = {
        "newest": "coalesce(s.last_ts, s.added) DESC, s.updated DESC",
        "largest": "s.sources DESC, s.size DESC, s.updated DESC",
    }[order]
    if query:
        sort = "hits.score, " + sort
    sql = (
        "SELECT s.id, s.title, s.size, s.sources, s.first_seen, s.last_seen FROM stories s "
        + rank
        + (f"WHERE {' AND '.join(where)} " if where else "")
        + f"ORDER BY {sort} LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [*args, limit, offset]).fetchall()
    return [StoryRow(*row) for row in rows]


def source_choices(db: sqlite3.Connection, *, limit: int = 100) -> list[tuple[str, int]]:
    """The sources in the store with their article counts, most articles first."""
    return db.execute(
        "SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL "
        "GROUP BY source ORDER BY n DESC, source LIMIT ?",
        (limit,),
    ).fetchall()


def language_choices(db: sqlite3.Connection) -> list[tuple[str, int]]:
    """The articles' languages with counts (none until the store records languages)."""
    if not has_column(db, "articles", "language"):
        return []
    return db.execute(
        "SELECT language, count(*) FROM articles WHERE language IS NOT NULL "
        "GROUP BY language ORDER BY count(*) DESC"
    ).fetchall()


def story_fingerprint(db: sqlite3.Connection, story_id: str) -> str | None:
    """What changes whenever a story's set of articles does (None: no such story)."""
    n, last, total = db.execute(
        "SELECT count(*), max(seq), total(seq) FROM articles WHERE story = ?", (story_id,)
    ).fetchone()
    return None if not n else f"{n}:{last}:{int(total)}"
