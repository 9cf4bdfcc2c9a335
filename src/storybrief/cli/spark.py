"""``storybrief spark``: the pipeline over a corpus on Apache Spark (the ``spark`` extra)."""

from __future__ import annotations

import sys

import click

from storybrief.budget import DEFAULT_WORDS, MIN_WORDS
from storybrief.cli.app import main
from storybrief.cli.errors import EXIT_OK, EXIT_PARTIAL, fail, report_inputs


@main.command("spark")
@click.argument("inputs", nargs=-1, type=click.Path(readable=False))
@click.option("--out", required=True, help="Folder (or Spark URL) the tables are written under.")
@click.option(
    "--master",
    default=None,
    help="Spark master, e.g. local[2] or yarn. Default: local[*], or what spark-submit was given.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("parquet", "jsonl")),
    default="parquet",
    show_default=True,
    help="Parquet tables, or JSON lines (one object a line; a brief is the JSON of "
    "`storybrief brief --format json`).",
)
@click.option(
    "-w",
    "--words",
    type=click.IntRange(min=MIN_WORDS),
    default=DEFAULT_WORDS,
    show_default=True,
    help="Word budget of each brief.",
)
@click.option("--no-briefs", is_flag=True, help="Write articles, copies and stories only.")
@click.option("--no-analysis", is_flag=True, help="Briefs without quotes, entities and dates.")
@click.option(
    "--block-days",
    type=click.FloatRange(min=1),
    default=28.0,
    show_default=True,
    help="Days of dated articles clustered together (each block also sees the next 14 days).",
)
@click.option(
    "--driver-memory",
    default="2g",
    show_default=True,
    help="Memory of the local Spark driver (which holds the executors in local mode).",
)
def spark_command(
    inputs: tuple[str, ...],
    out: str,
    master: str | None,
    fmt: str,
    words: int,
    no_briefs: bool,
    no_analysis: bool,
    block_days: float,
    driver_memory: str,
) -> None:
    """Copies, stories and briefs of a corpus on Apache Spark: JSONL article records (as
    `storybrief ingest` reads them) or Parquet in, tables out.

    Writes OUT/articles (cleaned text, language, date, copy_of, story), OUT/copies,
    OUT/stories (id, title, time span, size, independent sources, article ids),
    OUT/briefs (one per story) and OUT/rejected. Needs the spark extra
    (pip install 'storybrief[spark]') and a Java runtime.

    \b
    Examples:
      storybrief spark feed.jsonl --out corpus/
      storybrief spark archive/ --out corpus/ --master local[2] --format jsonl
      spark-submit --py-files dist/storybrief-0.1.0-py3-none-any.whl \\
          src/storybrief/spark/__main__.py hdfs:///news/2026/ --out hdfs:///briefs/2026/

    Exit status: 0 on success, 1 when some records were rejected (listed in
    OUT/rejected), 2 on a usage error or nothing readable.
    """
    from storybrief.spark import SparkOptions, run_corpus

    if not inputs:
        raise click.UsageError("no INPUT given (JSONL or Parquet files, folders, Spark URLs)")
    options = SparkOptions(
        fmt=fmt, briefs=not no_briefs, analyze=not no_analysis, words=words, block_days=block_days
    )
    result = run_corpus(
        list(inputs), out, master=master, options=options, driver_memory=driver_memory
    )
    report_inputs(result.rejections)
    if result.rejected > len(result.rejections):
        click.echo(f"storybrief: ... {result.rejected:,} rejected in all", err=True)
    if not result.articles:
        fail("no usable article in the input")
    click.echo(
        f"wrote {out}: {result.articles:,} articles, {result.copies:,} copy links, "
        f"{result.stories:,} stories, {result.briefs:,} briefs",
        err=True,
    )
    sys.exit(EXIT_PARTIAL if result.rejected else EXIT_OK)
