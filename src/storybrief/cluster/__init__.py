"""Cluster: group articles into stories.

``StoryClusterer`` is the online algorithm (one article at a time, in arrival order);
``cluster_articles`` runs it once over a list, which is what the evaluation harness and the
``storybrief cluster`` command use, so benchmark numbers come from the streaming code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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


def cluster_articles(
    articles: Sequence[Article], *, method: str = "online", **params: Any
) -> list[list[str]]:
    """Group ``articles`` into stories, in the order given; returns groups of article ids,
    each group in input order, groups ordered by their first article."""
    clusterer = make_clusterer(method, **params)
    groups: dict[str, list[str]] = {}
    for article in articles:
        groups.setdefault(clusterer.add(article), []).append(article.id)
    return list(groups.values())


__all__ = [
    "CLUSTERERS",
    "Assignment",
    "ClusterParams",
    "StoryClusterer",
    "StoryState",
    "cluster_articles",
    "make_clusterer",
]
