"""Stores, stored-story briefs and copy links on real data, pinned by digest.

Refactors of the store and the pipeline's seams must leave them byte for byte the same (as
``test_golden_briefs.py`` does for briefs); a change that means to alter them regenerates
the digests on purpose:

    python tests/test_golden_store.py --update

Cases: a store fed the first 300 ECB+ articles and 200 dated Multi-News documents in
batches of 50 (its tables, wall-clock columns aside, and every input's outcome), the same
store after ``recluster``, the briefs of its three largest stories, and the copy links of
all ECB+ articles at once. Only digests are stored here, never the data's text.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import struct
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
DIGESTS = HERE / "data" / "golden_store.json"
SHARED = HERE.parent.parent / "shared" / "data"

# The store's content, wall-clock columns (``stories.added``) aside.
TABLES = {
    "articles": "SELECT seq, id, hash, story, copy_of, source_group, title, source, url, "
    "published, origin, ts, text, removed_chars, shingles, signature, raw_hash FROM articles "
    "ORDER BY seq",
    "stories": "SELECT id, created, updated, title, size, sources, first_seen, last_seen, "
    "first_ts, last_ts, active, clustered, span_first, span_last, norm, names_norm, centroid, "
    "names FROM stories ORDER BY id",
    "df": "SELECT term, n FROM df ORDER BY term",
    "lsh": "SELECT key, article, ts FROM lsh ORDER BY key, article",
    "meta": "SELECT key, value FROM meta ORDER BY key",
}


def _digest(value: Any) -> str:
    blob = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=repr)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _inputs() -> list[Any]:
    from storybrief.model import Article

    out = []
    with (SHARED / "ecbplus" / "dev_docs.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    out += [Article(id=r["doc_id"], text=r["text"], origin=r["doc_id"]) for r in rows[:300]]
    with (SHARED / "multinews" / "validation.jsonl").open(encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            for i, text in enumerate(json.loads(line)["documents"]):
                day = f"2024-{1 + k % 6:02d}-{1 + i + (k // 6) % 20:02d}"
                out.append(Article(id=f"mn{k}-{i}", text=text, published=day, origin=f"mn{k}"))
            if len(out) >= 500:
                break
    return out


# Story vectors are float sums whose last bits move with the numeric libraries' versions
# (numpy's summation order); they are pinned to 10 significant digits, everything else
# exactly.
VECTOR_COLUMNS = {"centroid", "names"}


def _stable(row: tuple[Any, ...], columns: list[str]) -> tuple[Any, ...]:
    out: list[Any] = []
    for name, value in zip(columns, row, strict=True):
        if isinstance(value, float):
            value = f"{value:.10g}"
        elif name in VECTOR_COLUMNS and isinstance(value, bytes):
            n = len(value) // 12  # int32 keys, then float64 weights
            keys = struct.unpack(f"<{n}i", value[: 4 * n])
            weights = struct.unpack(f"<{n}d", value[4 * n :])
            value = [(k, f"{w:.10g}") for k, w in zip(keys, weights, strict=True)]
        out.append(value)
    return tuple(out)


def _tables(db: Path) -> dict[str, str]:
    con = sqlite3.connect(db)
    try:
        out = {}
        for name, sql in TABLES.items():
            cursor = con.execute(sql)
            columns = [d[0] for d in cursor.description]
            out[name] = _digest(repr([_stable(row, columns) for row in cursor.fetchall()]))
        return out
    finally:
        con.close()


def compute() -> dict[str, str]:
    import storybrief
    from storybrief.dedup import find_copies
    from storybrief.model import Article
    from storybrief.store import open_store

    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "golden.db"
        with open_store(db, batch=50) as store:
            report = _ingest(store, _inputs())
        out["ingest-outcomes"] = _digest([o.to_dict() for o in report.outcomes])
        out.update({f"ingest-{k}": v for k, v in _tables(db).items()})
        with open_store(db, create=False) as store:
            store.recluster()
            largest = [s.id for s in store.stories(order="largest", limit=3)]
        out.update({f"recluster-{k}": v for k, v in _tables(db).items()})
        for i, sid in enumerate(largest):
            brief = _brief_story(storybrief, db, sid)
            out[f"story-brief-{i}"] = _digest(brief.to_dict())
    with (SHARED / "ecbplus" / "dev_docs.jsonl").open(encoding="utf-8") as fh:
        ecb = [Article(id=r["doc_id"], text=r["text"]) for r in map(json.loads, fh)]
    out["ecbplus-copies"] = _digest([c.to_dict() for c in find_copies(ecb)])
    return out


def _ingest(store: Any, items: list[Any]) -> Any:
    """The store's ingest, wherever this version of the code has it."""
    try:
        from storybrief.stream import ingest_into  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return store.ingest(items, progress=False)
    return ingest_into(store, items, progress=False)


def _brief_story(storybrief: Any, db: Path, story_id: str) -> Any:
    fn = getattr(storybrief, "brief_story", None)
    if fn is None:
        from storybrief.store import brief_story as fn  # type: ignore[attr-defined,no-redef]
    return fn(db, story_id, words=120)


@pytest.mark.slow
def test_stores_story_briefs_and_copies_on_real_data_match_their_pinned_digests() -> None:
    if not (SHARED / "ecbplus").exists():
        pytest.skip("shared data not found")
    pinned = json.loads(DIGESTS.read_text(encoding="utf-8"))
    got = compute()
    assert set(got) == set(pinned)
    changed = sorted(k for k in pinned if got[k] != pinned[k])
    assert not changed, f"changed: {changed} (regenerate on purpose with --update)"


if __name__ == "__main__":
    if "--update" not in sys.argv:
        sys.exit("usage: python tests/test_golden_store.py --update")
    sys.path.insert(0, str(HERE.parent / "src"))
    DIGESTS.write_text(json.dumps(compute(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {DIGESTS}")
