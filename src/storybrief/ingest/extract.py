"""HTML to article text that degrades gracefully: precision first, then wider nets.

trafilatura is run with precision settings first (tables included: news sites still lay
articles out in ``<table>`` cells, and on both dev sets keeping tables cost no precision).
When that finds less than ``ENOUGH_PROSE`` characters of prose, the balanced settings run
too and the candidate with the most prose (less its page furniture) wins; only when neither
holds any prose do trafilatura's recall settings and then its baseline (every paragraph of
the page) get a turn. An article is rejected only when no method finds prose, and the
reason names the methods tried.

"Prose" is measured by the cleaner's own line judge (``clean.lines.judge``): the characters
of lines that read as sentences, and of lines it calls page furniture. The choice is by that
measure, not by the first non-empty answer.

Measured on scrapinghub and trafilatura's evaluation set, folds 1-4 (fold 0 held out; see
``eval/extraction.py``): token F1 / snippet F1, uncleaned, 0.963 / 0.912 for the old
precision-only settings, 0.970 / 0.921 with tables, 0.972 / 0.926 with the fallback, which
runs on about one page in five. readability-lxml was measured as a further candidate and
left out: 0.963 / 0.872 on its own, and it never raised the choice's F1.
"""

from __future__ import annotations

import contextlib
import copy
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storybrief.errors import ConfigError, NoArticleError

# Tuned on folds 1-4 of both dev sets (1,000 to 2,000 all within 0.001 F1 of each other):
# below this much prose the precision settings have usually lost part of the article.
ENOUGH_PROSE = 1500
# A character of page furniture costs as much as a character of prose gains.
FURNITURE_WEIGHT = 1.0
# A page without one sentence is an article still when it holds this much text that is
# not page furniture (song lyrics, a list of dates): less is a menu or an error page.
MIN_OTHER_TEXT = 200
# A description shorter than this is a teaser line, not a standfirst.
STANDFIRST_MIN_WORDS = 8

METHODS = ("precision", "balanced", "recall", "baseline")
_SETTINGS: dict[str, dict[str, Any]] = {
    "precision": {"favor_precision": True, "fast": True},
    "balanced": {},
    "recall": {"favor_recall": True},
}


@dataclass(frozen=True)
class Extraction:
    """The text chosen, the method that found it, and the page's metadata (from the first
    method, which reads it whatever the text's fate)."""

    text: str
    method: str
    metadata: dict[str, Any]


def extract_html(
    html: str, *, origin: str, url: str | None = None, methods: Sequence[str] = METHODS
) -> Extraction:
    """The article text of ``html`` (see the module doc); raises ``NoArticleError``."""
    unknown = [m for m in methods if m not in METHODS]
    if unknown or not methods:
        raise ConfigError(
            f"unknown extraction method(s) {', '.join(unknown) or '(none given)'}: "
            f"choose from {', '.join(METHODS)}"
        )
    from storybrief.clean.junk import not_an_article
    from storybrief.ingest.htmltree import load_html  # trafilatura: heavy, HTML only

    try:
        tree = load_html(html)
    except Exception as exc:  # lxml raises many kinds on broken markup
        raise NoArticleError(origin, f"HTML could not be parsed ({type(exc).__name__})") from None
    if tree is None:
        raise NoArticleError(origin, "HTML could not be parsed (no document tree)")
    candidates: list[tuple[str, str, tuple[int, int]]] = []
    for method in methods:
        text = _run(method, tree, url)
        score = prose_and_furniture(text)
        if score[0] and not_an_article(text):
            # A placeholder the page wraps the article in (an archive's crawl notice, a
            # player's error) is all furniture, however well it reads.
            score = (0, score[0] + score[1])
        candidates.append((method, text, score))
        if score[0] >= ENOUGH_PROSE:
            break
        # Past the balanced settings only a page with no prose yet tries a wider net.
        if method != "precision" and any(c[2][0] for c in candidates):
            break
    best = max(candidates, key=lambda c: (c[2][0] - FURNITURE_WEIGHT * c[2][1], _rest(c)))
    if best[2][0] == 0:
        # No sentence anywhere: verse, a list, a table of figures. Kept when enough of it is
        # not page furniture; the cleaner then keeps it too.
        best = max(candidates, key=_rest)
    if best[2][0] == 0 and _rest(best) < MIN_OTHER_TEXT:
        tried = ", ".join(c[0] for c in candidates)
        raise NoArticleError(origin, f"no article prose found in the HTML page (tried {tried})")
    meta = page_metadata(tree, url, best[1])
    text = with_standfirst(tree, best[1], meta.pop("description", None))
    return Extraction(text, best[0], meta)


def with_standfirst(tree: Any, text: str, description: str | None) -> str:
    """``text`` with the page's standfirst (the lead under the headline) as its first
    paragraph, when trafilatura left it out.

    The standfirst is the page's description (``og:description`` and kin) when that same
    text is also shown in the page's body: a description that only sits in the head, or a
    short or cut one (ending in an ellipsis), is a teaser and stays out. trafilatura drops the lead of many
    pages as header furniture (it sits beside the headline, outside the article element)."""
    lead = " ".join((description or "").split())
    if len(lead.split()) < STANDFIRST_MIN_WORDS or lead.endswith(("...", "…", "[…]")):
        return text
    flat = " ".join(text.split())
    if lead in flat or lead[: len(lead) // 2] in flat:
        return text
    body = tree.find(".//body")
    if body is None or lead not in _shown_text(body):
        return text
    return f"{lead}\n{text}" if text else lead


def _shown_text(body: Any) -> str:
    """The text a reader sees in ``body``, spaces normalised (no scripts, styles or
    templates: a page's JSON-LD repeats its description there). The body's own leading
    text is left out, as it always was."""
    parts = _shown_text_xpath()(body)
    if parts and body.text:
        parts = parts[1:]  # the first text node in document order is the body's own text
    return " ".join(" ".join(parts).split())


@functools.lru_cache(maxsize=1)
def _shown_text_xpath() -> Any:
    from lxml import etree

    hidden = " or ".join(f"ancestor::{tag}" for tag in ("script", "style", "noscript", "template"))
    return etree.XPath(f".//text()[not({hidden})]", smart_strings=False)


def page_metadata(tree: Any, url: str | None, text: str = "") -> dict[str, Any]:
    """Title, site name, URL and date of the page, read as trafilatura reads them, less
    what storybrief does not use (authors, tags, licence: a fifth of all extraction time).

    The date (``date``, with ``date_source``) comes from the page's markup by htmldate's
    quick search, else from the URL, else a dateline of ``text``, else htmldate's extensive
    search of the whole page (5 ms a page against under 1 ms: on 581 dev pages it dated 37
    pages more, and agreed with the quick search on 538 of the 542 both dated), less the
    year-only answers it falls back to."""
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
        find_date,
    )
    from trafilatura.settings import set_date_params

    from storybrief.ingest.dates import limit_date_languages, publication_date, sane_date

    limit_date_languages()
    try:
        meta = examine_meta(tree)
        # trafilatura's JSON-LD reader has bugs of its own: without it the meta tags stand.
        with contextlib.suppress(Exception):
            meta = extract_meta_json(tree, meta)
        title = meta.title or extract_title(tree)
        page_url = meta.url or extract_url(tree, url)
        sitename = meta.sitename or extract_sitename(tree)
        quick = find_date(tree, **{**set_date_params(False), "url": page_url})
        date, source = publication_date(page=quick, url=page_url or url, text=text)
        if date is None:
            date = sane_date(find_date(tree, **{**set_date_params(True), "url": page_url}))
            if date is not None and date.endswith("-01-01"):
                # The extensive search's last resorts, a copyright year or a lone year
                # anywhere on the page, come back as 1 January: a year, not a day, and
                # often not even the article's (40 of 1,171 dev pages). Left undated.
                date = None
            source = "page" if date else None
    except Exception:  # noqa: BLE001 - metadata is optional: odd markup leaves it out
        return {}
    return {
        "description": meta.description,
        "title": title,
        "url": page_url,
        "date": date,
        "date_source": source,
        "sitename": sitename,
    }


def _rest(candidate: tuple[str, str, tuple[int, int]]) -> int:
    """Characters of a candidate's text in lines that are neither prose nor furniture."""
    text, (prose, furniture) = candidate[1], candidate[2]
    return len(text) - text.count("\n") - prose - furniture


def _run(method: str, tree: Any, url: str | None) -> str:
    """One method on the parsed page, left as it was (trafilatura prunes the tree it works
    on: from 2.3 its ``bare_extraction`` and ``baseline`` copy a tree they are given, before
    that a copy is made here)."""
    import trafilatura

    page = tree if _copies_its_input() else copy.deepcopy(tree)
    try:
        if method == "baseline":
            _, text, _ = trafilatura.baseline(page)
            return str(text or "")
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            include_images=False,
            **_SETTINGS[method],
        )
    except Exception:  # noqa: BLE001 - a method that breaks on odd markup finds nothing
        return ""
    if doc is None:
        return ""
    found = doc if isinstance(doc, dict) else doc.as_dict()
    return str(found.get("text") or "")


@functools.lru_cache(maxsize=1)
def _copies_its_input() -> bool:
    """Does the installed trafilatura copy a tree given to it (2.3 and later)?"""
    import trafilatura

    try:
        major, minor = (int(part) for part in trafilatura.__version__.split(".")[:2])
    except (AttributeError, ValueError):
        return False
    return (major, minor) >= (2, 3)


def prose_and_furniture(text: str) -> tuple[int, int]:
    """Characters of ``text`` in lines the cleaner reads as prose, and as page furniture."""
    from storybrief.clean.lines import judge

    prose = furniture = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        label = judge(line).label
        if label == "prose":
            prose += len(line)
        elif label == "junk":
            furniture += len(line)
    return prose, furniture
