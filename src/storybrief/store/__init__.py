"""Store: a persistent set of articles, grouped into stories online as they arrive.

``open_store(path)`` gives the default backend (SQLite: a file, nothing to start);
``open_store(config={"type": "sqlite", "path": ...})`` names one explicitly. Stories are
read with ``store.stories()`` / ``store.story(id)`` / ``store.articles(id)``, and briefed
with ``brief_story(path, id)``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from storybrief.errors import ConfigError
from storybrief.model import Brief
from storybrief.store.base import IngestReport, Store, default_path
from storybrief.store.sqlite import SQLiteStore

# Backends by name, each a factory taking the config's other keys.
STORES: dict[str, Callable[..., Store]] = {"sqlite": SQLiteStore}


def open_store(
    path: str | Path | None = None, *, config: dict[str, Any] | None = None, **options: Any
) -> Store:
    """Open (creating it if needed, unless ``create=False``) the store at ``path``.

    ``config`` picks a backend: ``{"type": "sqlite", "path": ..., "batch": 500}``.
    Options: ``create``, ``batch`` (articles per transaction), ``clean``, ``cluster``
    (clustering parameters, fixed when the store is created).
    """
    settings = dict(config or {})
    kind = settings.pop("type", "sqlite")
    if kind not in STORES:
        raise ConfigError(f"unknown store type {kind!r}; choose one of {sorted(STORES)}")
    if path is not None:
        settings["path"] = path
    settings.update(options)
    try:
        return STORES[kind](**settings)
    except TypeError as exc:
        raise ConfigError(f"invalid store option: {exc}") from None


def brief_story(
    db_path: str | Path | None,
    story_id: str,
    *,
    words: int = 150,
    analyze: bool = True,
    summarizer: str = "default",
) -> Brief:
    """The brief of one stored story; raises ``UnknownStoryError`` for an unknown id."""
    from storybrief.pipeline import brief_articles

    with open_store(db_path, create=False) as store:
        story = store.story(story_id)
        articles = store.articles(story_id)
    result = brief_articles(
        articles,
        words=words,
        analyze=analyze,
        summarizer=summarizer,
        clean=False,
        story=story.id,
    )
    if story.title and not result.title:
        from dataclasses import replace

        result = replace(result, title=story.title)
    return result


__all__ = [
    "STORES",
    "IngestReport",
    "SQLiteStore",
    "Store",
    "brief_story",
    "default_path",
    "open_store",
]
