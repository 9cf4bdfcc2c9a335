"""Development loop for junk: the brief sentences and titles of a trust split that come
from annotated junk (placeholder documents, captions, contributor lines, read-more and
widget lines), printed one by one.

    python benchmarks/dev_junk.py --part tune
    python benchmarks/dev_junk.py --part tune --spans   # every annotated junk line still
                                                        # a possible brief sentence

``--spans`` reads deeper than the briefs: each annotated junk line (and junk document)
that cleaning kept and segmentation did not mark as furniture, i.e. that the summarizer
could still choose. A brief of 150 words shows only a few; this shows them all.

    python benchmarks/dev_junk.py --unannotated multinews:100-249
    python benchmarks/dev_junk.py --unannotated neus:0-99 --short 12

``--unannotated`` reads clusters nobody annotated (Multi-News validation 100-249 less the
later annotation rounds' clusters, NeuS, ``polnear``: PolNeAR's train articles in threes by date, its dev part never read):
each brief's title and sentences with their document index and the character offset of
the sentence in that document (-1 when cleaning changed it), for reading by eye;
``--short N`` adds every open (non-furniture) candidate sentence of at most N words, the
shape most junk lines have.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storybrief.eval.trust import gold_articles
from storybrief.eval.trust.gold import extra_clusters, load_clusters
from storybrief.eval.trust.score import _is_junk_text, _junk, _title_is_junk, _View, source_of
from storybrief.pipeline import brief_articles


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--part", default="tune", choices=["tune", "report", "all"])
    p.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    p.add_argument("--cluster", action="append", default=[])
    p.add_argument("--spans", action="store_true", help="junk lines still brief candidates")
    p.add_argument("--unannotated", help="DATASET:FIRST-LAST, e.g. multinews:100-249")
    p.add_argument("--short", type=int, default=0, help="with --unannotated: short candidates")
    p.add_argument("--timeline", action="store_true", help="with --unannotated: timeline too")
    args = p.parse_args()
    if args.unannotated:
        return _unannotated(args.unannotated, args.data, args.short, args.timeline)
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


def _unannotated(which: str, data: str, short: int, timeline: bool = False) -> int:
    from storybrief.dedup import find_copies
    from storybrief.eval.datasets import load_clusters as load_dataset
    from storybrief.model import Article
    from storybrief.segment import segment

    name, _, rng = which.partition(":")
    first, _, last = rng.partition("-")
    lo, hi = int(first or 0), int(last or first or 10**9)
    if name == "multinews" and lo < 100:
        raise SystemExit("Multi-News validation 0-99 are annotated: use --part tune")
    if name == "polnear":
        clusters = _polnear_train(Path(data))[lo : hi + 1]
    else:
        clusters = load_dataset(name, root=data, limit=hi + 1)[lo : hi + 1]
    if name == "multinews":  # the later annotation rounds (110-169, 230-239) are tune data
        annotated = set(extra_clusters())
        clusters = [c for c in clusters if c.id not in annotated]
    sentences = events = 0
    for c in clusters:
        docs = {f"d{i}": d for i, d in enumerate(c.documents)}
        articles = [Article(id=k, text=d, origin=f"{c.id} {k}") for k, d in docs.items()]
        brief = brief_articles(articles, words=150, analyze=timeline)
        print(f"== {c.id} TITLE: {brief.title!r}")
        for s in brief.summary:
            sentences += 1
            src = source_of(s, brief)
            art = src.article if src else "?"
            off = docs[art].find(s.text[:40]) if src else -1
            print(f"  {art}@{off}: {s.text[:220]}")
        for e in brief.analysis.timeline if timeline and brief.analysis else ():
            events += 1
            art = e.citations[0].article if e.citations else "?"
            off = docs[art].find(e.text[:40]) if art in docs else -1
            print(f"  timeline {e.date} {art}@{off}: {e.text[:220]}")
        if short:
            kept = list(brief.articles)
            seg = segment(kept, find_copies(kept))
            for a in kept:
                for t in seg.sentences[a.id]:
                    if not t.furniture and len(t.text.split()) <= short:
                        off = docs[a.id].find(t.text[:40])
                        print(f"    short {a.id}@{off}: {t.text[:160]}")
    print(f"{len(clusters)} briefs, {sentences} sentences, {events} timeline events")
    return 0


def _polnear_train(data: Path) -> list:
    """PolNeAR's train articles (never its dev part) as clusters of three, in order of
    date and publisher: a day's election stories side by side (not always one story)."""
    from storybrief.eval.datasets import Cluster

    names = sorted(
        (f.stem.split("_")[1], f.stem.split("_")[0], f.name)
        for f in (data / "polnear" / "train" / "text").glob("*.txt")
    )
    folder = data / "polnear" / "train" / "text"
    docs = [(folder / n).read_text(encoding="utf-8") for _, _, n in names]
    return [
        Cluster(id=f"polnear-{k // 3}", documents=tuple(docs[k : k + 3]), reference="")
        for k in range(0, len(docs), 3)
    ]


if __name__ == "__main__":
    sys.exit(main())
