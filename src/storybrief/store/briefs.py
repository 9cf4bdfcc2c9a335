"""The brief cache: a stored story's brief as JSON, kept while the story's articles stay
the same (its fingerprint) and replaced when they change."""

from __future__ import annotations

import json
import sqlite3
import time

from storybrief.model import SCHEMA_VERSION, Brief
from storybrief.version import __version__


def cache_key(fingerprint: str) -> str:
    """The fingerprint with what else makes a brief: this storybrief and its JSON schema."""
    return f"{fingerprint}|{__version__}|{SCHEMA_VERSION}"


def load_brief(db: sqlite3.Connection, story_id: str, words: int, fingerprint: str) -> Brief | None:
    row = db.execute(
        "SELECT brief FROM brief_cache WHERE story = ? AND words = ? AND fingerprint = ?",
        (story_id, words, cache_key(fingerprint)),
    ).fetchone()
    return Brief.from_dict(json.loads(row[0])) if row else None


def save_brief(
    db: sqlite3.Connection, story_id: str, words: int, fingerprint: str, brief: Brief
) -> bool:
    """Store the brief; False (and nothing written) when another writer holds the store,
    since a reader must not wait on a cache."""
    try:
        db.execute(
            "INSERT INTO brief_cache VALUES (?, ?, ?, ?, ?) ON CONFLICT(story, words) DO "
            "UPDATE SET fingerprint = excluded.fingerprint, made = excluded.made, "
            "brief = excluded.brief",
            (
                story_id,
                words,
                cache_key(fingerprint),
                time.time() / 86400.0,
                json.dumps(brief.to_dict(), ensure_ascii=False),
            ),
        )
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return False
        raise
    return True
