"""Options shared by several subcommands, each defined once as a decorator."""

from __future__ import annotations

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
        type=click.Path(dir_okay=False, writable=True, allow_dash=True),
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


def write_output(text: str, output: str) -> None:
    if output == "-":
        click.echo(text, nl=not text.endswith("\n"))
    else:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"wrote {output}", err=True)
