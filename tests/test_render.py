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
