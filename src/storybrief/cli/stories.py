"""``storybrief ingest`` / ``recluster`` / ``stories`` / ``cluster``: stories from a stream of
articles."""

from __future__ import annotations

import html
import json
import sys
from collections.abc import Sequence
from typing import Any

import click

from storybrief.cli import main
from storybrief.cli.options import db_option, output_options, write_output
from storybrief.errors import StorybriefError
from storybrief.model import SCHEMA_VERSION, Article, Rejected, Story

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


def _skipped(rejected: Sequence[Rejected]) -> None:
    for r in rejected:
        click.echo(f"storybrief: skipped {r.origin}: {r.reason}", err=True)


@main.command("ingest")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@db_option
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="Articles per transaction: an interrupted ingest loses at most one batch.",
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
@click.option(
    "--progress/--no-progress",
    default=True,
    show_default=True,
    help="Show a progress bar on standard error.",
)
def ingest_command(
    inputs: tuple[str, ...], db: str | None, batch: int, jobs: int, progress: bool
) -> None:
    """Add INPUTS to the story store, grouping each article into a story as it arrives.

    INPUTS are .txt, .html, .json/.jsonl files, folders, or - for JSONL on stdin.
    Articles already stored (same id or same text) are skipped, so re-running an
    interrupted ingest resumes it.

    \b
    Examples:
      storybrief ingest feed.jsonl
      storybrief ingest --db news.db articles/ more.jsonl
      storybrief ingest --jobs 2 big-crawl.jsonl

    Exit status: 0 on success, 1 when some inputs were rejected, 2 when none was usable.
    """
    from storybrief.store import open_store

    try:
        with open_store(db, batch=batch) as store:
            report = store.ingest(list(inputs), progress=progress, jobs=jobs)
            path = store.path  # type: ignore[attr-defined]
    except StorybriefError as exc:
        raise click.ClickException(str(exc)) from exc
    _skipped(report.rejected)
    click.echo(
        f"storybrief: {path}: {report.added} added ({report.new_stories} new stories), "
        f"{report.copies} copies, {report.skipped} already stored, "
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
    help="Only the open stories seen since an ISO date (2024-05-01) or an age (7d, 12h).",
)
def recluster_command(db: str | None, since: str | None) -> None:
    """Regroup the store's open stories with the batch method.

    `ingest` files each article the moment it arrives and never revisits that choice;
    this compares the open stories' articles all at once, as `storybrief cluster` does,
    and regroups them (ingest already re-settles undated stories as it goes; this also
    takes dated ones). Each new group keeps the id of the old story it shares most
    articles with, and later ingests carry on from the new stories. --since limits it to
    the recent stories of a large store.

    \b
    Examples:
      storybrief recluster --db news.db
      storybrief recluster --db news.db --since 3d
    """
    from storybrief.store import open_store

    try:
        with open_store(db, create=False) as store:
            report = store.recluster(since=since)
            path = store.path  # type: ignore[attr-defined]
    except StorybriefError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"storybrief: {path}: {report.articles} articles in {report.stories_before} open "
        f"stories regrouped into {report.stories_after}; {report.moved} moved to another "
        f"story, in {report.seconds:.1f}s",
        err=True,
    )


@main.command("stories")
@db_option
@click.option(
    "--since", help="Only stories seen since an ISO date (2024-05-01) or an age (7d, 12h)."
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

    try:
        with open_store(db, create=False) as store:
            found = store.stories(since=since, order=order, limit=limit)  # type: ignore[arg-type]
    except StorybriefError as exc:
        raise click.ClickException(str(exc)) from exc
    write_output(render_stories(found, fmt), output)


@main.command("cluster")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
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
@output_options
def cluster_command(
    inputs: tuple[str, ...], method: str, threshold: float | None, fmt: str, output: str
) -> None:
    """Group INPUTS into stories once, without a store.

    \b
    Examples:
      storybrief cluster articles/ --format json
      storybrief cluster feed.jsonl --method online --threshold 0.3
    """
    from storybrief.clean import clean_article
    from storybrief.cluster import cluster_articles
    from storybrief.dedup import count_sources, find_copies, source_groups
    from storybrief.errors import InputError
    from storybrief.ingest import read_articles
    from storybrief.store.query import story_title

    try:
        raw, rejected = read_articles(list(inputs))
        kept: list[Article] = []
        for article in raw:
            try:
                kept.append(clean_article(article))
            except InputError as exc:
                rejected.append(Rejected(exc.origin, exc.reason))
        params: dict[str, Any] = {} if threshold is None else {"threshold": threshold}
        groups = cluster_articles(kept, method=method, **params)
    except StorybriefError as exc:
        raise click.ClickException(str(exc)) from exc
    _skipped(rejected)
    if not kept:
        click.echo("storybrief: error: no usable article in the input", err=True)
        sys.exit(EXIT_FAILED)
    by_id = {a.id: a for a in kept}
    found = []
    for i, ids in enumerate(groups, 1):
        members = [by_id[a] for a in ids]
        sources = count_sources(ids, source_groups(ids, find_copies(members)))
        dates = sorted(a.published for a in members if a.published)
        found.append(
            Story(
                f"c{i}",
                story_title(members[0]),
                tuple(ids),
                sources,
                dates[0] if dates else None,
                dates[-1] if dates else None,
            )
        )
    found.sort(key=lambda s: (-s.sources, -len(s.articles)))
    write_output(render_stories(found, fmt), output)
    sys.exit(EXIT_PARTIAL if rejected else EXIT_OK)


def render_stories(stories: Sequence[Story], fmt: str) -> str:
    """Stories as Markdown, JSON or a small HTML table."""
    if fmt == "json":
        return (
            json.dumps(
                {
                    "schema": f"storybrief.stories/{SCHEMA_VERSION}",
                    "stories": [s.to_dict() for s in stories],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    rows = [(s.id, s.title, len(s.articles), s.sources, _span(s)) for s in stories]
    if fmt == "html":
        cells = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>\n"
            for row in rows
        )
        return (
            "<!doctype html><meta charset=utf-8><title>Stories</title><table>\n"
            "<tr><th>id</th><th>title</th><th>articles</th><th>sources</th><th>span</th></tr>\n"
            f"{cells}</table>\n"
        )
    if not rows:
        return "No stories.\n"
    lines = ["| id | title | articles | sources | span |", "|---|---|---:|---:|---|"]
    for sid, title, n, sources, span in rows:
        lines.append(f"| {sid} | {title.replace('|', '/')} | {n} | {sources} | {span} |")
    return "\n".join(lines) + "\n"


def _span(story: Story) -> str:
    first, last = story.first_seen, story.last_seen
    if not first:
        return "-"
    return first if first == last else f"{first} – {last}"
