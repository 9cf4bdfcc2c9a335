"""The HTTP service: the same briefs over HTTP, with FastAPI (``pip install storybrief[service]``).

    storybrief serve --db news.db --port 8000

Endpoints (OpenAPI docs at ``/docs``):

- ``POST /brief``: a JSON body ``{"articles": [{"text"|"html", "id", "title", ...}], "words"}``
  gives the brief as JSON (``?format=md`` or ``html`` for the other renderings). Bad
  articles are listed in ``rejected``; the rest are still briefed.
- ``POST /ingest``: adds articles to the store and reports what happened.
- ``GET /stories``: stories in the store (``since``, ``order``, ``limit``).
- ``GET /stories/{id}/brief``: one stored story's brief (``words``, ``format``).
- ``GET /health``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from storybrief import __version__
from storybrief.errors import ConfigError, InputError, StoreError, UnknownStoryError
from storybrief.model import Article, Brief, Rejected

Format = Literal["json", "md", "html"]


def create_app(db: str | Path | None = None) -> Any:
    """A FastAPI application serving briefs; ``db`` is the story store (SQLite file)."""
    try:
        from fastapi import Body, FastAPI, HTTPException, Query
        from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ConfigError(
            "the HTTP service needs FastAPI: pip install 'storybrief[service]'"
        ) from exc

    from storybrief.ingest.formats import from_record
    from storybrief.pipeline import brief_articles
    from storybrief.render import render
    from storybrief.store import brief_story, open_store

    app = FastAPI(
        title="storybrief",
        version=__version__,
        description="Turn a pile of news articles into one cited brief per story.",
    )

    def respond(result: Brief, fmt: Format) -> Any:
        if fmt == "json":
            return JSONResponse(result.to_dict())
        if fmt == "html":
            return HTMLResponse(render(result, "html"))
        return PlainTextResponse(render(result, "md"), media_type="text/markdown")

    def parse(records: list[Any]) -> tuple[list[Article], list[Rejected]]:
        articles, rejected = [], []
        for i, record in enumerate(records):
            try:
                articles.append(from_record(record, default_id=f"a{i}", origin=f"articles[{i}]"))
            except InputError as exc:
                rejected.append(Rejected(exc.origin, exc.reason))
        return articles, rejected

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/brief")
    def post_brief(
        payload: dict[str, Any] = Body(
            ..., examples=[{"articles": [{"id": "a", "text": "..."}], "words": 150}]
        ),
        format: Format = Query("json"),  # noqa: A002 - the public parameter name
        analyze: bool = Query(True),
    ) -> Any:
        records = payload.get("articles")
        if not isinstance(records, list) or not records:
            raise HTTPException(422, "body needs a non-empty list 'articles'")
        words = payload.get("words", 150)
        if not isinstance(words, int) or words < 1:
            raise HTTPException(422, f"'words' must be a positive integer, got {words!r}")
        articles, rejected = parse(records)
        if not articles:
            detail = "; ".join(str(r) for r in rejected)
            raise HTTPException(422, f"no usable article: {detail}")
        result = brief_articles(articles, words=words, analyze=analyze, rejected=rejected)
        return respond(result, format)

    @app.post("/ingest")
    def post_ingest(payload: dict[str, Any] = Body(...)) -> dict[str, Any]:
        records = payload.get("articles")
        if not isinstance(records, list):
            raise HTTPException(422, "body needs a list 'articles'")
        articles, rejected = parse(records)
        with open_store(db) as store:
            report = store.ingest(articles, progress=False)
        out: dict[str, Any] = report.to_dict()
        out["rejected"] = [r.to_dict() for r in rejected] + out.get("rejected", [])
        return out

    @app.get("/stories")
    def get_stories(
        since: str | None = None,
        order: Literal["newest", "largest"] = "newest",
        limit: int = Query(50, ge=1, le=1000),
    ) -> list[dict[str, Any]]:
        try:
            with open_store(db, create=False) as store:
                return [s.to_dict() for s in store.stories(since=since, order=order, limit=limit)]
        except ConfigError as exc:
            raise HTTPException(400, str(exc)) from exc
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from exc

    @app.get("/stories/{story_id}/brief")
    def get_story_brief(
        story_id: str,
        words: int = Query(150, ge=10),
        format: Format = Query("json"),  # noqa: A002
    ) -> Any:
        try:
            result = brief_story(db, story_id, words=words)
        except UnknownStoryError as exc:
            raise HTTPException(404, str(exc)) from exc
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from exc
        return respond(result, format)

    return app
