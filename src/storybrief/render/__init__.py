"""Render a brief: Markdown for people, JSON for programs, one HTML page for a browser.

Every renderer numbers the sources the same way (``source_numbers``), so ``[2]`` means the
same article in all three formats.
"""

from __future__ import annotations

from collections.abc import Callable

from storybrief.errors import ConfigError
from storybrief.model import Brief
from storybrief.render.html import render_html
from storybrief.render.jsonfmt import render_json
from storybrief.render.markdown import render_markdown

RENDERERS: dict[str, Callable[[Brief], str]] = {
    "md": render_markdown,
    "json": render_json,
    "html": render_html,
}


def render(brief: Brief, fmt: str = "md") -> str:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        valid = ", ".join(RENDERERS)
        raise ConfigError(f"unknown format {fmt!r}; choose one of: {valid}") from None
    return renderer(brief)


__all__ = ["RENDERERS", "render", "render_html", "render_json", "render_markdown"]
