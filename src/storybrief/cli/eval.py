"""``storybrief eval``: score storybrief beside reference systems on public benchmarks."""

from __future__ import annotations

import json
from typing import Any

import click

from storybrief.cli.app import main
from storybrief.cli.errors import exit_with

FORMATS = ("md", "json")


def _format_option(func: Any) -> Any:
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="md",
        show_default=True,
        help="Markdown tables, or JSON for programs.",
    )(func)


def _data_option(func: Any) -> Any:
    return click.option(
        "--data",
        type=click.Path(file_okay=False),
        default=None,
        envvar="STORYBRIEF_EVAL_DATA",
        help="Shared data folder (default: ../shared/data).",
    )(func)


def _progress(system: str, done: int, total: int) -> None:
    if done == total or done % 25 == 0:
        click.echo(f"  {system}: {done}/{total}", err=True)


def _emit(fmt: str, markdown: str, payload: dict[str, Any]) -> None:
    if fmt == "json":
        click.echo(json.dumps(payload, indent=2, default=str))
    else:
        click.echo(markdown)


@main.group("eval")
def eval_group() -> None:
    """Evaluate storybrief: summaries (ROUGE), clustering (B-cubed), extraction (F1), trust."""


@eval_group.command("summaries")
@click.option(
    "--dataset",
    default="multinews",
    show_default=True,
    help='multinews, neus, or a .jsonl file of {"documents": [...], "summary": ...}.',
)
@click.option(
    "--systems",
    default=None,
    help="Comma-separated systems (default: all): storybrief, lead, lexrank, "
    "textrank, summa, oracle.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="First N clusters only.")
@click.option(
    "-w",
    "--words",
    type=click.IntRange(min=1),
    default=None,
    help="Word budget (default: 250 for multinews, 70 for neus, 100 otherwise).",
)
@click.option(
    "--baseline",
    default="lead",
    show_default=True,
    help="Paired comparison of storybrief against this system.",
)
@_data_option
@_format_option
def summaries_command(
    dataset: str,
    systems: str | None,
    limit: int | None,
    words: int | None,
    baseline: str,
    data: str | None,
    fmt: str,
) -> None:
    """ROUGE-1/2/Lsum F1 with bootstrap intervals for each system, same budget and cut.

    \b
    Examples:
      storybrief eval summaries --dataset neus --limit 50
      storybrief eval summaries --dataset mine.jsonl --words 120 --systems storybrief,lead
    """
    from storybrief.eval.datasets import DATASET_WORDS, load_clusters
    from storybrief.eval.summaries import evaluate_summaries
    from storybrief.eval.tables import paired_table, summary_table

    names = [s.strip() for s in systems.split(",") if s.strip()] if systems else None
    budget = words or DATASET_WORDS.get(dataset, 100)
    clusters = load_clusters(dataset, root=data, limit=limit)
    report = evaluate_summaries(
        clusters, words=budget, systems=names, dataset=dataset, progress=_progress
    )
    md = summary_table(report)
    if any(r.system == "storybrief" and not r.unavailable for r in report.results):
        extra = paired_table(report, "storybrief", [baseline])
        if extra:
            md += "\n\n" + extra
    _emit(fmt, md, report.to_dict())


@eval_group.command("clustering")
@click.option(
    "--topics", type=click.IntRange(min=1), default=None, help="First N ECB+ topics only."
)
@click.option(
    "--systems",
    default=None,
    help="Comma-separated (default: all): storybrief, storybrief-oof, storybrief-online, "
    "storybrief-ingest, storybrief-ingest+recluster, tfidf-agglomerative, singletons, gold-topic.",
)
@_data_option
@_format_option
def clustering_command(topics: int | None, systems: str | None, data: str | None, fmt: str) -> None:
    """B-cubed precision/recall/F1 and ARI of story clusters on ECB+ (two events per topic)."""
    from storybrief.eval.clustering import evaluate_clustering
    from storybrief.eval.datasets import load_story_docs
    from storybrief.eval.tables import cluster_table

    names = [s.strip() for s in systems.split(",") if s.strip()] if systems else None
    report = evaluate_clustering(load_story_docs(root=data, topics=topics), systems=names)
    _emit(fmt, cluster_table(report), report.to_dict())


@eval_group.command("extraction")
@click.option(
    "--dataset",
    "datasets",
    default="scrapinghub,trafilatura-eval",
    show_default=True,
    help="Comma-separated sets: scrapinghub (token F1 of bodies), trafilatura-eval (snippets).",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="First N pages per set.")
@click.option(
    "--systems",
    default=None,
    help="Comma-separated (default: storybrief, storybrief-uncleaned, trafilatura, "
    "trafilatura-no-comments, readability, newspaper4k, page-text; also storybrief-precision).",
)
@_data_option
@_format_option
def extraction_command(
    datasets: str, limit: int | None, systems: str | None, data: str | None, fmt: str
) -> None:
    """F1 of extracted article text beside peer extractors, with empty pages, pages per CPU
    second, a held-out fold and per-language rows (trafilatura's set)."""
    from storybrief.eval.datasets import load_extraction_set
    from storybrief.eval.extraction import evaluate_extraction
    from storybrief.eval.tables import extraction_table, language_table

    names = [s.strip() for s in systems.split(",") if s.strip()] if systems else None
    parts, payload = [], []
    for name in [d.strip() for d in datasets.split(",") if d.strip()]:
        pages = load_extraction_set(name, root=data, limit=limit)
        report = evaluate_extraction(pages, systems=names, dataset=name, progress=_progress)
        parts.append(extraction_table(report))
        if any(r.by_language for r in report.results):
            parts.append(language_table(report))
        payload.append(report.to_dict())
    _emit(fmt, "\n\n".join(parts), {"sets": payload})


def polnear_for(part: str, polnear_part: str | None) -> str:
    """The PolNeAR part a trust run reads: the one asked for, else train for a tuning run
    and dev (held out) otherwise."""
    if polnear_part is not None:
        return polnear_part
    return "train" if part == "tune" else "dev"


@eval_group.command("trust")
@click.option(
    "--part",
    type=click.Choice(["report", "tune", "all"]),
    default="report",
    show_default=True,
    help="Trust annotation split: the held-out 'report' part, 'tune' (development), or all.",
)
@click.option(
    "--polnear",
    "polnear_part",
    type=click.Choice(["dev", "train"]),
    default=None,
    help="PolNeAR part for quotes and speakers [default: train with --part tune, else dev].",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="First N clusters only.")
@click.option(
    "--polnear-limit", type=click.IntRange(min=0), default=None, help="First N PolNeAR articles."
)
@click.option(
    "--ner",
    type=click.Choice(["auto", "spacy", "rules"]),
    default="auto",
    show_default=True,
    help="NER backend of the analysis.",
)
@_data_option
@_format_option
def trust_command(
    part: str,
    polnear_part: str | None,
    limit: int | None,
    polnear_limit: int | None,
    ner: str,
    data: str | None,
    fmt: str,
) -> None:
    """Speakers, citations, independent support, disagreements and junk on annotated news.

    \b
    Multi-News clusters annotated by reading every document (held-out part by default)
    and PolNeAR's attributions (dev by default; train with --part tune, so that a tuning
    run never shows held-out figures); see docs/BENCHMARKS.md, section trust.
    """
    from storybrief.eval.datasets import data_root
    from storybrief.eval.trust import evaluate_trust, trust_table

    polnear_part = polnear_for(part, polnear_part)

    report = evaluate_trust(
        data_root(data),
        part=part,
        polnear_part=polnear_part,
        ner=ner,
        limit=limit,
        polnear_limit=polnear_limit,
        progress=_progress,
    )
    payload = {"part": part, "polnear": polnear_part, "ner": ner, "metrics": report.metrics()}
    _emit(fmt, trust_table(report), payload)


@eval_group.command("gate")
@_data_option
def gate_command(data: str | None) -> None:
    """Check storybrief's scores on the fixed subset against the pinned floors (exit 1 if below)."""
    from storybrief.eval.gate import run_gate

    exit_with(run_gate(root=data, echo=click.echo))


@eval_group.command("update-floors")
@click.option("--allow-lower", is_flag=True, help="Allow a floor to go down (a conscious choice).")
@_data_option
def update_floors_command(allow_lower: bool, data: str | None) -> None:
    """Rewrite the gate's floors from a fresh run; refuses to lower one unless --allow-lower."""
    from storybrief.eval.gate import run_gate

    exit_with(run_gate(update=True, allow_lower=allow_lower, root=data, echo=click.echo))
