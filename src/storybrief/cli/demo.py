"""``storybrief demo``: the bundled demo site followed into a store and served by the
reader, in one command."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import click

from storybrief.cli.app import main
from storybrief.cli.errors import LibraryError


@main.command("demo")
@click.argument("folder", type=click.Path(exists=True, file_okay=False), default="demo")
@click.option("--db", default="demo.db", show_default=True, help="Store to fill and read.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--open/--no-open", "open_browser", default=False, help="Open a browser tab.")
def demo_command(folder: str, db: str, port: int, open_browser: bool) -> None:
    """Serve the demo news site in FOLDER (articles.json) on 127.0.0.1:8742, follow its
    subscriptions.opml into the store (storybrief follow), then read the stories at
    http://127.0.0.1:PORT (storybrief serve). Ctrl-C stops it all."""
    from storybrief.demo import DEMO_PORT, demo_site
    from storybrief.follow import FetchSettings, FollowSettings, follow_once

    root = Path(folder)
    try:
        with demo_site(root / "articles.json", port=DEMO_PORT) as site:
            click.echo(f"demo site at {site}; following {root / 'subscriptions.opml'}", err=True)
            fetch = FetchSettings(delay=0.0, allow=("127.0.0.1/32",))
            report = follow_once(
                db,
                [str(root / "subscriptions.opml")],
                settings=FollowSettings(fetch=fetch),
                log=lambda line: click.echo(f"storybrief: {line}", err=True),
            )
            click.echo(
                f"{report.added} articles stored ({report.copies} copies) in "
                f"{report.new_stories} new stories; {report.briefs} briefs made",
                err=True,
            )
            import uvicorn

            from storybrief.service import create_app

            url = f"http://127.0.0.1:{port}/stories"
            click.echo(f"read the stories at {url}  (Ctrl-C stops)", err=True)
            if open_browser:
                webbrowser.open(url)
            uvicorn.run(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    except OSError as exc:
        raise LibraryError(f"cannot start the demo: {exc}") from exc
    except ImportError as exc:
        raise LibraryError(
            "the demo's reader needs the service extra: pip install -e '.[service]'"
        ) from exc
