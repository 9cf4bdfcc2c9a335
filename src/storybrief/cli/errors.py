"""Exit statuses and the one place where the library's errors become them.

Scripts tell a partial failure from a success: ``0`` success; ``1`` some inputs were
rejected (each named on stderr) and the rest were used; ``2`` nothing usable, a usage
error, or a store that could not be read or written (busy included: the message says when
to try again); ``130`` stopped by Ctrl-C. Commands never call ``sys.exit`` nor catch the
library's exceptions themselves:

- a ``StorybriefError`` (an option the library refuses, an unreadable store, ...) and an
  ``OSError`` (a file that cannot be written, a port in use) become one line
  ``storybrief: error: ...`` on stderr and status 2;
- ``finish(rejected)`` ends a command that used some inputs (status 1 if any was rejected)
  and ``fail(message)`` one that has nothing to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sized
from typing import IO, Any, NoReturn

import click

from storybrief.errors import StorybriefError
from storybrief.model import Notice, Rejected

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_FAILED = 2
EXIT_INTERRUPTED = 130


class LibraryError(click.ClickException):
    """A library error, shown as one line: ``storybrief: error: ...``."""

    exit_code = EXIT_FAILED

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"storybrief: error: {self.format_message()}", err=True, file=file)


class Group(click.Group):
    """The ``storybrief`` group: a library error from any command becomes a
    ``LibraryError`` here, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (StorybriefError, OSError) as exc:
            raise LibraryError(str(exc)) from exc


def report_inputs(rejected: Iterable[Rejected], notices: Iterable[Notice] = ()) -> None:
    """One stderr line per input not used, and per notice about a used one."""
    for r in rejected:
        click.echo(f"storybrief: skipped {r.origin}: {r.reason}", err=True)
    for n in notices:
        click.echo(f"storybrief: warning: {n.origin}: {n.message}", err=True)


def fail(message: str) -> NoReturn:
    """Nothing usable: say so and exit with status 2."""
    raise LibraryError(message)


def finish(rejected: Sized, *, used: bool = True) -> NoReturn:
    """End a command: 0, or 1 when some inputs were ``rejected`` (2 when none was ``used``)."""
    if not rejected:
        raise click.exceptions.Exit(EXIT_OK)
    raise click.exceptions.Exit(EXIT_PARTIAL if used else EXIT_FAILED)


def exit_with(status: int) -> NoReturn:
    """End a command with one of the statuses above (``follow``'s, which counts sources)."""
    raise click.exceptions.Exit(status)
