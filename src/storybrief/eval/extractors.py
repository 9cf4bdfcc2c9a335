"""The extraction systems the benchmark runs: storybrief's own path and its peers.

Each is a function of one ``Page`` returning the article text it finds ("" for none). The
peers are the libraries a user would otherwise reach for, with the settings their authors
document; readability-lxml and newspaper4k come with the ``eval`` extra, and a system whose
library is missing is reported as unavailable rather than scored as empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storybrief.eval.datasets import Page

ExtractFn = Callable[[Page], str]


@dataclass(frozen=True)
class Extractor:
    name: str
    fn: ExtractFn
    description: str


def storybrief_extract(page: Page) -> str:
    """storybrief's ingest of an HTML page followed by its cleaner: the body the pipeline uses."""
    from storybrief.eval.ingest_adapter import extract_body

    return extract_body(page.html, origin=page.id)


def storybrief_uncleaned(page: Page) -> str:
    """storybrief's ingest alone, before cleaning (what cleaning is measured against)."""
    from storybrief.eval.ingest_adapter import extract_body

    return extract_body(page.html, origin=page.id, clean=False)


def storybrief_precision_only(page: Page) -> str:
    """The first method of storybrief's chain alone (precision settings, no fallback)."""
    from storybrief.eval.ingest_adapter import extract_body

    return extract_body(page.html, origin=page.id, methods=("precision",))


def trafilatura_extract(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html) or ""


def trafilatura_no_comments(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html, include_comments=False) or ""


def readability_extract(page: Page) -> str:
    """readability-lxml's ``Document.summary()``, its HTML turned to text block by block."""
    from readability import Document  # type: ignore[import-untyped,unused-ignore]

    summary = Document(page.html).summary(html_partial=True)
    return html_to_text(summary)


def newspaper_extract(page: Page) -> str:
    """newspaper4k's ``Article`` parse of the given HTML (no download, no images)."""
    from newspaper import Article as NewsArticle  # type: ignore[import-untyped,unused-ignore]

    article = NewsArticle("http://localhost/", fetch_images=False)
    article.download(input_html=page.html)
    article.parse()
    return str(article.text or "")


def page_text(page: Page) -> str:
    """All visible text of the page (scripts and styles dropped): the floor."""
    return html_to_text(page.html)


def html_to_text(html: str) -> str:
    """Visible text of ``html``, one line per block element."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - unparseable markup: no text at all
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for block in root.iter("p", "div", "li", "br", "h1", "h2", "h3", "h4", "tr", "section"):
        block.tail = "\n" + (block.tail or "")
    return str(root.text_content())


EXTRACTORS: dict[str, Extractor] = {
    e.name: e
    for e in (
        Extractor(
            "storybrief", storybrief_extract, "storybrief ingest + clean, the pipeline's path"
        ),
        Extractor("storybrief-uncleaned", storybrief_uncleaned, "storybrief ingest, no cleaning"),
        Extractor(
            "storybrief-precision",
            storybrief_precision_only,
            "storybrief ingest's first method only (no fallback) + clean",
        ),
        Extractor("trafilatura", trafilatura_extract, "trafilatura.extract(html), defaults"),
        Extractor(
            "trafilatura-no-comments",
            trafilatura_no_comments,
            "trafilatura.extract(html, include_comments=False)",
        ),
        Extractor("readability", readability_extract, "readability-lxml Document.summary()"),
        Extractor("newspaper4k", newspaper_extract, "newspaper4k Article.parse() on the HTML"),
        Extractor("page-text", page_text, "whole page text (lxml, no scripts/styles): floor"),
    )
}
# The systems a run compares when none are named (the ablation rows are asked for by name).
DEFAULT_EXTRACTORS = (
    "storybrief",
    "storybrief-uncleaned",
    "trafilatura",
    "trafilatura-no-comments",
    "readability",
    "newspaper4k",
    "page-text",
)
