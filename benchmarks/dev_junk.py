"""Development loop for junk: the brief sentences and titles of a trust split that come
from annotated junk (placeholder documents, captions, contributor lines, read-more and
widget lines), printed one by one.

    python benchmarks/dev_junk.py --part tune
    python benchmarks/dev_junk.py --part tune --spans   # every annotated junk line still
                                                        # a possible brief sentence

``--spans`` reads deeper than the briefs: each annotated junk line (and junk document)
that cleaning kept and segmentation did not mark as furniture, i.e. that the summarizer
could still choose. A brief of 150 words shows only a few; this shows them all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storybrief.eval.trust import gold_articles
from storybrief.eval.trust.gold import load_clusters
from storybrief.eval.trust.score import _is_junk_text, _junk, _title_is_junk, _View, source_of
from storybrief.pipeline import brief_articles


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--part", default="tune", choices=["tune", "report", "all"])
    p.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    p.add_argument("--cluster", action="append", default=[])
    p.add_argument("--spans", action="store_true", help="junk lines still brief candidates")
    args = p.parse_args()
    golds = load_clusters(Path(args.data), part=None if args.part == "all" else args.part)
    if args.cluster:
        golds = [g for g in golds if g.id in args.cluster]
    if args.spans:
        return _spans(golds)
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


def _spans(golds) -> int:
    from storybrief.clean.batch import clean_articles
    from storybrief.dedup import find_copies
    from storybrief.segment import segment

    spans = left = docs = docs_left = 0
    for gold in golds:
        kept = {a.id: a for a in clean_articles(gold_articles(gold)).articles}
        for d in sorted(gold.junk_documents):
            docs += 1
            if f"d{d}" in kept:
                docs_left += 1
                print(f"{gold.id} DOCUMENT d{d} kept: {kept[f'd{d}'].text[:150]!r}")
        segments = segment(list(kept.values()), find_copies(list(kept.values())))
        for span in gold.junk_spans:
            spans += 1
            article = kept.get(f"d{span.doc}")
            if article is None:
                continue
            junk = gold.documents[span.doc][span.start : span.end]
            open_ = [s.text for s in segments.sentences[article.id] if not s.furniture]
            hit = next((t for t in open_ if _is_junk_text(t, junk)), None)
            if hit is None and article.title and _is_junk_text(article.title, junk):
                hit = f"(title) {article.title}"
            if hit is not None:
                left += 1
                print(f"{gold.id} d{span.doc}: {hit[:160]!r}")
    print(f"junk documents kept {docs_left} of {docs}; junk lines still candidates {left} "
          f"of {spans}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
