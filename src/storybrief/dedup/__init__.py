"""Copies: which articles republish which, found with MinHash and LSH.

Every article becomes a set of hashed word 5-gram shingles. A small batch (up to
``EXACT_UP_TO`` articles) compares every pair exactly. A larger one takes candidate pairs
from a MinHash signature per article and datasketch's ``MinHashLSH`` index, set to a low
Jaccard threshold so that a wire copy inside a long page still comes out as a candidate,
without comparing all pairs. Candidates are then verified on their exact shingle sets:

- ``copy``: the same text with small edits and different wrappers (Jaccard >= 0.5, or one
  contains >= 0.8 of the other);
- ``partial``: a real share of the text, such as common background paragraphs
  (containment >= 0.2), but otherwise a different report.

Copies of one text form a group; a group counts as one independent source.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storybrief.errors import ConfigError
from storybrief.model import Article, CopyLink
from storybrief.text import shingles, words

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE = 5
# Below this many articles every pair is compared exactly: free of LSH's false negatives,
# and at 100 articles as fast as the index (0.29 s against 0.31 s here) without importing
# datasketch, which with the SciPy parts it loads costs about 0.7 s a process.
EXACT_UP_TO = 120
# The LSH index's Jaccard threshold. A partial overlap (a fifth of one article's text in
# another) can have a Jaccard well under 0.1: at 0.1 the index found 5 of 9 such pairs
# on 300 Multi-News articles, at 0.07 all 9, for the same time (exact verification drops
# the false candidates). Copies were all found at both.
LSH_THRESHOLD = 0.07


@dataclass(frozen=True)
class CopyParams:
    """Thresholds of copy detection, validated on construction."""

    copy_jaccard: float = 0.5
    # One article holding 80% of another's shingles is a republication with edits.
    copy_containment: float = 0.8
    # 20% shared shingles is several sentences for a news article: more than a quote.
    partial_containment: float = 0.2
    seed: int = 1

    def __post_init__(self) -> None:
        for name in ("copy_jaccard", "copy_containment", "partial_containment"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], got {value}")
        if self.partial_containment > self.copy_containment:
            raise ConfigError(
                "partial_containment must not exceed copy_containment, got "
                f"{self.partial_containment} > {self.copy_containment}"
            )


def article_shingles(article: Article) -> set[int]:
    """The article's word 5-gram shingles, each as a 32-bit hash (CRC-32: fast, stable)."""
    return {zlib.crc32(g.encode("utf-8")) for g in shingles(words(article.text), SHINGLE)}


def minhash(shingle_set: Iterable[int], *, seed: int = 1) -> MinHash:
    """MinHash of hashed shingles; the hash values are used as they are."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=seed, hashfunc=_identity)
    m.update_batch(list(shingle_set))
    return m


def _identity(value: int) -> int:
    return value


def find_copies(articles: Sequence[Article], params: CopyParams | None = None) -> list[CopyLink]:
    """Copy and partial-overlap links between ``articles``.

    Each link points from the later (or later-listed, on equal dates) article to the one
    taken as its original; within a copy group every member links to the same original.
    """
    params = params or CopyParams()
    if len(articles) < 2:
        return []
    sets = [article_shingles(a) for a in articles]

    pairs = (
        _all_pairs(sets)
        if len(articles) <= EXACT_UP_TO
        else _candidate_pairs(sets, [minhash(s, seed=params.seed) for s in sets], params)
    )

    order = _originality_order(articles)
    parent = list(range(len(articles)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    measured: dict[tuple[int, int], tuple[float, float, float]] = {}
    for i, j in sorted(pairs):
        inter = len(sets[i] & sets[j])
        if not inter:
            continue
        jac = inter / len(sets[i] | sets[j])
        ci, cj = inter / len(sets[i]), inter / len(sets[j])
        measured[(i, j)] = (jac, ci, cj)
        if jac >= params.copy_jaccard or max(ci, cj) >= params.copy_containment:
            ri, rj = find(i), find(j)
            if ri != rj:
                # The group's root is its most original member.
                if order[ri] <= order[rj]:
                    parent[rj] = ri
                else:
                    parent[ri] = rj

    links: list[CopyLink] = []
    for i in range(len(articles)):
        root = find(i)
        if root != i:
            key = (min(i, root), max(i, root))
            jac, ci, cj = measured.get(key) or _measure(sets[i], sets[root])
            cont = ci if i < root else cj
            links.append(
                CopyLink(articles[i].id, articles[root].id, "copy", round(jac, 3), round(cont, 3))
            )
    for (i, j), (jac, ci, cj) in measured.items():
        if find(i) == find(j):
            continue
        if max(ci, cj) >= params.partial_containment:
            # The link points from the article more contained in the other.
            a, b, cont = (i, j, ci) if ci >= cj else (j, i, cj)
            links.append(
                CopyLink(articles[a].id, articles[b].id, "partial", round(jac, 3), round(cont, 3))
            )
    return links


def _all_pairs(sets: Sequence[set[int]]) -> set[tuple[int, int]]:
    return {
        (i, j) for i in range(len(sets)) for j in range(i + 1, len(sets)) if sets[i] and sets[j]
    }


def _candidate_pairs(
    sets: Sequence[set[int]], hashes: Sequence[MinHash], params: CopyParams
) -> set[tuple[int, int]]:
    """Pairs whose MinHash signatures collide in at least one LSH band."""
    from datasketch import MinHashLSH

    del params  # the thresholds apply at verification; the index is deliberately loose
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for i, m in enumerate(hashes):
            if sets[i]:
                session.insert(i, m, check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for i, m in enumerate(hashes):
        if sets[i]:
            pairs.update((min(i, j), max(i, j)) for j in lsh.query(m) if j != i)
    return pairs


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
