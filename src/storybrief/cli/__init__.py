"""The ``storybrief`` command line.

Each subcommand lives in its own module and adds itself to the ``main`` group
(``cli/app.py``), imported here for that; the library's exceptions become one-line errors
and exit statuses in one place (``cli/errors.py``), never tracebacks. Commands parse their
options, call one library function and render.
"""

from __future__ import annotations

# Imported for their side effect of adding commands to ``main``.
from storybrief.cli import brief as _brief  # noqa: F401
from storybrief.cli import demo as _demo  # noqa: F401
from storybrief.cli import eval as _eval  # noqa: F401
from storybrief.cli import follow as _follow  # noqa: F401
from storybrief.cli import serve as _serve  # noqa: F401
from storybrief.cli import spark as _spark  # noqa: F401
from storybrief.cli import stories as _stories  # noqa: F401
from storybrief.cli.app import main

__all__ = ["main"]
