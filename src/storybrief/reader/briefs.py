"""Stored stories' briefs through the store's cache: made once per version of a story
(its set of articles), then read back; ``warm`` makes them ahead of the first reader."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from storybrief.errors import UnknownStoryError
from storybrief.model import Brief
from storybrief.pipeline import brief_story
from storybrief.store.briefs import load_brief, save_brief
from storybrief.store.search import story_fingerprint

DEFAULT_WORDS = 150


def cached_brief(
    db: sqlite3.Connection, path: str | Path, story_id: str, *, words: int = DEFAULT_WORDS
) -> tuple[Brief, str]:
    """(brief, fingerprint) of a stored story: from the cache while the story is
    unchanged, else made by the pipeline and saved (unless another writer holds the
    store: then just returned)."""
    fingerprint = story_fingerprint(db, story_id)
    if fingerprint is None:
        raise UnknownStoryError(f"no story {story_id!r} in the store")
    cached = load_brief(db, story_id, words, fingerprint)
    if cached is not None:
        return cached, fingerprint
    made = brief_story(path, story_id, words=words)
    save_brief(db, story_id, words, fingerprint, made)
    return made, fingerprint


def warm(
    db: sqlite3.Connection,
    path: str | Path,
    story_ids: Iterable[str],
    *,
    words: int = DEFAULT_WORDS,
) -> int:
    """Make and cache the briefs of ``story_ids`` that are not cached yet; how many."""
    made = 0
    for story_id in story_ids:
        fingerprint = story_fingerprint(db, story_id)
        if fingerprint is None or load_brief(db, story_id, words, fingerprint) is not None:
            continue
        cached_brief(db, path, story_id, words=words)
        made += 1
    return made
