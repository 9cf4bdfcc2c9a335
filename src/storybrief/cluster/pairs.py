"""How likely two articles of a batch are to report the same story: a logistic model over
the similarities of the pair *and of its neighbourhood*.

A raw similarity means different things for different articles: a 30-word brief shares few
words with anything, a long report shares many with every story of its kind. What tells
"same event" apart is how a pair compares with each side's other neighbours, so besides the
view cosines (``channels.py``) and their weighted mean ``s`` the model sees:

- ``s`` scaled by each side's typical similarity to its 5 and 10 nearest neighbours (the
  local scaling of Zelnik-Manor & Perona 2004), and each view's cosine scaled likewise;
- ``s`` relative to each side's single nearest neighbour;
- the ranks of each side in the other's neighbour list;
- the shorter article's length (short texts have low similarities throughout).

The weights are fitted on ECB+ dev (pairs within batches of several topics, each holding two
same-kind events) by ``storybrief.eval.cluster_cv`` and ship in ``pair_model.json`` with the
model of every cross-validation fold, so out-of-fold scores can be measured again without
training. Everything a feature needs comes from the batch's ``k`` nearest neighbours of
each article, never from an n-by-n matrix.
"""

from __future__ import annotations

import numpy as np

from storybrief.linear import LinearModel, ModelFile

FEATURES = (
    "words",
    "names",
    "numbers",
    "lead",
    "both_numbers",
    "s",
    "s_local5",
    "s_local10",
    "rank",
    "s_top",
    "words_local",
    "names_local",
    "numbers_local",
    "lead_local",
    "short_len",
    "density5",
    "density10",
    "top",
)
# Neighbours per article that the features read (ranks beyond this count as this).
NEIGHBOURS = 30
_SCALE_CAP = 3.0  # a locally scaled similarity above this says nothing more
_FLOOR = 1e-3  # an article with no similar neighbour at all is not scaled up without bound


class PairModel(LinearModel):
    """The pair model: a ``LinearModel`` over ``FEATURES``."""

    FEATURES = FEATURES


_FILE = ModelFile("storybrief.cluster", "pair_model.json", PairModel, "topics")


def shipped_model(fold: str | None = None) -> PairModel:
    """The model trained on all the dev data, or on everything outside ``fold`` (a fold
    name in the model file; for out-of-fold measurement)."""
    return _FILE.model(fold)


def fold_topics() -> dict[str, list[str]]:
    """What each shipped fold model held out."""
    return _FILE.held_out()


def pair_features(
    nbr: np.ndarray,
    nbr_sim: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    cosines: np.ndarray,
    both: np.ndarray,
    s: np.ndarray,
    lengths: np.ndarray,
    view_local: np.ndarray,
) -> np.ndarray:
    """The ``FEATURES`` of each pair (``rows[p]``, ``cols[p]``).

    ``nbr``/``nbr_sim``: each article's neighbour list (``vectors.neighbours``);
    ``cosines``/``both``: the pairs' view cosines and which views both sides have;
    ``s``: the pairs' combined similarity; ``lengths``: words per article;
    ``view_local``: (n, views) each article's typical cosine per view to its neighbours.
    """
    k = nbr.shape[1]
    top = nbr_sim[:, 0] if k else np.zeros(len(nbr))

    def local(m: int) -> np.ndarray:
        m = max(1, min(m, k))
        return np.maximum(nbr_sim[:, :m].mean(axis=1), _FLOOR) if k else np.full(len(nbr), _FLOOR)

    def scaled(value: np.ndarray, scale: np.ndarray) -> np.ndarray:
        return np.minimum(value / np.sqrt(scale[rows] * scale[cols]), _SCALE_CAP)

    r5, r10 = local(5), local(10)
    rank = _rank(nbr, rows, cols) + _rank(nbr, cols, rows)
    vl = np.maximum(view_local, _FLOOR)
    out = np.column_stack(
        [
            cosines,
            both[:, 2].astype(np.float64),
            s,
            scaled(s, r5),
            scaled(s, r10),
            rank,
            s / np.maximum(np.sqrt(top[rows] * top[cols]), _FLOOR),
            *(
                np.minimum(cosines[:, v] / np.sqrt(vl[rows, v] * vl[cols, v]), _SCALE_CAP)
                for v in range(cosines.shape[1])
            ),
            np.log1p(np.minimum(lengths[rows], lengths[cols])),
            np.log(np.sqrt(r5[rows] * r5[cols])),
            np.log(np.sqrt(r10[rows] * r10[cols])),
            np.sqrt(top[rows] * top[cols]),
        ]
    )
    return out


def _rank(nbr: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """log(1 + position of ``cols[p]`` in the neighbour list of ``rows[p]``), the list's
    length where absent."""
    k = nbr.shape[1]
    hit = nbr[rows] == cols[:, None]
    pos = np.where(hit.any(axis=1), hit.argmax(axis=1), k)
    return np.log1p(pos.astype(np.float64))
