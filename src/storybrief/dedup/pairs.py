"""Which pairs of texts copy detection compares, without ever comparing all pairs at scale.

Texts arrive here as distinct shingle sets (exact duplicates were collapsed before, see
``find_copies``). Up to ``EXACT_UP_TO`` articles every pair is compared. Beyond that,
candidates share a bucket in one of the bands of a MinHash LSH index (datasketch's
``MinHashLSH`` parameters for a deliberately low threshold, so a wire copy inside a long
page still collides). A bucket of up to ``BUCKET_PAIRS_UP_TO`` members gives all its pairs,
as the index would. A larger bucket, which is what thousands of near-identical texts make,
never expands into all pairs: its members are compared with a few pivots only (the most
original members not already joined to a pivot), so the work grows with the bucket's size,
not with its square, and a member that copies any pivot still joins its group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
# Below this many articles every pair is compared exactly: free of LSH's false negatives,
# and at 100 articles as fast as the index (0.29 s against 0.31 s here) without importing
# datasketch, which with the SciPy parts it loads costs about 0.7 s a process.
EXACT_UP_TO = 120
# The LSH index's Jaccard threshold. A partial overlap (a fifth of one article's text in
# another) can have a Jaccard well under 0.1: at 0.1 the index found 5 of 9 such pairs
# on 300 Multi-News articles, at 0.07 all 9, for the same time (exact verification drops
# the false candidates). Copies were all found at both.
LSH_THRESHOLD = 0.07
# A bucket this small gives all its pairs. The largest bucket on the real data (all 690
# Multi-News articles at once, all 772 of ECB+) holds far fewer members, so there the
# candidates are exactly those of the plain index.
BUCKET_PAIRS_UP_TO = 100
# Pivots a large bucket keeps: each member is compared with at most this many.
PIVOTS = 8


def minhash(shingle_set: Sequence[int] | set[int], *, seed: int = 1) -> MinHash:
    """MinHash of hashed shingles; the hash values are used as they are."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=seed, hashfunc=_identity)
    m.update_batch(list(shingle_set))
    return m


def _identity(value: int) -> int:
    return value


def shared_counts(sets: Sequence[set[int]], members: Sequence[int]) -> dict[tuple[int, int], int]:
    """``len(sets[i] & sets[j])`` of every pair (i < j) of ``members`` that shares any.

    One product of the sparse member-by-shingle matrix, restricted to the shingles held by
    more than one member, instead of a set intersection per pair."""
    ids = sorted(members)
    sizes = [len(sets[i]) for i in ids]
    if len(ids) < 2 or not sum(sizes):
        return {}
    from scipy.sparse import csr_matrix

    hashes = np.concatenate([np.fromiter(sets[i], np.int64, len(sets[i])) for i in ids])
    owner = np.repeat(np.arange(len(ids)), sizes)
    _, column, counts = np.unique(hashes, return_inverse=True, return_counts=True)
    shared = counts[column] > 1
    if not shared.any():
        return {}
    # Each shared shingle a column of its own, numbered densely.
    _, cols = np.unique(column[shared], return_inverse=True)
    rows = owner[shared]
    m = csr_matrix(
        (np.ones(len(rows), np.int32), (rows, cols)), shape=(len(ids), int(cols.max()) + 1)
    )
    product = (m @ m.T).tocoo()
    keep = product.row < product.col
    return {
        (ids[a], ids[b]): int(c)
        for a, b, c in zip(
            product.row[keep].tolist(),
            product.col[keep].tolist(),
            product.data[keep].tolist(),
            strict=True,
        )
    }


def all_pairs(members: Sequence[int]) -> list[tuple[int, int]]:
    """Every pair of ``members`` (sorted indexes), each as (smaller, larger)."""
    return list(combinations(sorted(members), 2))


@lru_cache(maxsize=1)
def lsh_bands() -> tuple[int, int]:
    """(bands, rows per band) of the LSH index: those ``MinHashLSH`` picks for
    ``LSH_THRESHOLD`` and ``NUM_PERM`` (worked out once a process: it integrates the
    collision probabilities, about 0.1 s)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def lsh_buckets(
    sets: dict[int, set[int]], *, seed: int, signatures: dict[int, np.ndarray] | None = None
) -> Iterator[list[int]]:
    """The buckets of a MinHash LSH index over ``sets`` (index -> shingles) with more than
    one member, band by band; members in index order.

    The bands are those ``MinHashLSH`` chooses for ``LSH_THRESHOLD``; a bucket is the
    members whose signature rows in one band are equal, which is how the index files them.
    ``signatures``: each index's ``minhash`` hash values (at least the first
    ``bands * rows``), when they were computed before.
    """
    bands, rows = lsh_bands()
    ids = sorted(sets)
    if not ids:
        return
    hashes = np.stack(
        [
            minhash(sets[i], seed=seed).hashvalues if signatures is None else signatures[i]
            for i in ids
        ]
    )
    for band in range(bands):
        buckets: dict[bytes, list[int]] = {}
        block = np.ascontiguousarray(hashes[:, band * rows : (band + 1) * rows])
        for i, row in zip(ids, block, strict=True):
            buckets.setdefault(row.tobytes(), []).append(i)
        for members in buckets.values():
            if len(members) > 1:
                yield members


def pivot_pairs(
    members: Sequence[int],
    rank: Sequence[int],
    same_group: Callable[[int, int], bool],
    compare: Callable[[int, int], bool],
) -> None:
    """Compare the members of a large bucket with at most ``PIVOTS`` pivots each.

    Members go in order of originality (``rank``); each is compared, through ``compare``
    (which returns whether the pair was joined as copies), with every pivot it is not
    already grouped with. One that joined no pivot becomes a pivot itself while there is
    room. For thousands of copies of one text the first member is the only pivot needed,
    and every later member costs one comparison, or none once the group holds it.
    """
    pivots: list[int] = []
    for x in sorted(members, key=rank.__getitem__):
        joined = False
        for p in pivots:
            if same_group(x, p) or compare(min(x, p), max(x, p)):
                joined = True
        if not joined and len(pivots) < PIVOTS:
            pivots.append(x)
