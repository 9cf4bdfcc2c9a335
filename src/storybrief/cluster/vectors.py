"""A batch of articles as unit TF-IDF vectors per view, and each article's nearest neighbours.

The batch clusterer never holds an n-by-n matrix: it takes, for every article, its
``k`` most similar others (the similarity of ``channels.py``: the weighted mean of the view
cosines over the views both have), computed block by block so that memory grows with
``n * block`` rather than ``n * n``. Dated articles are compared only with those inside the
time window (articles are taken in date order and a block is compared with the span of dates
it can reach), so a long dated stream costs what its windows cost.

TF-IDF weights use document frequencies over the batch (the lead's words share the words'
frequencies), as the online clusterer does over its stream.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from storybrief.cluster.channels import CHANNELS, views
from storybrief.cluster.features import NUM_BUCKETS, parse_time
from storybrief.model import Article

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Similarities computed at once (rows of a block times the articles they reach): about ten
# arrays of this many floats are alive per block, some 160 MB, whatever the batch size.
BLOCK_CELLS = 1 << 21


@dataclass(frozen=True)
class BatchVectors:
    """Unit TF-IDF rows of every view, which views each article has, and its date."""

    matrices: tuple[csr_matrix, ...]  # one per view, in ``CHANNELS`` order
    present: np.ndarray  # (n, views) bool
    times: np.ndarray  # (n,) days since the epoch, NaN where undated

    @property
    def n(self) -> int:
        return int(self.present.shape[0])


@dataclass(frozen=True)
class Neighbours:
    """Each article's nearest others: ``index`` (n, k; -1 where fewer than ``k`` others are
    in reach), their combined ``similarity`` (n, k; 0 there) and each view's cosine
    (n, k, views)."""

    index: np.ndarray
    similarity: np.ndarray
    cosines: np.ndarray


class _Rows:
    """Sparse rows gathered compactly (typed arrays, not lists of Python numbers): a large
    batch's term counts would otherwise take more memory than everything else."""

    def __init__(self) -> None:
        self.keys = array("q")
        self.values = array("d")
        self.indptr = array("q", [0])

    def add(self, row: dict[int, float]) -> None:
        self.keys.extend(row.keys())
        self.values.extend(row.values())
        self.indptr.append(len(self.keys))


def _unit_tfidf(rows: _Rows, df: np.ndarray, n: int) -> csr_matrix:
    """Rows of unit TF-IDF vectors (sublinear counts times smoothed IDF) as a CSR matrix."""
    from scipy.sparse import csr_matrix

    idx = np.frombuffer(rows.keys, dtype=np.int64) if rows.keys else np.zeros(0, np.int64)
    tf = np.frombuffer(rows.values, dtype=np.float64) if rows.values else np.zeros(0)
    indptr = np.frombuffer(rows.indptr, dtype=np.int64)
    w = tf * (np.log((1.0 + n) / (1.0 + df[idx])) + 1.0)
    lengths = np.diff(indptr)
    row_of = np.repeat(np.arange(len(lengths)), lengths)
    norms = np.sqrt(np.bincount(row_of, weights=w * w, minlength=len(lengths)))
    scale = np.repeat(np.where(norms > 0, 1.0 / np.maximum(norms, 1e-300), 0.0), lengths)
    return csr_matrix(
        ((w * scale).astype(np.float32), idx.astype(np.int32), indptr.copy()),
        shape=(len(lengths), NUM_BUCKETS),
    )


def batch_vectors(articles: Sequence[Article]) -> BatchVectors:
    """The view vectors of ``articles`` with frequencies counted over them."""
    n = len(articles)
    gathered = [_Rows() for _ in CHANNELS]
    present = np.zeros((n, len(CHANNELS)), dtype=bool)
    for i, article in enumerate(articles):
        for v, row in enumerate(views(article).channels()):
            gathered[v].add(row)
            present[i, v] = bool(row)
    df = np.zeros(NUM_BUCKETS, dtype=np.int64)
    for rows in gathered[:3]:  # the lead's words share the words' frequencies
        if rows.keys:
            df += np.bincount(np.frombuffer(rows.keys, dtype=np.int64), minlength=NUM_BUCKETS)
    matrices = tuple(_unit_tfidf(rows, df, n) for rows in gathered)
    times = np.array(
        [np.nan if (t := parse_time(a.published)) is None else t for a in articles],
        dtype=np.float64,
    )
    return BatchVectors(matrices, present, times)


def time_factor(gap: np.ndarray, *, window_days: float, half_life_days: float) -> np.ndarray:
    """How much a similarity keeps across a gap of ``gap`` days (NaN: undated, keeps all)."""
    factor = np.where(gap > window_days, 0.0, 0.5 ** (np.nan_to_num(gap) / half_life_days))
    return np.where(np.isnan(gap), 1.0, factor)


def neighbours(
    vectors: BatchVectors,
    *,
    k: int,
    weights: Sequence[float],
    window_days: float,
    half_life_days: float,
) -> Neighbours:
    """Each article's ``k`` most similar others, most similar first.

    Similarity is the combined view similarity times the time factor (each view's cosine is
    kept too, times the same factor); ties go to the lower index, so the lists are a pure
    function of the batch.
    """
    n = vectors.n
    views_n = len(vectors.matrices)
    idx = np.full((n, k), -1, dtype=np.int64)
    sims = np.zeros((n, k), dtype=np.float64)
    cos = np.zeros((n, k, views_n), dtype=np.float32)
    if n < 2 or k < 1:
        return Neighbours(idx, sims, cos)
    w = np.asarray(weights, dtype=np.float64)
    times = vectors.times
    dated = not np.isnan(times).all()
    # In date order (undated last), a block reaches a contiguous span of dated articles.
    order = np.argsort(np.where(np.isnan(times), np.inf, times), kind="stable") if dated else None
    mats = vectors.matrices
    present = vectors.present.astype(np.float64)
    step = max(16, BLOCK_CELLS // n)
    for start in range(0, n, step):
        rows = np.arange(start, min(n, start + step)) if order is None else order[start:][:step]
        cols = np.arange(n) if order is None else _reach(rows, order, times, window_days)
        per_view = [(x[rows] @ x[cols].T).toarray() for x in mats]
        total = np.zeros((len(rows), len(cols)))
        for v, c in enumerate(per_view):
            if w[v]:
                total += w[v] * c
        weight = (present[rows] * w) @ present[cols].T
        block = np.divide(total, weight, out=np.zeros_like(weight), where=weight > 0)
        factor = None
        if order is not None:
            gap = np.abs(times[rows][:, None] - times[cols][None, :])
            factor = time_factor(gap, window_days=window_days, half_life_days=half_life_days)
            block *= factor
        block[rows[:, None] == cols[None, :]] = -1.0  # never one's own neighbour
        kk = min(k, len(cols) - 1)
        if kk < 1:
            continue
        # The k largest (argpartition is deterministic), then in order: most similar first,
        # ties to the lower index.
        part = np.argpartition(-block, kk - 1, axis=1)[:, :kk]
        vals = np.take_along_axis(block, part, axis=1)
        pick = np.lexsort((cols[part], -vals), axis=1)
        part = np.take_along_axis(part, pick, axis=1)
        vals = np.maximum(np.take_along_axis(vals, pick, axis=1), 0.0)
        found = vals > 0
        idx[rows, :kk] = np.where(found, cols[part], -1)
        sims[rows, :kk] = vals
        for v, c in enumerate(per_view):
            if factor is not None:
                c *= factor
            cos[rows, :kk, v] = np.where(found, np.take_along_axis(c, part, axis=1), 0.0)
    return Neighbours(idx, sims, cos)


def _reach(rows: np.ndarray, order: np.ndarray, times: np.ndarray, window: float) -> np.ndarray:
    """The articles a block of ``rows`` can be similar to: those within ``window`` days of
    the block's dates, and every undated one (undated rows reach everything)."""
    t = times[rows]
    if np.isnan(t).any():
        return np.arange(len(times))
    lo, hi = float(t.min()) - window, float(t.max()) + window
    sorted_times = times[order]
    finite = np.isfinite(sorted_times)
    a = int(np.searchsorted(sorted_times[finite], lo, side="left"))
    b = int(np.searchsorted(sorted_times[finite], hi, side="right"))
    undated = order[~finite]
    return np.sort(np.concatenate([order[finite][a:b], undated]))
