"""``python -m storybrief.spark INPUT... --out DIR`` (and ``spark-submit
.../storybrief/spark/__main__.py``): the ``storybrief spark`` command as a program.

An entry point like ``storybrief/__main__``: it runs the command line, which the rest of
the spark package never imports."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from storybrief.cli import spark as _spark  # noqa: F401 - adds the command
from storybrief.cli.app import main as cli


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=["spark", *(sys.argv[1:] if argv is None else argv)], prog_name="storybrief")


if __name__ == "__main__":
    main()
