"""Development loop for junk: the brief sentences and titles of a trust split that come
from annotated junk (placeholder documents, captions, contributor lines, read-more and
widget lines), printed one by one.

    python benchmarks/dev_junk.py --part tune
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storybrief.eval.trust import gold_articles
from storybrief.eval.trust.gold import load_clusters
from storybrief.eval.trust.score import _junk, _title_is_junk, _View, source_of
from storybrief.pipeline import brief_articles


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--part", default="tune", choices=["tune", "report", "all"])
    p.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    p.add_argument("--cluster", action="append", default=[])
    args = p.parse_args()
    golds = load_clusters(Path(args.data), part=None if args.part == "all" else args.part)
    if args.cluster:
        golds = [g for g in golds if g.id in args.cluster]
    sentences = junk = titles = junk_titles = 0
    for gold in golds:
        brief = brief_articles(gold_articles(gold), words=150, analyze=False)
        view = _View(gold.documents, brief)
        for s in brief.summary:
            sentences += 1
            src = source_of(s, brief)
            if src is not None and _junk(view, gold, src):
                junk += 1
                print(f"{gold.id} SENTENCE ({src.article}): {s.text[:200]}")
        if brief.title:
            titles += 1
            if _title_is_junk(view, gold, brief):
                junk_titles += 1
                print(f"{gold.id} TITLE: {brief.title[:200]}")
    print(f"junk sentences {junk} of {sentences} in {len(golds)} briefs; junk titles "
          f"{junk_titles} of {titles}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
