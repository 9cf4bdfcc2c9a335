"""Average-link agglomerative clustering over a sparse similarity graph.

Exact average linkage (UPGMA) needs every pairwise similarity, which is why the dense method
could not take more than a few thousand articles. Here the similarities are the edges of a
sparse graph and a missing edge means similarity 0: the average similarity of two groups is
the sum of the edges between them divided by the product of their sizes, so merging groups
only adds edge sums and no pair ever has to be stored twice. Two groups with no edge between
them can never reach a positive threshold, so the work grows with the edges, not with the
square of the articles. With every pair present this is the same clustering as
``scipy.cluster.hierarchy.linkage(method="average")`` cut at the same distance (tested).

Ties are broken by the smaller group numbers, so the result is a pure function of the edges.
"""

from __future__ import annotations

import heapq

import numpy as np

from storybrief.errors import ConfigError


def average_link(
    n: int, rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, *, threshold: float
) -> np.ndarray:
    """Labels ``0..k-1`` of ``n`` items after merging, most similar groups first, every pair
    of groups whose average similarity is at least ``threshold``.

    ``rows``, ``cols`` and ``weights`` list the edges (a pair listed twice counts once, with
    the larger weight; self-loops are ignored). Labels are numbered by each group's first item.
    """
    if not threshold > 0.0:
        raise ConfigError(f"threshold must be positive, got {threshold}")
    if not len(rows) == len(cols) == len(weights):
        raise ConfigError("rows, cols and weights must have one entry per edge")
    parent = np.arange(n)
    if n == 0:
        return parent
    # One weight per unordered pair (the larger, if given twice).
    best: dict[tuple[int, int], float] = {}
    for i, j, w in zip(rows.tolist(), cols.tolist(), weights.tolist(), strict=True):
        if i == j or w <= 0.0:
            continue
        key = (i, j) if i < j else (j, i)
        if w > best.get(key, 0.0):
            best[key] = w
    size: dict[int, int] = {}
    links: dict[int, dict[int, float]] = {}
    heap: list[tuple[float, int, int]] = []
    for (i, j), w in best.items():
        links.setdefault(i, {})[j] = w
        links.setdefault(j, {})[i] = w
        if w >= threshold:
            heap.append((-w, i, j))
    for i in links:
        size[i] = 1
    heapq.heapify(heap)
    members: dict[int, list[int]] = {}
    next_id = n
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in links or b not in links:
            continue  # a group merged since this pair was pushed (groups never change:
            # a merge makes a new group, so a pair of live groups is never stale)
        new = next_id
        next_id += 1
        la, lb = links.pop(a), links.pop(b)
        merged: dict[int, float] = {}
        for c, w in la.items():
            if c != b:
                merged[c] = w
        for c, w in lb.items():
            if c != a:
                merged[c] = merged.get(c, 0.0) + w
        size[new] = size.pop(a) + size.pop(b)
        members[new] = members.pop(a, [a]) + members.pop(b, [b])
        for c, w in merged.items():
            other = links[c]
            other.pop(a, None)
            other.pop(b, None)
            other[new] = w
            avg = w / (size[new] * size[c])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(c, new), max(c, new)))
        links[new] = merged
    for group in members.values():
        parent[group] = min(group)
    # Number the groups by their first item.
    _, labels = np.unique(parent, return_inverse=True)
    return labels.astype(np.int64)
