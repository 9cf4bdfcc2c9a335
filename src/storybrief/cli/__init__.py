"""The ``storybrief`` command line.

Each subcommand lives in its own module and registers itself on the ``main`` group; the
library's exceptions become one-line errors and exit statuses in one place
(``cli/errors.py``), never tracebacks. Commands parse their options, call one library
function and render.
"""

from __future__ import annotations

import click

from storybrief import __version__
from storybrief.cli.errors import Group


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="storybrief")
def main() -> None:
    """Turn a pile of news articles into one cited brief per story."""


def _register() -> None:
    # Imported for their side effect of adding commands to ``main``.
    from storybrief.cli import brief as _brief  # noqa: F401

    for name in ("eval", "stories", "serve", "follow", "demo", "spark"):
        try:
            __import__(f"storybrief.cli.{name}")
        except ModuleNotFoundError as exc:  # a subcommand module not written yet
            if exc.name != f"storybrief.cli.{name}":
                raise


_register()
