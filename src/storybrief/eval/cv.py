"""Cross-validation by group: the protocol every tuned number in the benchmarks follows.

A score measured on the data a setting was tuned on says how well the setting fits that
data, not how well it works on the next story. So the dev sets are cut into folds of whole
groups (a Multi-News or NeuS cluster, an ECB+ topic: never part of one), every choice
(a knob's value, a model's weights, a cut) is made on the other folds, and the held-out
fold is scored with it. Pooled over the folds, these *out-of-fold* scores are what
docs/BENCHMARKS.md reports beside the full-dev ones, what decides whether a knob is kept,
and what the quality gate pins.

Folds are a pure function of the group names, ``k`` and the seed, so every script and test
that asks for them gets the same ones.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from storybrief.errors import ConfigError

DEFAULT_FOLDS = 5
DEFAULT_SEED = 17


def group_folds(
    groups: Sequence[str], *, k: int = DEFAULT_FOLDS, seed: int = DEFAULT_SEED
) -> list[tuple[str, ...]]:
    """The distinct ``groups`` dealt into ``k`` folds (sorted, shuffled by ``seed``, then
    dealt in turn, so fold sizes differ by at most one group)."""
    names = sorted(set(groups), key=_natural)
    if k < 2:
        raise ConfigError(f"cross-validation needs at least 2 folds, got {k}")
    if len(names) < k:
        raise ConfigError(f"{len(names)} groups cannot fill {k} folds")
    random.Random(seed).shuffle(names)
    return [tuple(sorted(names[f::k], key=_natural)) for f in range(k)]


def fold_index(folds: Sequence[Sequence[str]]) -> dict[str, int]:
    """Group name -> the number of its fold."""
    return {g: f for f, members in enumerate(folds) for g in members}


def _natural(name: str) -> tuple[int, str]:
    return (int(name), name) if name.isdigit() else (10**9, name)


@dataclass(frozen=True)
class Selection:
    """A knob chosen fold by fold: the out-of-fold score of each item, the value each
    fold chose (on the other folds), and the value all the data would choose."""

    oof: tuple[float, ...]
    chosen: tuple[Hashable, ...]  # per fold
    full: Hashable  # chosen on all items (what ships)
    full_scores: Mapping[Hashable, float]  # mean score of each candidate over all items

    @property
    def oof_mean(self) -> float:
        return sum(self.oof) / len(self.oof) if self.oof else float("nan")


def select_by_fold(
    scores: Mapping[Hashable, Sequence[float]], fold_of: Sequence[int], *, folds: int
) -> Selection:
    """Pick, for each fold, the candidate with the best mean score over the *other* folds'
    items, and score the fold's items with it.

    ``scores[c][i]`` is candidate ``c``'s score on item ``i`` (higher is better);
    ``fold_of[i]`` is item ``i``'s fold. Ties go to the candidate listed first, so a
    default listed first is kept unless something beats it.
    """
    if not scores:
        raise ConfigError("select_by_fold needs at least one candidate")
    n = len(fold_of)
    for c, values in scores.items():
        if len(values) != n:
            raise ConfigError(f"candidate {c!r} has {len(values)} scores for {n} items")
    cands = list(scores)
    oof = [0.0] * n
    chosen = []
    for f in range(folds):
        train = [i for i in range(n) if fold_of[i] != f]
        test = [i for i in range(n) if fold_of[i] == f]
        best = _best(cands, scores, train)
        chosen.append(best)
        for i in test:
            oof[i] = scores[best][i]
    everything = list(range(n))
    means = {c: _mean(scores[c], everything) for c in cands}
    return Selection(tuple(oof), tuple(chosen), _best(cands, scores, everything), means)


def _mean(values: Sequence[float], items: Sequence[int]) -> float:
    return sum(values[i] for i in items) / len(items) if items else float("-inf")


def _best(
    cands: Sequence[Hashable], scores: Mapping[Hashable, Sequence[float]], items: Sequence[int]
) -> Hashable:
    best, best_score = cands[0], _mean(scores[cands[0]], items)
    for c in cands[1:]:
        s = _mean(scores[c], items)
        if s > best_score:
            best, best_score = c, s
    return best
