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


def trust_table(report: TrustReport) -> str:
    """The report as Markdown: one row per measure, with its counts."""
    mn, pn = report.multinews, report.polnear
    m = report.metrics()

    def row(name: str, value: str, counts: str, target: str) -> str:
        return f"| {name} | {value} | {counts} | {target} |"

    lines = [
        f"Multi-News clusters: {report.clusters} ({report.part} split of the trust "
        f"annotation); PolNeAR {report.polnear_part}: {report.articles} articles; NER "
        f"`{report.ner}`; 150-word briefs with analysis.",
        "",
        "| measure | value | counts | target |",
        "|---|---:|---|---:|",
        row("Multi-News quote recall", f"{m['multinews/quote_recall']:.3f}", f"{mn.quotes_found}/{mn.quotes_gold}", ""),
        row("Multi-News attributed-quote recall", f"{m['multinews/attributed_quote_recall']:.3f}", f"{mn.quotes_attributed}/{mn.quotes_gold}", "≥ 0.85"),
        row("Multi-News speaker accuracy", f"{m['multinews/speaker_accuracy']:.3f}", f"{mn.speakers_right}/{mn.speakers_scored}", "≥ 0.90"),
        row("PolNeAR quote recall", f"{m['polnear/quote_recall']:.3f}", f"{pn.quotes_found}/{pn.quotes_gold}", ""),
        row("PolNeAR attributed-quote recall", f"{m['polnear/attributed_quote_recall']:.3f}", f"{pn.quotes_attributed}/{pn.quotes_gold}", "≥ 0.85"),
        row("PolNeAR speaker accuracy (named sources)", f"{m['polnear/speaker_accuracy']:.3f}", f"{pn.speakers_right}/{pn.speakers_scored}", "≥ 0.90"),
        row("PolNeAR he/she vs nearest named source (rough)", f"{_ratio(pn.pronouns_right, pn.pronouns_scored):.3f}", f"{pn.pronouns_right}/{pn.pronouns_scored}", ""),
        row("citation precision (brief sentences)", f"{m['multinews/citation_precision']:.3f}", f"{mn.cite_right}/{mn.cite_made}", "≥ 0.95"),
        row("citation recall (brief sentences)", f"{m['multinews/citation_recall']:.3f}", f"{mn.cite_hit}/{mn.cite_gold}", "≥ 0.80"),
        row("citation precision (every fact sentence)", f"{m['multinews/fact_citation_precision']:.3f}", f"{mn.fact_right}/{mn.fact_made}", ""),
        row("citation recall (every fact sentence)", f"{m['multinews/fact_citation_recall']:.3f}", f"{mn.fact_hit}/{mn.fact_gold}", ""),
        row("support over-counted (copies as independent)", str(mn.support_errors), f"of {mn.support_checked}", "0"),
        row("disagreement precision", f"{m['multinews/disagreement_precision']:.3f}", f"{mn.disagree_right}/{mn.disagree_predicted} ({mn.disagree_on_nonconflict} on annotated non-conflicts)", "≥ 0.80"),
        row("disagreement recall", f"{m['multinews/disagreement_recall']:.3f}", f"{mn.conflicts_found}/{mn.conflicts_gold}", "≥ 0.50"),
        row("junk sentences per brief", f"{m['multinews/junk_sentences_per_brief']:.3f}", f"{mn.junk_sentences} in {mn.brief_sentences} sentences, {mn.briefs} briefs", "0"),
        row("junk titles", str(mn.junk_titles), f"of {mn.titles}", "0"),
        row("junk timeline events", str(mn.junk_timeline), f"of {mn.timeline_events}", ""),
        row("junk citations", str(mn.junk_citations), "", ""),
        row("quoting brief sentences that name no speaker", str(mn.quote_sentences_unnamed), f"of {mn.quote_sentences}", ""),
    ]  # fmt: skip
    return "\n".join(lines)


__all__ += ["trust_table"]


def gate_metrics(root: str | Path, *, clusters: int, articles: int) -> dict[str, float]:
    """The gate's trust measures on a CI-sized subset: the first ``clusters`` clusters of the
    tune split and ``articles`` PolNeAR train articles, rules NER (the same in every
    install)."""
    report = evaluate_trust(
        root, part="tune", polnear_part="train", ner="rules", limit=clusters, polnear_limit=articles
    )
    m, mn = report.metrics(), report.multinews
    return {
        "trust/multinews_speaker_accuracy": m["multinews/speaker_accuracy"],
        "trust/polnear_speaker_accuracy": m["polnear/speaker_accuracy"],
        "trust/polnear_attributed_quote_recall": m["polnear/attributed_quote_recall"],
        "trust/fact_citation_precision": m["multinews/fact_citation_precision"],
        "trust/fact_citation_recall": m["multinews/fact_citation_recall"],
        "trust/clean_sentence_share": 1 - mn.junk_sentences / max(1, mn.brief_sentences),
        # Sentences and quotes whose support does not exceed their annotated origins.
        "trust/support_exact_share": 1 - mn.support_errors / max(1, mn.support_checked),
    }


__all__ += ["gate_metrics"]
