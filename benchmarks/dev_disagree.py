"""Fast development loop for disagreements: score only ``analysis.disagreements`` on a
split of the trust annotation, with the costly stages (cleaning, dedup, segmentation,
summary) cached once per cluster.

    python benchmarks/dev_disagree.py --part tune [-v] [--folds 4]

``-v`` prints every flag (right or wrong) and every missed conflict. ``--folds k`` also
prints the numbers per fold of the tune split (clusters taken round-robin), so a rule can
be checked on clusters it was not looked at on. The report split is for reporting only.
The cache lives in ``$TMPDIR/storybrief-dev-disagree`` (delete it when cleaning changes).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from storybrief.eval.trust import gold_articles
from storybrief.eval.trust.gold import load_clusters
from storybrief.eval.trust.score import Tally, _score_disagreements, _View
from storybrief.model import Analysis, Brief

CACHE = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "storybrief-dev-disagree"


def _prepared(gold) -> tuple[Brief, object]:
    path = CACHE / f"{gold.id}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from storybrief.clean.batch import clean_articles
    from storybrief.dedup import find_copies
    from storybrief.lang import one_language
    from storybrief.pipeline import _unique_ids
    from storybrief.segment import segment

    cleaned = clean_articles(gold_articles(gold))
    kept, _ = one_language(list(cleaned.articles), "auto")
    kept = _unique_ids(kept)
    copies = find_copies(kept)
    segments = segment(kept, copies)
    sentences = {a: tuple(s.text for s in ss) for a, ss in segments.sentences.items()}
    brief = Brief(articles=tuple(kept), sentences=sentences, summary=(), copies=tuple(copies))
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps((brief, segments)))
    return brief, segments


def _disagreements(segments, ner: str):
    from storybrief.analyze import Context
    from storybrief.analyze.backends import get_ner
    from storybrief.analyze.disagree import disagreements
    from storybrief.analyze.docs import make_docs
    from storybrief.analyze.names import build_index
    from storybrief.analyze.ner import rule_mentions

    _, find_names = get_ner(ner)
    docs = make_docs(segments)
    rules = rule_mentions(docs)
    found = find_names(docs, rules)
    index = build_index(found, rules)
    return disagreements(Context(), docs, segments.groups, index, found)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--part", default="tune", choices=["tune", "report", "all"])
    p.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    p.add_argument("--ner", default="auto")
    p.add_argument("--folds", type=int, default=0)
    p.add_argument("--cluster", action="append", default=[])
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument(
        "--unannotated",
        type=int,
        default=0,
        help="Instead: print the flags on N unannotated validation clusters (100 on), to read "
        "false alarms by eye.",
    )
    p.add_argument("--first", type=int, default=100, help="First unannotated cluster (-1: NeuS).")
    args = p.parse_args()
    if args.unannotated:
        return _unannotated(Path(args.data), args.unannotated, args.ner, args.first)
    golds = load_clusters(Path(args.data), part=None if args.part == "all" else args.part)
    if args.cluster:
        golds = [g for g in golds if g.id in args.cluster]
    per: dict[str, Tally] = {}
    spent = 0.0
    for gold in golds:
        brief, segments = _prepared(gold)
        t0 = time.perf_counter()
        found = _disagreements(segments, args.ner)
        spent += time.perf_counter() - t0
        brief = replace(brief, analysis=Analysis(disagreements=found))
        t = Tally()
        view = _View(gold.documents, brief)
        _score_disagreements(view, gold, t)
        per[gold.id] = t
        if args.verbose:
            _show(gold, view, found, t)
    _print("all", list(per.values()))
    print(f"disagreement time {spent:.2f}s over {len(golds)} clusters")
    if args.folds:
        ids = sorted(per, key=lambda c: int(c.rsplit("-", 1)[1]))
        for k in range(args.folds):
            _print(f"fold {k}", [per[c] for c in ids[k :: args.folds]])
    return 0


def _unannotated(root: Path, n: int, ner: str, first: int = 100) -> int:
    import json

    from storybrief.eval.trust.gold import ClusterGold

    with (root / "multinews" / "validation.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(first + n), fh, strict=False)][first:]
    if first < 0:  # NeuS clusters (left, centre, right) instead
        from storybrief.eval.datasets import load_clusters as load_summary_clusters

        rows = [
            {"id": f"neus-{k}", "documents": list(c.documents)}
            for k, c in enumerate(load_summary_clusters("neus", root=root, limit=n))
        ]
    flags = 0
    for row in rows:
        gold = ClusterGold(row["id"], tuple(row["documents"]))
        _, segments = _prepared(gold)
        for d in _disagreements(segments, ner):
            flags += 1
            print(f"== {gold.id} [{d.kind}] {d.subject}")
            for s in d.sides:
                c = s.citations[0]
                raw = gold.documents[int(c.article[1:])]
                at = raw.find(s.text[:60])
                where = f"{c.article}@{at}-{at + len(s.text) if at >= 0 else -1}"
                print(f"     {s.value!r} ({len(s.citations)}x, {where}) {s.text[:200]}")
    print(f"{flags} flags on {len(rows)} clusters")
    return 0


def _print(name: str, tallies: list[Tally]) -> None:
    t = Tally()
    for x in tallies:
        t = t + x
    p = t.disagree_right / t.disagree_predicted if t.disagree_predicted else 1.0
    r = t.conflicts_found / t.conflicts_gold if t.conflicts_gold else 1.0
    print(
        f"{name}: P {p:.3f} ({t.disagree_right}/{t.disagree_predicted}, "
        f"{t.disagree_on_nonconflict} on non-conflicts)  R {r:.3f} "
        f"({t.conflicts_found}/{t.conflicts_gold})"
    )


def _show(gold, view: _View, found, t: Tally) -> None:
    print(f"== {gold.id}: {t.disagree_right}/{t.disagree_predicted} right, "
          f"{t.conflicts_found}/{t.conflicts_gold} found")  # fmt: skip
    for d in found:
        one = Tally()
        alone = _View(gold.documents, replace(view.brief, analysis=Analysis(disagreements=(d,))))
        _score_disagreements(alone, gold, one)
        mark = "OK " if one.disagree_right else ("NC " if one.disagree_on_nonconflict else "BAD")
        print(f"  {mark} [{d.kind}] {d.subject}")
        for s in d.sides:
            c = s.citations[0]
            print(f"     {s.value!r} ({len(s.citations)}x, {c.article}) {s.text[:160]}")
    for c in gold.conflicts:
        print(f"  GOLD [{c.kind}] {c.values}")
        for sp in c.sides:
            print(f"     d{sp.doc}: {gold.documents[sp.doc][sp.start : sp.end][:160]}")


if __name__ == "__main__":
    sys.exit(main())
