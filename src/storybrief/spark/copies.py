"""Copies at corpus scale: the dedup stage's MinHash LSH as a banding join, verified by
``dedup.find_copies`` itself.

Each article's signature is the dedup stage's own (``article_shingles``, ``minhash``), cut
into the bands its LSH index uses (``lsh_bands``); an article becomes one row per band,
keyed by a 64-bit hash of the band's values. Articles that share a key are linked, and
each connected group of linked articles (``components.py``) goes to one task, where
``find_copies(..., candidates="lsh")`` runs on it in input order. A group holds every
bucket of each of its members, so it compares exactly the pairs the single-machine index
compares among them and applies the same copy rule, the same originality order and the
same exact-copy collapse: the links are those of ``find_copies`` over the whole corpus.
(A corpus of at most ``EXACT_UP_TO`` articles, which ``find_copies`` compares in all
pairs, is one group compared the same way.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from storybrief.model import Article, CopyLink

LINK_FIELDS = ("article", "of", "kind", "similarity", "containment")


def find_copies_spark(spark: Any, articles: Any, *, count: int, seed: int = 1) -> Any:
    """RDD of ``CopyLink`` over ``articles`` (an RDD of ``(index, Article)``)."""
    from storybrief.dedup import EXACT_UP_TO

    if count <= EXACT_UP_TO:
        grouped = articles.map(lambda ia: (0, ia)).groupByKey(1)
        return grouped.flatMap(lambda kv: _links(kv[1], "auto", seed))
    keys = articles.mapPartitions(lambda part: _band_keys(part, seed))
    members = spark.createDataFrame(keys, "key long, idx long")
    from pyspark.sql import functions as F

    shared = members.groupBy("key").count().where(F.col("count") > 1).select("key")
    label = _components(members.join(shared, "key"))
    labels = label.rdd.map(lambda r: (r["idx"], r["label"]))
    grouped = articles.join(labels).map(lambda kv: (kv[1][1], (kv[0], kv[1][0]))).groupByKey()
    return grouped.flatMap(lambda kv: _links(kv[1], "lsh", seed))


def _components(members: Any) -> Any:
    from storybrief.spark.components import components

    return components(members)


def _band_keys(part: Iterable[tuple[int, Article]], seed: int) -> Iterator[tuple[int, int]]:
    from storybrief.dedup import article_shingles, lsh_bands, minhash

    bands, rows = lsh_bands()
    for index, article in part:
        shingle_set = article_shingles(article)
        if not shingle_set:
            continue
        values = minhash(shingle_set, seed=seed).hashvalues
        for band in range(bands):
            cut = values[band * rows : (band + 1) * rows].tobytes()
            digest = hashlib.blake2b(band.to_bytes(2, "little") + cut, digest_size=8).digest()
            yield int.from_bytes(digest, "little", signed=True), index


def _links(items: Iterable[tuple[int, Article]], candidates: str, seed: int) -> list[CopyLink]:
    from storybrief.dedup import CopyParams, find_copies

    members = [a for _, a in sorted(items, key=lambda ia: ia[0])]
    return find_copies(members, CopyParams(seed=seed), candidates=candidates)
