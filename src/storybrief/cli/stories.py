"""``storybrief ingest`` / ``recluster`` / ``stories`` / ``cluster``: stories from a stream of
articles."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from storybrief.cli import main
from storybrief.cli.errors import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, fail, report_inputs
from storybrief.cli.options import db_option, max_bytes_option, output_options, write_output
from storybrief.render.stories import render_stories


@main.command("ingest")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True, readable=False))
@db_option
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="Articles per transaction: an interrupted ingest loses at most one batch, and the "
    "store is locked for one batch at a time.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes that extract HTML pages, clean and fingerprint articles while "
    "one process clusters and stores them; the store ends the same for any value.",
)
@max_bytes_option
@click.option(
    "--wait",
    type=click.FloatRange(0, 3600),
    default=30.0,
    show_default=True,
    help="Seconds to wait while another writer holds the store before giving up (exit 2).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Write what became of every input (stored as which id, in which story, a copy "
    "of what, already stored, rejected) to this JSON file (- for standard output).",
)
@click.option(
    "--progress/--no-progress",
    default=True,
    show_default=True,
    help="Show a progress bar on standard error.",
)
def ingest_command(
    inputs: tuple[str, ...],
    db: str | None,
    batch: int,
    jobs: int,
    max_bytes: int,
    wait: float,
    report_path: str | None,
    progress: bool,
) -> None:
    """Add INPUTS to the story store, grouping each article into a story as it arrives.

    INPUTS are .txt, .html, .json/.jsonl files, folders, or - for JSONL on stdin.
    An article whose text is stored already (under any id) changes nothing, so
    re-running an interrupted ingest resumes it. One whose id is stored with a different
    text is kept under a new id, with a warning. Several ingests (and the HTTP service)
    may write to one store at once.

    \b
    Examples:
      storybrief ingest feed.jsonl
      storybrief ingest --db news.db articles/ more.jsonl
      storybrief ingest --jobs 2 big-crawl.jsonl
      cat today.jsonl | storybrief ingest --db news.db -

    Exit status: 0 on success, 1 when some inputs were rejected, 2 when none was usable
    or the store could not be written.
    """
    from storybrief.store import open_store
    from storybrief.stream import ingest_into

    with open_store(db, batch=batch, busy_timeout=wait) as store:
        report = ingest_into(store, list(inputs), progress=progress, jobs=jobs, max_bytes=max_bytes)
        path = store.path  # type: ignore[attr-defined]
    report_inputs(report.rejected, report.notices)
    if report_path is not None:
        write_output(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n", report_path)
    renamed = f", {report.renamed} under a new id" if report.renamed else ""
    click.echo(
        f"storybrief: {path}: {report.added} added ({report.new_stories} new stories), "
        f"{report.copies} copies, {report.skipped} already stored{renamed}, "
        f"{len(report.rejected)} rejected in {report.seconds:.1f}s",
        err=True,
    )
    stored = report.added + report.copies + report.skipped
    if report.rejected:
        sys.exit(EXIT_PARTIAL if stored else EXIT_FAILED)


@main.command("recluster")
@db_option
@click.option(
    "--since",
    help="Only the open stories seen since an ISO date (2024-05-01) or an age (7d, 12h) "
    "before the newest article in the store.",
)
def recluster_command(db: str | None, since: str | None) -> None:
    """Regroup the store's open stories with the batch method.

    `ingest` files each article the moment it arrives and never revisits that choice;
    this compares the open stories' articles all at once, as `storybrief cluster` does,
    and regroups them (on ECB+ the store's stories score 0.949 B-cubed F1 after the
    ingest and 0.950 after recluster, see docs/BENCHMARKS.md). Each new group keeps the
    id of the old story it shares most articles with, and later ingests carry on from
    the new stories (ingest already re-settles undated stories as it goes; this also
    takes dated ones). --since limits it to the recent stories of a large store.

    \b
    Examples:
      storybrief recluster --db news.db
      storybrief recluster --db news.db --since 3d
    """
    from storybrief.store import open_store

    with open_store(db, create=False) as store:
        report = store.recluster(since=since)
        path = store.path  # type: ignore[attr-defined]
    click.echo(
        f"storybrief: {path}: {report.articles} articles in {report.stories_before} open "
        f"stories regrouped into {report.stories_after}; {report.moved} moved to another "
        f"story, in {report.seconds:.1f}s",
        err=True,
    )


@main.command("stories")
@db_option
@click.option(
    "--since",
    help="Only stories seen since an ISO date (2024-05-01) or an age (7d, 12h) before the "
    "newest article in the store.",
)
@click.option(
    "--order",
    type=click.Choice(["newest", "largest"]),
    default="newest",
    show_default=True,
    help="Newest last-seen first, or most sources first.",
)
@click.option("-n", "--limit", type=click.IntRange(min=1), help="Show at most this many stories.")
@output_options
def stories_command(
    db: str | None, since: str | None, order: str, limit: int | None, fmt: str, output: str
) -> None:
    """List the stories in the store: title, articles, independent sources, time span.

    \b
    Examples:
      storybrief stories --since 7d
      storybrief stories --db news.db --order largest --format json
      storybrief brief --db news.db --story s12
    """
    from storybrief.store import open_store

    with open_store(db, create=False) as store:
        found = store.stories(since=since, order=order, limit=limit)  # type: ignore[arg-type]
    write_output(render_stories(found, fmt), output)


@main.command("cluster")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True, readable=False))
@click.option(
    "--method",
    type=click.Choice(["auto", "batch", "online"]),
    default="auto",
    show_default=True,
    help="batch: compare all articles at once (best quality, any size); "
    "online: one pass in input order, as `ingest` does; auto: batch.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    help="Needed to join a story (default: batch 0.5, the pair model's mean probability; "
    "online 0.275, the similarity tuned on ECB+).",
)
@max_bytes_option
@output_options
def cluster_command(
    inputs: tuple[str, ...],
    method: str,
    threshold: float | None,
    max_bytes: int,
    fmt: str,
    output: str,
) -> None:
    """Group INPUTS into stories once, without a store.

    \b
    Examples:
      storybrief cluster articles/ --format json
      storybrief cluster feed.jsonl --method online --threshold 0.3
    """
    from storybrief.clean.batch import clean_articles
    from storybrief.ingest import read_articles
    from storybrief.pipeline import group_stories

    raw, rejected = read_articles(list(inputs), max_bytes=max_bytes)
    cleaned = clean_articles(raw, rejected=rejected)
    params: dict[str, Any] = {} if threshold is None else {"threshold": threshold}
    found = [s for s, _ in group_stories(cleaned.articles, method=method, **params)]
    report_inputs(cleaned.rejected, cleaned.notices)
    if not cleaned.articles:
        fail("no usable article in the input")
    write_output(render_stories(found, fmt), output)
    sys.exit(EXIT_PARTIAL if cleaned.rejected else EXIT_OK)
