"""Copies at corpus scale: the dedup stage's MinHash LSH as a banding join, verified by
``dedup.find_copies`` itself.

1. **Fingerprints, once.** Each article's shingle set and MinHash (``article_shingles``,
   ``minhash``: the dedup stage's own) are computed once, in its partition, and carried
   as arrays (the set, and the hash values of the bands the LSH index uses).
2. **Groups.** An article becomes one row per band (``lsh_bands``), keyed by a 64-bit hash
   of the band's values; articles that share a key are linked, each bucket as a star on
   its smallest index (a JVM join and ``distinct``: plain integers). The distinct links
   come to the driver as arrays, and SciPy's connected components make the groups.
3. **Verification.** Each group goes to one task, where ``find_copies(...,
   candidates="lsh")`` runs on it in input order with the carried fingerprints. A group
   holds every bucket of each of its members, so it compares the pairs the
   single-machine index compares among them and applies the same copy rule, the same
   originality order and the same exact-copy collapse: the links are those of
   ``find_copies`` over the whole corpus (a corpus of at most ``EXACT_UP_TO`` articles,
   which ``find_copies`` compares in all pairs, is one group compared the same way).

One bound: a group of more than ``GROUP_UP_TO`` articles (LSH with one-row bands chains
near-copy families through shared shingles: half of a 20,000-article synthetic corpus is
one group) is cut into runs of that many in originality order (earliest first), each
verified alone; pairs across a cut are not compared. The real sets (ECB+'s 772 articles,
Multi-News') make no group that large, so there the links equal ``find_copies``'.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from storybrief.model import Article, CopyLink

LINK_FIELDS = ("article", "of", "kind", "similarity", "containment")
# The most articles one task verifies together (about a second of find_copies per
# thousand, and a few hundred MiB of shingle sets at this size).
GROUP_UP_TO = 10_000

# (index, (id, published, shingles uint32[], hash values uint64[bands * rows]))
Print = tuple[int, tuple[str, str | None, np.ndarray, np.ndarray]]


def fingerprints(articles: Any, seed: int = 1) -> Any:
    """RDD of ``Print`` over ``articles`` (an RDD of ``(index, Article)``), computed once
    per article in its partition."""
    return articles.mapPartitions(lambda part: _prints(part, seed))


def find_copies_spark(spark: Any, prints: Any, *, count: int, seed: int = 1) -> Any:
    """RDD of ``CopyLink`` over the articles of ``prints`` (``fingerprints``' RDD, best
    persisted: it is read twice, or three times when a group is cut)."""
    from storybrief.dedup import EXACT_UP_TO

    if count <= EXACT_UP_TO:
        grouped = prints.map(lambda p: (0, p)).groupByKey(1)
        return grouped.flatMap(lambda kv: _links(kv[1], "auto", seed))
    group = _groups(spark, prints)
    table = spark.sparkContext.broadcast(group)
    grouped = (
        prints.filter(lambda p: p[0] < len(table.value) and table.value[p[0]] >= 0)
        .map(lambda p: (int(table.value[p[0]]), p))
        .groupByKey()
    )
    return grouped.flatMap(lambda kv: _links(kv[1], "lsh", seed))


def _prints(part: Iterable[tuple[int, Article]], seed: int) -> Iterator[Print]:
    from storybrief.dedup import article_shingles

    values_of = band_values(seed)
    for index, article in part:
        shingle_set = article_shingles(article)
        sh = np.fromiter(shingle_set, dtype=np.uint32, count=len(shingle_set))
        sh.sort()
        yield index, (article.id, article.published, sh, values_of(sh))


def band_values(seed: int) -> Any:
    """A function from sorted shingles (uint32) to the first ``bands * rows`` hash values of
    their ``minhash``: the LSH bands' columns, the only ones the index reads. The same
    arithmetic as datasketch's "affine32" scheme (its permutations, the MurmurHash3
    32-bit finalizer as pre-mix, wrapping uint32 products) for those columns alone: a
    tenth of the work with 22 one-row bands. Checked against ``minhash`` on a probe set
    once; any other scheme, or a difference, leaves every set to ``minhash``."""
    from datasketch import MinHash

    from storybrief.dedup import NUM_PERM, lsh_bands, minhash

    bands, rows = lsh_bands()
    width = bands * rows
    probe = MinHash(num_perm=NUM_PERM, seed=seed)
    a, b = (np.asarray(p[:width]).copy() for p in probe.permutations)

    def slow(sh: np.ndarray) -> np.ndarray:
        return minhash(set(sh.tolist()), seed=seed).hashvalues[:width].copy()

    def fast(sh: np.ndarray) -> np.ndarray:
        hv = sh.astype(np.uint32).reshape(-1, 1)
        hv ^= hv >> np.uint32(16)
        hv *= np.uint32(0x85EBCA6B)
        hv ^= hv >> np.uint32(13)
        hv *= np.uint32(0xC2B2AE35)
        hv ^= hv >> np.uint32(16)
        return (hv * a + b).min(axis=0)

    check = np.array(sorted({7, 99, 2**31 + 5, 2**32 - 1, 123_456_789}), dtype=np.uint32)
    good = a.dtype == np.uint32 and np.array_equal(fast(check), slow(check))
    pick = fast if good else slow

    def values(sh: np.ndarray) -> np.ndarray:
        return pick(sh) if len(sh) else np.zeros(0, dtype=np.uint32)

    return values


def _band_keys(part: Iterable[Print]) -> Iterator[tuple[int, int]]:
    from storybrief.dedup import lsh_bands

    bands, rows = lsh_bands()
    for index, (_, _, sh, values) in part:
        if not len(sh):
            continue
        for band in range(bands):
            cut = values[band * rows : (band + 1) * rows].tobytes()
            digest = hashlib.blake2b(band.to_bytes(2, "little") + cut, digest_size=8).digest()
            yield int.from_bytes(digest, "little", signed=True), index


def _groups(spark: Any, prints: Any) -> np.ndarray:
    """``group[index]``: the group each article is verified in (-1: it shares no bucket).

    Buckets are linked as stars in the JVM (integers only); their distinct links come to
    the driver as arrays for SciPy's connected components; groups over ``GROUP_UP_TO``
    are cut in originality order (as ``find_copies`` ranks: date, then input order)."""
    from pyspark.sql import functions as F
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    members = spark.createDataFrame(
        prints.mapPartitions(_band_keys), "key long, idx long", verifySchema=False
    )
    roots = (
        members.groupBy("key")
        .agg(F.min("idx").alias("root"), F.count("*").alias("n"))
        .where(F.col("n") > 1)
        .select("key", "root")
    )
    edges = (
        members.join(roots, "key").where(F.col("idx") != F.col("root")).select("root", "idx")
    ).distinct()
    chunks = edges.rdd.mapPartitions(_edge_arrays).collect()
    if not chunks:
        return np.zeros(0, dtype=np.int64)
    pairs = np.concatenate(chunks, axis=1)
    size = int(pairs.max()) + 1
    graph = coo_matrix((np.ones(pairs.shape[1], dtype=np.int8), (pairs[0], pairs[1])), (size, size))
    _, label = connected_components(graph, directed=False)
    label = label.astype(np.int64)
    sizes = np.bincount(label)
    group = np.where(sizes[label] > 1, label, -1)
    large = np.flatnonzero(sizes > GROUP_UP_TO)
    if len(large):
        big = set(large.tolist())
        wanted = spark.sparkContext.broadcast(np.isin(label, large))
        dated = prints.filter(lambda p: p[0] < len(wanted.value) and wanted.value[p[0]])
        ranked = dated.map(lambda p: (p[0], p[1][1] or "9999")).collect()
        wanted.unpersist()
        runs: dict[int, list[tuple[str, int]]] = {g: [] for g in big}
        for index, published in ranked:
            runs[int(label[index])].append((published, index))
        next_group = len(sizes)
        for run in runs.values():
            run.sort()
            for start in range(0, len(run), GROUP_UP_TO):
                for _, index in run[start : start + GROUP_UP_TO]:
                    group[index] = next_group
                next_group += 1
    return group


def _edge_arrays(rows: Iterable[Any]) -> Iterator[np.ndarray]:
    flat = [x for row in rows for x in (row[0], row[1])]
    if flat:
        yield np.array(flat, dtype=np.int64).reshape(-1, 2).T


def _links(items: Iterable[Print], candidates: str, seed: int) -> list[CopyLink]:
    from storybrief.dedup import CopyParams, find_copies

    members = sorted(items, key=lambda p: p[0])
    stubs = [
        Article(id=ident, text="", published=published) for _, (ident, published, _, _) in members
    ]
    sets = [set(sh.tolist()) for _, (_, _, sh, _) in members]
    signatures = [values for _, (_, _, _, values) in members]
    return find_copies(
        stubs,
        CopyParams(seed=seed),
        candidates=candidates,
        shingle_sets=sets,
        signatures=signatures,
    )
