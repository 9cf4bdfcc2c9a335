"""``storybrief brief``: one cited brief from files, folders, stdin, or a stored story."""

from __future__ import annotations

import sys

import click

from storybrief.cli import main
from storybrief.cli.options import db_option, output_options, write_output
from storybrief.errors import StorybriefError

# Exit statuses: scripts tell a partial failure from a success.
EXIT_OK = 0
EXIT_PARTIAL = 1  # a brief was made, but some inputs were rejected
EXIT_FAILED = 2  # nothing usable, or a usage error (click's own code for usage errors)


class _NoBrief(click.ClickException):
    """No brief at all (a bad story id, an unreadable store): not a partial failure."""

    exit_code = EXIT_FAILED


@main.command("brief")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, readable=False))
@click.option(
    "-w",
    "--words",
    type=click.IntRange(min=10),
    default=150,
    show_default=True,
    help="Word budget of the brief.",
)
@click.option(
    "--summarizer",
    default="default",
    show_default=True,
    help="Sentence selection method: default (centroid + support), lead.",
)
@click.option("--no-analysis", is_flag=True, help="Skip quotes, entities, dates and disagreements.")
@db_option
@click.option("--story", help="With --db: brief this stored story (see `storybrief stories`).")
@output_options
def brief_command(
    inputs: tuple[str, ...],
    words: int,
    summarizer: str,
    no_analysis: bool,
    db: str | None,
    story: str | None,
    fmt: str,
    output: str,
) -> None:
    """Brief INPUTS as one story: .txt, .html, .json/.jsonl files, folders, or - for JSONL on stdin.

    \b
    Examples:
      storybrief brief examples/bridge/
      storybrief brief page1.html page2.txt --words 100 --format html -o brief.html
      cat feed.jsonl | storybrief brief - --format json
      storybrief brief --db news.db --story s12

    Exit status: 0 on success, 1 when some inputs were rejected (the brief covers the
    rest), 2 when there was nothing usable.
    """
    from storybrief.pipeline import brief as run_brief
    from storybrief.render import render

    try:
        if story is not None:
            if inputs:
                raise click.UsageError("give either INPUTS or --story, not both")
            from storybrief.store import brief_story

            result = brief_story(db, story, words=words)
        else:
            if not inputs:
                raise click.UsageError("no INPUT given (a file, a folder, or - for stdin)")
            result = run_brief(inputs, words=words, analyze=not no_analysis, summarizer=summarizer)
    except StorybriefError as exc:
        raise _NoBrief(str(exc)) from exc

    for rejected in result.rejected:
        click.echo(f"storybrief: skipped {rejected.origin}: {rejected.reason}", err=True)
    if not result.articles:
        click.echo("storybrief: error: no usable article in the input", err=True)
        sys.exit(EXIT_FAILED)
    write_output(render(result, fmt), output)
    sys.exit(EXIT_PARTIAL if result.rejected else EXIT_OK)
