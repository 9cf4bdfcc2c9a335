"""Ingest stage: read files, folders and stdin into ``Article`` objects with raw text.

Inputs: ``.txt`` (plain text; a headline-like first line becomes the title), ``.html`` /
``.htm`` (optionally ``.gz``; main text and metadata by trafilatura, no network), ``.json``
(an object or a list of objects), ``.jsonl`` (one object per line), folders (recursive,
sorted, known extensions only) and ``-`` (JSONL on stdin). A JSON record has ``text`` or
``html`` and optional ``id``, ``title``, ``url``, ``source``, ``published``.

Nothing stops a batch: every input that cannot be used comes out as a ``Rejected`` with a
one-line reason, in input order among the articles. ``max_bytes`` bounds each article's raw
input: a whole ``.txt``/``.html``/``.json`` file, one line of a ``.jsonl`` feed.

Ids never collide by accident: a record's own ``id``; else, for a file, its path from the
input named (``feed/siteA/article.txt`` for a file found in the folder ``feed``, the file's
name for a file named itself); else, for a record of a JSON list or a JSONL feed (stdin
too), ``content_id`` of its text: the same text gets the same id on any day, from any
input. ``origin`` is the path (``path:LINE``, ``path[N]``).

Symbolic links are followed; a broken one, a loop, or a file or folder that cannot be
read is a rejection naming it, wherever it is named (on the command line or in a folder).
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO, cast

from storybrief.errors import ConfigError, InputError, MalformedInputError
from storybrief.ingest import decode as dec
from storybrief.ingest.formats import Unextracted, from_html, from_record, from_text
from storybrief.model import Article, Rejected

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "Unextracted",
    "iter_articles",
    "iter_inputs",
    "read_jsonl_line",
    "read_articles",
]

DEFAULT_MAX_BYTES = 10_000_000  # far above any article; a page over this is not one article
EXTENSIONS = (".txt", ".html", ".htm", ".html.gz", ".htm.gz", ".json", ".jsonl")
STDIN = "-"


def read_articles(
    inputs: Iterable[str | Path] | str | Path, **kw: Any
) -> tuple[list[Article], list[Rejected]]:
    """All articles and all rejections of ``inputs`` (see ``iter_articles``)."""
    articles: list[Article] = []
    rejected: list[Rejected] = []
    for item in iter_articles(inputs, **kw):
        (articles if isinstance(item, Article) else rejected).append(item)  # type: ignore[arg-type]
    return articles, rejected


def iter_articles(
    inputs: Iterable[str | Path] | str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | None = None,
) -> Iterator[Article | Rejected]:
    """Yield an ``Article`` or a ``Rejected`` per input article, streaming (JSONL line by line)."""
    items = iter_inputs(inputs, max_bytes=max_bytes, stdin=stdin)
    return cast(Iterator[Article | Rejected], items)  # no Unextracted without defer_html


def iter_inputs(
    inputs: Iterable[str | Path] | str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | None = None,
    defer_html: bool = False,
) -> Iterator[Article | Rejected | Unextracted]:
    """``iter_articles``; with ``defer_html``, HTML pages come as ``Unextracted``: their
    extraction, the costly part of reading them, is left to the caller (``ingest --jobs``
    does it in its worker processes)."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigError(f"max_bytes must be a positive number of bytes, got {max_bytes!r}")
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    for item in inputs:
        if str(item) == STDIN:
            yield from _read_jsonl_stream(
                stdin if stdin is not None else sys.stdin, max_bytes, defer_html
            )
            continue
        path = Path(item)
        if path.is_dir():
            root = path.name or path.resolve().name
            for found in _walk(path):
                if isinstance(found, Rejected):
                    yield found
                    continue
                rel = found.relative_to(path).as_posix()
                ident = f"{root}/{rel}" if root else rel
                yield from _read_path(found, max_bytes, defer_html, ident=ident)
        else:
            yield from _read_path(path, max_bytes, defer_html, ident=path.name)


def _walk(folder: Path) -> Iterator[Path | Rejected]:
    """Files under ``folder`` with a known extension, in sorted path order, hidden ones
    skipped; folders behind symbolic links are walked too. A link that leads nowhere or
    back into a folder being walked, and a folder that cannot be listed, come out as
    rejections, so nothing is left out without a word."""
    yield from _walk_dir(folder, ancestors=frozenset())


def _walk_dir(folder: Path, ancestors: frozenset[tuple[int, int]]) -> Iterator[Path | Rejected]:
    try:
        here = os.stat(folder)
        names = sorted(os.listdir(folder))
    except OSError as exc:
        yield Rejected(str(folder), _os_reason(exc, "cannot read folder"))
        return
    ancestors = ancestors | {(here.st_dev, here.st_ino)}
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        try:
            info = os.stat(path)  # follows links
        except OSError as exc:
            # Only a dangling link to something we would not read anyway goes unmentioned.
            if _kind(path) or exc.errno == errno.ELOOP or not os.path.islink(path):
                yield Rejected(str(path), _os_reason(exc, "cannot read"))
            continue
        if stat.S_ISDIR(info.st_mode):
            if (info.st_dev, info.st_ino) in ancestors:
                yield Rejected(str(path), "symbolic link loop: leads back into a folder it is in")
                continue
            yield from _walk_dir(path, ancestors)
        elif stat.S_ISREG(info.st_mode) and _kind(path):
            yield path


def _os_reason(exc: OSError, what: str) -> str:
    """A one-line reason for an ``OSError`` on an input, in words rather than codes."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target does not exist)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{what}: permission denied"
    return f"{what}: {exc.strerror or exc}"


_KINDS = {".txt": "txt", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}


def _kind(path: Path) -> str | None:
    """txt, html, json or jsonl by the file name; only HTML may come gzipped."""
    name = path.name.lower()
    gzipped = name.endswith(".gz")
    kind = _KINDS.get(Path(name.removesuffix(".gz")).suffix)
    return None if gzipped and kind != "html" else kind


def _read_path(
    path: Path, max_bytes: int, defer_html: bool = False, *, ident: str
) -> Iterator[Article | Rejected | Unextracted]:
    origin = str(path)
    try:
        os.stat(path)
    except OSError as exc:
        if os.path.islink(path):
            yield Rejected(origin, _os_reason(exc, "cannot read"))
        elif exc.errno == errno.ENOENT:
            yield Rejected(origin, "no such file or directory")
        else:
            yield Rejected(origin, _os_reason(exc, "cannot read"))
        return
    kind = _kind(path)
    if kind is None:
        yield Rejected(origin, f"unsupported file type; expected one of {', '.join(EXTENSIONS)}")
        return
    try:
        if kind == "jsonl":
            yield from _read_jsonl_file(path, max_bytes, defer_html)
            return
        data = dec.read_bytes(path, origin, max_bytes=max_bytes)
        text = dec.decode(data, origin, html=kind == "html")
        if kind == "txt":
            yield from_text(text, id=ident, origin=origin)
        elif kind == "html":
            page = Unextracted(text, id=ident, origin=origin)
            yield page if defer_html else from_html(text, id=page.id, origin=origin)
        else:
            yield from _read_json(text, origin, defer_html, ident=ident)
    except InputError as exc:
        yield Rejected(exc.origin, exc.reason)
    except OSError as exc:
        yield Rejected(origin, _os_reason(exc, "cannot read"))


def _read_json(
    text: str, origin: str, defer_html: bool = False, *, ident: str
) -> Iterator[Article | Rejected | Unextracted]:
    dec.require_text(text, origin)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            origin, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    if isinstance(data, dict):
        yield _record(data, default_id=ident, origin=origin, defer_html=defer_html)
    elif isinstance(data, list):
        if not data:
            raise MalformedInputError(origin, "empty JSON list: no articles")
        for i, record in enumerate(data):
            yield _record(record, origin=f"{origin}[{i}]", defer_html=defer_html)
    else:
        raise MalformedInputError(origin, "expected a JSON object or a list of objects")


def _record(
    record: Any, *, origin: str, default_id: str | None = None, defer_html: bool = False
) -> Article | Rejected | Unextracted:
    try:
        return from_record(record, default_id=default_id, origin=origin, defer_html=defer_html)
    except InputError as exc:
        return Rejected(exc.origin, exc.reason)


def _read_jsonl_file(
    path: Path, max_bytes: int, defer_html: bool = False
) -> Iterator[Article | Rejected | Unextracted]:
    origin = str(path)
    if path.stat().st_size == 0:
        yield Rejected(origin, "empty file")
        return
    with path.open("rb") as fh:
        dec.check_binary(fh.read(8192), origin)
        fh.seek(0)
        seen = False
        for number, raw in enumerate(_bounded_lines(fh, max_bytes), start=1):
            line_origin = f"{origin}:{number}"
            if raw is None:
                yield Rejected(line_origin, f"line is over the size limit of {max_bytes} bytes")
                seen = True
                continue
            try:
                line = dec.decode(raw, line_origin)
            except InputError as exc:
                yield Rejected(exc.origin, exc.reason)
                seen = True
                continue
            item = _jsonl_line(line, number=number, origin=line_origin, defer_html=defer_html)
            if item is not None:
                seen = True
                yield item
        if not seen:
            yield Rejected(origin, "no records (only blank lines)")


def _bounded_lines(fh: Any, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary file; ``None`` for a line over ``max_bytes`` (skipped, not loaded)."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = fh.readline(1 << 20)
            yield None
            continue
        yield line


def _read_jsonl_stream(
    stream: TextIO, max_bytes: int, defer_html: bool = False
) -> Iterator[Article | Rejected | Unextracted]:
    number = 0
    try:
        for number, line in enumerate(stream, start=1):  # noqa: B007 (used after the loop)
            origin = f"<stdin>:{number}"
            if len(line.encode("utf-8", "replace")) > max_bytes:
                yield Rejected(origin, f"line is over the size limit of {max_bytes} bytes")
                continue
            item = _jsonl_line(line, number=number, origin=origin, defer_html=defer_html)
            if item is not None:
                yield item
    except UnicodeDecodeError as exc:
        yield Rejected(f"<stdin>:{number + 1}", f"not UTF-8 ({exc.reason}); input stops here")


def read_jsonl_line(
    line: str, *, number: int, origin: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article | Rejected | None:
    """One line of a JSONL feed read as ``storybrief ingest`` reads it (HTML extracted):
    an article, a rejection naming ``origin``, or ``None`` for a blank line. For readers
    that split a feed themselves (``storybrief.spark``)."""
    if len(line.encode("utf-8", "replace")) > max_bytes:
        return Rejected(origin, f"line is over the size limit of {max_bytes} bytes")
    item = _jsonl_line(line, number=number, origin=origin)
    return cast("Article | Rejected | None", item)


def _jsonl_line(
    line: str, *, number: int, origin: str, defer_html: bool = False
) -> Article | Rejected | Unextracted | None:
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejected(origin, f"malformed JSON on line {number}, column {exc.colno}: {exc.msg}")
    return _record(record, origin=origin, defer_html=defer_html)
