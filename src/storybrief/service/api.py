"""The JSON API's routes: brief articles, ingest them, list and brief stored stories.

Handlers parse, call one library function and render; the limits (articles per request,
bytes per article) are checked before any work starts, and errors become statuses in
``guard.install_error_handlers``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from storybrief.errors import InputError, TooLargeError
from storybrief.model import Article, Brief, Rejected
from storybrief.service.guard import check_write, served
from storybrief.service.settings import ServiceSettings

Format = Literal["json", "md", "html"]
BRIEF_EXAMPLE = {"articles": [{"id": "a", "title": "...", "text": "..."}], "words": 150}


def parse_records(
    records: Any, settings: ServiceSettings, *, allow_empty: bool = False
) -> tuple[list[Article], list[Rejected]]:
    """The request's articles and the ones rejected, after the per-request limits."""
    from fastapi import HTTPException

    from storybrief.ingest.formats import from_record

    if not isinstance(records, list) or (not records and not allow_empty):
        raise HTTPException(422, "body needs a non-empty list 'articles'")
    if len(records) > settings.max_articles:
        raise HTTPException(
            413,
            f"{len(records):,} articles in one request; the limit is "
            f"{settings.max_articles:,}: send them in smaller batches",
        )
    articles, rejected = [], []
    for i, record in enumerate(records):
        origin = f"articles[{i}]"
        try:
            _check_size(record, origin, settings.max_article_bytes)
            article = from_record(record, origin=origin)  # no id: one from its text
            if len(article.text) > settings.max_text_chars:
                raise TooLargeError(
                    origin,
                    f"text of {len(article.text):,} characters is over the limit of "
                    f"{settings.max_text_chars:,} per article",
                )
            articles.append(article)
        except InputError as exc:
            rejected.append(Rejected(exc.origin, exc.reason))
    return articles, rejected


def _check_size(record: Any, origin: str, limit: int) -> None:
    if not isinstance(record, dict):
        return  # from_record names the wrong type
    for name in ("text", "html"):
        value = record.get(name)
        if isinstance(value, str) and len(value) > limit // 4 and len(value.encode()) > limit:
            raise TooLargeError(
                origin, f"field '{name}' is over the limit of {limit:,} bytes per article"
            )


def install_api(app: Any, db: str | Path | None, settings: ServiceSettings) -> None:
    from fastapi import Body, Header, HTTPException, Query
    from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse

    from storybrief import __version__
    from storybrief.pipeline import brief_articles, brief_story
    from storybrief.render import render
    from storybrief.render.html import POLICY
    from storybrief.store import open_store
    from storybrief.stream import ingest_into

    def respond(result: Brief, fmt: Format) -> Any:
        if fmt == "json":
            return JSONResponse(result.to_dict())
        if fmt == "html":  # the exported page, under its own policy (its inline style)
            headers = {"Content-Security-Policy": served(POLICY)}
            return HTMLResponse(render(result, "html"), headers=headers)
        return PlainTextResponse(render(result, "md"), media_type="text/markdown")

    @app.get("/health", tags=["service"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "writes": settings.writes}

    @app.post("/brief", tags=["briefs"])
    def post_brief(
        payload: dict[str, Any] = Body(..., examples=[BRIEF_EXAMPLE]),
        format: Format = Query("json"),  # noqa: A002 - the public parameter name
        analyze: bool = Query(True),
    ) -> Any:
        """Brief the posted articles as one story. Bad articles are listed in
        ``rejected``; the rest are still briefed."""
        words = payload.get("words", 150)
        if isinstance(words, bool) or not isinstance(words, int) or words < 1:
            raise HTTPException(422, f"'words' must be a positive integer, got {words!r}"[:200])
        articles, rejected = parse_records(payload.get("articles"), settings)
        if not articles:
            detail = "; ".join(str(r) for r in rejected[:20])
            raise HTTPException(422, f"no usable article: {detail}")
        result = brief_articles(articles, words=words, analyze=analyze, rejected=rejected)
        return respond(result, format)

    @app.post("/ingest", tags=["store"])
    def post_ingest(
        payload: dict[str, Any] = Body(..., examples=[{"articles": BRIEF_EXAMPLE["articles"]}]),
        authorization: str | None = Header(None),
    ) -> dict[str, Any]:
        """Add the posted articles to the story store (needs ``--writes``, and the token
        when the server has one)."""
        check_write(settings, authorization)
        articles, rejected = parse_records(payload.get("articles"), settings, allow_empty=True)
        with open_store(db) as store:
            report = ingest_into(store, articles, progress=False)
        out: dict[str, Any] = report.to_dict()
        out["rejected"] = [r.to_dict() for r in rejected] + out.get("rejected", [])
        return out

    @app.post("/follow", tags=["store"])
    def post_follow(
        payload: dict[str, Any] = Body(
            ..., examples=[{"sources": ["https://example.org/feed.xml"]}]
        ),
        authorization: str | None = Header(None),
    ) -> dict[str, Any]:
        """Follow the posted http(s) sources (feeds, OPML lists, sitemaps, pages) for one
        round, or every followed source when the list is empty (needs ``--writes``, and
        the token when the server has one). Private addresses are refused unless the
        server was started with ``--allow-address``."""
        from dataclasses import asdict

        from storybrief.follow import FetchSettings, FollowSettings, follow_once

        check_write(settings, authorization)
        sources = payload.get("sources", [])
        if not isinstance(sources, list) or not all(isinstance(u, str) for u in sources):
            raise HTTPException(422, "body needs a list of URLs 'sources'")
        if len(sources) > settings.max_articles:
            raise HTTPException(413, f"more than {settings.max_articles:,} sources in one request")
        # only URLs: a path would have the server read its own files
        bad = [u[:100] for u in sources if not u.lower().startswith(("http://", "https://"))]
        if bad:
            raise HTTPException(422, f"sources must be http(s) URLs, got {bad[:3]}")
        fetch = FetchSettings(allow=settings.follow_allow, delay=settings.follow_delay)
        report = follow_once(db, sources, settings=FollowSettings(fetch=fetch))
        return asdict(report)

    @app.get("/stories/{story_id}/brief", tags=["store"])
    def get_story_brief(
        story_id: str,
        words: int = Query(150, ge=10, le=2000),
        format: Format = Query("json"),  # noqa: A002
    ) -> Any:
        """One stored story's brief."""
        return respond(brief_story(db, story_id, words=words), format)
