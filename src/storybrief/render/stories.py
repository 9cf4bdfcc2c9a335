"""Lists of stories (``storybrief stories`` / ``cluster``) and one brief per story
(``storybrief brief --per-story``), in the same formats as a brief."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from storybrief.errors import ConfigError
from storybrief.model import SCHEMA_VERSION, Story, StoryBriefs

STORY_FORMATS = ("md", "json", "html")


def render_stories(stories: Sequence[Story], fmt: str = "md") -> str:
    """Stories as a Markdown table, a JSON document or a small HTML table."""
    if fmt not in STORY_FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of: {', '.join(STORY_FORMATS)}")
    if fmt == "json":
        return (
            json.dumps(
                {
                    "schema": f"storybrief.stories/{SCHEMA_VERSION}",
                    "stories": [s.to_dict() for s in stories],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    rows = [(s.id, s.title, len(s.articles), s.sources, _span(s)) for s in stories]
    if fmt == "html":
        cells = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>\n"
            for row in rows
        )
        return (
            "<!doctype html><meta charset=utf-8><title>Stories</title><table>\n"
            "<tr><th>id</th><th>title</th><th>articles</th><th>sources</th><th>span</th></tr>\n"
            f"{cells}</table>\n"
        )
    if not rows:
        return "No stories.\n"
    lines = ["| id | title | articles | sources | span |", "|---|---|---:|---:|---|"]
    for sid, title, n, sources, span in rows:
        lines.append(f"| {sid} | {title.replace('|', '/')} | {n} | {sources} | {span} |")
    return "\n".join(lines) + "\n"


def render_briefs(result: StoryBriefs, fmt: str = "md") -> str:
    """Every story's brief: Markdown one after another (then the inputs not used, once),
    or one JSON document. HTML is one page per brief: render each with ``render``."""
    from storybrief.render import render

    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt != "md":
        raise ConfigError(f"one document of several briefs is md or json, not {fmt!r}")
    parts = [render(b, "md") for b in result.briefs] or ["No stories.\n"]
    out = "\n---\n\n".join(parts)
    if result.rejected:
        out += "\n## Inputs not used\n\n" + "".join(f"- {r}\n" for r in result.rejected)
    return out


def _span(story: Story) -> str:
    first, last = story.first_seen, story.last_seen
    if not first:
        return "-"
    return first if first == last else f"{first} – {last}"
