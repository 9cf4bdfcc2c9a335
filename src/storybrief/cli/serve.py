"""``storybrief serve``: the HTTP service (FastAPI under uvicorn)."""

from __future__ import annotations

import click

from storybrief.cli import main
from storybrief.cli.options import db_option
from storybrief.errors import StorybriefError


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
def serve_command(db: str | None, host: str, port: int) -> None:
    """Serve briefs over HTTP: POST /brief, POST /ingest, GET /stories, GET /stories/ID/brief.

    Needs the service extra (pip install 'storybrief[service]'). API docs at /docs.
    """
    try:
        import uvicorn

        from storybrief.service import create_app

        app = create_app(db)
    except ImportError as exc:
        raise click.ClickException(
            "the HTTP service needs FastAPI and uvicorn: pip install 'storybrief[service]'"
        ) from exc
    except StorybriefError as exc:
        raise click.ClickException(str(exc)) from exc
    uvicorn.run(app, host=host, port=port)
