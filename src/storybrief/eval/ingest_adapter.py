"""storybrief's own HTML path, as the extraction benchmark calls it.

The benchmark must measure the body the pipeline really briefs: ingest reads the page
into an ``Article`` and ``clean.clean_article`` strips what is left of the boilerplate.
Ingest reads an ``.html`` file with ``storybrief.ingest.formats.from_html``; that function
is called directly (no URL, as for a file on disk), else ``read_articles`` on a temporary
file, so the harness keeps working if ingest's internals move.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from storybrief.errors import InputError
from storybrief.model import Article

# Names an HTML-to-Article function may have in storybrief.ingest (first found wins).
_HTML_FUNCS = ("article_from_html", "read_html", "html_to_article")


def _direct(html: str, origin: str) -> Article | None:
    import storybrief.ingest as ingest

    formats = getattr(ingest, "formats", None)
    from_html = getattr(formats, "from_html", None)
    if callable(from_html):
        return _as_article(from_html(html, id="page", origin=origin))
    for module in (ingest, getattr(ingest, "html", None)):
        for name in _HTML_FUNCS:
            fn = getattr(module, name, None) if module is not None else None
            if callable(fn):
                return _as_article(fn(html, origin=origin))
    return None


def _as_article(value: Any) -> Article | None:
    if isinstance(value, Article):
        return value
    if isinstance(value, tuple) and value and isinstance(value[0], Article):
        return value[0]
    return None


def _via_file(html: str) -> Article | None:
    from storybrief.ingest import read_articles  # type: ignore[attr-defined,unused-ignore]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(html, encoding="utf-8")
        articles, _rejected = read_articles([path])
    return articles[0] if articles else None


def extract_body(html: str, *, origin: str = "page") -> str:
    """The cleaned article text storybrief would brief from ``html`` ("" if it finds none)."""
    try:
        article = _direct(html, origin)
        if article is None:
            article = _via_file(html)
    except InputError:
        return ""
    if article is None:
        return ""
    from storybrief.clean import clean_article

    try:
        return clean_article(article).text
    except InputError:
        return ""
