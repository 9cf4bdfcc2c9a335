"""No article text from ../shared/data in the repository's code, tests or docstrings.

Examples in tests and docstrings are our own invented writing; the shared data is read in
place and never copied. This reads every string literal (docstrings included) and
comment of ``src/`` and ``tests/``, and every string of the JSON files under ``src/`` (the
annotations' notes) and fails on any that shares a run of ``RUN`` words with an
article of the shared data (Multi-News, NeuS, ECB+, PolNeAR, the seeds, scrapinghub's
article bodies). Fixed wording that a detector must match as written (a crawler's
placeholder page, a site's stock sign-up line) is exempt where its line, or the line
before it, says ``# stock wording``.
"""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUN = 8
MARK = "# stock wording"
_WORD = re.compile(r"\w+")


def _runs(text: str) -> Iterator[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    for i in range(len(words) - RUN + 1):
        yield tuple(words[i : i + RUN])


def _literals() -> dict[tuple[str, ...], set[tuple[str, int]]]:
    """Each word run of each checked literal -> where it stands (file, line)."""
    out: dict[tuple[str, ...], set[tuple[str, int]]] = {}
    for path in sorted([*ROOT.joinpath("src").rglob("*.py"), *ROOT.joinpath("tests").glob("*.py")]):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            near = lines[max(0, node.lineno - 2) : node.end_lineno or node.lineno]
            if any(MARK in line for line in near):
                continue
            for run in _runs(node.value):
                out.setdefault(run, set()).add((str(path.relative_to(ROOT)), node.lineno))
        for first, last, text in _comments(source):
            if any(MARK in line for line in lines[max(0, first - 2) : last]):
                continue
            for run in _runs(text):
                out.setdefault(run, set()).add((str(path.relative_to(ROOT)), first))
    for path in sorted(ROOT.joinpath("src").rglob("*.json")):
        # Located by the string's place in the file (its n-th string), JSON having no lines.
        for n, text in enumerate(_strings(json.loads(path.read_text(encoding="utf-8")))):
            for run in _runs(text):
                out.setdefault(run, set()).add((str(path.relative_to(ROOT)), n))
    return out


def _strings(value: object) -> Iterator[str]:
    """Every string inside a JSON value (the annotations' short notes, for one)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _comments(source: str) -> Iterator[tuple[int, int, str]]:
    """Runs of comment lines, joined (a sentence often goes on to the next comment line),
    each with the numbers of its first and last line."""
    block: list[str] = []
    first = last = 0
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        row = tok.start[0]
        if block and row != last + 1:
            yield first, last, " ".join(block)
            block = []
        if not block:
            first = row
        block.append(tok.string.lstrip("#"))
        last = row
    if block:
        yield first, last, " ".join(block)


def _articles(data: Path) -> Iterator[str]:
    with (data / "multinews" / "validation.jsonl").open(encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            yield from row["documents"]
    yield (data / "neus" / "val.source").read_text(encoding="utf-8")
    with (data / "ecbplus" / "dev_docs.jsonl").open(encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            yield row["text"]
    for part in ("train", "dev"):
        for path in sorted((data / "polnear" / part / "text").glob("*.txt")):
            yield path.read_text(encoding="utf-8")
    for path in sorted((data / "seeds").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    truth = json.loads((data / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    for page in truth.values():
        yield page.get("articleBody") or ""


def test_no_literal_shares_a_long_run_with_the_shared_articles() -> None:
    from conftest import shared_path

    data = shared_path("multinews").parent
    if not (data / "polnear").exists():
        pytest.skip("PolNeAR not in the shared data")
    ours = _literals()
    found: dict[tuple[str, int], str] = {}
    for text in _articles(data):
        for run in _runs(text):
            for where in ours.get(run, ()):
                found.setdefault(where, " ".join(run))
    assert not found, "\n".join(f"{f}:{line}: '{run}'" for (f, line), run in sorted(found.items()))


def test_the_check_sees_a_copied_run() -> None:
    """The run finder itself: a literal and an article sharing RUN words meet."""
    article = "one two three four five six seven eight nine"
    literal = "zero one two three four five six seven eight"
    assert set(_runs(article)) & set(_runs(literal))
    assert not set(_runs(article)) & set(_runs("one two three four five six seven"))
