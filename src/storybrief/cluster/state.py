"""The online clusterer's parameters and state: what a story is to it (``StoryState``),
where an article went (``Assignment``), and the bounds of its work (``ClusterParams``)."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TypeVar

from storybrief.errors import ConfigError

K = TypeVar("K", int, str)


def top_items(items: Iterable[tuple[K, float]], n: int) -> list[tuple[K, float]]:
    """The ``n`` heaviest (term, weight) pairs, ties to the smaller term: the order of
    ``sorted(key=lambda kv: (-kv[1], kv[0]))``, from two key-less sorts (stable, in C).

    From many pairs (a story's centroid), only those at least as heavy as the ``n``-th
    heaviest weight can be among the first ``n``: those few are sorted, not all.
    """
    items = list(items)
    if len(items) > 4 * n:
        cutoff = heapq.nlargest(n, map(itemgetter(1), items))[-1]
        items = [kv for kv in items if kv[1] >= cutoff]
    return sorted(sorted(items), key=itemgetter(1), reverse=True)[:n]


@dataclass(frozen=True)
class ClusterParams:
    """Parameters of the online clusterer, validated on construction."""

    # Best mean B-cubed F1 on ECB+ dev over file order and three shuffles (0.25-0.3 are
    # within 0.01); lower merges two same-kind events, higher splits stories.
    threshold: float = 0.275
    window_days: float = 14.0
    half_life_days: float = 7.0
    # Share of the similarity given to names (see features.py); the rest to all words.
    name_weight: float = 0.5
    # Terms kept per story centroid and indexed per story: bounded work and memory.
    centroid_terms: int = 300
    index_terms: int = 30
    query_terms: int = 20
    # Most recently updated stories read per index term, and stories scored in full.
    max_postings: int = 200
    max_candidates: int = 40
    # Stories kept in memory; the least recently updated beyond this are retired.
    max_active: int = 20000

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ConfigError(f"threshold must be in (0, 1), got {self.threshold}")
        for name in ("window_days", "half_life_days"):
            if not getattr(self, name) > 0:
                raise ConfigError(
                    f"{name} must be a positive number of days, got {getattr(self, name)}"
                )
        if not 0.0 <= self.name_weight <= 1.0:
            raise ConfigError(f"name_weight must be in [0, 1], got {self.name_weight}")
        for name in (
            "centroid_terms",
            "index_terms",
            "query_terms",
            "max_postings",
            "max_candidates",
            "max_active",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name} must be a positive integer, got {value!r}")
        if self.index_terms > self.centroid_terms:
            raise ConfigError(
                f"index_terms ({self.index_terms}) must not exceed centroid_terms "
                f"({self.centroid_terms})"
            )


@dataclass
class StoryState:
    """One story as the clusterer sees it: a centroid and a time span."""

    id: str
    centroid: dict[int, float]  # all words
    norm: float
    names: dict[int, float]  # names only
    names_norm: float
    size: int
    first_ts: float | None
    last_ts: float | None
    updated: int  # sequence number of the last article added: orders the index
    top: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class Assignment:
    """Where one article went: its story, whether it started it, and the similarity."""

    story: str
    new: bool
    similarity: float
