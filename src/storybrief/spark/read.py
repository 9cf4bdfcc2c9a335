"""Inputs into an RDD of ``(index, Article | Rejected)``: JSONL lines or Parquet rows read
as ``storybrief ingest`` reads a record (``ingest.read_jsonl_line``, ``from_record``), HTML
extracted and every article cleaned (``clean.batch.clean_one``) inside the partitions.

``index`` is the record's position in the whole input (files in the order given, folders
walked in sorted order): the batch path's input order, which breaks ties in copy
originality and numbers the stories. A record's origin is ``path:LINE`` for JSONL (as
ingest names it), ``path[ROW]`` for Parquet.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from storybrief.errors import InputError
from storybrief.model import Article, Rejected

SUFFIXES = (".jsonl", ".json", ".parquet")
RECORD_COLUMNS = ("id", "text", "html", "title", "url", "source", "published", "language")


def input_files(inputs: Sequence[str]) -> list[str]:
    """Local inputs checked and folders expanded (``.jsonl``/``.parquet`` files, sorted,
    recursively); anything with a scheme (``hdfs://``, ``s3a://``) is left to Spark."""
    if not inputs:
        raise InputError("storybrief spark", "no INPUT given (JSONL or Parquet files, folders)")
    out: list[str] = []
    for item in inputs:
        if "://" in item:
            out.append(item)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(item, "no such file or folder")
        if path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES)
            )
            if not found:
                raise InputError(item, f"no {', '.join(SUFFIXES)} files in the folder")
            out.extend(found)
        else:
            out.append(str(path))
    return out


def read_corpus(spark: Any, files: Sequence[str]) -> Any:
    """RDD of ``(index, Article | Rejected)`` over ``files``, articles cleaned."""
    sc = spark.sparkContext
    jsonl = [not (name.endswith(".parquet") or Path(name).is_dir()) for name in files]
    if len(files) == 1 and jsonl[0]:
        # One JSONL file: its line number is its index, numbered in one pass.
        lines = sc.textFile(files[0]).zipWithIndex()
        raw = lines.map(lambda li, n=files[0]: ((n, li[1] + 1, li[0]), li[1]))
        return raw.mapPartitions(_parse_and_clean)
    parts = []
    for name, is_jsonl in zip(files, jsonl, strict=True):
        if not is_jsonl:
            df = spark.read.parquet(name)
            cols = [c for c in RECORD_COLUMNS if c in df.columns]
            rows = df.select(*cols).rdd.map(lambda r: r.asDict())
            parts.append(rows.zipWithIndex().map(lambda ri, n=name: (n, ri[1], ri[0])))
        else:
            lines = sc.textFile(name)
            parts.append(lines.zipWithIndex().map(lambda li, n=name: (n, li[1] + 1, li[0])))
    raw = parts[0] if len(parts) == 1 else sc.union(parts)
    return raw.zipWithIndex().mapPartitions(_parse_and_clean)


def _parse_and_clean(items: Iterable[tuple[tuple[str, int, Any], int]]) -> Iterator[Any]:
    from storybrief.clean.batch import clean_one

    for (name, number, value), index in items:
        item = _record(name, number, value)
        if item is None:
            continue
        if isinstance(item, Article):
            item, _ = clean_one(item)
        yield index, item


def _record(name: str, number: int, value: Any) -> Article | Rejected | None:
    from storybrief.ingest import read_jsonl_line
    from storybrief.ingest.formats import from_record

    if isinstance(value, str):
        return read_jsonl_line(value, number=number, origin=f"{name}:{number}")
    origin = f"{name}[{number}]"
    record = {k: _plain(v) for k, v in value.items() if v is not None}
    try:
        return from_record(record, origin=origin)
    except InputError as exc:
        return Rejected(exc.origin, exc.reason)


def _plain(value: Any) -> Any:
    """A Parquet value as a JSON record would hold it (timestamps as ISO text)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return value.decode("utf-8", "replace")
    if isinstance(value, list | dict):
        return json.loads(json.dumps(value, default=str))
    return value
