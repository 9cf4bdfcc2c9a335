"""One reader per kind of input: plain text, an HTML page, a JSON record.

Each takes text already decoded and returns an ``Article`` (raw text, not yet cleaned) or
raises an ``InputError`` subclass naming the input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, overload
from urllib.parse import urlsplit

from storybrief.errors import EmptyInputError, MalformedInputError
from storybrief.ingest.dates import normalize_date
from storybrief.ingest.decode import require_text
from storybrief.ingest.extract import METHODS, extract_html
from storybrief.model import Article

# A first line is a headline when it is short and unpunctuated at the end; 200 characters
# and 25 words are above any news headline while below most lead paragraphs.
_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 25
_NOT_A_TITLE_END = (".", ",", ";", ":")
RECORD_FIELDS = ("id", "text", "html", "title", "url", "source", "published", "language")


def from_text(text: str, *, id: str, origin: str) -> Article:
    """A plain-text article; the first line is the title when it looks like a headline."""
    require_text(text, origin)
    title, body = split_title(text)
    require_text(body, origin)
    return Article(id=id, text=body, title=title, origin=origin)


def split_title(text: str) -> tuple[str | None, str]:
    """(headline, rest) when the first line is short, unpunctuated and followed by a blank."""
    lines = text.lstrip("\ufeff\n\r \t").split("\n")
    if len(lines) < 3:
        return None, text
    first = lines[0].strip()
    if (
        lines[1].strip()
        or not first
        or len(first) > _MAX_TITLE_CHARS
        or not 2 <= len(first.split()) <= _MAX_TITLE_WORDS
        or first.endswith(_NOT_A_TITLE_END)
        or not any(c.isalpha() for c in first)
    ):
        return None, text
    body = "\n".join(lines[2:]).strip("\n")
    return (first, body) if body.strip() else (None, text)


def from_html(
    html: str,
    *,
    id: str,
    origin: str,
    url: str | None = None,
    methods: Sequence[str] = METHODS,
) -> Article:
    """Main text and metadata of an HTML page (``ingest.extract``: precision first, wider
    methods when that finds too little prose; no network)."""
    require_text(html, origin)
    found = extract_html(html, origin=origin, url=url, methods=methods)
    meta = found.metadata
    page_url = url or _clean_meta(meta.get("url"))
    return Article(
        id=id,
        text=found.text,
        title=_clean_meta(meta.get("title")),
        source=_clean_meta(meta.get("sitename")) or _host(url or meta.get("url")),
        url=page_url,
        published=meta.get("date"),
        origin=origin,
        published_source=meta.get("date_source"),
        extraction=found.method,
    )


@dataclass(frozen=True)
class Unextracted:
    """An HTML page read but not extracted yet, with any metadata its record gave (which
    wins over the page's own). ``ingest --jobs`` extracts these in its worker processes;
    ``extract()`` gives what reading the page at once would have given."""

    html: str
    id: str
    origin: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None

    def extract(self) -> Article:
        article = from_html(self.html, id=self.id, origin=self.origin, url=self.url)
        return replace(
            article,
            title=self.title or article.title,
            source=self.source or article.source or _host(self.url),
            url=self.url or article.url,
            published=self.published or article.published,
            published_source="record" if self.published else article.published_source,
            language=self.language or article.language,
        )


@overload
def from_record(
    record: Any, *, default_id: str, origin: str, defer_html: Literal[False] = False
) -> Article: ...


@overload
def from_record(
    record: Any, *, default_id: str, origin: str, defer_html: bool
) -> Article | Unextracted: ...


def from_record(
    record: Any, *, default_id: str, origin: str, defer_html: bool = False
) -> Article | Unextracted:
    """An article from one JSON object with ``text`` or ``html`` and optional metadata
    (an ``Unextracted`` page, for ``html``, when ``defer_html``)."""
    if not isinstance(record, dict):
        raise MalformedInputError(origin, f"expected a JSON object, got {_json_type(record)}")
    for name in RECORD_FIELDS:
        value = record.get(name)
        # ids and dates may be numbers (a timestamp); everything else must be text
        allowed: tuple[type, ...] = (str, int, float) if name in ("id", "published") else (str,)
        if value is not None and (isinstance(value, bool) or not isinstance(value, allowed)):
            raise MalformedInputError(
                origin, f"field '{name}' must be a string, got {_json_type(value)}"
            )
    ident = str(record["id"]) if record.get("id") not in (None, "") else default_id
    url = _str(record.get("url"))
    page = Unextracted(
        "",
        id=ident,
        origin=origin,
        url=url,
        title=_str(record.get("title")),
        source=_str(record.get("source")),
        published=normalize_date(record.get("published")),
        language=_language(record.get("language")),
    )
    if record.get("text") is not None:
        text = str(record["text"])
        if not text.strip():
            raise EmptyInputError(origin, "field 'text' is empty")
        return Article(
            id=ident,
            text=text,
            title=page.title,
            source=page.source or _host(url),
            url=url,
            published=page.published,
            origin=origin,
            language=page.language,
            published_source="record" if page.published else None,
        )
    if record.get("html") is not None:
        page = replace(page, html=str(record["html"]))
        return page if defer_html else page.extract()
    keys = ", ".join(sorted(map(str, record))) or "none"
    raise MalformedInputError(origin, f"record has neither 'text' nor 'html' (fields: {keys})")


def _language(value: Any) -> str | None:
    """A record's language as a lower-case code ("de", "pt-BR" -> "pt"), else None."""
    code = _str(value)
    return code.lower().replace("_", "-").split("-")[0] or None if code else None


def _str(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _clean_meta(value: Any) -> str | None:
    return re.sub(r"\s+", " ", str(value)).strip() or None if value else None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    return "null" if value is None else names.get(type(value), "a number")
