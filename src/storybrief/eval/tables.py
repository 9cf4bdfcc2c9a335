"""Markdown tables for the three evaluations (the CLI prints them; the benchmark doc holds them)."""

from __future__ import annotations

import math

from storybrief.eval.clustering import ClusterReport
from storybrief.eval.extraction import ExtractReport
from storybrief.eval.summaries import SummaryReport
from storybrief.eval.systems import SYSTEMS

PUBLISHED_EXTRACTION = "trafilatura 0.945, newspaper4k 0.946, readability 0.922 (shingle F1)"


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
    rows = []
    for r in report.results:
        if r.unavailable:
            rows.append([f"`{r.system}`", "not available", "", "", "", "", "", "", r.unavailable])
            continue
        p, rec, f = r.token
        rows.append(
            [
                f"`{r.system}`",
                f"{p:.3f}",
                f"{rec:.3f}",
                f"{f:.3f}",
                r.token_f1.format(1, 3),
                f"{r.shingle[2]:.3f}",
                _secs(r.seconds),
                str(r.failures),
                r.description,
            ]
        )
    header = [
        "system",
        "token P",
        "token R",
        "token F1",
        "token F1 [95% CI]",
        "shingle F1",
        "s / page (median)",
        "failed",
        "what",
    ]
    title = (
        f"**scrapinghub**: {report.pages} pages. Published shingle F1 on this set: "
        f"{PUBLISHED_EXTRACTION}"
    )
    return f"{title}\n\n{_table(header, rows)}"
