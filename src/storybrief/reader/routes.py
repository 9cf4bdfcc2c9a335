"""The reader's pages: the story list and the story page, as HTML for browsers and JSON
at the same path (``Accept: application/json``, or ``.json`` appended).

Templates are Jinja2 with autoescaping on for everything; links are rendered only for
http(s) URLs; the pages load one stylesheet and one small script from this server, and
work without the script. (Imported only with the service extra installed.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from storybrief.budget import DEFAULT_WORDS, check_words
from storybrief.reader.data import ReaderData
from storybrief.reader.schema import StoryList, StoryPage
from storybrief.reader.view import StoryView, span
from storybrief.version import __version__

HERE = Path(__file__).parent
PER_PAGE = 50
PERIODS = (
    ("", "Any time"),
    ("24h", "Last 24 hours"),
    ("7d", "Last 7 days"),
    ("30d", "Last 30 days"),
)
BOTH = {
    "description": "HTML for a browser (Accept: text/html), else JSON",
    "content": {"text/html": {}},
}


def wants_json(request: Any, path_json: bool) -> bool:
    if path_json:
        return True
    accept = request.headers.get("accept", "")
    return "text/html" not in accept and "application/xhtml" not in accept


def templates() -> Any:
    from jinja2 import Environment, FileSystemLoader

    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every value from an article is text, everywhere
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(version=__version__, span=span)
    return env


def install_reader(app: Any, db: str | Path | None) -> ReaderData:
    data = ReaderData(db)
    env = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="reader-static")

    @app.get("/", include_in_schema=False)
    def home() -> Any:
        return RedirectResponse("/stories", status_code=307)

    def story_list(
        request: Request,
        as_json: bool,
        q: str | None,
        order: Literal["newest", "largest"],
        since: str | None,
        source: str | None,
        language: str | None,
        page: int,
        limit: int,
    ) -> Any:
        filters = {"q": q or None, "order": order, "since": since or None}
        filters.update(source=source or None, language=language or None)
        offset = (page - 1) * limit
        missing = not data.exists()
        rows = [] if missing else data.stories(**filters, limit=limit + 1, offset=offset)
        more, rows = len(rows) > limit, rows[:limit]
        if wants_json(request, as_json):
            body = {"stories": [r.to_dict() for r in rows], "page": page, "more": more}
            return JSONResponse({**body, "filters": filters})

        def page_url(n: int) -> str:
            params = {
                k: v for k, v in filters.items() if v and not (k == "order" and v == "newest")
            }
            return "/stories?" + urlencode({**params, "page": n})

        html = env.get_template("stories.html").render(
            stories=rows,
            missing=missing,
            offset=offset,
            page=page,
            more=more,
            page_url=page_url,
            periods=PERIODS,
            sources=[] if missing else data.sources(),
            languages=[] if missing else data.languages(),
            **filters,
        )
        return HTMLResponse(html)

    list_params: dict[str, Any] = {
        "response_model": StoryList,
        "responses": {200: BOTH},
        "tags": ["reader"],
    }

    @app.get("/stories", **list_params)
    def get_stories(
        request: Request,
        q: str | None = Query(None, max_length=200, description="Words to find (full text)"),
        order: Literal["newest", "largest"] = "newest",
        since: str | None = Query(None, max_length=40, description="ISO date or 7d, 24h"),
        source: str | None = Query(None, max_length=200),
        language: str | None = Query(None, max_length=20),
        page: int = Query(1, ge=1, le=10_000),
        limit: int = Query(PER_PAGE, ge=1, le=200),
    ) -> Any:
        """The story list: newest or largest first, or by relevance to ``q``."""
        return story_list(request, False, q, order, since, source, language, page, limit)

    @app.get("/stories.json", response_model=StoryList, tags=["reader"])
    def get_stories_json(
        request: Request,
        q: str | None = Query(None, max_length=200),
        order: Literal["newest", "largest"] = "newest",
        since: str | None = Query(None, max_length=40),
        source: str | None = Query(None, max_length=200),
        language: str | None = Query(None, max_length=20),
        page: int = Query(1, ge=1, le=10_000),
        limit: int = Query(PER_PAGE, ge=1, le=200),
    ) -> Any:
        """The story list as JSON."""
        return story_list(request, True, q, order, since, source, language, page, limit)

    @app.get(
        "/stories/{story_id}",
        response_model=StoryPage,
        responses={200: BOTH, 404: {"description": "no such story"}},
        tags=["reader"],
    )
    async def get_story(
        request: Request,
        story_id: str,
        words: int = Query(DEFAULT_WORDS, description="the word budget, at least 1"),
    ) -> Any:
        """One story: its brief with citations, quotes, disagreements, timeline and sources
        (``/stories/ID.json`` for JSON)."""
        check_words(words)  # the library's one rule, before any cache is read
        as_json = story_id.endswith(".json")
        story_id = story_id.removesuffix(".json")
        fmt = "json" if wants_json(request, as_json) else "html"
        media = "application/json" if fmt == "json" else "text/html; charset=utf-8"
        # The common case answers here, on the event loop: one indexed query and a page
        # from memory. Anything slower (a brief to make, a page to render) goes to a
        # worker thread, so it never holds up the other requests.
        if data.exists():
            key = (story_id, words, data.fingerprint(story_id), fmt)
            if key[2] is not None and (cached := data.page(key)) is not None:
                return Response(cached, media_type=media)
        body = await run_in_threadpool(story_page, story_id, words, fmt)
        return Response(body, media_type=media)

    def story_page(story_id: str, words: int, fmt: str) -> bytes:
        brief, fingerprint = data.brief(story_id, words=words)  # raises for an unknown id
        story = data.story(story_id)
        view = StoryView(brief)
        if fmt == "json":
            doc = {"story": story.to_dict() if story else None, "brief": brief.to_dict()}
            body = json.dumps({**doc, **view.to_dict()}, ensure_ascii=False).encode()
        else:
            html = env.get_template("story.html").render(story=story, brief=brief, view=view)
            body = html.encode("utf-8")
        data.keep_page((story_id, words, fingerprint, fmt), body)
        return body

    return data
