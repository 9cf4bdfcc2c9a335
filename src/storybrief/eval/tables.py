"""Markdown tables for the three evaluations (the CLI prints them; the benchmark doc holds them)."""

from __future__ import annotations

import math

from storybrief.eval.clustering import ClusterReport
from storybrief.eval.extraction import ExtractReport
from storybrief.eval.summaries import SummaryReport
from storybrief.eval.systems import SYSTEMS

PUBLISHED_EXTRACTION = "trafilatura 0.945, newspaper4k 0.946, readability 0.922 (shingle F1)"
PUBLISHED_SNIPPETS = (
    "trafilatura 0.921, with comments off 0.926, readability 0.873, newspaper4k 0.801"
)


def _secs(x: float) -> str:
    if math.isnan(x):
        return "n/a"
    return f"{x:.4f}" if x < 0.1 else f"{x:.3f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def summary_table(report: SummaryReport) -> str:
    rows = []
    for r in report.results:
        desc = SYSTEMS[r.system].description if r.system in SYSTEMS else ""
        if r.unavailable:
            rows.append([f"`{r.system}`", "not available", "", "", "", "", r.unavailable])
            continue
        fails = f"{r.failures}" if r.failures else "0"
        rows.append(
            [
                f"`{r.system}`",
                r.rouge1.format(100),
                r.rouge2.format(100),
                r.rougeLsum.format(100),
                _secs(r.seconds),
                fails,
                desc,
            ]
        )
    header = [
        "system",
        "ROUGE-1 F1 [95% CI]",
        "ROUGE-2 F1 [95% CI]",
        "ROUGE-Lsum F1 [95% CI]",
        "s / cluster (median)",
        "failed",
        "what",
    ]
    title = f"**{report.dataset}**: {report.clusters} clusters, budget {report.words} words"
    return f"{title}\n\n{_table(header, rows)}"


def paired_table(
    report: SummaryReport, system: str, baselines: list[str], metric: str = "rouge2"
) -> str:
    rows = []
    mine = report.result(system)
    if mine.unavailable:
        return ""
    for base in baselines:
        try:
            other = report.result(base)
        except Exception:  # noqa: BLE001 - baseline not in this run
            continue
        if other.unavailable or base == system:
            continue
        d = report.paired(system, base, metric)
        rows.append(
            [
                f"`{system}` − `{base}`",
                d.diff.format(100),
                f"{d.wins}/{d.losses}",
                "yes" if d.significant else "no",
            ]
        )
    if not rows:
        return ""
    header = [f"{metric} F1 difference", "mean [95% CI]", "wins/losses", "CI excludes 0"]
    return _table(header, rows)


def cluster_table(report: ClusterReport) -> str:
    rows = []
    for r in report.results:
        if r.unavailable or r.bcubed is None:
            rows.append([f"`{r.system}`", "not available", "", "", "", "", "", r.unavailable or ""])
            continue
        b = r.bcubed
        rows.append(
            [
                f"`{r.system}`",
                f"{b.precision:.3f}",
                f"{b.recall:.3f}",
                f"{b.f1:.3f}",
                f"{r.ari:.3f}" if r.ari is not None else "n/a",
                str(r.clusters),
                _secs(r.seconds),
                r.description,
            ]
        )
    header = [
        "system",
        "B³ precision",
        "B³ recall",
        "B³ F1",
        "ARI",
        "clusters",
        "s / article",
        "what",
    ]
    title = f"**ECB+ dev**: {report.articles} articles, {report.stories} gold stories"
    return f"{title}\n\n{_table(header, rows)}"


def extraction_table(report: ExtractReport) -> str:
    """One row per system: P/R/F1 (token or snippet), interval, held-out F1, empty pages."""
    rows = []
    snippets = report.results and report.results[0].shingle is None
    for r in report.results:
        if r.unavailable:
            rows.append([f"`{r.system}`", "not available", *[""] * 7, r.unavailable])
            continue
        p, rec, f = r.prf
        rows.append(
            [
                f"`{r.system}`",
                f"{p:.3f}",
                f"{rec:.3f}",
                f"{f:.3f}",
                r.f1_ci.format(1, 3),
                f"{r.held_out_f1:.3f}",
                "" if r.shingle is None else f"{r.shingle[2]:.3f}",
                str(r.empty),
                f"{r.pages_per_second:.1f}",
                r.description + (f" ({r.failures} failed)" if r.failures else ""),
            ]
        )
    unit = "snippet" if snippets else "token"
    header = [
        "system",
        f"{unit} P",
        f"{unit} R",
        f"{unit} F1",
        "F1 [95% CI]",
        "held-out F1",
        "shingle F1",
        "empty",
        "pages / CPU s",
        "what",
    ]
    if report.dataset == "scrapinghub":
        title = (
            f"**scrapinghub**: {report.pages} pages, token F1 of the body. Published shingle "
            f"F1 on this set: {PUBLISHED_EXTRACTION}"
        )
    else:
        title = (
            f"**{report.dataset}**: {report.pages} pages, snippets found (trafilatura's own "
            f"measure; measured here before this run: {PUBLISHED_SNIPPETS})"
        )
    return f"{title}\n\n{_table(header, rows)}"


def language_table(report: ExtractReport) -> str:
    """Snippet F1 by the page's language (of its gold snippets), one column per system."""
    results = [r for r in report.results if r.by_language and not r.unavailable]
    if not results:
        return ""
    order = [row.language for row in results[0].by_language]
    rows = []
    for lang in order:
        cells = []
        for r in results:
            row = next((x for x in r.by_language if x.language == lang), None)
            cells.append(f"{row.f1:.3f}" if row else "")
        pages = next(x.pages for x in results[0].by_language if x.language == lang)
        rows.append([lang, str(pages), *cells])
    header = ["language", "pages", *[f"`{r.system}`" for r in results]]
    return (
        f"Snippet F1 by language on {report.dataset} (the page's language, read by "
        "py3langid from all its gold snippets, those to keep and those to drop; `und`: unsure):\n\n"
        + _table(header, rows)
    )
