"""The one size each source gives of one thing, written as a compound: "a nearly 6,000-word
manifesto" / "a 5,500-word letter". Sources name the thing differently (manifesto, letter,
note), so the shared-word gates of ``disagree`` never pair the two sentences; but an
article that measures something in a unit just once, in a hyphenated compound, and
another that does the same about the same named person or body, measure one thing far
more often than two.

A pair disagrees when the two values of one unit cannot both be true, come from two
source groups, are each the *only* value of that unit in their article (an article that
measures two things in tons, "the 29,060-ton ship ... the 8,315-ton destroyer", is
comparing, and another article's one figure may be of either), and the two sentences
name one person or organisation (places are scopes, not the thing measured). Units that
count people, points or times are left to the other rules: "a three-time runner-up" and
"a four-time champion" are two people's records.

Sentences are ``disagree``'s: anything with ``doc``, ``text``, ``values`` and
``mentions``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from storybrief.analyze.name_sides import same_name
from storybrief.analyze.names import NameIndex
from storybrief.analyze.value_base import Value
from storybrief.analyze.values import compatible

# A number and a unit joined by a hyphen, as a modifier: "5,500-word", "26,291-foot".
_COMPOUND = re.compile(r"\d-[A-Za-z]")
_VALUE_COMPOUND = re.compile(r"\d-(?P<unit>[A-Za-z]+)$")
# Units left to other rules: people, records, scores, spans of time, ages.
_SKIP = frozenset(["time", "times", "point", "points", "percent", "man", "men", "woman",
                   "women", "person", "people", "member", "members", "year", "years", "old",
                   "month", "week", "day", "hour", "minute", "second", "game", "run", "vote",
                   "seat"])  # fmt: skip


def _compounds(s: Any) -> list[tuple[int, Value, str]]:
    out = []
    for p, v in enumerate(s.values):
        m = _VALUE_COMPOUND.search(v.text)
        if v.kind == "count" and m is not None and m["unit"].lower() not in _SKIP:
            out.append((p, v, m["unit"].lower()))
    return out


def _one_value(sents: Sequence[Any], unit: frozenset[str], word: str) -> bool:
    """Whether every value of ``unit`` in these sentences (one article) is one figure."""
    norms = set()
    for s in sents:
        if word in s.text.lower():
            norms.update(v.norm for v in s.values if v.kind == "count" and v.unit == unit)
    return len(norms) == 1


def _names(s: Any, index: NameIndex, places: bool = False) -> list[str]:
    out = []
    for m in s.mentions:
        name = index.resolve(m.surface) or m.surface
        if places or index.kind.get(name) != "place":
            out.append(name)
    return out


def one_named(a: Any, b: Any, index: NameIndex, places: bool = False) -> bool:
    """Whether a person or body ``a`` names (or a place, with ``places``) is named in ``b``
    too: as a name found there, or its last word written there ("Mr Zuckerberg's", which
    the name finder may miss)."""
    theirs = _names(b, index, places)
    for name in _names(a, index, places):
        if any(same_name(name, m) for m in theirs):
            return True
        last = name.split()[-1]
        if len(last) > 2 and re.search(rf"\b{re.escape(last)}\b", b.text):
            return True
    return False


def measure_edges(sents: Sequence[Any], index: NameIndex, nodes, edges) -> None:
    """Edges between the single compound measures of one unit in two articles."""
    by_unit: dict[str, list[tuple[int, int, Value]]] = defaultdict(list)
    by_doc: dict[str, list[Any]] = defaultdict(list)
    for x, s in enumerate(sents):
        by_doc[s.doc.id].append(s)
        if _COMPOUND.search(s.text) is None:
            continue
        for p, v, word in _compounds(s):
            by_unit[word].append((x, p, v))
    for word, found in by_unit.items():
        if len({sents[x].doc.group for x, _, _ in found}) < 2:
            continue
        single = {
            doc
            for doc in {sents[x].doc.id for x, _, _ in found}
            if _one_value(by_doc[doc], found[0][2].unit, word)
        }
        for i, (x, p, va) in enumerate(found):
            for y, q, vb in found[i + 1 :]:
                a, b = sents[x], sents[y]
                if a.doc.group == b.doc.group or va.unit != vb.unit or compatible(va, vb):
                    continue
                if a.doc.id not in single or b.doc.id not in single:
                    continue
                if not (one_named(a, b, index) or one_named(b, a, index)):
                    continue
                nodes[(x, p)], nodes[(y, q)] = (a, va, va.kind), (b, vb, vb.kind)
                edges.append(((x, p), (y, q), False))


__all__ = ["measure_edges", "one_named"]
