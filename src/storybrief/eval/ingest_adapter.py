"""storybrief's own HTML path, as the extraction benchmark calls it.

The benchmark must measure the body the pipeline really briefs: ingest reads the page
into an ``Article`` (``storybrief.ingest.formats.from_html``, no URL, as for a file on disk)
and ``clean.clean_article`` strips what is left of the boilerplate.
"""

from __future__ import annotations

from collections.abc import Sequence

from storybrief.errors import InputError


def extract_body(
    html: str, *, origin: str = "page", clean: bool = True, methods: Sequence[str] | None = None
) -> str:
    """The article text storybrief would brief from ``html`` ("" if it finds none);
    ``clean=False`` stops before cleaning, ``methods`` limits ingest's extraction chain."""
    from storybrief.clean import clean_article
    from storybrief.ingest.formats import from_html

    try:
        if methods is None:
            article = from_html(html, id="page", origin=origin)
        else:
            article = from_html(html, id="page", origin=origin, methods=tuple(methods))
        return clean_article(article).text if clean else article.text
    except InputError:
        return ""
