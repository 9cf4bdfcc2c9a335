"""Batch story clustering: average link over the probability that two articles report the
same story, on a sparse graph of nearest neighbours.

When the whole set is known up front (``storybrief cluster``, the Python API on a list, the
store's re-settling), there is no reason to commit to a story the moment an article
arrives: average linkage merges the groups that are most alike first, so an early
look-alike cannot pull the wrong event into a story the way it can in one online pass.

Each article's nearest neighbours come from the four views of ``channels.py``
(``vectors.neighbours``; dated articles more than ``window_days`` apart never meet and
nearer ones lose similarity with a half-life). Each neighbouring pair then gets a
probability of being one story from a small logistic model over the pair's similarities
and its neighbourhood (``pairs.py``), and average linkage joins groups while their mean
probability (a missing pair counts 0) is at least ``threshold``. Memory and time grow with
the articles times their neighbours, not with the square of the articles, so there is no
size limit. Articles whose languages are both known and differ are never joined.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storybrief.cluster.channels import CHANNELS
from storybrief.cluster.linkage import average_link
from storybrief.cluster.pairs import FEATURES, NEIGHBOURS, PairModel, pair_features, shipped_model
from storybrief.cluster.vectors import BatchVectors, Neighbours, batch_vectors, neighbours
from storybrief.errors import ConfigError
from storybrief.model import Article

SIMILARITY = FEATURES.index("s")


@dataclass(frozen=True)
class BatchParams:
    """Parameters of the batch clusterer, validated on construction."""

    # Average-link cut on the pair model's probability: groups whose mean probability of
    # being one story is below this stay apart. Not tuned: a cut chosen on the training
    # folds (0.4 in four folds of five) scored lower out of fold than 0.5 on ECB+ dev.
    threshold: float = 0.5
    # A pair less similar than this is no evidence at all, whatever its neighbourhood: the
    # pair model reads similarity relative to each side's neighbours, and among unrelated
    # articles (web junk, a batch of many small stories) that can make faint likeness look
    # strong. ECB+ out of fold 0.958 without, 0.959 with; on Multi-News and NeuS clusters
    # taken as stories (never trained on) 0.69 -> 0.88 and 0.65 -> 0.84.
    min_similarity: float = 0.08
    # Weights of the views in the neighbours' similarity, in ``CHANNELS`` order (words,
    # names, numbers, lead): equal, as a logistic regression over within-topic ECB+ pairs
    # put them (see channels.py).
    weights: tuple[float, float, float, float] = (0.25, 0.25, 0.25, 0.25)
    window_days: float = 14.0
    half_life_days: float = 7.0
    # An optional limit on the batch (none by default: the method is sparse).
    max_articles: int | None = None
    # The pair model; None is the one shipped in pair_model.json.
    model: PairModel | None = None

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ConfigError(f"threshold must be in (0, 1), got {self.threshold}")
        if len(self.weights) != len(CHANNELS) or any(w < 0 for w in self.weights):
            raise ConfigError(
                f"weights must be {len(CHANNELS)} non-negative numbers "
                f"({', '.join(CHANNELS)}), got {self.weights!r}"
            )
        if not 0.0 <= self.min_similarity < 1.0:
            raise ConfigError(f"min_similarity must be in [0, 1), got {self.min_similarity}")
        if not sum(self.weights) > 0:
            raise ConfigError("at least one view weight must be positive")
        for name in ("window_days", "half_life_days"):
            if not getattr(self, name) > 0:
                raise ConfigError(
                    f"{name} must be a positive number of days, got {getattr(self, name)}"
                )
        if self.max_articles is not None and (
            not isinstance(self.max_articles, int) or self.max_articles < 2
        ):
            raise ConfigError(f"max_articles must be an integer ≥ 2, got {self.max_articles!r}")


@dataclass(frozen=True)
class PairGraph:
    """The batch's neighbouring pairs (``rows[p] < cols[p]``) with their model features."""

    n: int
    rows: np.ndarray
    cols: np.ndarray
    features: np.ndarray


def pair_graph(articles: Sequence[Article], params: BatchParams) -> PairGraph:
    """Every pair in either side's neighbour list, with ``pairs.FEATURES`` for each."""
    vectors = batch_vectors(articles)
    nb = neighbours(
        vectors,
        k=NEIGHBOURS,
        weights=params.weights,
        window_days=params.window_days,
        half_life_days=params.half_life_days,
    )
    rows, cols, at = _undirected(nb)
    lengths = np.array([a.word_count for a in articles], dtype=np.float64)
    features = _features(vectors, nb, rows, cols, at, lengths)
    return PairGraph(vectors.n, rows, cols, features)


def _undirected(nb: Neighbours) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct pairs ``(i, j)``, ``i < j``, found in either list, and for each the flat
    position of one directed entry holding it (both directions hold the same values)."""
    n, k = nb.index.shape
    src = np.repeat(np.arange(n), k)
    dst = nb.index.ravel()
    ok = dst >= 0
    flat = np.flatnonzero(ok)
    lo, hi = np.minimum(src[ok], dst[ok]), np.maximum(src[ok], dst[ok])
    key = lo * max(n, 1) + hi
    _, first = np.unique(key, return_index=True)
    return lo[first], hi[first], flat[first]


def _features(
    vectors: BatchVectors,
    nb: Neighbours,
    rows: np.ndarray,
    cols: np.ndarray,
    at: np.ndarray,
    lengths: np.ndarray,
) -> np.ndarray:
    n, k = nb.index.shape
    views_n = nb.cosines.shape[2]
    cosines = nb.cosines.reshape(n * k, views_n)[at].astype(np.float64)
    s = nb.similarity.ravel()[at]
    both = vectors.present[rows] & vectors.present[cols]
    # Each article's typical cosine per view: the mean of its 10 highest among neighbours.
    top = min(10, k)
    view_local = (
        -np.sort(-nb.cosines, axis=1)[:, :top, :].mean(axis=1) if k else np.zeros((n, views_n))
    )
    return pair_features(nb.index, nb.similarity, rows, cols, cosines, both, s, lengths, view_local)


def _languages(articles: Sequence[Article]) -> list[str | None]:
    """Each article's language where the ingest stage set one (``Article.language``)."""
    return [getattr(a, "language", None) or None for a in articles]


def cluster_batch(
    articles: Sequence[Article],
    *,
    threshold: float = BatchParams.threshold,
    weights: tuple[float, float, float, float] = BatchParams.weights,
    window_days: float = BatchParams.window_days,
    half_life_days: float = BatchParams.half_life_days,
    min_similarity: float = BatchParams.min_similarity,
    max_articles: int | None = BatchParams.max_articles,
    model: PairModel | None = None,
) -> list[list[str]]:
    """Group ``articles`` into stories by average linkage; groups of ids in input order,
    groups ordered by their first article (as ``cluster_articles``)."""
    params = BatchParams(
        threshold=threshold,
        weights=tuple(weights),  # type: ignore[arg-type]
        window_days=window_days,
        half_life_days=half_life_days,
        min_similarity=min_similarity,
        max_articles=max_articles,
        model=model,
    )
    if params.max_articles is not None and len(articles) > params.max_articles:
        raise ConfigError(
            f"batch clustering was limited to {params.max_articles} articles, got {len(articles)}"
        )
    if len(articles) < 2:
        return [[a.id] for a in articles]
    labels = cluster_labels(articles, params)
    groups: dict[int, list[str]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(int(label), []).append(article.id)
    return list(groups.values())


def cluster_labels(articles: Sequence[Article], params: BatchParams) -> np.ndarray:
    """The story label of each article (0, 1, ... by first article)."""
    graph = pair_graph(articles, params)
    prob = probabilities(graph, params.model or shipped_model(), params.min_similarity)
    langs = _languages(articles)
    if any(langs):
        lang = np.array([x or "" for x in langs], dtype=object)
        differ = (
            (lang[graph.rows] != lang[graph.cols])
            & (lang[graph.rows] != "")
            & (lang[graph.cols] != "")
        )
        prob = np.where(differ, 0.0, prob)
    return average_link(graph.n, graph.rows, graph.cols, prob, threshold=params.threshold)


def probabilities(graph: PairGraph, model: PairModel, min_similarity: float) -> np.ndarray:
    """The model's probability of each pair, 0 for pairs below ``min_similarity``."""
    if not len(graph.rows):
        return np.zeros(0)
    prob = model.probability(graph.features)
    return np.where(graph.features[:, SIMILARITY] >= min_similarity, prob, 0.0)
