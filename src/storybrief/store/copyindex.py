"""The store's copy index: a ``dedup.index.CopyIndex`` over the ``lsh`` table.

Each stored article's band keys are rows of ``lsh`` with its date, indexed by (key, date):
a lookup reads only the rows in reach and the undated ones, so it costs the same in a
store of any size. The open batch's articles are filed in memory (a ``MemoryCopyIndex``)
and written with the batch, in key order (the index grows in order, not at random places).
Rows of articles dated before the clusterer's horizon are dropped (``prune``), so the
table holds the recent weeks and undated articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

import numpy as np

from storybrief.dedup.index import BAND_CANDIDATES, Filed, MemoryCopyIndex

# Each band reads at most ``BAND_CANDIDATES`` rows, the earliest (see ``dedup.index``).
_BAND_DATED = (
    "SELECT article FROM (SELECT article FROM lsh WHERE key = ? AND ts BETWEEN ? AND ? "
    f"LIMIT {BAND_CANDIDATES})"
)
_BAND_UNDATED = (
    f"SELECT article FROM (SELECT article FROM lsh WHERE key = ? AND ts IS NULL "
    f"LIMIT {BAND_CANDIDATES})"
)


@lru_cache(maxsize=8)
def _lookup(n_keys: int, undated: bool) -> str:
    """The lookup of ``n_keys`` band keys: each band's dated rows in reach, and its undated
    ones only where the index holds an undated row for one of the keys (most stores hold
    none; those subqueries were most of the lookup's time, each finding nothing)."""
    parts = [_BAND_DATED, _BAND_UNDATED] if undated else [_BAND_DATED]
    return (
        "SELECT a.id, a.story, a.source_group, a.signature, a.ts FROM articles a "
        f"WHERE a.id IN ({' UNION ALL '.join(parts * n_keys)})"
    )


@lru_cache(maxsize=8)
def _any_undated(n_keys: int) -> str:
    return f"SELECT 1 FROM lsh WHERE key IN ({', '.join('?' * n_keys)}) AND ts IS NULL LIMIT 1"


class SQLiteCopyIndex:
    """Stored articles by band key, and the open batch's until ``write``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._open = MemoryCopyIndex()
        self._rows: list[tuple[int, str, float | None]] = []
        self._pruned_to: float | None = None  # rows dated before this are gone

    def candidates(self, keys: Sequence[int], low: float, high: float) -> list[Filed]:
        # A range of dates a hair wide: the caller's exact tests decide.
        keys = list(keys)
        rows = []
        if keys:
            undated = self.db.execute(_any_undated(len(keys)), keys).fetchone() is not None
            args: list[object] = []
            for key in keys:
                args += [key, low, high, key] if undated else [key, low, high]
            rows = self.db.execute(_lookup(len(keys), undated), args).fetchall()
        stored = [
            Filed(aid, story, group, np.frombuffer(blob, dtype=np.uint32), when)
            for aid, story, group, blob, when in rows
        ]
        return stored + self._open.candidates(keys, low, high)

    def add(self, filed: Filed, keys: Sequence[int]) -> None:
        self._rows.extend(zip(keys, repeat(filed.article), repeat(filed.ts)))
        self._open.add(filed, keys)

    def write(self) -> None:
        """Write the open batch's rows (in the caller's transaction)."""
        self._rows.sort()  # by key, then article (each pair is unique: dates never compare)
        self.db.executemany("INSERT INTO lsh VALUES (?, ?, ?)", self._rows)
        self._rows, self._open = [], MemoryCopyIndex()

    def prune(self, horizon: float | None) -> None:
        """Drop the rows of articles dated before ``horizon``: no lookup reads them again
        (``find_original`` takes no original from before it), and the index stays the size
        of the recent window instead of growing with the store. Run when the horizon has
        moved (once per sweep of the clusterer, a quarter window), in the batch's
        transaction."""
        if horizon is None or (self._pruned_to is not None and horizon <= self._pruned_to):
            return
        self.db.execute("DELETE FROM lsh WHERE ts < ?", (horizon,))
        self._pruned_to = horizon

    def discard(self) -> None:
        """Forget the open batch (rolled back), and any prune in it."""
        self._rows, self._open = [], MemoryCopyIndex()
        self._pruned_to = None
