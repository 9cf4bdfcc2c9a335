"""``storybrief serve``: the HTTP service (FastAPI under uvicorn)."""

from __future__ import annotations

import click

from storybrief.cli.app import main
from storybrief.cli.errors import LibraryError
from storybrief.cli.options import db_option
from storybrief.service.settings import (
    DEFAULT_MAX_ARTICLE_BYTES,
    DEFAULT_MAX_ARTICLES,
    DEFAULT_MAX_BODY_BYTES,
    DEFAULT_MAX_TEXT_CHARS,
)

# A request still running when the server is told to stop gets this long, then is dropped:
# SIGTERM and Ctrl-C always end the server.
SHUTDOWN_SECONDS = 5


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--writes/--no-writes",
    default=False,
    show_default=True,
    help="Enable the endpoints that change the store (POST /ingest, POST /follow). Beyond loopback "
    "they also need --token.",
)
@click.option(
    "--token",
    envvar="STORYBRIEF_TOKEN",
    default=None,
    help="Secret that write requests must send as 'Authorization: Bearer TOKEN' "
    "(default: $STORYBRIEF_TOKEN; at least 8 characters).",
)
@click.option(
    "--max-body",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BODY_BYTES,
    show_default=True,
    help="Largest request body in bytes (413 beyond it).",
)
@click.option(
    "--max-articles",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_ARTICLES,
    show_default=True,
    help="Most articles in one POST /brief or /ingest request (413 beyond it).",
)
@click.option(
    "--max-article-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_ARTICLE_BYTES,
    show_default=True,
    help="Largest text or HTML field of one article; a larger one is rejected, the rest go on.",
)
@click.option(
    "--max-text-chars",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_TEXT_CHARS,
    show_default=True,
    help="Longest text of one article once read (HTML extracted); longer ones are rejected.",
)
@click.option(
    "--allow-address",
    "allow",
    multiple=True,
    help="Private network that POST /follow may fetch from (as follow --allow-address).",
)
def serve_command(
    db: str | None,
    host: str,
    port: int,
    writes: bool,
    token: str | None,
    max_body: int,
    max_articles: int,
    max_article_bytes: int,
    max_text_chars: int,
    allow: tuple[str, ...],
) -> None:
    """Serve briefs over HTTP: POST /brief, POST /ingest, GET /stories, GET /stories/ID/brief.

    Needs the service extra (pip install 'storybrief[service]'). API docs at /docs.
    """
    try:
        import uvicorn

        from storybrief.service import ServiceSettings, create_app

        settings = ServiceSettings(
            max_body_bytes=max_body,
            max_articles=max_articles,
            max_article_bytes=max_article_bytes,
            max_text_chars=max_text_chars,
            writes=writes,
            token=token or None,
            host=host,
            follow_allow=allow,
        )
        app = create_app(db, settings=settings)
    except ImportError as exc:
        raise LibraryError(
            "the HTTP service needs FastAPI and uvicorn: pip install 'storybrief[service]'"
        ) from exc
    uvicorn.run(
        app,
        host=host,
        port=port,
        timeout_graceful_shutdown=SHUTDOWN_SECONDS,
        server_header=False,
    )
