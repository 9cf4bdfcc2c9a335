"""``storybrief brief``: one cited brief from files, folders, stdin, or a stored story; or one
brief per story of a mixed input (``--per-story``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from storybrief.cli import main
from storybrief.cli.errors import EXIT_OK, EXIT_PARTIAL, fail, report_inputs
from storybrief.cli.options import db_option, max_bytes_option, output_options, write_output
from storybrief.model import Brief, Notice


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
@click.option(
    "--per-story",
    is_flag=True,
    help="Group the inputs into stories first (as `storybrief cluster` does) and brief each "
    "story alone, most sources first. With -o DIR, one file per story.",
)
@max_bytes_option
@db_option
@click.option("--story", help="With --db: brief this stored story (see `storybrief stories`).")
@output_options
def brief_command(
    inputs: tuple[str, ...],
    words: int,
    summarizer: str,
    no_analysis: bool,
    per_story: bool,
    max_bytes: int,
    db: str | None,
    story: str | None,
    fmt: str,
    output: str,
) -> None:
    """Brief INPUTS as one story: .txt, .html, .json/.jsonl files, folders, or - for JSONL on stdin.

    All INPUTS make one brief: give the articles of one story. For a folder or feed that
    mixes stories, --per-story finds the stories first and briefs each.

    \b
    Examples:
      storybrief brief examples/bridge/
      storybrief brief page1.html page2.txt --words 100 --format html -o brief.html
      cat feed.jsonl | storybrief brief - --format json
      storybrief brief --per-story mixed-folder/ -o briefs/
      storybrief brief --db news.db --story s12

    Exit status: 0 on success, 1 when some inputs were rejected (the brief covers the
    rest), 2 when there was nothing usable.
    """
    from storybrief.pipeline import brief as run_brief
    from storybrief.render import render

    analyze = not no_analysis
    if story is not None:
        if inputs or per_story:
            raise click.UsageError("give either INPUTS or --story, not both")
        from storybrief.pipeline import brief_story

        result = brief_story(db, story, words=words, analyze=analyze, summarizer=summarizer)
    elif not inputs:
        raise click.UsageError("no INPUT given (a file, a folder, or - for stdin)")
    elif per_story:
        _per_story(inputs, words, summarizer, analyze, max_bytes, fmt, output)
        return
    else:
        result = run_brief(
            inputs, words=words, analyze=analyze, summarizer=summarizer, max_bytes=max_bytes
        )
    report_inputs(result.rejected, _notices(result))
    if not result.articles:
        fail("no usable article in the input")
    write_output(render(result, fmt), output)
    sys.exit(EXIT_PARTIAL if result.rejected else EXIT_OK)


def _notices(result: Brief) -> list[Notice]:
    return [Notice.from_dict(n) for n in result.meta.get("warnings", ())]


def _per_story(
    inputs: tuple[str, ...],
    words: int,
    summarizer: str,
    analyze: bool,
    max_bytes: int,
    fmt: str,
    output: str,
) -> None:
    from storybrief.pipeline import brief_stories
    from storybrief.render import render
    from storybrief.render.stories import render_briefs

    if fmt == "html" and (output == "-" or not Path(output).is_dir()):
        raise click.UsageError("--per-story --format html makes one page per story: give -o DIR")
    result = brief_stories(
        inputs, words=words, analyze=analyze, summarizer=summarizer, max_bytes=max_bytes
    )
    report_inputs(result.rejected, result.notices)
    if not result.briefs:
        fail("no usable article in the input")
    if output != "-" and Path(output).is_dir():
        for b in result.briefs:
            write_output(render(b, fmt), str(Path(output) / f"{b.story}.{fmt}"))
    else:
        write_output(render_briefs(result, fmt), output)
    sys.exit(EXIT_PARTIAL if result.rejected else EXIT_OK)
