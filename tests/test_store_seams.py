"""The store's seams, read from its source and checked on small stores.

- the store imports no stage after clustering (pipeline, summarize, analyze, render) and
  neither ``ingest`` nor ``stream``: reading inputs and making briefs happen outside it;
- every module of the store is under 400 lines, and none keeps module-level state
  (``global``);
- the stored copy index and the in-memory one answer the one protocol alike.
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
from tests.test_store import corpus

from storybrief.dedup.index import BAND_CANDIDATES, Filed, MemoryCopyIndex, find_original
from storybrief.dedup.rule import CopyParams
from storybrief.dedup.signature import band_keys, signature
from storybrief.store import open_store
from storybrief.store.copyindex import SQLiteCopyIndex
from storybrief.stream import ingest_into

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storybrief"
FORBIDDEN = ("pipeline", "summarize", "analyze", "render", "segment", "ingest", "stream")


def _store_modules() -> dict[str, ast.Module]:
    return {
        p.name: ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted((PACKAGE / "store").glob("*.py"))
    }


def test_the_store_imports_no_later_stage_nor_input_reading() -> None:
    for name, tree in _store_modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                assert parts[0] != "storybrief" or len(parts) < 2 or parts[1] not in FORBIDDEN, (
                    f"store/{name}:{node.lineno} imports {node.module}"
                )


def test_store_modules_are_small_and_keep_no_global_state() -> None:
    for path in (PACKAGE / "store").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name
    for name, tree in _store_modules().items():
        assert not any(isinstance(n, ast.Global) for n in ast.walk(tree)), name


def _filed(text: str, aid: str, ts: float | None = None) -> tuple[Filed, list[int]]:
    words = text.lower().split()
    _, sig = signature(text, words)
    return Filed(aid, f"s-{aid}", aid, sig, ts), band_keys(sig)


def test_memory_and_stored_indexes_find_the_same_original(tmp_path: Path) -> None:
    texts = [a.text for a, _ in corpus(3, 2, seed=4)]
    copy = texts[2] + " A line added by the site that republished it."
    memory = MemoryCopyIndex()
    with open_store(tmp_path / "s.db") as store:
        stored = SQLiteCopyIndex(store.db)  # nothing written: its open batch answers
        for i, text in enumerate(texts):
            filed, keys = _filed(text, f"a{i}")
            memory.add(filed, keys)
            stored.add(filed, keys)
        probe, keys = _filed(copy, "probe")
        found = [
            find_original(
                probe.signature,
                keys,
                None,
                (index,),
                window_days=5.0,
                horizon=None,
                rule=CopyParams(),
            )
            for index in (memory, stored)
        ]
    assert found[0] is not None and found[1] is not None
    assert found[0].article == found[1].article == "a2"


def test_a_band_gives_a_bounded_number_of_candidates() -> None:
    memory = MemoryCopyIndex()
    sig = np.zeros(128, dtype=np.uint32)
    for i in range(3 * BAND_CANDIDATES):
        memory.add(Filed(f"a{i}", "s", f"a{i}", sig, None), [7])
    assert len(memory.candidates([7], 0.0, 1.0)) == BAND_CANDIDATES


def test_a_store_fed_through_the_stream_reports_every_input(tmp_path: Path) -> None:
    items = [a for a, _ in corpus(2, 2)]
    with open_store(tmp_path / "s.db") as store:
        report = ingest_into(store, items, progress=False)
        assert [o.origin for o in report.outcomes] == [a.origin or a.id for a in items]
        again = ingest_into(store, items, progress=False)
    assert again.skipped == len(items)
