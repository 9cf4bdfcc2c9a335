"""What a fetched source holds: a feed (RSS/Atom, feedparser), an OPML subscription list
(defusedxml), a sitemap or news sitemap (ultimate-sitemap-parser), or one article page.

``read_source`` tells them apart by their content (a server's Content-Type is often
wrong for feeds) and returns the article links and the further sources they name.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from storybrief.errors import FetchError

SNIFF_BYTES = 4096


@dataclass(frozen=True)
class Link:
    """An article a source points to, with what the source says about it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class SourceContent:
    kind: str  # feed, opml, sitemap, page
    title: str | None = None
    links: tuple[Link, ...] = ()
    sources: tuple[str, ...] = ()  # feeds of an OPML list, sitemaps of a sitemap index


def sniff(body: bytes, content_type: str) -> str | None:
    head = body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<opml" in head:
        return "opml"
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if b"<html" in head or b"<!doctype html" in head or "html" in content_type.lower():
        return "page"
    if "xml" in content_type.lower() or head.startswith(b"<?xml"):
        return "feed"  # feedparser says whether it is one
    return None


def read_source(body: bytes, *, url: str, content_type: str = "") -> SourceContent:
    """The content of a source; raises ``FetchError`` naming ``url`` when it is none of
    the kinds above (or broken)."""
    if not body.strip():
        raise FetchError(url, "empty response")
    kind = sniff(body, content_type)
    if kind == "opml":
        return _opml(body, url)
    if kind == "sitemap":
        return _sitemap(body, url)
    if kind == "feed":
        return _feed(body, url)
    if kind == "page":
        return SourceContent("page", links=(Link(url),))
    shown = content_type.split(";")[0] or "no content type"
    raise FetchError(url, f"not a feed, OPML list, sitemap or HTML page ({shown})")


def _feed(body: bytes, url: str) -> SourceContent:
    import feedparser

    parsed = feedparser.parse(body)
    entries = parsed.get("entries") or []
    links = []
    for entry in entries:
        link = entry.get("link")
        if link:
            links.append(Link(link, _text(entry.get("title")), _feed_date(entry)))
    # feedparser reads what it can of broken XML; a broken feed that yields no link is
    # an error, an empty well-formed one is not
    if not links and parsed.get("bozo"):
        problem = str(parsed.get("bozo_exception") or "unreadable")[:120]
        raise FetchError(url, f"broken feed XML ({problem})")
    if not entries and not parsed.get("version"):
        raise FetchError(url, "not a feed, OPML list or sitemap")
    title = _text(parsed.get("feed", {}).get("title"))
    return SourceContent("feed", title=title, links=tuple(links))


def _feed_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime(*tuple(value)[:6]).replace(tzinfo=UTC).isoformat()
    return None


def _opml(body: bytes, url: str) -> SourceContent:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise FetchError(url, f"broken OPML ({exc})") from None
    feeds: list[str] = []
    for outline in root.iter("outline"):
        feed = outline.get("xmlUrl") or outline.get("xmlurl")
        if feed and feed not in feeds:
            feeds.append(feed.strip())
    if not feeds:
        raise FetchError(url, "OPML list names no feed (no outline with xmlUrl)")
    head = root.find("head/title")
    title = _text(head.text if head is not None else None)
    return SourceContent("opml", title=title, sources=tuple(feeds))


def _sitemap(body: bytes, url: str) -> SourceContent:
    from usp.objects.sitemap import IndexXMLSitemap, InvalidSitemap
    from usp.tree import sitemap_from_str

    logging.getLogger("usp").setLevel(logging.CRITICAL)  # its failures come back to us
    sitemap = sitemap_from_str(body.decode("utf-8", "replace"))
    if isinstance(sitemap, InvalidSitemap):
        raise FetchError(url, f"broken sitemap ({sitemap.reason[-120:]})")
    if isinstance(sitemap, IndexXMLSitemap):
        children = tuple(child.url for child in sitemap.sub_sitemaps)
        return SourceContent("sitemap", sources=children)
    links = []
    for page in sitemap.all_pages():
        news = page.news_story
        when = (news.publish_date if news else None) or page.last_modified
        links.append(
            Link(page.url, _text(news.title) if news else None, when.isoformat() if when else None)
        )
    return SourceContent("sitemap", links=tuple(links))


def _text(value: Any) -> str | None:
    return " ".join(str(value).split()) or None if value else None
