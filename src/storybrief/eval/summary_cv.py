"""The long-brief sentence scorer: trained on oracle labels, fold by fold, on Multi-News dev.

Each dev cluster goes through the path users run (cleaning, copies, segmentation, the
sentence table); a greedy ROUGE-1 + ROUGE-2 oracle over the scorer's shortlist marks the
sentences a summary of the budget's length would take, against the human reference.
Clusters are dealt into folds (``cv.group_folds``); the model of fold ``f`` is fitted on
the other folds' clusters only, and the model that ships on all of them.
``sentence_model.json`` keeps both, so the harness's ``storybrief-oof`` system scores each
cluster with the model that never saw it.

    python -m storybrief.eval.summary_cv            # retrain, print the shipped model
    python -m storybrief.eval.summary_cv --write    # retrain and rewrite sentence_model.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from storybrief.eval.cv import DEFAULT_FOLDS, DEFAULT_SEED, group_folds
from storybrief.eval.datasets import DATASET_WORDS, Cluster, load_clusters
from storybrief.eval.rouge import UnicodeTokenizer
from storybrief.summarize.selection import (
    FEATURES,
    LearnedSummarizer,
    SentenceModel,
    sentence_features,
    shortlist,
)
from storybrief.summarize.table import SentenceTable

DATASET = "multinews"
# Regularisation of the logistic regression (scikit-learn's C): the default, untuned.
C = 1.0


@dataclass(frozen=True)
class Example:
    """One cluster's shortlisted sentences: features and oracle labels."""

    cluster: str
    features: np.ndarray
    labels: np.ndarray


def cluster_table(cluster: Cluster) -> SentenceTable:
    """The sentence table ``brief_texts`` builds for the cluster's documents."""
    from storybrief.clean import clean_article
    from storybrief.dedup import find_copies
    from storybrief.errors import InputError
    from storybrief.model import Article
    from storybrief.segment import segment
    from storybrief.summarize.table import build_table

    kept = []
    for i, text in enumerate(cluster.documents):
        try:
            kept.append(clean_article(Article(id=f"d{i}", text=text, origin=f"document {i}")))
        except InputError:
            continue
    return build_table(segment(kept, find_copies(kept)))


def _grams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, pred: int, ref: int) -> float:
    if not overlap or not pred or not ref:
        return 0.0
    p, r = overlap / pred, overlap / ref
    return 2 * p * r / (p + r)


def oracle_labels(
    table: SentenceTable, rows: np.ndarray, reference: str, words: int, tok: UnicodeTokenizer
) -> np.ndarray:
    """1 for the ``rows`` a greedy ROUGE-1 + ROUGE-2 F1 oracle takes within ``words``."""
    ref_tokens = tok.tokenize(reference)
    ref = [_grams(ref_tokens, 1), _grams(ref_tokens, 2)]
    ref_n = [sum(r.values()) for r in ref]
    grams = [[_grams(tok.tokenize(table.texts[int(r)]), n) for n in (1, 2)] for r in rows]
    have: list[Counter[tuple[str, ...]]] = [Counter(), Counter()]
    overlap, length = [0, 0], [0, 0]
    chosen: set[int] = set()
    used, current = 0, 0.0
    while True:
        best, best_value = -1, current
        for k, r in enumerate(rows):
            if k in chosen or used + int(table.n_words[r]) > words:
                continue
            value = 0.0
            for n in (0, 1):
                more = sum(
                    min(have[n][g] + c, ref[n][g]) - min(have[n][g], ref[n][g])
                    for g, c in grams[k][n].items()
                    if g in ref[n]
                )
                value += _f1(overlap[n] + more, length[n] + sum(grams[k][n].values()), ref_n[n])
            if value > best_value:
                best, best_value = k, value
        if best < 0:
            break
        chosen.add(best)
        used += int(table.n_words[rows[best]])
        current = best_value
        for n in (0, 1):
            overlap[n] += sum(
                min(have[n][g] + c, ref[n][g]) - min(have[n][g], ref[n][g])
                for g, c in grams[best][n].items()
                if g in ref[n]
            )
            length[n] += sum(grams[best][n].values())
            have[n].update(grams[best][n])
    labels = np.zeros(len(rows))
    labels[sorted(chosen)] = 1.0
    return labels


def examples(clusters: Sequence[Cluster], words: int) -> list[Example]:
    tok = UnicodeTokenizer(use_stemmer=True)
    base = LearnedSummarizer().base
    out = []
    for cluster in clusters:
        table = cluster_table(cluster)
        rows = shortlist(table, base, LearnedSummarizer.shortlist)
        if not len(rows):
            continue
        x = sentence_features(table, rows, base)
        out.append(
            Example(cluster.id, x, oracle_labels(table, rows, cluster.reference, words, tok))
        )
    return out


def fit(items: Sequence[Example]) -> SentenceModel:
    x = np.concatenate([e.features for e in items])
    y = np.concatenate([e.labels for e in items])
    return SentenceModel.fit(x, y, c=C)


def train(
    *, root: str | Path | None = None, k: int = DEFAULT_FOLDS, seed: int = DEFAULT_SEED
) -> dict[str, Any]:
    clusters = load_clusters(DATASET, root=root)
    words = DATASET_WORDS[DATASET]
    items = examples(clusters, words)
    folds = group_folds([c.id for c in clusters], k=k, seed=seed)
    out: dict[str, Any] = {}
    for f, members in enumerate(folds):
        held = set(members)
        model = fit([e for e in items if e.cluster not in held])
        out[f"f{f + 1}"] = {"clusters": list(members), "model": model.to_dict()}
    return {
        "about": "storybrief long-brief sentence scorer (storybrief/summarize/selection.py); "
        "trained on Multi-News dev by `python -m storybrief.eval.summary_cv --write`",
        "features": list(FEATURES),
        "dataset": DATASET,
        "words": words,
        "folds_seed": seed,
        "model": fit(items).to_dict(),
        "folds": out,
    }


def model_path() -> Path:
    return Path(str(resources.files("storybrief.summarize").joinpath("sentence_model.json")))


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m storybrief.eval.summary_cv", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--write", action="store_true", help="rewrite sentence_model.json")
    parser.add_argument("--data", default=None, help="shared data folder")
    args = parser.parse_args(argv)
    trained = train(root=args.data)
    if args.write:
        model_path().write_text(json.dumps(trained, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {model_path()}")
    else:
        print(json.dumps(trained["model"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
