"""docs/BENCHMARKS.md as marked sections, so each benchmark script rewrites only its own.

A section is the text between ``<!-- section:NAME -->`` and ``<!-- /section:NAME -->``.
``update_section`` replaces one (or appends it when missing) and leaves the rest alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from storybrief.errors import ConfigError

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def default_path() -> Path:
    """docs/BENCHMARKS.md of the checkout this package runs from (else of the cwd)."""
    here = Path(__file__).resolve()
    for base in here.parents:
        if (base / "pyproject.toml").is_file() and (base / "docs").is_dir():
            return base / "docs" / "BENCHMARKS.md"
    return Path.cwd() / "docs" / "BENCHMARKS.md"


def markers(name: str) -> tuple[str, str]:
    if not _NAME.match(name):
        raise ConfigError(f"section name must be lower-case letters, digits, - or _, got {name!r}")
    return f"<!-- section:{name} -->", f"<!-- /section:{name} -->"


def replace_section(document: str, name: str, markdown: str) -> str:
    """``document`` with section ``name`` holding ``markdown`` (appended if absent)."""
    start, end = markers(name)
    block = f"{start}\n{markdown.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(document):
        return pattern.sub(lambda _m: block, document, count=1)
    sep = (
        ""
        if not document or document.endswith("\n\n")
        else ("\n" if document.endswith("\n") else "\n\n")
    )
    return f"{document}{sep}{block}\n"


def read_section(document: str, name: str) -> str | None:
    start, end = markers(name)
    m = re.search(re.escape(start) + r"\n?(.*?)\n?" + re.escape(end), document, re.DOTALL)
    return m.group(1) if m else None


def update_section(name: str, markdown: str, path: str | Path | None = None) -> Path:
    """Replace section ``name`` of docs/BENCHMARKS.md (or ``path``) with ``markdown``."""
    target = Path(path) if path is not None else default_path()
    text = target.read_text(encoding="utf-8") if target.exists() else "# Benchmarks\n\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(replace_section(text, name, markdown), encoding="utf-8")
    return target
