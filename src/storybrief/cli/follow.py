"""``storybrief follow`` and ``storybrief sources``: keep the store fed from feeds, OPML
lists, sitemaps and pages, and show how each source's fetches went."""

from __future__ import annotations

import re
import sys
import time
from datetime import UTC, datetime

import click

from storybrief.cli.app import main
from storybrief.cli.errors import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL, exit_with
from storybrief.cli.options import db_option

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 60, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """``15m``, ``1h``, ``90s`` (a bare number is minutes) in seconds."""
    m = _EVERY.match(value)
    if not m or float(m.group(1)) <= 0:
        raise click.BadParameter(f"expected a duration like 15m, 1h or 90s, got {value!r}")
    return float(m.group(1)) * _UNIT[m.group(2).lower()]


@main.command("follow")
@click.argument("sources", nargs=-1)
@db_option
@click.option("--every", default=None, help="Run again at this interval (15m, 1h) until Ctrl-C.")
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to one host (robots.txt Crawl-delay wins if longer).",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=15.0, show_default=True, help="Seconds."
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Retries of a timeout, 429 or 5xx, with doubling backoff.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=10_000_000,
    show_default=True,
    help="Largest response accepted.",
)
@click.option(
    "--max-per-source",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="New articles taken from one source per round.",
)
@click.option(
    "--allow-address",
    "allow",
    multiple=True,
    help="Fetch from this private network although it is not public (e.g. 127.0.0.1/32 "
    "for a local site; '*' for all). Repeatable.",
)
@click.option(
    "--robots/--ignore-robots", default=True, show_default=True, help="Honour robots.txt."
)
@click.option(
    "--progress/--no-progress",
    default=True,
    show_default=True,
    help="Show a progress bar on standard error (when it is a terminal).",
)
@click.option(
    "--warm",
    type=click.IntRange(min=0),
    default=100,
    show_default=True,
    help="Briefs of changed stories made ahead for the reader, per round.",
)
def follow_command(
    sources: tuple[str, ...],
    db: str | None,
    every: str | None,
    delay: float,
    timeout: float,
    retries: int,
    max_bytes: int,
    max_per_source: int,
    allow: tuple[str, ...],
    robots: bool,
    progress: bool,
    warm: int,
) -> None:
    """Fetch SOURCES (feed, OPML, sitemap or article URLs, or an OPML file) and add their
    new articles to the store. With no SOURCES, every source followed before.

    Polite by default: a storybrief User-Agent, robots.txt, a per-host delay, conditional
    GET, retries with backoff. Private and metadata addresses are refused unless allowed.
    A URL already stored is not fetched again, so an interrupted run resumes.
    Exit status: 0 all went well, 1 some sources or articles failed, 2 nothing could be
    fetched, 130 stopped by Ctrl-C.
    """
    from storybrief.follow import FetchSettings, FollowSettings, follow_once

    interval = parse_every(every) if every else None
    settings = FollowSettings(
        fetch=FetchSettings(
            timeout=timeout,
            delay=delay,
            retries=retries,
            max_bytes=max_bytes,
            robots=robots,
            allow=allow,
        ),
        max_per_source=max_per_source,
        warm=warm,
    )

    def log(line: str) -> None:
        click.echo(f"storybrief: {line}", err=True)

    status = EXIT_OK
    try:
        while True:
            report = follow_once(
                db,
                list(sources),
                settings=settings,
                log=log,
                progress=progress and sys.stderr.isatty(),
            )
            click.echo(
                f"{report.sources} sources ({report.not_modified} unchanged, {report.failed} "
                f"failed); {report.fetched} pages fetched: {report.added} added "
                f"({report.copies} copies, {report.new_stories} new stories), "
                f"{report.rejected} rejected; {report.briefs} briefs made; "
                f"{report.seconds:.1f} s",
                err=True,
            )
            if report.failed and report.failed == report.sources:
                status = EXIT_FAILED
            elif report.errors:
                status = EXIT_PARTIAL
            else:
                status = EXIT_OK
            if interval is None:
                break
            wake = datetime.now(UTC).timestamp() + interval
            click.echo(
                f"next round at {datetime.fromtimestamp(wake).strftime('%H:%M:%S')} (Ctrl-C stops)",
                err=True,
            )
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("storybrief: stopped; run again to resume (stored articles are kept)", err=True)
        exit_with(EXIT_INTERRUPTED)
    exit_with(status)


@main.command("sources")
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
def sources_command(db: str | None, as_json: bool) -> None:
    """Show the followed sources: kind, last fetch, status, errors, articles added."""
    import json

    from storybrief.store import open_store
    from storybrief.store.extras import connection
    from storybrief.store.sources import all_sources

    with open_store(db, create=False) as store:
        rows = all_sources(connection(store))
    if as_json:
        for row in rows:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
        return
    if not rows:
        click.echo("no sources yet: storybrief follow URL...", err=True)
        return
    for row in rows:
        when = (
            datetime.fromtimestamp(row.last_fetch * 86400, UTC).strftime("%Y-%m-%d %H:%M")
            if row.last_fetch
            else "never"
        )
        indent = "  " if row.parent else ""
        status = row.last_status or "-"
        if row.last_error:
            status += f": {row.last_error}"
        kind = row.kind or "?"
        click.echo(
            f"{indent}{row.url}  [{kind}] {when} UTC, {row.fetches} fetches, "
            f"{row.failures} failed, {row.articles} articles; {status}"
        )
