"""Store: a persistent set of articles, grouped into stories online as they arrive.

``open_store(path)`` gives the default backend (SQLite: a file, nothing to start);
``open_store(config={"type": "sqlite", "path": ...})`` names one explicitly. Articles go
in with ``storybrief.stream.ingest_into(store, inputs)``; stories are read with
``store.stories()`` / ``store.story(id)`` / ``store.articles(id)``, and briefed by the
pipeline (``storybrief.brief_story(path, id)``). The store imports no stage after cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from storybrief.errors import ConfigError
from storybrief.store.base import IngestReport, Store, default_path
from storybrief.store.sqlite import SQLiteStore

# Backends by name, each a factory taking the config's other keys (read-only: no
# module-level state changes at run time).
STORES: Mapping[str, Callable[..., Store]] = MappingProxyType({"sqlite": SQLiteStore})


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


__all__ = [
    "STORES",
    "IngestReport",
    "SQLiteStore",
    "Store",
    "default_path",
    "open_store",
]
