"""What guards the service: the body limit, security headers, write access, and the one
place where exceptions become HTTP statuses (without echoing bodies or file paths)."""

from __future__ import annotations

import hmac
import json
import math
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from storybrief.errors import (
    ConfigError,
    InputError,
    StoreBusyError,
    StoreError,
    StorybriefError,
    UnknownStoryError,
)
from storybrief.render.safety import page_policy
from storybrief.service.settings import ServiceSettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# Pages of the reader may load its own script and stylesheet; nothing inline, nothing from
# elsewhere, and no page may frame this one.
def served(policy: str) -> str:
    """A page policy as a response header, which can also forbid framing the page."""
    return policy + "; frame-ancestors 'none'"


DEFAULT_POLICY = served(page_policy(style="'self'", script="'self'"))
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)

# An absolute path of at least two parts ("/srv/news/store.db", "C:\\data\\x.db"); error
# messages keep only its last part, so they never show the server's folders.
_PATH = re.compile(r"(?:\b[A-Za-z]:)?(?:[\\/][\w.~+-]+){2,}")


def redact_paths(message: str) -> str:
    """``message`` with every file-system path cut to its file name."""
    return _PATH.sub(lambda m: re.split(r"[\\/]", m.group(0))[-1], message)


async def _send_json(send: Send, status: int, detail: str, headers: tuple = ()) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuses a request body over ``max_bytes`` with 413 while reading it: at once from
    its Content-Length, else as soon as the chunks received pass the limit. The body read
    so far (under the limit) is handed on to the application."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        too_large = f"request body over the limit of {limit:,} bytes"
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await _send_json(send, 400, "invalid Content-Length header")
                return
            if size > limit:
                await _send_json(send, 413, too_large)
                return
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > limit:
                await _send_json(send, 413, too_large)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """Adds a Content-Security-Policy (unless the response set its own) and the usual
    hardening headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or ())
                names = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", DEFAULT_POLICY.encode()))
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def check_write(settings: ServiceSettings, authorization: str | None) -> None:
    """Raise the HTTP error a write request gets when writes are off or the token is wrong."""
    from fastapi import HTTPException

    if not settings.writes:
        raise HTTPException(
            403, "write endpoints are disabled: start the server with --writes to enable them"
        )
    if settings.token is None:
        return
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), settings.token.encode()
    ):
        raise HTTPException(
            401,
            "this write endpoint needs the server's token: Authorization: Bearer TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )


def error_page(status: int, message: str, headers: dict[str, str] | None = None) -> Any:
    """A plain page for a browser: the message (escaped) and the way back."""
    from html import escape

    from fastapi.responses import HTMLResponse

    body = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<title>{status} · storybrief</title><link rel="stylesheet" href="/static/reader.css">'
        f"</head><body><main><h1>{status}</h1><p>{escape(message)}</p>"
        '<p><a href="/stories">Back to the stories</a></p></main></body></html>'
    )
    return HTMLResponse(body, status_code=status, headers=headers)


def install_error_handlers(app: Any) -> None:
    """Library exceptions become statuses here, once for every route; validation errors
    say where and what, never the input (a 100 MB body came back whole in a 422)."""
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse

    def reply(status: int, detail: Any, headers: dict[str, str] | None = None) -> Any:
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)

    async def validation(_request: Any, exc: RequestValidationError) -> Any:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in exc.errors()[:20]
        ]
        return reply(422, errors)

    async def library(request: Any, exc: StorybriefError) -> Any:
        message = redact_paths(str(exc))
        headers = None
        if isinstance(exc, StoreBusyError):
            status = 503
            headers = {"Retry-After": str(max(1, math.ceil(exc.retry_after)))}
        elif isinstance(exc, UnknownStoryError):
            status = 404
        elif isinstance(exc, ConfigError | InputError):  # a request's option or input
            status = 422
        elif isinstance(exc, StoreError):
            status = 503
        else:
            status = 500
        if "text/html" in request.headers.get("accept", ""):  # a reader's browser
            return error_page(status, message, headers)
        return reply(status, message, headers)

    async def unexpected(_request: Any, exc: Exception) -> Any:
        return reply(500, f"internal error ({type(exc).__name__})")

    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(StorybriefError, library)
    app.add_exception_handler(Exception, unexpected)
