"""Story clustering evaluation: B-cubed precision/recall/F1 and the adjusted Rand index.

B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009) scores each item: precision is the share
of its predicted cluster that shares its gold story, recall the share of its gold story
that landed in its predicted cluster; both are averaged over items and F1 is their
harmonic mean. Unlike pairwise measures it does not let one huge cluster dominate.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storybrief.errors import ConfigError
from storybrief.eval.datasets import StoryDoc
from storybrief.model import Article

if TYPE_CHECKING:
    from storybrief.cluster.pairs import PairModel


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1, each in [0, 1]."""

    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def bcubed(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> PRF:
    """B-cubed over the items of ``gold``; an item missing from ``pred`` is its own cluster."""
    if not gold:
        raise ConfigError("bcubed needs at least one gold item")
    missing = object()
    labels = {item: pred.get(item, (missing, item)) for item in gold}
    pred_members: dict[Hashable, set[Hashable]] = defaultdict(set)
    gold_members: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, label in labels.items():
        pred_members[label].add(item)
    for item, label in gold.items():
        gold_members[label].add(item)
    p_sum = r_sum = 0.0
    for item in gold:
        p_set, g_set = pred_members[labels[item]], gold_members[gold[item]]
        both = len(p_set & g_set)
        p_sum += both / len(p_set)
        r_sum += both / len(g_set)
    p, r = p_sum / len(gold), r_sum / len(gold)
    return PRF(p, r, _f1(p, r))


def ari(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> float:
    """Adjusted Rand index over the items of ``gold`` (missing items are singletons)."""
    from sklearn.metrics import adjusted_rand_score

    items = list(gold)
    p_labels = [repr(pred.get(i, ("missing", i))) for i in items]
    g_labels = [repr(gold[i]) for i in items]
    return float(adjusted_rand_score(g_labels, p_labels))


def groups_to_labels(groups: Sequence[Sequence[Hashable]]) -> dict[Hashable, int]:
    """``[[a, b], [c]]`` -> ``{a: 0, b: 0, c: 1}``; an item in two groups is an error."""
    labels: dict[Hashable, int] = {}
    for g, members in enumerate(groups):
        for item in members:
            if item in labels:
                raise ConfigError(f"item {item!r} is in two clusters ({labels[item]} and {g})")
            labels[item] = g
    return labels


# ---- systems -------------------------------------------------------------------------

ClusterFn = Callable[[Sequence[StoryDoc]], list[list[str]]]


def _storybrief(docs: Sequence[StoryDoc]) -> list[list[str]]:
    from storybrief.cluster import cluster_articles

    return cluster_articles([Article(id=d.id, text=d.text, origin=d.id) for d in docs])


def _storybrief_oof(docs: Sequence[StoryDoc]) -> list[list[str]]:
    """Out of fold: each cross-validation fold of ECB+ topics (``eval.cluster_cv``) is a
    batch of its own, clustered with the pair model trained without it; articles of topics
    in no fold (data the models never saw) form one more batch, with the shipped model."""
    from storybrief.cluster import cluster_batch

    def run(part: Sequence[StoryDoc], model: PairModel | None) -> list[list[str]]:
        arts = [Article(id=d.id, text=d.text, origin=d.id) for d in part]
        return cluster_batch(arts, model=model)

    return _by_fold(docs, run)


def _storybrief_online(docs: Sequence[StoryDoc]) -> list[list[str]]:
    from storybrief.cluster import cluster_articles

    articles = [Article(id=d.id, text=d.text, origin=d.id) for d in docs]
    return cluster_articles(articles, method="online")


def _store_groups(
    docs: Sequence[StoryDoc], *, recluster: bool, model: PairModel | None = None
) -> list[list[str]]:
    """The stories of a fresh store after ``ingest`` (cleaning, near copies, the online
    clusterer in file order, re-settled by the batch method as it goes), then
    ``recluster`` when asked. Articles the store rejects (nothing left after cleaning) or
    takes as repeats stay out: scored as singletons."""
    import tempfile
    from pathlib import Path

    from storybrief.store import open_store
    from storybrief.stream import ingest_into

    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(Path(tmp) / "eval.db", pair_model=model) as store,
    ):
        ingest_into(
            store, [Article(id=d.id, text=d.text, origin=d.id) for d in docs], progress=False
        )
        if recluster:
            store.recluster()
        return [list(s.articles) for s in store.stories()]


def _storybrief_ingest(docs: Sequence[StoryDoc]) -> list[list[str]]:
    return _store_groups(docs, recluster=False)


def _storybrief_recluster(docs: Sequence[StoryDoc]) -> list[list[str]]:
    return _store_groups(docs, recluster=True)


def _storybrief_ingest_oof(docs: Sequence[StoryDoc]) -> list[list[str]]:
    """``storybrief ingest`` out of fold: each fold's topics into a store of their own,
    re-settled with the pair model trained without them."""
    return _by_fold(docs, lambda part, model: _store_groups(part, recluster=False, model=model))


def _by_fold(
    docs: Sequence[StoryDoc],
    run: Callable[[Sequence[StoryDoc], PairModel | None], list[list[str]]],
) -> list[list[str]]:
    """``run`` on each cross-validation fold's docs with that fold's model, and on the docs
    of topics in no fold with the shipped model."""
    from storybrief.cluster.pairs import fold_topics, shipped_model

    groups: list[list[str]] = []
    left = list(docs)
    for fold, topics in fold_topics().items():
        keep = set(topics)
        part = [d for d in left if d.topic in keep]
        left = [d for d in left if d.topic not in keep]
        if part:
            groups += run(part, shipped_model(fold))
    if left:
        groups += run(left, None)
    return groups


def _singletons(docs: Sequence[StoryDoc]) -> list[list[str]]:
    return [[d.id] for d in docs]


def _by_topic(docs: Sequence[StoryDoc]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        groups[d.topic].append(d.id)
    return list(groups.values())


def _tfidf_agglomerative(docs: Sequence[StoryDoc]) -> list[list[str]]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(docs) < 2:
        return [[d.id] for d in docs]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [d.text for d in docs]
    )
    # A fixed, untuned cut (cosine distance 0.8, average link): a plain reference point.
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.8
    )
    labels = model.fit_predict(x.toarray())
    groups: dict[int, list[str]] = defaultdict(list)
    for d, label in zip(docs, labels, strict=True):
        groups[int(label)].append(d.id)
    return list(groups.values())


CLUSTER_SYSTEMS: dict[str, tuple[ClusterFn, str]] = {
    "storybrief": (
        _storybrief,
        "storybrief.cluster.cluster_articles, all articles as one batch (what `storybrief "
        "cluster` does; no dates): average link over a pair model trained on these topics "
        "(in sample)",
    ),
    "storybrief-oof": (
        _storybrief_oof,
        "the same method out of fold: each fold of topics a batch, clustered by the pair "
        "model trained on the other folds (eval.cluster_cv)",
    ),
    "storybrief-online": (
        _storybrief_online,
        "the online clusterer `storybrief ingest` uses, one pass in file order (no dates)",
    ),
    "storybrief-ingest": (
        _storybrief_ingest,
        "`storybrief ingest` into a fresh store: cleaning, near copies, the online "
        "clusterer in file order, re-settled by the batch method every 32 originals "
        "(cluster.settle)",
    ),
    "storybrief-ingest-oof": (
        _storybrief_ingest_oof,
        "the same out of fold: each fold of topics ingested into a store of its own, "
        "re-settled with the pair model trained on the other folds",
    ),
    "storybrief-ingest+recluster": (
        _storybrief_recluster,
        "the same store after `storybrief recluster`: its open stories regrouped by the "
        "batch method",
    ),
    "tfidf-agglomerative": (
        _tfidf_agglomerative,
        "TF-IDF cosine, average link, fixed cut 0.8 (baseline)",
    ),
    "singletons": (_singletons, "every article its own story (floor)"),
    "gold-topic": (_by_topic, "one cluster per gold topic: merges the two events of a topic"),
}


@dataclass(frozen=True)
class ClusterResult:
    system: str
    bcubed: PRF | None
    ari: float | None
    clusters: int
    seconds: float
    unavailable: str | None = None
    description: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "system": self.system,
            "bcubed": self.bcubed.to_dict() if self.bcubed else None,
            "ari": self.ari,
            "clusters": self.clusters,
            "seconds": self.seconds,
            "unavailable": self.unavailable,
            "description": self.description,
        }


@dataclass(frozen=True)
class ClusterReport:
    articles: int
    stories: int
    results: tuple[ClusterResult, ...]
    settings: dict[str, object] = field(default_factory=dict)

    def result(self, system: str) -> ClusterResult:
        for r in self.results:
            if r.system == system:
                return r
        raise ConfigError(f"no result for {system!r}")

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "stories": self.stories,
            "settings": self.settings,
            "results": [r.to_dict() for r in self.results],
        }


def evaluate_clustering(
    docs: Sequence[StoryDoc], *, systems: Sequence[str] | None = None
) -> ClusterReport:
    """Cluster ``docs`` with each system (all at once, one pass) and score against gold."""
    names = list(systems) if systems else list(CLUSTER_SYSTEMS)
    unknown = [n for n in names if n not in CLUSTER_SYSTEMS]
    if unknown:
        raise ConfigError(
            f"unknown clustering system(s) {', '.join(unknown)}: "
            f"choose from {', '.join(CLUSTER_SYSTEMS)}"
        )
    gold: dict[Hashable, Hashable] = {d.id: d.story for d in docs}
    results = []
    for name in names:
        fn, description = CLUSTER_SYSTEMS[name]
        start = time.perf_counter()
        try:
            groups = fn(docs)
        except ImportError as exc:
            results.append(
                ClusterResult(
                    name,
                    None,
                    None,
                    0,
                    float("nan"),
                    unavailable=f"{type(exc).__name__}: {exc}",
                    description=description,
                )
            )
            continue
        elapsed = time.perf_counter() - start
        labels = groups_to_labels(groups)
        results.append(
            ClusterResult(
                system=name,
                bcubed=bcubed(labels, gold),
                ari=ari(labels, gold),
                clusters=len(groups),
                seconds=elapsed / max(len(docs), 1),
                description=description,
            )
        )
    settings: dict[str, object] = {
        "data": "ECB+ dev_docs.jsonl, gold story = cluster_id, text detokenized, no dates",
        "order": "articles fed in file order",
        "seconds": "wall time of the whole clustering divided by the number of articles",
    }
    return ClusterReport(
        articles=len(docs),
        stories=len(set(gold.values())),
        results=tuple(results),
        settings=settings,
    )
