"""Scoring an ``Analysis`` against hand-annotated stories (tests/data/analyze/*.json).

A gold story holds its articles, the copy links between them, and what a reader should
get: quotes (``fragments`` that identify the remark, its ``speaker``, the ``articles``
carrying it), disagreements (``kind`` and one ``values`` entry per side) and a few
entities and timeline dates. Matching is by fragment and value, so the scores do not
depend on which wording of a merged quote is shown.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storybrief.model import Analysis, Article, CopyLink


@dataclass(frozen=True)
class Gold:
    name: str
    articles: tuple[Article, ...]
    copies: tuple[CopyLink, ...]
    data: dict[str, Any]


@dataclass(frozen=True)
class Counts:
    """True positives, predictions and gold items of one measure."""

    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def __add__(self, o: Counts) -> Counts:
        return Counts(
            self.tp_pred + o.tp_pred,
            self.pred + o.pred,
            self.tp_gold + o.tp_gold,
            self.gold + o.gold,
        )

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0


def load_gold(path: str | Path) -> Gold:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    articles = tuple(
        Article(id=a["id"], text=a["text"], source=a.get("source"), published=a.get("published"))
        for a in data["articles"]
    )
    copies = tuple(
        CopyLink(c["article"], c["of"], "copy", 1.0, 1.0) for c in data.get("copies", ())
    )
    return Gold(data["name"], articles, copies, data)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _quote_hits(analysis: Analysis, sentences: dict[str, tuple[str, ...]], gold: dict) -> list[int]:
    """Indices of the predicted quotes that carry the gold quote's fragment."""
    frags = [_norm(f) for f in gold["fragments"]]
    hits = []
    for k, q in enumerate(analysis.quotes):
        where = [_norm(q.text)] + [_norm(sentences[c.article][c.sentence]) for c in q.citations]
        if any(f in w for f in frags for w in where):
            hits.append(k)
    return hits


def score(
    analysis: Analysis, sentences: dict[str, tuple[str, ...]], gold: Gold
) -> dict[str, Counts]:
    """Counts per measure: ``quotes`` (found), ``merged`` (found once, with exactly the gold
    articles), ``speakers`` (found with the right speaker; ``None`` when the story names
    no one), ``disagreements`` (every gold value on its own side)."""
    gq = gold.data.get("quotes", [])
    hits = [_quote_hits(analysis, sentences, g) for g in gq]
    matched_pred = {k for h in hits for k in h}
    quotes = Counts(len(matched_pred), len(analysis.quotes), sum(1 for h in hits if h), len(gq))
    merged_ok = 0
    speaker_ok = 0
    speaker_pred_ok: set[int] = set()
    for g, h in zip(gq, hits, strict=True):
        if len(h) == 1:
            arts = {c.article for c in analysis.quotes[h[0]].citations}
            merged_ok += arts == set(g["articles"])
        if h and all(analysis.quotes[k].speaker == g["speaker"] for k in h):
            speaker_ok += 1
            speaker_pred_ok.update(h)
    merged = Counts(merged_ok, len(gq), merged_ok, len(gq))
    speakers = Counts(len(speaker_pred_ok), len(analysis.quotes), speaker_ok, len(gq))

    gd = gold.data.get("disagreements", [])
    found_pred: set[int] = set()
    found_gold = 0
    for g in gd:
        for k, d in enumerate(analysis.disagreements):
            sides = [_norm(s.value) for s in d.sides]
            if _values_on_sides([_norm(v) for v in g["values"]], sides):
                found_pred.add(k)
                found_gold += 1
                break
    dis = Counts(len(found_pred), len(analysis.disagreements), found_gold, len(gd))
    return {"quotes": quotes, "merged": merged, "speakers": speakers, "disagreements": dis}


def _values_on_sides(values: Sequence[str], sides: Sequence[str]) -> bool:
    """Each gold value on a different side ("15" on "at least 15 people")."""
    used: set[int] = set()
    for v in values:
        k = next((k for k, s in enumerate(sides) if k not in used and _has_value(s, v)), None)
        if k is None:
            return False
        used.add(k)
    return True


def _has_value(side: str, value: str) -> bool:
    if value.startswith("not "):
        return value in side
    # "injured" must not match the negated side "not injured".
    return value in side and not side.startswith("not ")
