"""``storybrief eval trust``: speakers, citations, independent support, disagreements, junk.

Measured on real annotated news, through the pipeline users run (cleaning, dedup,
segmentation, summary with citations, analysis):

- Multi-News validation clusters annotated by reading every document (``gold``): the
  held-out ``report`` part by default, never used for tuning; ``tune`` for development;
- PolNeAR's human attributions (``dev`` to report, ``train`` to develop): direct quotes of
  five words or more and who said them.

What each number means is in ``docs/BENCHMARKS.md`` (section ``trust``, written by
``benchmarks/bench_trust.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storybrief.eval.trust.gold import (
    ClusterGold,
    PolnearArticle,
    Span,
    load_clusters,
    load_polnear,
)
from storybrief.eval.trust.score import Tally, score_cluster, score_polnear, total
from storybrief.model import Article, Brief

__all__ = ["TrustReport", "evaluate_trust", "metrics"]

Progress = Callable[[str, int, int], None]


@dataclass
class TrustReport:
    multinews: Tally
    polnear: Tally
    clusters: int
    articles: int
    part: str
    polnear_part: str
    ner: str
    per_cluster: dict[str, Tally] = field(default_factory=dict)

    def metrics(self) -> dict[str, float]:
        return metrics(self.multinews, self.polnear)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def metrics(mn: Tally, pn: Tally) -> dict[str, float]:
    """The headline numbers (ratios in [0, 1], counts as they are)."""
    out = {}
    for name, t in (("multinews", mn), ("polnear", pn)):
        out[f"{name}/quote_recall"] = _ratio(t.quotes_found, t.quotes_gold)
        out[f"{name}/attributed_quote_recall"] = _ratio(t.quotes_attributed, t.quotes_gold)
        out[f"{name}/speaker_accuracy"] = _ratio(t.speakers_right, t.speakers_scored)
    out.update(
        {
            "multinews/citation_precision": _ratio(mn.cite_right, mn.cite_made),
            "multinews/citation_recall": _ratio(mn.cite_hit, mn.cite_gold),
            "multinews/fact_citation_precision": _ratio(mn.fact_right, mn.fact_made),
            "multinews/fact_citation_recall": _ratio(mn.fact_hit, mn.fact_gold),
            "multinews/support_errors": float(mn.support_errors),
            "multinews/disagreement_precision": _ratio(mn.disagree_right, mn.disagree_predicted),
            "multinews/disagreement_recall": _ratio(mn.conflicts_found, mn.conflicts_gold),
            "multinews/junk_sentences_per_brief": mn.junk_sentences / max(1, mn.briefs),
            "multinews/junk_titles": float(mn.junk_titles),
            "multinews/junk_timeline_events": float(mn.junk_timeline),
            "multinews/unnamed_quote_sentences": float(mn.quote_sentences_unnamed),
        }
    )
    return out


def _articles(gold: ClusterGold) -> list[Article]:
    from storybrief.eval.datasets import multinews_document

    return [
        Article(id=f"d{i}", text=multinews_document(doc), origin=f"{gold.id} document {i}")
        for i, doc in enumerate(gold.documents)
    ]


def _fact_rows(gold: ClusterGold, brief: Brief) -> dict[Span, list[int]]:
    """For each annotated fact sentence in the brief's articles, the documents the brief's
    citation rule would cite for it if the summarizer had chosen it."""
    from storybrief.eval.trust.align import SentenceIndex
    from storybrief.segment import segment
    from storybrief.summarize.citations import supporting_rows
    from storybrief.summarize.table import build_table

    table = build_table(segment(brief.articles, brief.copies))
    position = {a.id: k for k, a in enumerate(brief.articles)}
    row_of = {(int(table.article[r]), int(table.index[r])): r for r in range(len(table.texts))}
    wanted: list[tuple[Span, int]] = []
    for fact in gold.facts:
        for doc, span in fact.spans.items():
            article = f"d{doc}"
            if article not in position:
                continue
            found = SentenceIndex(brief.sentences.get(article, ())).find(
                gold.documents[doc][span.start : span.end]
            )
            if found and (position[article], found[0]) in row_of:
                wanted.append((span, row_of[(position[article], found[0])]))
    rows = [r for _, r in wanted]
    out = {}
    for (span, _), support in zip(wanted, supporting_rows(table, rows), strict=True):
        out[span] = [int(table.article_ids[int(table.article[r])][1:]) for r in support]
    return out


def evaluate_trust(
    root: str | Path,
    *,
    part: str = "report",
    polnear_part: str = "dev",
    ner: str = "auto",
    clusters: Sequence[str] | None = None,
    limit: int | None = None,
    polnear_limit: int | None = None,
    words: int = 150,
    progress: Progress | None = None,
) -> TrustReport:
    """Brief every annotated cluster and PolNeAR article of the chosen parts and score them."""
    from storybrief.pipeline import brief_articles

    root = Path(root)
    golds = load_clusters(root, part=None if part == "all" else part, limit=None)
    if clusters:
        golds = [g for g in golds if g.id in set(clusters)]
    golds = golds[:limit] if limit else golds
    per: dict[str, Tally] = {}
    for k, gold in enumerate(golds, 1):
        brief = brief_articles(_articles(gold), words=words, analyze=True, ner=ner)
        per[gold.id] = score_cluster(gold, brief, _fact_rows(gold, brief))
        if progress:
            progress("multinews", k, len(golds))
    articles: list[PolnearArticle] = (
        load_polnear(root, part=polnear_part, limit=polnear_limit) if polnear_limit != 0 else []
    )
    pn: list[Tally] = []
    for k, art in enumerate(articles, 1):
        one = [Article(id="p0", text=art.text, origin=art.name)]
        pn.append(score_polnear(art, brief_articles(one, words=words, analyze=True, ner=ner)))
        if progress:
            progress("polnear", k, len(articles))
    return TrustReport(
        total(per.values()),
        total(pn),
        len(golds),
        len(articles),
        part,
        polnear_part,
        ner,
        per,
    )
