"""A copy index: where a stream looks up the earlier articles a newcomer may copy.

One protocol, ``CopyIndex``, for every place that keeps signatures: ``MemoryCopyIndex``
here (a stream held in memory, and the story store's open batch, not written yet) and the
store's SQLite table (``store.copyindex``). ``find_original`` asks any number of them and
decides with the one copy rule, ``CopyParams.is_copy``, that ``find_copies`` applies to a
batch.

An index returns candidates, not verdicts: the articles sharing a band with the newcomer,
at most ``BAND_CANDIDATES`` per band (the earliest filed). Thousands of near-identical
articles make a band that holds them all, and comparing each newcomer with every one of
them would make a stream's copy detection quadratic; any one of them will do as the
original.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple, Protocol

import numpy as np

from storybrief.dedup.rule import CopyParams
from storybrief.dedup.signature import jaccards

# The most candidates one band gives: twice the most any band held within reach on a
# 20,000-article stream of real texts (7), where the stores with and without the bound
# are identical.
BAND_CANDIDATES = 16


class Filed(NamedTuple):
    """An article in a copy index: its id, story, source group, signature and date (days
    since the epoch, or None)."""

    article: str
    story: str
    group: str
    signature: np.ndarray
    ts: float | None


class CopyIndex(Protocol):
    """Articles filed under their band keys (``dedup.signature.band_keys``)."""

    def candidates(self, keys: Sequence[int], low: float, high: float) -> list[Filed]:
        """The filed articles sharing a band with ``keys``, each once; those dated within
        [``low``, ``high``] or undated at least (an index may give more: the caller
        decides on exact dates)."""
        ...

    def add(self, filed: Filed, keys: Sequence[int]) -> None:
        """File ``filed`` under ``keys``."""
        ...


class MemoryCopyIndex:
    """A ``CopyIndex`` in a dict; each band keeps its first ``BAND_CANDIDATES`` articles
    (as a lookup of the SQLite index reads its rows), so memory is bounded per band."""

    def __init__(self) -> None:
        self._bands: dict[int, list[Filed]] = {}

    def candidates(self, keys: Sequence[int], low: float, high: float) -> list[Filed]:
        found = {f.article: f for key in keys for f in self._bands.get(key, ())}
        return list(found.values())

    def add(self, filed: Filed, keys: Sequence[int]) -> None:
        for key in keys:
            band = self._bands.setdefault(key, [])
            if len(band) < BAND_CANDIDATES:
                band.append(filed)


def find_original(
    signature: np.ndarray,
    keys: Sequence[int],
    ts: float | None,
    indexes: Sequence[CopyIndex],
    *,
    window_days: float,
    horizon: float | None,
    rule: CopyParams,
) -> Filed | None:
    """The filed article that the one with ``signature`` (``keys``, date ``ts``) copies:
    the most similar candidate of ``indexes`` that the copy rule takes (ties to the larger
    id), or None.

    Only an original within ``window_days`` counts: a text republished weeks later belongs
    to whatever story is current then, as the clusterer would decide. Nor does one dated
    before ``horizon``, whose story is retired. A signature estimates the Jaccard
    similarity only, so the rule is applied to that (``CopyParams.is_copy`` without a
    containment).
    """
    low = -math.inf if horizon is None else horizon - 1e-6
    if ts is not None:
        low = max(low, ts - window_days - 1e-6)
    high = math.inf if ts is None else ts + window_days + 1e-6
    found = [f for index in indexes for f in index.candidates(keys, low, high)]
    reach = [
        f
        for f in found
        if f.ts is None
        or not (
            (ts is not None and abs(ts - f.ts) > window_days)
            or (horizon is not None and f.ts < horizon)
        )
    ]
    if not reach:
        return None
    sims = jaccards(signature, np.stack([f.signature for f in reach]))
    best: tuple[float, Filed] | None = None
    for filed, sim in zip(reach, sims.tolist(), strict=True):
        if rule.is_copy(sim) and (
            best is None or (sim, filed.article) > (best[0], best[1].article)
        ):
            best = (sim, filed)
    return None if best is None else best[1]
