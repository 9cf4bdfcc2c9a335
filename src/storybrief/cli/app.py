"""The ``storybrief`` group that every subcommand module adds its commands to."""

from __future__ import annotations

import click

from storybrief.cli.errors import Group
from storybrief.version import __version__


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="storybrief")
def main() -> None:
    """Turn a pile of news articles into one cited brief per story."""
