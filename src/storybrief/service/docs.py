"""API docs at ``/docs`` that work offline: Swagger UI's files come from the
``fastapi-offline`` package (which ships Swagger UI 5, the first to read OpenAPI 3.1) and
are served by this server, where FastAPI's default page loads them from a CDN. The page
is started by a script file rather than an inline script, so it keeps to the same
Content-Security-Policy as the rest of the service."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storybrief.render.safety import page_policy
from storybrief.service.guard import served

STATIC = Path(__file__).parent / "static"
ASSETS = "/docs/assets"

# Swagger UI styles its widgets with inline style attributes: allowed here, for styles
# only; scripts stay limited to this server's own files.
DOCS_POLICY = served(page_policy(style="'self' 'unsafe-inline'", script="'self'"))

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>storybrief API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
</head><body>
<div id="swagger-ui" data-openapi="/openapi.json"></div>
<noscript><p>The interactive docs need JavaScript; the schema itself is at
<a href="/openapi.json">/openapi.json</a>.</p></noscript>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="/docs/start.js"></script>
</body></html>
"""


def swagger_dir() -> Path | None:
    """The folder of Swagger UI's files, or None without the package."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    folder = Path(fastapi_offline.__file__).parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def install_docs(app: Any) -> None:
    """``/docs`` (Swagger UI, when its package is installed) beside ``/openapi.json``."""
    from fastapi.responses import FileResponse, HTMLResponse
    from fastapi.staticfiles import StaticFiles

    folder = swagger_dir()
    if folder is None:  # the schema still serves; say how to get the page

        @app.get("/docs", include_in_schema=False)
        def docs_missing() -> Any:
            return HTMLResponse(
                "<p>Interactive docs need fastapi-offline: pip install "
                "'storybrief[service]'. The schema is at "
                '<a href="/openapi.json">/openapi.json</a>.</p>',
                status_code=200,
            )

        return

    app.mount(ASSETS, StaticFiles(directory=folder), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        return HTMLResponse(
            PAGE.format(assets=ASSETS), headers={"Content-Security-Policy": DOCS_POLICY}
        )

    @app.get("/docs/start.js", include_in_schema=False)
    def docs_start() -> Any:
        return FileResponse(STATIC / "docs-start.js", media_type="text/javascript")
