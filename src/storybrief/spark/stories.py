"""Stories at corpus scale: the batch clusterer's pair model on time blocks, then average
link per connected group.

The batch clusterer (``cluster.batch``) scores each article's nearest neighbours within
``window_days`` with its pair model and joins groups by average link. Here:

1. **Blocks.** A dated article's home block is ``floor(day / block_days)``; a block also
   holds the first ``window_days`` of the next one, so every pair close enough in time to
   be compared has a block holding both, and the block of its earlier article owns it
   (pairs are scored once). Undated articles form blocks of up to ``undated_block`` in
   input order. Languages are blocked apart, an unknown language joining the most common
   one, as ``cluster_articles`` splits a batch.
2. **Scores.** Each block runs the batch clusterer's own ``pair_graph`` and
   ``probabilities`` on its articles (in input order): its similarity, neighbours, pair
   features and model.
3. **Groups.** Average link only merges two groups whose mean probability reaches the
   threshold, so some pair between them reaches it: every story lies inside one connected
   component of the pairs at or above the threshold, and average link run on each
   component alone (with all its pairs, below the threshold too) gives what it gives on
   the whole graph. Components found per block are joined where blocks share articles
   (``components.py``), and each component is linked in one task by ``average_link``.

An undated corpus of at most ``undated_block`` articles in one language is one block:
exactly the batch clusterer's stories. Dated corpora differ from one batch only in the
neighbour lists and term frequencies, which a block counts over its own articles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Any

from storybrief.model import Article

# A block's components as keys of one id space: block << 40 | smallest index.
_SHIFT = 40


def story_assignments(spark: Any, articles: Any, *, block_days: float, undated_block: int) -> Any:
    """RDD of ``(index, story key)`` for every article of ``articles`` (``(index, Article)``);
    the story key is the smallest index of the story's articles."""
    from storybrief.cluster.batch import BatchParams

    params = BatchParams()
    main = _main_language(articles)
    undated = articles.filter(lambda ia: _day(ia[1]) is None).count()
    undated_parts = max(1, math.ceil(undated / undated_block))
    # Indexes count rejected records too: cut the undated by the index range.
    span = articles.map(lambda ia: ia[0]).max() + 1 if undated_parts > 1 else 1
    place = _Placer(main, block_days, params.window_days, undated_parts, span)
    placed = articles.flatMap(place)
    names = sorted(placed.map(lambda kv: kv[0]).distinct().collect())
    number = {name: i for i, name in enumerate(names)}
    blocks = placed.map(lambda kv: (number[kv[0]], kv[1])).partitionBy(
        max(1, len(names)), lambda b: b
    )
    scored = blocks.mapPartitions(lambda part: _score_blocks(part, params)).persist()
    member_rows = scored.filter(lambda r: r[0] == "m").map(lambda r: (r[1], r[2]))
    edge_rows = scored.filter(lambda r: r[0] == "e").map(lambda r: r[1:])
    if member_rows.isEmpty():
        scored.unpersist()
        return articles.map(lambda ia: (ia[0], ia[0]))
    from pyspark.sql import functions as F

    from storybrief.spark.components import components

    label = components(spark.createDataFrame(member_rows, "key long, idx long", verifySchema=False))
    edges = spark.createDataFrame(edge_rows, "i long, j long, p double", verifySchema=False)
    li = label.withColumnRenamed("idx", "i").withColumnRenamed("label", "li")
    lj = label.withColumnRenamed("idx", "j").withColumnRenamed("label", "lj")
    inside = (
        edges.join(li, "i")
        .join(lj, "j")
        .where(F.col("li") == F.col("lj"))
        .select("li", "i", "j", "p")
    )
    grouped = inside.rdd.map(lambda r: (r[0], (r[1], r[2], r[3]))).groupByKey()
    linked = grouped.flatMap(lambda kv: _link(kv[1], params.threshold))
    scored.unpersist()
    found = linked.map(lambda kv: (kv[0], kv[1]))
    return (
        articles.map(lambda ia: (ia[0], None))
        .leftOuterJoin(found)
        .map(lambda kv: (kv[0], kv[0] if kv[1][1] is None else kv[1][1]))
    )


def _day(article: Article) -> float | None:
    from storybrief.ingest.dates import parse_time

    return parse_time(article.published)


def _main_language(articles: Any) -> str | None:
    """The most common known language (first seen on a tie), or None when fewer than two
    languages are known: then the corpus is one part, as ``split_by_language`` makes it."""
    counts = (
        articles.filter(lambda ia: ia[1].language)
        .map(lambda ia: (ia[1].language, (1, ia[0])))
        .reduceByKey(lambda a, b: (a[0] + b[0], min(a[1], b[1])))
        .collect()
    )
    if len(counts) < 2:
        return None
    return max(counts, key=lambda kv: (kv[1][0], -kv[1][1]))[0]


class _Placer:
    """Where an article goes: ``((language, kind, block), (index, article, day, home))``
    for its home block, and (``home`` false) for the block before when it lies in that
    block's overlap."""

    def __init__(
        self, main: str | None, block_days: float, window: float, undated_parts: int, span: int
    ) -> None:
        self.main, self.block_days, self.window = main, block_days, window
        self.undated_parts, self.span = undated_parts, max(1, span)

    def __call__(self, item: tuple[int, Article]) -> list[tuple[tuple[str, str, int], Any]]:
        index, article = item
        lang = (article.language or self.main or "") if self.main else ""
        day = _day(article)
        if day is None:
            part = index * self.undated_parts // self.span if self.undated_parts > 1 else 0
            return [((lang, "u", part), (index, article, day, True))]
        home = math.floor(day / self.block_days)
        out = [((lang, "d", home), (index, article, day, True))]
        if day - home * self.block_days < self.window:
            out.append(((lang, "d", home - 1), (index, article, day, False)))
        return out


def _score_blocks(part: Iterable[tuple[int, Any]], params: Any) -> Iterator[tuple[Any, ...]]:
    """Per block: ``("e", i, j, p)`` for the pairs it owns with a positive probability,
    and ``("m", key, idx)`` for the members of its components at or above the threshold."""
    blocks: dict[int, list[Any]] = {}
    for block, item in part:
        blocks.setdefault(block, []).append(item)
    for block, items in sorted(blocks.items()):
        yield from _score(block, sorted(items, key=lambda x: x[0]), params)


def _score(block: int, items: list[Any], params: Any) -> Iterator[tuple[Any, ...]]:
    from storybrief.cluster.batch import pair_graph, probabilities
    from storybrief.cluster.pairs import shipped_model

    if len(items) < 2:
        return
    index = [i for i, _, _, _ in items]
    days = [d for _, _, d, _ in items]
    home = [h for _, _, _, h in items]
    graph = pair_graph([a for _, a, _, _ in items], params)
    prob = probabilities(graph, params.model or shipped_model(), params.min_similarity)
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r, c, p in zip(graph.rows.tolist(), graph.cols.tolist(), prob.tolist(), strict=True):
        # The block of the pair's earlier article owns it (undated blocks own all theirs).
        earlier = r if days[r] is None or days[c] is None or days[r] <= days[c] else c
        if p <= 0.0 or not home[earlier]:
            continue
        yield ("e", index[r], index[c], p)
        if p >= params.threshold:
            a, b = find(r), find(c)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for x in range(len(items)):
        groups.setdefault(find(x), []).append(x)
    for root, group in groups.items():
        if len(group) > 1:
            key = (block << _SHIFT) | index[root]
            for x in group:
                yield ("m", key, index[x])


def _link(edges: Iterable[tuple[int, int, float]], threshold: float) -> list[tuple[int, int]]:
    """``(index, story key)`` of a component's articles, by average link over its pairs."""
    import numpy as np

    from storybrief.cluster.linkage import average_link

    rows_i, cols_i, weights = [], [], []
    for i, j, p in edges:
        rows_i.append(i)
        cols_i.append(j)
        weights.append(p)
    nodes = sorted(set(rows_i) | set(cols_i))
    local = {x: k for k, x in enumerate(nodes)}
    rows = np.array([local[i] for i in rows_i], dtype=np.int64)
    cols = np.array([local[j] for j in cols_i], dtype=np.int64)
    labels = average_link(len(nodes), rows, cols, np.array(weights), threshold=threshold)
    first: dict[int, int] = {}
    for x, label in zip(nodes, labels.tolist(), strict=True):
        first.setdefault(label, x)
    return [(x, first[label]) for x, label in zip(nodes, labels.tolist(), strict=True)]
