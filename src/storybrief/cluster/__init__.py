"""Cluster: group articles into stories.

``StoryClusterer`` is the online algorithm (one article at a time, in arrival order), which
``storybrief ingest`` and the store use. ``cluster_batch`` is average-link clustering over a
whole list known up front (sparse: no size limit). ``cluster_articles`` groups a list with
either: ``method="auto"`` (the default) takes the batch method, unless ``max_articles`` is
given and the list is longer, when it takes the online one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from storybrief.cluster.batch import BatchParams, cluster_batch
from storybrief.cluster.online import Assignment, ClusterParams, StoryClusterer, StoryState
from storybrief.errors import ConfigError
from storybrief.model import Article

# Clusterers by name, each a factory taking keyword parameters.
CLUSTERERS: dict[str, Callable[..., StoryClusterer]] = {"online": StoryClusterer}


def make_clusterer(method: str = "online", **params: Any) -> StoryClusterer:
    try:
        factory = CLUSTERERS[method]
    except KeyError:
        raise ConfigError(
            f"unknown clustering method {method!r}; choose one of {sorted(CLUSTERERS)}"
        ) from None
    try:
        return factory(**params)
    except TypeError as exc:  # an unknown keyword: say which ones exist
        names = sorted(ClusterParams.__dataclass_fields__)
        raise ConfigError(f"{exc}; valid clustering parameters: {', '.join(names)}") from None


METHODS = ("auto", "batch", "online")


def cluster_articles(
    articles: Sequence[Article], *, method: str = "auto", **params: Any
) -> list[list[str]]:
    """Group ``articles`` into stories; returns groups of article ids, each group in input
    order, groups ordered by their first article.

    ``method``: ``"online"`` assigns articles one by one in the order given (as ingest does);
    ``"batch"`` clusters the whole list at once (average link over a pair model);
    ``"auto"`` takes batch unless ``max_articles`` is given and the list is longer.
    ``params`` go to the chosen method (``ClusterParams`` or ``BatchParams`` fields).
    """
    if method not in METHODS:
        raise ConfigError(f"unknown clustering method {method!r}; choose one of {list(METHODS)}")
    parts = split_by_language(articles)
    if len(parts) > 1:
        found = [g for part in parts for g in cluster_articles(part, method=method, **params)]
        first = {a.id: i for i, a in reversed(list(enumerate(articles)))}
        return sorted(found, key=lambda g: first[g[0]])
    limit = params.get("max_articles")
    if method == "batch" or (method == "auto" and (limit is None or len(articles) <= limit)):
        unknown = sorted(set(params) - set(BatchParams.__dataclass_fields__))
        if unknown:
            names = sorted(BatchParams.__dataclass_fields__)
            raise ConfigError(
                f"unknown parameter(s) {', '.join(unknown)} for batch clustering; "
                f"valid clustering parameters: {', '.join(names)}"
            )
        return cluster_batch(articles, **params)
    params.pop("max_articles", None)
    clusterer = make_clusterer("online", **params)
    groups: dict[str, list[str]] = {}
    for article in articles:
        groups.setdefault(clusterer.add(article), []).append(article.id)
    return list(groups.values())


# --- language hook (added by the extract engineer for issue 15; the cluster owner may fold it
# into the similarity itself). Stories are not merged across languages by accident: a list
# in several languages is clustered one language at a time. A list in one language (or
# with no languages known) takes the path it always took.


def split_by_language(articles: Sequence[Article]) -> list[list[Article]]:
    """``articles`` by ``Article.language``, in input order; an article whose language is
    unknown joins the most common language. One part when at most one language is known."""
    known = [a.language for a in articles if a.language]
    if len(set(known)) < 2:
        return [list(articles)]
    counts: dict[str, int] = {}
    for lang in known:
        counts[lang] = counts.get(lang, 0) + 1
    main = max(counts, key=lambda lang: (counts[lang], -known.index(lang)))
    parts: dict[str, list[Article]] = {}
    for article in articles:
        parts.setdefault(article.language or main, []).append(article)
    return list(parts.values())


__all__ = [
    "CLUSTERERS",
    "METHODS",
    "BatchParams",
    "cluster_batch",
    "Assignment",
    "ClusterParams",
    "StoryClusterer",
    "StoryState",
    "cluster_articles",
    "make_clusterer",
    "split_by_language",
]
