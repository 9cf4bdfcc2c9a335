"""Concurrency soak in the suite: CLI ingests (a file, a pipe) and HTTP clients of a real
``storybrief serve`` write the same real articles to one store at once, twice over
(``benchmarks/bench_soak.py`` runs the bigger one whose figures are in docs/BENCHMARKS.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "bench_soak", ROOT / "benchmarks" / "bench_soak.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_many_writers_at_once_store_every_article_once() -> None:
    pytest.importorskip("uvicorn")
    bench = _bench()
    if not (bench.DATA / "ecbplus").exists():
        pytest.skip("shared data not found")
    records = bench.real_records(1500)
    figures = bench.soak(records, rounds=2, http_writers=2, batch=50)
    errors = [e for r in figures["rounds"] for e in r["errors"]]
    assert not errors, errors
    assert figures["same_texts_as_one_writer"]  # every usable article, each exactly once
    assert not figures["unknown_ids"]  # no article took an id it did not come with
    assert figures["consistent"]
    assert figures["later_ingest"][0] == 0
    assert figures["stored"] > 1400
