"""Development loop for support counts: for every brief sentence of unannotated clusters,
the cited sources counted as independent origins, with the pairs of them that look like one
origin after all, printed as pointers for reading by eye.

    python benchmarks/dev_support.py multinews:100-249
    python benchmarks/dev_support.py neus:0-99
    python benchmarks/dev_support.py polnear:0-60     # PolNeAR train articles by date

A pair of citations counted as two origins is flagged when

- ``run``: the two articles share ``RUN`` or more identical consecutive words within a
  window around the cited sentences (the cited sentence and its neighbours);
- ``part``: the two whole texts share a real part in long runs (one embedding a press
  release or another outlet's paragraphs): ``PART`` of the shorter's runs or more;
- ``credit``: a cited sentence or its neighbour credits an outlet ("told the AP",
  "according to Reuters"); for PolNeAR, also when the other article is that wire's text.

Each line is ``dataset cluster dDOC@OFFSET`` (offset of the cited sentence in the raw
document, -1 when cleaning changed it); nothing of the text is printed unless ``--show``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

from storybrief.dedup import source_groups
from storybrief.model import Article
from storybrief.pipeline import brief_articles
from storybrief.segment.origins import EMBEDDED, article_runs, count_origins, relays
from storybrief.summarize.citations import WINDOW as NEAR
from storybrief.text import words

RUN = 12
PART = 0.1
WINDOW = 1  # sentences either side of the cited one


def _grams(tokens: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def _polnear(root: Path, lo: int, hi: int) -> list[tuple[str, list[str], list[str]]]:
    """PolNeAR train articles grouped by publication date (groups of 3 or more, at most 8
    articles each), as (id, texts, wire credits)."""
    by_date: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (root / "polnear" / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] == "train":
                by_date[row["publication_date"]].append((row["filename"], row["wire"]))
    out = []
    for date in sorted(by_date):
        rows = sorted(by_date[date])[:8]
        if len(rows) < 3:
            continue
        texts = [(root / "polnear" / "train" / "text" / f"{f}.txt").read_text() for f, _ in rows]
        out.append((date, texts, [w for _, w in rows]))
    return out[lo : hi + 1]


def clusters(which: str, data: str) -> list[tuple[str, list[str], list[str]]]:
    from storybrief.eval.datasets import load_clusters

    name, _, rng = which.partition(":")
    first, _, last = rng.partition("-")
    lo, hi = int(first or 0), int(last or first or 10**9)
    if name == "polnear":
        return _polnear(Path(data), lo, hi)
    if name == "multinews" and lo < 100:
        raise SystemExit("Multi-News validation 0-99 are annotated: use the trust eval")
    found = load_clusters(name, root=data, limit=hi + 1)[lo : hi + 1]
    return [(c.id, list(c.documents), ["None"] * len(c.documents)) for c in found]


def audit(name: str, cid: str, docs: list[str], wires: list[str], show: bool) -> tuple[int, int]:
    ids = [f"d{i}" for i in range(len(docs))]
    articles = [Article(id=k, text=d, origin=f"{cid} {k}") for k, d in zip(ids, docs, strict=True)]
    brief = brief_articles(articles, words=150, analyze=False)
    groups = source_groups([a.id for a in brief.articles], brief.copies)
    partial = {frozenset((c.article, c.of)) for c in brief.copies if c.kind == "partial"}
    versions = {
        frozenset((c.article, c.of))
        for c in brief.copies
        if c.kind == "partial" and c.containment >= EMBEDDED
    }
    text_of = {a.id: a.text for a in brief.articles}
    printed = {a: article_runs(brief.sentences[a]) for a in text_of}
    whole = {a: _grams(words(t)) for a, t in text_of.items()}
    counted = flagged = 0
    for s in brief.summary:
        cites = [c for c in s.citations if c.article in text_of]
        if len(cites) < 2:
            continue
        passages = [(c.article, brief.resolve(c)) for c in cites]
        same = lambda a, b: groups.get(a, a) == groups.get(b, b)  # noqa: E731
        windows, context = [], []
        for c in cites:
            sents, k = brief.sentences[c.article], c.sentence
            lo, hi = max(0, k - WINDOW), k + WINDOW + 1
            windows.append(" ".join(sents[lo:hi]))
            context.append(" ".join(sents[max(0, k - NEAR) : k] + sents[k + 1 : k + 1 + NEAR]))
        counted += 1
        comp = list(range(len(cites)))  # count_origins joins pairs: the same components
        for i in range(len(cites)):
            for j in range(i + 1, len(cites)):
                pair = [passages[i], passages[j]]
                near = [context[i], context[j]]
                joined = count_origins(
                    pair, same, partial, context=near, printed=printed, versions=versions
                )
                if joined == 1:
                    old, new = comp[j], comp[i]
                    comp = [new if x == old else x for x in comp]
        lines = []
        for i in range(len(cites)):
            for j in range(i + 1, len(cites)):
                if comp[i] == comp[j]:
                    continue
                a, b = cites[i].article, cites[j].article
                kinds = []
                if _grams(words(windows[i])) & _grams(words(windows[j])):
                    kinds.append("run")
                small = min(len(whole[a]), len(whole[b])) or 1
                share = len(whole[a] & whole[b]) / small
                if share >= PART:
                    kinds.append(f"part={share:.2f}")
                for k, other in ((i, j), (j, i)):
                    if relays(windows[k]):
                        wire = wires[int(cites[other].article[1:])]
                        kinds.append(f"credit@{cites[k].article}(other wire {wire})")
                if kinds:
                    lines.append(f"    {_at(docs, cites[i], passages[i][1])} ~ "
                                 f"{_at(docs, cites[j], passages[j][1])}: {' '.join(kinds)}")  # fmt: skip
        if lines:
            flagged += 1
            src = _at(docs, cites[0], passages[0][1])
            print(f"{name} {cid} support={s.support} cites={len(cites)} first={src}")
            if show:
                print(f"      {s.text[:200]}")
            print("\n".join(lines))
    return counted, flagged


def _at(docs: list[str], c, text: str) -> str:
    return f"{c.article}@{docs[int(c.article[1:])].find(text[:40])}"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("which", nargs="+", help="DATASET:FIRST-LAST (multinews, neus, polnear)")
    p.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    p.add_argument("--show", action="store_true", help="print the brief sentence (local only)")
    args = p.parse_args()
    total = flagged = 0
    for which in args.which:
        name = which.partition(":")[0]
        for cid, docs, wires in clusters(which, args.data):
            c, f = audit(name, str(cid), docs, wires, args.show)
            total, flagged = total + c, flagged + f
    print(f"{total} brief sentences citing 2+ articles, {flagged} with a flagged pair")
    return 0


if __name__ == "__main__":
    sys.exit(main())
