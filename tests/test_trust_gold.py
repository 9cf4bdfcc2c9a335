"""Every pointer of the trust annotations resolves to the text it was made for.

``src/storybrief/eval/trust_gold.json`` stores offsets and a hash of each slice, never the
text; this checks each one against ../shared/data (read in place), and that the split
covers every annotated cluster once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parents[1] / "src" / "storybrief" / "eval" / "trust_gold.json"
KINDS = {"copy", "partial", "quoted", "attributed"}


@pytest.fixture(scope="module")
def documents() -> dict[str, list[str]]:
    from conftest import shared_path

    path = shared_path("multinews", "validation.jsonl")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return {r["id"]: r["documents"] for r in rows}


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    """OURS, with the later annotation files' clusters under ``extra``."""
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    data["extra"] = {}
    for path in sorted(GOLD.parent.glob("trust_gold_*.json")):
        clusters = json.loads(path.read_text(encoding="utf-8"))["clusters"]
        assert not set(clusters) & set(data["extra"]), path
        data["extra"].update(clusters)
    return data


def _pointers(cluster: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from cluster.get("junk_spans", ())
    for link in cluster.get("copies", ()):
        yield from link["spans"]
    for item in (*cluster.get("conflicts", ()), *cluster.get("non_conflicts", ())):
        yield from item["sides"]
    yield from cluster.get("quotes", ())
    for fact in cluster.get("shared_facts", ()):
        for doc, span in fact["spans"].items():
            yield {"doc": int(doc), **span}


def test_every_pointer_matches_its_hash(gold: dict[str, Any], documents) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for part in ("clusters", "supplement", "extra"):
        for cid, cluster in gold[part].items():
            docs = documents[cid]
            for p in _pointers(cluster):
                text = docs[p["doc"]][p["start"] : p["end"]]
                digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
                assert p["end"] > p["start"] and digest == p["sha1"], (cid, p)
                checked += 1
    assert checked > 1000


def test_structure_is_consistent(gold: dict[str, Any], documents) -> None:  # type: ignore[no-untyped-def]
    for cid, c in {**gold["clusters"], **gold["extra"]}.items():
        n = len(documents[cid])
        assert all(0 <= d < n for d in c["junk_documents"] + c.get("off_topic_documents", []))
        for conflict in c["conflicts"]:
            assert len({s["doc"] for s in conflict["sides"]}) >= 2, cid
            for s in conflict["sides"]:
                assert s["start"] <= s["value_start"] < s["value_end"] <= s["end"], cid
        for fact in c["shared_facts"]:
            assert len(fact["docs"]) >= 2 and fact["docs"] == sorted(map(int, fact["spans"]))
        for q in c["quotes"]:
            assert q["speaker_last"].lower() in q["speaker"].lower(), (cid, q)
    for part in ("clusters", "supplement", "extra"):
        for cid, c in gold[part].items():
            for link in c.get("copies", ()):
                assert link["kind"] in KINDS and len(set(link["docs"])) >= 2, cid


def test_split_covers_every_cluster_once(gold: dict[str, Any]) -> None:
    report, tune = gold["split"]["report"], gold["split"]["tune"]
    assert not set(report) & set(tune)
    annotated = set(gold["clusters"]) | {f"validation-{n}" for n in range(60)}
    assert set(report) | set(tune) == annotated
    assert 0.3 <= len(report) / len(annotated) <= 0.5
    # later rounds' clusters are new (never a held-out one) and all for tuning
    assert not set(gold["extra"]) & (annotated | set(report))
    from storybrief.eval.trust.gold import load_split

    assert set(load_split()["tune"]) == set(tune) | set(gold["extra"])
