"""Options shared by several subcommands, each defined once as a decorator."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("md", "json", "html")


def output_options(func: F) -> F:
    """``--format`` and ``-o/--output``."""
    func = click.option(
        "-o",
        "--output",
        type=click.Path(writable=True, allow_dash=True),
        default="-",
        show_default=True,
        help="Write to this file instead of standard output.",
    )(func)
    func = click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="md",
        show_default=True,
        help="Markdown for people, JSON for programs, or a self-contained HTML page.",
    )(func)
    return func


def db_option(func: F) -> F:
    """``--db PATH`` for the story store (SQLite by default)."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False),
        envvar="STORYBRIEF_DB",
        default=None,
        help="Story store (SQLite file). Default: $STORYBRIEF_DB or ./storybrief.db.",
    )(func)


class ByteSize(click.ParamType):
    """A size in bytes: ``5000000``, ``10MB``, ``500kB``, ``2MiB``."""

    name = "size"
    _UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(value))
        unit = m.group(2).lower() if m else ""
        if m is None or unit not in self._UNITS or float(m.group(1)) * self._UNITS[unit] < 1:
            self.fail(f"{value!r} is not a size like 10MB, 500kB or 2000000", param, ctx)
        return int(float(m.group(1)) * self._UNITS[unit])


def max_bytes_option(func: F) -> F:
    """``--max-bytes SIZE``: the largest input article read."""
    from storybrief.ingest import DEFAULT_MAX_BYTES

    return click.option(
        "--max-bytes",
        type=ByteSize(),
        default=DEFAULT_MAX_BYTES,
        show_default="10MB",
        help="Largest article read (a .txt/.html/.json file, one JSONL line): larger ones "
        "are rejected, the rest go on. A size like 10MB, 500kB or 2000000.",
    )(func)


def write_output(text: str, output: str) -> None:
    if output != "-" and os.path.isdir(output):
        raise click.UsageError(f"{output} is a folder; give a file name for -o")
    if output == "-":
        click.echo(text, nl=not text.endswith("\n"))
    else:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"wrote {output}", err=True)


def brief_options(func: F) -> F:
    """``--words``, ``--summarizer``, ``--no-analysis``, ``--ner`` and ``--language``,
    handed to the command as one ``BriefOptions`` (``options``), validated by the library's
    one rule."""
    from storybrief.budget import DEFAULT_WORDS

    func = click.option(
        "--language",
        default=None,
        metavar="CODE",
        callback=lambda ctx, param, value: value.strip().lower() if value else value,
        help="Which articles a brief is made of: auto (default: those in the language most "
        "of them are in; articles in others are rejected, so the exit status is 1), a "
        "language code such as de (those in that language), or all (every article). "
        "Articles of unknown language are always kept.",
    )(func)
    func = click.option(
        "--ner",
        default=None,
        help="Entity recognition: rules (default), auto (spaCy when installed), spacy.",
    )(func)
    func = click.option(
        "--no-analysis", is_flag=True, help="Skip quotes, entities, dates and disagreements."
    )(func)
    func = click.option(
        "--summarizer",
        default=None,
        help="Sentence selection method: default (centroid + support), centroid, learned, lead.",
    )(func)
    func = click.option(
        "-w",
        "--words",
        type=int,
        default=None,
        help=f"Word budget of the brief (a whole number, at least 1)  [default: {DEFAULT_WORDS}]",
    )(func)

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        from storybrief.options import BriefOptions

        kwargs["options"] = BriefOptions().updated(
            words=kwargs.pop("words"),
            summarizer=kwargs.pop("summarizer"),
            analysis=False if kwargs.pop("no_analysis") else None,
            ner=kwargs.pop("ner"),
            language=kwargs.pop("language"),
        )
        return func(*args, **kwargs)

    return command  # type: ignore[return-value]
