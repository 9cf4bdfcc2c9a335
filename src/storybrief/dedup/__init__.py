"""Copies: which articles republish which, found with MinHash and LSH.

Every article becomes a set of hashed word 5-gram shingles. Articles with the same set
(exact copies) collapse into one first: the most original of them stands for the others.
The distinct texts are then compared in candidate pairs (see ``pairs.py``: every pair of a
small batch, else pairs that collide in a MinHash LSH index, with large buckets never
expanded into all their pairs), and candidates are verified on their exact shingle sets:

- ``copy``: the same text with small edits and different wrappers (Jaccard >= 0.5, or one
  contains >= 0.8 of the other);
- ``partial``: a real share of the text, such as common background paragraphs
  (containment >= 0.2), but otherwise a different report. An exact copy of either side
  shares it too, pointed at the other side's most original article.

Copies of one text form a group; a group counts as one independent source.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

import numpy as np

from storybrief.dedup.pairs import (
    BUCKET_PAIRS_UP_TO,
    EXACT_UP_TO,
    LSH_THRESHOLD,
    NUM_PERM,
    all_pairs,
    lsh_bands,
    lsh_buckets,
    minhash,
    pivot_pairs,
    shared_counts,
)
from storybrief.dedup.rule import CopyParams
from storybrief.dedup.signature import SHINGLE
from storybrief.errors import ConfigError
from storybrief.model import Article, CopyLink
from storybrief.text import shingles, words

__all__ = [
    "CANDIDATES",
    "EXACT_UP_TO",
    "LSH_THRESHOLD",
    "NUM_PERM",
    "SHINGLE",
    "CopyParams",
    "article_shingles",
    "count_sources",
    "find_copies",
    "lsh_bands",
    "minhash",
    "source_groups",
]


def article_shingles(article: Article) -> set[int]:
    """The article's word 5-gram shingles, each as a 32-bit hash (CRC-32: fast, stable)."""
    # str.encode's default is UTF-8; the maps run at C level. Each n-gram is hashed as it
    # is made (``text.shingles``' n-grams, without the set of strings between).
    tokens = words(article.text)
    if len(tokens) < SHINGLE:
        return set(map(zlib.crc32, map(str.encode, shingles(tokens, SHINGLE))))
    grams = map(" ".join, zip(*(tokens[k:] for k in range(SHINGLE)), strict=False))
    return set(map(zlib.crc32, map(str.encode, grams)))


CANDIDATES = ("auto", "all", "lsh")


def find_copies(
    articles: Sequence[Article],
    params: CopyParams | None = None,
    *,
    candidates: str = "auto",
    shingle_sets: Sequence[set[int]] | None = None,
    signatures: Sequence[np.ndarray] | None = None,
) -> list[CopyLink]:
    """Copy and partial-overlap links between ``articles``.

    Each link points from the later (or later-listed, on equal dates) article to the one
    taken as its original; within a copy group every member links to the same original.

    ``candidates``: which pairs are compared: ``"all"`` pairs, the pairs of the ``"lsh"``
    index, or (``"auto"``) all up to ``EXACT_UP_TO`` articles and LSH beyond. A part of a
    larger batch that holds whole LSH buckets (``storybrief.spark`` sends each group of
    colliding articles to one task) gives with ``"lsh"`` exactly the links the whole batch
    gives between its articles.

    ``shingle_sets`` (``article_shingles`` of each article) and ``signatures`` (the
    ``minhash`` hash values of each, at least the LSH bands' columns) may be given when
    they were computed before; the links are the same.
    """
    if candidates not in CANDIDATES:
        raise ConfigError(f"candidates must be one of {list(CANDIDATES)}, got {candidates!r}")
    params = params or CopyParams()
    n = len(articles)
    if n < 2:
        return []
    sets = (
        list(shingle_sets) if shingle_sets is not None else [article_shingles(a) for a in articles]
    )
    order = _originality_order(articles)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            # The group's root is its most original member.
            if order[ri] <= order[rj]:
                parent[rj] = ri
            else:
                parent[ri] = rj

    # Exact copies first: one representative per distinct text, the most original.
    reps: dict[frozenset[int], int] = {}
    for i in range(n):
        if sets[i]:
            text = frozenset(sets[i])
            r = reps.setdefault(text, i)
            if r != i:
                if order[i] < order[r]:
                    reps[text] = i
                union(i, r)
    distinct = sorted(reps.values())

    measured: dict[tuple[int, int], tuple[float, float, float]] = {}

    def compare(i: int, j: int) -> bool:
        """Verify the pair (i < j) on its shingle sets; whether it was joined as copies."""
        if (i, j) in measured:
            return False
        inter = overlap[(i, j)] if overlap is not None else len(sets[i] & sets[j])
        if not inter:
            return False
        # |a | b| = |a| + |b| - |a & b|: the same number, without building the union.
        jac = inter / (len(sets[i]) + len(sets[j]) - inter)
        ci, cj = inter / len(sets[i]), inter / len(sets[j])
        measured[(i, j)] = (jac, ci, cj)
        if params.is_copy(jac, max(ci, cj)):
            union(i, j)
            return True
        return False

    large: list[list[int]] = []
    pairs: list[tuple[int, int]]
    overlap: dict[tuple[int, int], int] | None = None
    if candidates == "all" or (candidates == "auto" and n <= EXACT_UP_TO):
        # Every pair's shared shingles at once; a pair sharing none is no candidate (its
        # comparison would stop there).
        overlap = shared_counts(sets, distinct)
        pairs = sorted(overlap)
    else:
        found: set[tuple[int, int]] = set()
        given = None if signatures is None else {i: signatures[i] for i in distinct}
        for members in lsh_buckets(
            {i: sets[i] for i in distinct}, seed=params.seed, signatures=given
        ):
            if len(members) <= BUCKET_PAIRS_UP_TO:
                found.update(all_pairs(members))
            else:
                large.append(members)
        pairs = sorted(found)
    for i, j in pairs:
        # A pair already in one group adds nothing: no partial link, same copy links.
        if find(i) != find(j):
            compare(i, j)
    for members in large:
        pivot_pairs(members, order, lambda x, p: find(x) == find(p), compare)

    links: list[CopyLink] = []
    for i in range(n):
        root = find(i)
        if root != i:
            key = (min(i, root), max(i, root))
            jac, ci, cj = measured.get(key) or _measure(sets[i], sets[root])
            cont = ci if i < root else cj
            links.append(
                CopyLink(articles[i].id, articles[root].id, "copy", round(jac, 3), round(cont, 3))
            )
    # Partial overlaps between distinct texts, each given to every exact copy of either
    # side (pointed at the other side's most original article): linear in the copies.
    copies_of: dict[int, list[int]] = {}
    for i in range(n):
        if sets[i]:
            copies_of.setdefault(reps[frozenset(sets[i])], []).append(i)
    partial: list[tuple[int, int, CopyLink]] = []
    for (i, j), (jac, ci, cj) in measured.items():
        if find(i) == find(j) or not params.is_partial(max(ci, cj)):
            continue
        pairs_of = {(x, j) for x in copies_of[i]} | {(i, y) for y in copies_of[j]}
        for x, y in pairs_of:
            lo, hi, clo, chi = (x, y, ci, cj) if x < y else (y, x, cj, ci)
            # The link points from the article more contained in the other.
            a, b, cont = (lo, hi, clo) if clo >= chi else (hi, lo, chi)
            link = CopyLink(
                articles[a].id, articles[b].id, "partial", round(jac, 3), round(cont, 3)
            )
            partial.append((lo, hi, link))
    partial.sort(key=lambda t: (t[0], t[1]))
    return links + [link for _, _, link in partial]


def _measure(a: set[int], b: set[int]) -> tuple[float, float, float]:
    inter = len(a & b)
    union = len(a | b) or 1
    return inter / union, inter / (len(a) or 1), inter / (len(b) or 1)


def _originality_order(articles: Sequence[Article]) -> list[int]:
    """Rank articles by how likely each is the original: earliest date, then input order.

    Length says nothing reliable: a republisher adds a wrapper as often as it trims.
    """
    keys = [(a.published or "9999", idx) for idx, a in enumerate(articles)]
    order = sorted(range(len(articles)), key=lambda k: keys[k])
    rank = [0] * len(articles)
    for r, k in enumerate(order):
        rank[k] = r
    return rank


def source_groups(article_ids: Sequence[str], copies: Iterable[CopyLink]) -> dict[str, str]:
    """Map each article id to the id of its copy group's original (itself if none)."""
    group = {a: a for a in article_ids}
    for link in copies:
        if link.kind == "copy" and link.article in group:
            group[link.article] = link.of
    return group


def count_sources(article_ids: Iterable[str], groups: dict[str, str]) -> int:
    """Independent sources among ``article_ids``: copies of one text count once."""
    return len({groups.get(a, a) for a in article_ids})
