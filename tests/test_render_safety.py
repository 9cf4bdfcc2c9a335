"""Untrusted article text stays text in every rendering: links only for http(s) URLs,
HTML escaped, Markdown neutralised, and the HTML page's own CSP allows no script."""

from __future__ import annotations

import re

import pytest

from storybrief.model import Article
from storybrief.pipeline import brief_articles
from storybrief.render import render
from storybrief.render.html import CSS, POLICY
from storybrief.render.safety import md_text, safe_url, style_hash

HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "http:/no-host",
    "https://[::1",
]

SCRIPT_TITLE = "<script>document.title='pwned'</script>Bridge reopens"
IMG_TEXT = (
    "The footbridge reopened on Monday. <img src=x onerror=\"document.title='pwned'\"> "
    "Engineers had replaced the deck over six weeks, the council said.\n\n"
    "About 200 people crossed it in the first hour, according to the council. "
    "[click me](javascript:alert(1)) and <b>bold</b> &amp; more."
)


def hostile_brief(url: str = "JaVaScRiPt:document.title='pwned'"):
    articles = [
        Article(id="evil", title=SCRIPT_TITLE, text=IMG_TEXT, url=url, source="<i>site</i>"),
        Article(
            id="good",
            title="Footbridge open again",
            text="The footbridge reopened on Monday after six weeks of work on its deck.\n\n"
            "The council said about 200 people crossed it in the first hour.",
            url="https://news.example/bridge?a=1&b=2",
        ),
    ]
    return brief_articles(articles, words=60)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_http_urls_are_links(url: str) -> None:
    assert safe_url(url) is None


def test_http_urls_stay_links_with_unsafe_characters_encoded() -> None:
    assert safe_url("https://news.example/a?b=1&c=2") == "https://news.example/a?b=1&c=2"
    assert safe_url("HTTP://News.Example/x") == "HTTP://News.Example/x"
    made = safe_url('https://news.example/"><script>')
    assert made is not None and "<" not in made and '"' not in made


@pytest.mark.parametrize("url", ["javascript:document.title='pwned'", "DaTa:text/html,x"])
def test_html_renders_a_hostile_url_as_text(url: str) -> None:
    page = render(hostile_brief(url), "html")
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs, "the good source and the citations are links"
    for href in hrefs:
        assert href.startswith(("#", "https://")), href
    assert "https://news.example/bridge?a=1&amp;b=2" in page


def test_html_escapes_article_text_and_carries_its_policy() -> None:
    page = render(hostile_brief(), "html")
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;" in page and "&lt;img" in page
    assert "<i>site</i>" not in page
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta and meta.group(1) == POLICY
    assert "script-src 'none'" in POLICY and "unsafe-inline" not in POLICY
    assert style_hash(CSS) in POLICY  # the page's one stylesheet, by hash


def test_markdown_passes_no_html_or_links_from_articles() -> None:
    md = render(hostile_brief(), "md")
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # brackets escaped: no link
    assert "<javascript:" not in md.lower()  # no autolink to the hostile URL
    assert "<https://news.example/bridge?a=1&b=2>" in md


def test_md_text_neutralises_markdown_syntax() -> None:
    out = md_text("<a href=x>[y](javascript:z)</a> `code` &lt; AT&T")
    assert "<" not in out and "](" not in out.replace("\\](", "")
    assert "`" not in out.replace("\\`", "")
    assert "AT&T" in out and "&amp;lt;" in out
