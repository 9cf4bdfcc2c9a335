"""Renderers: the same sources numbered alike, citations linked, JSON round trip."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from storybrief.errors import ConfigError
from storybrief.model import Brief
from storybrief.pipeline import brief
from storybrief.render import render


@pytest.fixture(scope="module")
def example_brief() -> Brief:
    from conftest import ROOT

    return brief([ROOT / "examples" / "bridge"], words=120)


def test_markdown_cites_numbered_sources(example_brief: Brief) -> None:
    md = render(example_brief, "md")
    n = len(example_brief.articles)
    for ref in re.findall(r"\[(\d+)\]", md):
        assert 1 <= int(ref) <= n
    assert "## Sources" in md
    assert "copy of [" in md  # the republished wire story is marked
    assert "Boilerplate removed:" in md


def test_json_carries_the_documented_fields(example_brief: Brief) -> None:
    doc = json.loads(render(example_brief, "json"))
    assert doc["schema"].startswith("storybrief.brief/")
    for a in doc["articles"]:
        assert {
            "id",
            "title",
            "source",
            "url",
            "published",
            "words",
            "copy_of",
            "sentences",
        } <= set(a)
    sentences = {a["id"]: a["sentences"] for a in doc["articles"]}
    for s in doc["summary"]:
        assert {"text", "citations", "support"} <= set(s)
        for c in s["citations"]:
            assert sentences[c["article"]][c["sentence"]]
    assert Brief.from_dict(doc).to_dict()["summary"] == doc["summary"]


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        if d.get("id"):
            self.ids.add(d["id"] or "")
        href = d.get("href") or ""
        if href.startswith("#"):
            self.hrefs.append(href[1:])
        if tag in {"script", "link", "img"}:
            self.external.append(tag)


def test_html_is_self_contained_and_every_citation_link_lands(example_brief: Brief) -> None:
    page = render(example_brief, "html")
    parser = _Anchors()
    parser.feed(page)
    assert parser.hrefs, "citations are links"
    assert set(parser.hrefs) <= parser.ids
    assert not parser.external, "no script, stylesheet or image to fetch"
    assert page.startswith("<!DOCTYPE html>")


def test_html_escapes_source_text() -> None:
    from storybrief.pipeline import brief_texts

    result = brief_texts(
        ["The council said <script>alert(1)</script> was found in the old town hall records."],
        words=30,
    )
    assert "<script>alert" not in render(result, "html")


def test_unknown_format_lists_the_choices(example_brief: Brief) -> None:
    with pytest.raises(ConfigError, match="md, json, html"):
        render(example_brief, "pdf")


def _analysed_brief(events: int, places: int) -> Brief:
    """A two-source brief whose analysis holds ``events`` dated statements (the first one
    twice, under two years) and ``places`` place names."""
    from dataclasses import replace

    from storybrief.model import Analysis, Citation, Entity, TimelineEvent
    from storybrief.pipeline import brief_texts

    base = brief_texts(
        [
            "The ferry service to the island resumed on Monday after the storm repairs.",
            "Ferries to the island are running again after the storm, the operator said.",
        ],
        analyze=False,
    )
    a, b = (x.id for x in base.articles)
    timeline = [
        TimelineEvent(f"{2000 + k}", f"Event number {k} happened.", f"{2000 + k}",
                      (Citation(a, 0),) + ((Citation(b, 0),) if k % 3 == 0 else ()))
        for k in range(events)
    ]  # fmt: skip
    timeline.insert(1, replace(timeline[0], date="2001"))
    entities = [Entity(f"Harbour{k}", "place", 1, 1 + (k == places - 1)) for k in range(places)]
    return replace(base, analysis=Analysis(entities=tuple(entities), timeline=tuple(timeline)))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_long_timelines_and_name_lists_are_cut_to_what_matters(fmt: str) -> None:
    from storybrief.render.common import SHOWN_EVENTS, SHOWN_NAMES

    long = _analysed_brief(events=20, places=15)
    out = render(long, fmt)
    shown = re.findall(r"Event number (\d+) happened", out)
    assert len(shown) == SHOWN_EVENTS and len(set(shown)) == len(shown)  # each once
    # the best-supported statements (cited by both sources) are kept, in time order
    assert [int(k) for k in shown] == [0, 1, 3, 6, 9, 12, 15, 18]
    assert f"{20 - SHOWN_EVENTS} more dated statements in the JSON output" in out
    assert "Harbour14" in out and f"and {15 - SHOWN_NAMES} more" in out
    assert len(re.findall(r"Harbour\d+", out)) == SHOWN_NAMES
    assert len(json.loads(render(long, "json"))["analysis"]["timeline"]) == 21
    short = render(_analysed_brief(events=3, places=2), fmt)
    assert "more dated statement" not in short and "more</" not in short
    assert len(re.findall(r"Event number \d+ happened", short)) == 3


def test_one_removed_line_is_singular() -> None:
    from storybrief.render.common import plural

    assert plural(1, "boilerplate line") == "1 boilerplate line"
    assert plural(2, "boilerplate line") == "2 boilerplate lines"
