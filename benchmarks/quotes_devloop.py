"""Quick development loop for quotes and speakers: the trust ``tune`` split and PolNeAR
train only (never the held-out ``report`` split or PolNeAR dev).

Segmentations are cached (pickle, under ``--cache``) so a run re-does only the analysis.
Scoring follows ``storybrief.eval.trust.score`` (quote recall, attributed-quote recall,
speaker accuracy). ``--errors FILE`` writes every miss and wrong speaker, with context.

    python benchmarks/quotes_devloop.py --polnear 200 --errors /tmp/quote_errors.txt
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

from storybrief.analyze import analyze
from storybrief.eval.trust.align import overlaps
from storybrief.eval.trust.gold import load_clusters, load_polnear
from storybrief.eval.trust.score import best_quote, speaker_is
from storybrief.model import Article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def _segments(articles: list[Article]):
    from storybrief.clean.batch import clean_articles
    from storybrief.dedup import find_copies
    from storybrief.lang import one_language
    from storybrief.pipeline import _unique_ids
    from storybrief.segment import segment

    cleaned = clean_articles(articles, clean=True, rejected=())
    kept, _ = one_language(list(cleaned.articles), "auto")
    kept = _unique_ids(kept)
    return segment(kept, find_copies(kept))


def _cached(cache: Path, key: str, articles: list[Article]):
    path = cache / f"{key}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    seg = _segments(articles)
    path.write_bytes(pickle.dumps(seg))
    return seg


def _context(text: str, start: int, end: int) -> str:
    """The text around a gold quote, the quote itself marked with ⟦ ⟧."""
    out = text[max(0, start - 300) : start] + "⟦" + text[start:end] + "⟧" + text[end : end + 200]
    return out.replace("\n", " / ")


def _match(quotes, snippet, first: bool):
    if first:  # the scorer's rule before 2026-12-02: the first quote that overlaps
        return next((q for q in quotes if overlaps(q.text, snippet)), None)
    return best_quote(quotes, snippet)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", type=int, default=200, help="PolNeAR train articles")
    ap.add_argument("--polnear-skip", type=int, default=0)
    ap.add_argument("--clusters", type=int, default=None, help="tune clusters (default all)")
    ap.add_argument("--ner", default="auto")
    ap.add_argument("--cache", default="/tmp/quotes-devloop-cache")
    ap.add_argument("--errors", default=None)
    ap.add_argument("--first-match", action="store_true", help="the scorer's old match rule")
    args = ap.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    from storybrief.eval.datasets import multinews_document

    err = open(args.errors, "w", encoding="utf-8") if args.errors else None  # noqa: SIM115
    t0 = time.perf_counter()
    tally = {"mn": [0, 0, 0, 0], "pn": [0, 0, 0, 0]}  # gold, found, attributed, right
    golds = load_clusters(DATA, part="tune")[: args.clusters]
    for gold in golds:
        arts = [
            Article(id=f"d{i}", text=multinews_document(d), origin=f"{gold.id} document {i}")
            for i, d in enumerate(gold.documents)
        ]
        seg = _cached(cache, gold.id, arts)
        quotes = analyze(seg, ner=args.ner).quotes
        doc_of = {a.id: int(a.id[1:].split("~")[0]) for a in seg.articles}
        t = tally["mn"]
        for g in gold.quotes:
            if g.span.doc in gold.junk_documents:
                continue
            t[0] += 1
            snippet = gold.documents[g.span.doc][g.span.start : g.span.end]
            mine = [
                q for q in quotes if any(doc_of.get(c.article) == g.span.doc for c in q.citations)
            ]
            hit = _match(mine, snippet, args.first_match)
            ok = hit is not None and speaker_is(hit.speaker, g.speaker_last)
            if hit is not None:
                t[1] += 1
                t[2] += bool(hit.speaker)
                t[3] += ok
            if err and not ok:
                doc = gold.documents[g.span.doc]
                ctx = _context(doc, g.span.start, g.span.end)
                err.write(
                    f"== MN {gold.id} d{g.span.doc} gold={g.speaker!r} last={g.speaker_last!r} "
                    f"got={'MISSING' if hit is None else hit.speaker!r}\n{ctx}\n\n"
                )
    arts_pn = load_polnear(DATA, part="train", limit=args.polnear + args.polnear_skip)
    for art in arts_pn[args.polnear_skip :]:
        seg = _cached(cache, "pn-" + art.name, [Article(id="p0", text=art.text, origin=art.name)])
        quotes = analyze(seg, ner=args.ner).quotes
        t = tally["pn"]
        for g in art.quotes:
            t[0] += 1
            hit = _match(quotes, g.text, args.first_match)
            if hit is None:
                if err:
                    ctx = _context(art.text, g.start, g.end)
                    err.write(f"== PN {art.name} MISSING src={g.source!r}\n{ctx}\n\n")
                continue
            t[1] += 1
            t[2] += bool(hit.speaker)
            if g.speaker_last:
                t[3] += speaker_is(hit.speaker, g.speaker_last)
                if err and not speaker_is(hit.speaker, g.speaker_last):
                    ctx = _context(art.text, g.start, g.end)
                    err.write(f"== PN {art.name} src={g.source!r} got={hit.speaker!r}\n{ctx}\n\n")
            else:
                tally.setdefault("pn_unscored", [0])[0] += 1
    unscored = tally.get("pn_unscored", [0])[0]
    for name, (g, f, a, r) in (("multinews tune", tally["mn"]), ("polnear train", tally["pn"])):
        scored = f - (unscored if name.startswith("polnear") else 0)
        print(
            f"{name:15s} gold {g:5d}  recall {f / max(g, 1):.3f}  attributed {a / max(g, 1):.3f}"
            f"  speaker acc {r / max(scored, 1):.3f} ({r}/{scored})"
        )
    print(f"{time.perf_counter() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
