"""The batch clusterer's pair model: trained and scored out of fold on ECB+ dev.

ECB+ topics are dealt into folds (``cv.group_folds``); each fold is one batch, clustered on
its own, as a user's batch or the hidden held-out topics would be. For fold ``f`` the pair
model is fitted on the pairs of the other folds' batches and fold ``f`` is clustered with
it: pooled over the folds, that is the out-of-fold B-cubed F1. The model that ships is
fitted on every fold; ``pair_model.json`` keeps it with each fold's model, so the
out-of-fold score can be measured again (by the gate, by the benchmark) without training.

    python -m storybrief.eval.cluster_cv            # out-of-fold scores, retrained
    python -m storybrief.eval.cluster_cv --write    # retrain and rewrite pair_model.json
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from storybrief.cluster.batch import SIMILARITY, BatchParams, PairGraph, pair_graph, probabilities
from storybrief.cluster.linkage import average_link
from storybrief.cluster.pairs import FEATURES, PairModel
from storybrief.eval.clustering import PRF, ari, bcubed
from storybrief.eval.cv import DEFAULT_FOLDS, DEFAULT_SEED, group_folds
from storybrief.eval.datasets import StoryDoc, load_clusters, load_story_docs
from storybrief.linear import same_models
from storybrief.model import Article

# Regularisation of the logistic regression (scikit-learn's C): the default, untuned.
C = 1.0
CUT = BatchParams.threshold
FLOOR = BatchParams.min_similarity
# Cuts a fold may choose on its training folds (the "tuned cut" row: it lost out of fold).
CUTS = (0.5, 0.3, 0.4, 0.6, 0.7)
# The method before the pair model: average link on the raw similarity (cut 0.2).
RAW_CUTS = (0.2, 0.14, 0.16, 0.18, 0.22, 0.24, 0.26)
# Feature groups switched off one at a time in the ablation rows.
GROUPS: dict[str, tuple[str, ...]] = {
    "local scaling": (
        "s_local5",
        "s_local10",
        "words_local",
        "names_local",
        "numbers_local",
        "lead_local",
    ),
    "ranks and nearest": ("rank", "s_top"),
    "neighbourhood density": ("density5", "density10", "top"),
    "length": ("short_len",),
}


@dataclass(frozen=True)
class FoldBatch:
    """One fold's articles as a batch, with its pair graph and the pairs' gold labels."""

    name: str
    topics: tuple[str, ...]
    docs: tuple[StoryDoc, ...]
    graph: PairGraph
    same: np.ndarray  # bool per pair: both articles in one gold story


def fold_batches(
    docs: Sequence[StoryDoc], *, k: int = DEFAULT_FOLDS, seed: int = DEFAULT_SEED
) -> list[FoldBatch]:
    folds = group_folds([d.topic for d in docs], k=k, seed=seed)
    out = []
    for f, topics in enumerate(folds):
        keep = set(topics)
        members = tuple(d for d in docs if d.topic in keep)
        graph = pair_graph(
            [Article(id=d.id, text=d.text, origin=d.id) for d in members], BatchParams()
        )
        story = np.array([d.story for d in members], dtype=object)
        same = np.asarray(story[graph.rows] == story[graph.cols], dtype=bool)
        out.append(FoldBatch(f"f{f + 1}", topics, members, graph, same))
    return out


def summary_story_docs(dataset: str, *, root: str | Path | None = None) -> list[StoryDoc]:
    """A summarization dataset's clusters taken as stories (each cluster its own topic):
    a check of the model on news it never trained on."""
    return [
        StoryDoc(id=f"{c.id}-{i}", text=d, story=c.id, topic=c.id)
        for c in load_clusters(dataset, root=root)
        for i, d in enumerate(c.documents)
    ]


def fit(batches: Sequence[FoldBatch], *, drop: Sequence[str] = ()) -> PairModel:
    """The pair model fitted on the pairs of ``batches`` (features in ``drop`` get 0)."""
    x = np.concatenate([b.graph.features for b in batches])
    y = np.concatenate([b.same for b in batches])
    return PairModel.fit(x, y, c=C, drop=[FEATURES.index(name) for name in drop])


def labels(
    batch: FoldBatch, model: PairModel, *, cut: float = CUT, floor: float = FLOOR
) -> np.ndarray:
    g = batch.graph
    return average_link(g.n, g.rows, g.cols, probabilities(g, model, floor), threshold=cut)


def raw_labels(batch: FoldBatch, cut: float) -> np.ndarray:
    g = batch.graph
    return average_link(g.n, g.rows, g.cols, g.features[:, SIMILARITY], threshold=cut)


def pooled(batches: Sequence[FoldBatch], labelled: Sequence[np.ndarray]) -> tuple[PRF, float]:
    """B-cubed and ARI over all batches, each batch's labels its own."""
    pred: dict[Hashable, Hashable] = {}
    gold: dict[Hashable, Hashable] = {}
    for b, lab in zip(batches, labelled, strict=True):
        for d, label in zip(b.docs, lab, strict=True):
            pred[d.id] = (b.name, int(label))
            gold[d.id] = d.story
    return bcubed(pred, gold), ari(pred, gold)


def _best_cut(
    batches: Sequence[FoldBatch],
    cuts: Sequence[float],
    run: Callable[[FoldBatch, float], np.ndarray],
) -> float:
    best, best_f1 = cuts[0], -1.0
    for cut in cuts:
        f1 = pooled(batches, [run(b, cut) for b in batches])[0].f1
        if f1 > best_f1:
            best, best_f1 = cut, f1
    return best


def train(batches: Sequence[FoldBatch]) -> dict[str, Any]:
    """Every fold's model (fitted without that fold) and the shipped one (on all)."""
    folds = {}
    for b in batches:
        model = fit([o for o in batches if o is not b])
        folds[b.name] = {"topics": list(b.topics), "model": model.to_dict()}
    return {
        "about": "storybrief batch clustering pair model (storybrief/cluster/pairs.py); "
        "trained on ECB+ dev by `python -m storybrief.eval.cluster_cv --write`",
        "features": list(FEATURES),
        "folds_seed": DEFAULT_SEED,
        "model": fit(batches).to_dict(),
        "folds": folds,
    }


@dataclass(frozen=True)
class Row:
    name: str
    what: str
    prf: PRF
    ari: float


def fold_models(batches: Sequence[FoldBatch], trained: dict[str, Any]) -> list[PairModel]:
    """Each batch's out-of-fold model from ``trained``; the folds must be the same."""
    out = []
    for b in batches:
        fold = trained["folds"].get(b.name)
        if fold is None or list(fold["topics"]) != list(b.topics):
            raise ValueError(f"fold {b.name} of the pair model holds other topics; retrain")
        out.append(PairModel.from_dict(fold["model"]))
    return out


def out_of_fold(batches: Sequence[FoldBatch], trained: dict[str, Any] | None = None) -> Row:
    """The shipped method's out-of-fold score from the saved fold models."""
    models = fold_models(batches, trained or shipped())
    prf, a = pooled(batches, [labels(b, m) for b, m in zip(batches, models, strict=True)])
    return Row("storybrief", "out of fold", prf, a)


def evaluate(batches: Sequence[FoldBatch], trained: dict[str, Any] | None = None) -> list[Row]:
    """Out-of-fold and full-dev rows: the shipped method, the choices it rests on (each
    row changes one), and the raw-similarity method it replaced."""
    trained = trained or shipped()
    models = fold_models(batches, trained)
    pairs = list(zip(batches, models, strict=True))
    full = PairModel.from_dict(trained["model"])

    def rest(b: FoldBatch) -> list[FoldBatch]:
        return [o for o in batches if o is not b]

    rows = [
        out_of_fold(batches, trained),
        Row(
            "storybrief",
            "full dev (the shipped model, trained on every fold: in sample)",
            *pooled(batches, [labels(b, full) for b in batches]),
        ),
    ]
    tuned = []
    for b, m in pairs:

        def run(o: FoldBatch, c: float, m: PairModel = m) -> np.ndarray:
            return labels(o, m, cut=c)

        tuned.append(labels(b, m, cut=_best_cut(rest(b), CUTS, run)))
    rows.append(
        Row(
            "cut tuned per fold",
            f"out of fold: the cut chosen on the training folds from {', '.join(map(str, CUTS))}",
            *pooled(batches, tuned),
        )
    )
    rows.append(
        Row(
            "no similarity floor",
            "out of fold: min_similarity 0",
            *pooled(batches, [labels(b, m, floor=0.0) for b, m in pairs]),
        )
    )
    for group, names in GROUPS.items():
        dropped = [labels(b, fit(rest(b), drop=names)) for b in batches]
        rows.append(
            Row(
                f"without {group}",
                "out of fold, retrained without " + ", ".join(names),
                *pooled(batches, dropped),
            )
        )
    raw = []
    for b in batches:
        raw.append(raw_labels(b, _best_cut(rest(b), RAW_CUTS, raw_labels)))
    rows.append(
        Row(
            "raw similarity (before)",
            "out of fold: average link on the combined "
            "view similarity, the cut chosen on the training folds",
            *pooled(batches, raw),
        )
    )
    cut = _best_cut(batches, RAW_CUTS, raw_labels)
    rows.append(
        Row(
            "raw similarity (before)",
            f"full dev (cut {cut} chosen on all)",
            *pooled(batches, [raw_labels(b, cut) for b in batches]),
        )
    )
    return rows


def transfer(batches: Sequence[FoldBatch], trained: dict[str, Any] | None = None) -> list[Row]:
    """The shipped model on batches of stories it never trained on, beside the raw method."""
    model = PairModel.from_dict((trained or shipped())["model"])
    return [
        Row("storybrief", "shipped model", *pooled(batches, [labels(b, model) for b in batches])),
        Row(
            "no similarity floor",
            "shipped model, min_similarity 0",
            *pooled(batches, [labels(b, model, floor=0.0) for b in batches]),
        ),
        Row(
            "raw similarity (before)",
            "cut 0.2",
            *pooled(batches, [raw_labels(b, 0.2) for b in batches]),
        ),
    ]


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(model_path().read_text(encoding="utf-8"))
    return data


def model_path() -> Path:
    return Path(str(resources.files("storybrief.cluster").joinpath("pair_model.json")))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m storybrief.eval.cluster_cv", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--write", action="store_true", help="rewrite pair_model.json")
    parser.add_argument("--data", default=None, help="shared data folder")
    args = parser.parse_args(argv)
    batches = fold_batches(load_story_docs(root=args.data))
    trained = train(batches)
    if args.write:
        model_path().write_text(json.dumps(trained, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {model_path()}")
    elif not same_models(trained, shipped()):
        print("note: retraining gives another model than pair_model.json (run --write)")
    for row in evaluate(batches, trained):
        p = row.prf
        print(
            f"{row.name} [{row.what}]: P {p.precision:.3f} R {p.recall:.3f} "
            f"F1 {p.f1:.3f} ARI {row.ari:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
