"""Story rows: started by a new article, counted up batch by batch, restated after a
re-cluster. A story's size, independent sources and date span always equal its articles'
(``tests/storecheck.py`` checks every store the tests write)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from typing import Any

from storybrief.model import Article
from storybrief.store.query import story_title

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


def _days_now() -> float:
    return time.time() / 86400.0


def start_story(db: sqlite3.Connection, story: str, seq: int, first: Article) -> None:
    """The row of a story that ``first`` (the clusterer's original number ``seq``) starts;
    its counts come with the batch (``StoryCounts``)."""
    db.execute(
        "INSERT INTO stories (id, created, updated, title, size, sources, added) "
        "VALUES (?, ?, ?, ?, 0, 0, 0)",
        (story, seq, seq, story_title(first)),
    )


class StoryCounts:
    """What the open batch adds to each story, written in one statement per story."""

    def __init__(self) -> None:
        # story -> [articles, sources, first ts, its published, last ts, its published, added]
        self._stories: dict[str, list[Any]] = {}

    def seen(self, story: str, new_source: int, ts: float | None, published: str | None) -> None:
        """One more article of ``story``, as the per-article update used to count it: the
        earliest date wins only if strictly earlier (the first such article's published
        string with it), the latest likewise, and the wall clock of the last one."""
        s = self._stories.get(story)
        if s is None:
            s = self._stories[story] = [0, 0, None, None, None, None, 0.0]
        s[0] += 1
        s[1] += new_source
        if ts is not None:
            if s[2] is None or ts < s[2]:
                s[2], s[3] = ts, published
            if s[4] is None or ts > s[4]:
                s[4], s[5] = ts, published
        s[6] = _days_now()

    def write(self, db: sqlite3.Connection) -> None:
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
                ) in self._stories.items()
            ],
        )
        self._stories = {}


def restate(
    db: sqlite3.Connection, old: Iterable[str], members: dict[str, list[tuple[Article, int]]]
) -> None:
    """The story rows after a re-cluster: stories left empty go, new ones come, and every
    regrouped story's counts, dates and title are taken again from its articles
    (``members``: story -> (article, sequence number) in arrival order)."""
    gone = [sid for sid in old if sid not in members]
    db.executemany("DELETE FROM stories WHERE id = ?", [(sid,) for sid in gone])
    now = _days_now()
    for sid, group in members.items():
        first = group[0][0]
        db.execute(
            "INSERT INTO stories (id, created, updated, title, size, sources, added) "
            "VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT(id) DO UPDATE SET "
            "created = excluded.created, title = excluded.title, added = excluded.added",
            (sid, group[0][1], group[-1][1], story_title(first), now),
        )
    db.executemany(_RESTATE_STORY, [(sid,) for sid in members])
