"""The trust annotations as typed objects: Multi-News clusters and PolNeAR direct quotes.

Two files describe the Multi-News clusters: the shared gold for validation-0..59
(``../shared/data/trust-dev``, with snippets) and storybrief's own for validation-60..99
plus a supplement of junk lines and copy links for the first 60
(``storybrief/eval/trust_gold.json``, offsets and hashes only). Both are read into one
``ClusterGold`` per cluster; every span is a (doc, start, end) into the raw document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storybrief.errors import ConfigError

OURS = Path(__file__).resolve().parents[1] / "trust_gold.json"
SHARED_FILE = ("trust-dev", "multinews_validation_trust.json")
# Later annotation rounds, one file each (same conventions as OURS' 'clusters'); every
# cluster in them is for tuning: the held-out split stays the one in OURS.
EXTRA_GLOB = "trust_gold_*.json"


def extra_clusters(folder: Path = OURS.parent) -> dict[str, dict[str, Any]]:
    """The clusters of the later annotation files, by id (all in the ``tune`` part)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob(EXTRA_GLOB)):
        out.update(json.loads(path.read_text(encoding="utf-8"))["clusters"])
    return out


@dataclass(frozen=True)
class Span:
    doc: int
    start: int
    end: int


@dataclass(frozen=True)
class GoldQuote:
    span: Span
    speaker: str
    speaker_last: str


@dataclass(frozen=True)
class Conflict:
    kind: str
    sides: tuple[Span, ...]
    values: tuple[str, ...]  # the value each side states, as written


@dataclass(frozen=True)
class Fact:
    docs: tuple[int, ...]
    spans: dict[int, Span]


@dataclass(frozen=True)
class CopyLink:
    docs: tuple[int, ...]
    kind: str  # copy, partial, quoted, attributed
    spans: tuple[Span, ...]


@dataclass
class ClusterGold:
    id: str
    documents: tuple[str, ...]
    junk_documents: frozenset[int] = frozenset()
    junk_spans: list[Span] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    non_conflicts: list[tuple[Span, ...]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    copies: list[CopyLink] = field(default_factory=list)


def _span(p: dict[str, Any], doc: int | None = None) -> Span:
    return Span(int(p["doc"] if doc is None else doc), int(p["start"]), int(p["end"]))


def _fill(gold: ClusterGold, c: dict[str, Any]) -> None:
    gold.junk_documents = gold.junk_documents | frozenset(c.get("junk_documents", ()))
    gold.junk_spans += [_span(p) for p in c.get("junk_spans", ())]
    gold.quotes += [
        GoldQuote(_span(q), q["speaker"], q["speaker_last"]) for q in c.get("quotes", ())
    ]
    for x in c.get("conflicts", ()):
        values = []
        for s in x["sides"]:
            if "value" in s:
                values.append(s["value"])
            else:
                text = gold.documents[int(s["doc"])]
                values.append(text[int(s["value_start"]) : int(s["value_end"])])
        gold.conflicts.append(
            Conflict(x.get("kind", ""), tuple(_span(s) for s in x["sides"]), tuple(values))
        )
    gold.non_conflicts += [tuple(_span(s) for s in x["sides"]) for x in c.get("non_conflicts", ())]
    for f in c.get("shared_facts", ()):
        spans = {int(d): _span(s, int(d)) for d, s in f["spans"].items()}
        gold.facts.append(Fact(tuple(sorted(spans)), spans))
    gold.copies += [
        CopyLink(tuple(x["docs"]), x["kind"], tuple(_span(s) for s in x["spans"]))
        for x in c.get("copies", ())
    ]


def load_split(path: Path = OURS) -> dict[str, list[str]]:
    """``{"report": [...], "tune": [...]}``: the held-out clusters and the ones to tune on."""
    data = json.loads(path.read_text(encoding="utf-8"))
    split = {k: list(v) for k, v in data["split"].items()}
    split["tune"] += [c for c in extra_clusters(path.parent) if c not in split["tune"]]
    return split


def load_clusters(
    root: Path, *, part: str | None = None, limit: int | None = None
) -> list[ClusterGold]:
    """Annotated clusters (``part``: ``report``, ``tune`` or all), in file order."""
    multinews = root / "multinews" / "validation.jsonl"
    shared = root.joinpath(*SHARED_FILE)
    for path in (multinews, shared):
        if not path.exists():
            raise ConfigError(f"trust evaluation data not found: {path}")
    with multinews.open(encoding="utf-8") as fh:
        documents = {row["id"]: tuple(row["documents"]) for row in map(json.loads, fh)}
    ours = json.loads(OURS.read_text(encoding="utf-8"))
    theirs = json.loads(shared.read_text(encoding="utf-8"))["clusters"]
    wanted = set(load_split()[part]) if part else None
    out: list[ClusterGold] = []
    for source in (theirs, ours["clusters"], extra_clusters()):
        for cid, c in source.items():
            if wanted is not None and cid not in wanted:
                continue
            gold = ClusterGold(cid, documents[cid])
            _fill(gold, c)
            _fill(gold, ours["supplement"].get(cid, {}))
            out.append(gold)
    out.sort(key=lambda g: int(g.id.rsplit("-", 1)[1]))
    return out[:limit] if limit else out


# --- PolNeAR: attributions in brat standoff ---------------------------------------------

_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it", "him", "her", "them"])
# PolNeAR marks who speaks, not whom "he" refers to: only named sources are scored for the
# speaker; for "he"/"she" the nearest named source before is kept as a rough guide
# (reported apart). "I", "it", "the statement" count for quote recall only.
_PERSONAL = frozenset(["he", "she", "him", "her"])
_CAP = re.compile(r"[A-Z][\w’'.-]*")
_NOT_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "His",
        "Her",
        "Its",
        "Their",
        "This",
        "That",
        "These",
        "Those",
        "Jr",
        "Sr",
        "II",
        "III",
        "IV",
    ]
)


@dataclass(frozen=True)
class PolnearQuote:
    """A direct quote (text inside quotation marks, 5+ words) and its speaker's surname."""

    start: int
    end: int
    text: str
    source: str
    speaker_last: str | None  # the named source's surname; None for "he", "it", "the ad"
    antecedent_last: str | None = None  # for "he"/"she": the nearest named source before


@dataclass(frozen=True)
class PolnearArticle:
    name: str
    text: str
    quotes: tuple[PolnearQuote, ...]


def _name_head(source: str) -> str | None:
    """The surname of a named source: the last word of the last run of capitalised words
    before the first comma and the first "of" (the phrase's head: "76-year-old Morton
    Blackwell, founder of ..." gives "Blackwell", "Republican National Committee chairman
    Reince Priebus" gives "Priebus", "Joel Pollak of Breitbart California" gives "Pollak").
    ``None`` for a pronoun or a description ("the Indiana governor", "the Christie
    supporter": last word lower case)."""
    phrase = re.split(r"\s+of\s+", re.sub(r"\([^)]*\)", " ", source).split(",")[0])[0]
    head = [w.rstrip("’'") for w in phrase.replace("’s", "").replace("'s", "").split()]
    if (
        not head
        or not head[-1]
        or head[-1][0].islower()
        or (len(head) == 1 and head[0].lower() in _PRONOUNS)
    ):
        return None
    runs: list[list[str]] = [[]]
    for w in head:
        w = w.strip('.,:;()"“”')
        if w and _CAP.fullmatch(w) and w not in _NOT_NAME:
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    best = [r for r in runs if r]
    return best[-1][-1] if best else None


def _brat(path: Path) -> tuple[dict[str, list[tuple[int, int]]], list[dict[str, str]]]:
    """The text-bound spans (id -> offsets) and the events (role -> span id) of a .ann file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            where = parts[1].split(" ", 1)[1]
            spans[parts[0]] = [(int(a), int(b)) for a, b in (w.split() for w in where.split(";"))]
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split()))
    return spans, events


def load_polnear(
    root: Path, *, part: str = "dev", limit: int | None = None
) -> list[PolnearArticle]:
    """PolNeAR articles of ``part`` with their direct quotes (the first annotator's file)."""
    folder = root / "polnear" / part
    if not folder.exists():
        raise ConfigError(f"PolNeAR data not found: {folder}")
    seen: set[str] = set()
    out: list[PolnearArticle] = []
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        out.append(PolnearArticle(name, text, tuple(_quotes(ann, text))))
        if limit and len(out) >= limit:
            break
    return out


def _quotes(ann: Path, text: str) -> list[PolnearQuote]:
    table, events = _brat(ann)
    attributions = []
    for roles in events:
        content, source = roles.get("Content"), roles.get("Source")
        if content not in table:
            continue
        cstart = min(a for a, _ in table[content])
        stext = " ".join(text[a:b] for a, b in table[source]) if source in table else ""
        sstart = min(a for a, _ in table[source]) if source in table else cstart
        attributions.append((cstart, table[content], stext, sstart))
    attributions.sort()
    named = sorted(
        (sstart, head) for _, _, stext, sstart in attributions if (head := _name_head(stext))
    )
    out = []
    for _, spans, stext, sstart in attributions:
        head = _name_head(stext)
        antecedent = None
        if head is None and stext.lower() in _PERSONAL:
            before = [h for at, h in named if at < sstart]
            antecedent = before[-1] if before else None
        for a, b in spans:
            for m in _QUOTED.finditer(text, a, b):
                inner = m.group(1).strip()
                if len(inner.split()) >= 5:
                    out.append(PolnearQuote(m.start(1), m.end(1), inner, stext, head, antecedent))
    return out
