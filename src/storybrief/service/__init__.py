"""The HTTP service: the same briefs over HTTP, with FastAPI (``pip install storybrief[service]``).

    storybrief serve --db news.db --port 8000

Endpoints (OpenAPI docs at ``/docs``, served offline):

- ``POST /brief``: a JSON body ``{"articles": [{"text"|"html", "id", "title", ...}], "words"}``
  gives the brief as JSON (``?format=md`` or ``html`` for the other renderings). Bad
  articles are listed in ``rejected``; the rest are still briefed.
- ``POST /ingest``: adds articles to the store and reports what happened (only with
  ``writes`` enabled; with the token when one is set).
- ``GET /stories``: the reader's story list (HTML for browsers, JSON otherwise or at
  ``/stories.json``: ``q``, ``order``, ``since``, ``source``, ``language``, ``page``).
- ``GET /stories/{id}``: the reader's story page (``/stories/{id}.json`` for JSON).
- ``GET /stories/{id}/brief``: one stored story's brief (``words``, ``format``).
- ``GET /health``.

Limits (``ServiceSettings``): the request body (413 while it is read), articles per
request (413), bytes per article (that article rejected). Every response carries a
Content-Security-Policy that allows no inline script.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storybrief.errors import ConfigError
from storybrief.service.settings import ServiceSettings, is_loopback
from storybrief.version import __version__

__all__ = ["ServiceSettings", "create_app", "is_loopback"]


def create_app(db: str | Path | None = None, *, settings: ServiceSettings | None = None) -> Any:
    """A FastAPI application serving briefs; ``db`` is the story store (SQLite file)."""
    try:
        from fastapi import FastAPI
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ConfigError(
            "the HTTP service needs FastAPI: pip install 'storybrief[service]'"
        ) from exc

    from storybrief.reader.routes import install_reader
    from storybrief.service.api import install_api
    from storybrief.service.docs import install_docs
    from storybrief.service.guard import BodyLimit, SecurityHeaders, install_error_handlers

    settings = settings or ServiceSettings()
    app = FastAPI(
        title="storybrief",
        version=__version__,
        description="Turn a pile of news articles into one cited brief per story.",
        docs_url=None,  # FastAPI's pages load their scripts from a CDN; ours are local
        redoc_url=None,
    )
    install_error_handlers(app)
    install_api(app, db, settings)
    install_reader(app, db)
    _warm_up()
    install_docs(app)
    # Outermost last: headers go on every response, the 413 included.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


# Two invented reports of one invented event: enough to run every stage once.
_WARM_TEXTS = (
    "The council of Brenmoor opened the new Tarrow bridge on Monday, the mayor said.",
    "Brenmoor's mayor said on Monday that the Tarrow bridge had opened to traffic.",
)


def _warm_up() -> None:
    """Brief a tiny story once, so the first request does not pay for the imports, the
    sentence splitter, the shipped models and the caches (about a second here): the
    service keeps them warm for every request after."""
    from storybrief.pipeline import brief_texts

    brief_texts(list(_WARM_TEXTS), words=30, analyze=True)
