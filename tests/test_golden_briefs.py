"""Briefs with analysis on real clusters, pinned by digest.

Refactors of the pipeline's seams must leave the briefs byte for byte the same; a change
that means to alter them regenerates the digests on purpose:

    python tests/test_golden_briefs.py --update

Cases: the first 30 Multi-News validation clusters, the first 20 NeuS clusters and the five
seed pages, each briefed with cleaning and analysis at the default budget, with the rules
NER and (where installed) spaCy's, plus one story of 100 pooled Multi-News articles. Only digests are stored here, never the data's text.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
DIGESTS = HERE / "data" / "golden_briefs.json"
SHARED = HERE.parent.parent / "shared" / "data"
MULTINEWS, NEUS = 30, 20


def cases() -> dict[str, list[tuple[str, str]]]:
    """Case name -> (article id, raw text) pairs, read from the shared data in place."""
    from storybrief.eval.datasets import load_clusters

    out: dict[str, list[tuple[str, str]]] = {}
    for dataset, n in (("multinews", MULTINEWS), ("neus", NEUS)):
        for c in load_clusters(dataset, root=SHARED, limit=n):
            out[c.id] = [(f"d{i}", t) for i, t in enumerate(c.documents)]
    # One large story (spaCy then reads a sample; copies found through LSH above 60).
    pooled = [t for c in load_clusters("multinews", root=SHARED, limit=60) for t in c.documents]
    out["multinews-pooled-100"] = [(f"p{i}", t) for i, t in enumerate(pooled[:100])]
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    out["seeds"] = [(p.stem[:3], p.read_text(encoding="utf-8")) for p in seeds]
    return out


def digest(texts: list[tuple[str, str]], ner: str) -> str:
    from storybrief.model import Article
    from storybrief.pipeline import brief_articles

    articles = [Article(id=i, text=t, origin=i) for i, t in texts]
    brief = brief_articles(articles, analyze=True, ner=ner)
    blob = json.dumps(brief.to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def compute(ner: str) -> dict[str, str]:
    return {name: digest(texts, ner) for name, texts in cases().items()}


def _backends() -> list[str]:
    from storybrief.analyze.spacy_ner import load_spacy

    return ["rules"] + (["spacy"] if load_spacy() is not None else [])


@pytest.mark.slow
@pytest.mark.parametrize("ner", ["rules", "spacy"])
def test_briefs_on_real_clusters_match_their_pinned_digests(ner: str) -> None:
    if not (SHARED / "multinews").exists():
        pytest.skip("shared data not found")
    if ner not in _backends():
        pytest.skip("spaCy English model not installed")
    pinned = json.loads(DIGESTS.read_text(encoding="utf-8"))[ner]
    got = compute(ner)
    changed = sorted(k for k in pinned if got.get(k) != pinned[k])
    assert set(got) == set(pinned)
    assert not changed, f"briefs changed: {changed} (regenerate on purpose with --update)"


if __name__ == "__main__":
    if "--update" not in sys.argv:
        sys.exit("usage: python tests/test_golden_briefs.py --update")
    DIGESTS.write_text(
        json.dumps({ner: compute(ner) for ner in _backends()}, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {DIGESTS}")
