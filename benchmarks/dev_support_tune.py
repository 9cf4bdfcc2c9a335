"""Support against the annotated origins on the tune part of the trust annotation: every
brief sentence and quote whose support differs from the annotated independent origins,
over-counted (``over``) or under-counted (``under``), as pointers.

    python benchmarks/dev_support_tune.py            # the tune part only
    python benchmarks/dev_support_tune.py --limit 20

Under-counts are no error of the trust eval (it counts over-counts only); they show a rule
that joins sources the annotation keeps apart.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storybrief.eval.trust import gold_articles
from storybrief.eval.trust.gold import load_clusters
from storybrief.eval.trust.score import _origins, _View
from storybrief.pipeline import brief_articles


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    p.add_argument("--limit", type=int, default=None)
    args = p.parse_args()
    golds = load_clusters(Path(args.data), part="tune", limit=None)[: args.limit]
    checked = over = under = 0
    for gold in golds:
        brief = brief_articles(gold_articles(gold), words=150, analyze=True, ner="rules")
        view = _View(gold.documents, brief)
        items = [("s", k, s.support, s.citations) for k, s in enumerate(brief.summary)]
        assert brief.analysis is not None
        items += [("q", k, q.support, q.citations) for k, q in enumerate(brief.analysis.quotes)]
        for kind, k, support, cites in items:
            checked += 1
            want = _origins(view, gold, cites)
            if support != want:
                over += support > want
                under += support < want
                where = " ".join(f"{c.article}s{c.sentence}" for c in cites)
                tag = "over" if support > want else "under"
                print(f"{tag} {gold.id} {kind}{k} support={support} annotated={want} [{where}]")
    print(f"{checked} checked, {over} over-counted, {under} under-counted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
