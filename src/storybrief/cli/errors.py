"""Exit statuses and the one place where the library's errors become them.

Scripts tell a partial failure from a success: ``0`` success; ``1`` some inputs were
rejected (each named on stderr) and the rest were used; ``2`` nothing usable, a usage
error, or a store that could not be read or written (busy included: the message says when
to try again). Every ``StorybriefError`` that reaches the command line becomes one line on
stderr and status 2, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import click

from storybrief.errors import StorybriefError
from storybrief.model import Notice, Rejected

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_FAILED = 2


class LibraryError(click.ClickException):
    """A library error, shown as one line: ``storybrief: error: ...``."""

    exit_code = EXIT_FAILED

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"storybrief: error: {self.format_message()}", err=True, file=file)


class Group(click.Group):
    """The ``storybrief`` group: a library error from any command becomes a ``LibraryError``."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StorybriefError as exc:
            raise LibraryError(str(exc)) from exc


def report_inputs(rejected: Iterable[Rejected], notices: Iterable[Notice] = ()) -> None:
    """One stderr line per input not used, and per notice about a used one."""
    for r in rejected:
        click.echo(f"storybrief: skipped {r.origin}: {r.reason}", err=True)
    for n in notices:
        click.echo(f"storybrief: warning: {n.origin}: {n.message}", err=True)


def fail(message: str) -> None:
    """Nothing usable: say so and exit with status 2."""
    raise LibraryError(message)
