"""The one figure each source gives of one property, worded differently: "a 30-car
pileup near Varnby" / "the 25-vehicle pileup near Varnby", "a rampage at two Velmor
schools killed 14 people" / "the attack on two Velmor schools, which left 13 people dead".
The shared-word gates of ``disagree`` need two sentences to overlap in most of their
words; two sources rarely phrase one fact alike.

A pair disagrees when two values of one kind and unit (cars and vehicles are one; people
counted as the dead, or as the injured, are one) cannot both be true, come from two source
groups, are each the *only* figure of that unit *for that property* in their article (an
article that counts two tolls is comparing, and another article's one figure may be of
either), share a common word beside both values (the property: "pileup", "killed"; money
two), every name beside either value is named in the other sentence and at least one is
(or, on one side only, a town whose wider place both sentences name)
(a store's story may hold several events: "the Osterland navy captured 23 pirates" / "the
Velt frigate seized 11 pirates"), and no trap applies (updates, earlier events, rates,
parts, figures asked for). Other counts of people, lengths, weights and spans of time are
left to the other rules: a story counts many groups of people and measures many things.
Ranks were tried and dropped ("the seven films" / "the first film").

Sentences are ``disagree``'s: anything with ``ctx``, ``doc``, ``text``, ``values``,
``common``, ``numeric`` and ``mentions``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from storybrief.analyze.labels import UNIT_NAMES
from storybrief.analyze.names import NameIndex
from storybrief.analyze.pairing import named_in, rival_predicates
from storybrief.analyze.value_base import Value
from storybrief.analyze.value_traps import trap
from storybrief.analyze.values import compatible, may_state_count

# Units left to other rules: people, time, votes and points are counted of many things,
# lengths and weights measure many things (``twins`` compares one measurement).
_SKIP = frozenset(UNIT_NAMES.values()) | frozenset(["peopl", "people", "person", "man", "men", "woman", "women", "child",
                   "children", "other", "time", "point", "vote", "seat", "year", "month",
                   "day", "week", "hour", "minute", "percent", "%", "game", "run"])  # fmt: skip


# Counted nouns sources use for one another ("a 30-car pileup" / "a 25-vehicle pileup").
_UNIT_CLASS = {"car": "vehicle", "vehicl": "vehicle", "vehicle": "vehicle", "album": "album",
               "record": "album"}  # fmt: skip


# People counted as the dead or the injured of one event ("12 people were killed" / "the
# storm left 15 dead"): one figure per article of each, as for any other noun.
_PEOPLE = frozenset(["peopl", "people", "person"])
_CASUALTY = frozenset(["DIE", "HURT"])


def _unit(v: Value) -> frozenset[str]:
    if v.unit & _PEOPLE:
        return frozenset(f"people {c}" for c in v.context & _CASUALTY)
    return frozenset(_UNIT_CLASS.get(u, u) for u in v.unit)


def _figures(s: Any) -> list[tuple[int, Value]]:
    return [
        (p, v)
        for p, v in enumerate(s.values)
        if v.kind in ("count", "number")
        and v.unit
        and (v.unit.isdisjoint(_SKIP) or len(_casualty(v)) == 1)
    ]


def _casualty(v: Value) -> frozenset[str]:
    return v.context & _CASUALTY if v.unit & _PEOPLE else frozenset()


def _property(s: Any, v: Value) -> frozenset[str]:
    """The common words beside the value (its local context, written in lower case)."""
    return (v.context - v.unit - _unit(v)) & s.common


def single_edges(sents: Sequence[Any], index: NameIndex, nodes, edges) -> None:
    """Edges between the single figures of one unit and property in two articles."""
    by_unit: dict[frozenset[str], list[tuple[int, int, Value]]] = defaultdict(list)
    for x, s in enumerate(sents):
        # Only counts and numbers are figures: a sentence that can state no count (only
        # ranks or dates) is never parsed for its values here.
        if s.numeric and may_state_count(s.ctx, s.text):
            for p, v in _figures(s):
                by_unit[_unit(v)].append((x, p, v))
    for found in by_unit.values():
        if len({sents[x].doc.group for x, _, _ in found}) < 2:
            continue
        # Each figure's property once (the pairs and ``_single`` read it again and again).
        props = [_property(sents[x], v) for x, _, v in found]
        for i, (x, p, va) in enumerate(found):
            a = sents[x]
            for j in range(i + 1, len(found)):
                y, q, vb = found[j]
                b = sents[y]
                if a.doc.group == b.doc.group or va.kind != vb.kind or compatible(va, vb):
                    continue
                prop = props[i] & props[j]
                if va.kind == "number" and len(prop) < 2:
                    continue  # money says least about what it measures (as in ``pairing``)
                if not prop:
                    continue
                if rival_predicates(va.context, vb.context):
                    continue
                if not (
                    _single(sents, found, props, a, va, prop)
                    and _single(sents, found, props, b, vb, prop)
                ):
                    continue
                if not _one_thing(a, b, va, vb, index):
                    continue
                if trap(a, b, va, vb):
                    continue
                nodes[(x, p)], nodes[(y, q)] = (a, va, va.kind), (b, vb, vb.kind)
                edges.append(((x, p), (y, q), False))


def _one_thing(a: Any, b: Any, va: Value, vb: Value, index: NameIndex) -> bool:
    """The two figures are of one named thing: every name beside either is written in the
    other sentence ("the German cruise ship" / "the MS Columbus" may be two ships), and
    there is one (two figures beside no name may be of any two things). A town beside one
    figure may go unnamed in the other sentence when that sentence names a wider place the
    first one names too, and no other place beside its own figure ("a 30-car pileup near
    Varnby, Osterland" / "in Osterland, a 25-vehicle pileup"): one source is more exact."""
    near_a, near_b = a.names_near(va, index), b.names_near(vb, index)
    own_a = [n for n in near_a if not named_in(n, b, index)]
    own_b = [n for n in near_b if not named_in(n, a, index)]
    if own_a and own_b:
        return False  # each names its own thing or place ("near Varnby" / "near Kellmouth")
    if not all(_finer(n, a, b, index) for n in own_a):
        return False
    if not all(_finer(n, b, a, index) for n in own_b):
        return False
    return bool(near_a or near_b)


def _finer(name: str, a: Any, b: Any, index: NameIndex) -> bool:
    """Whether ``name`` (beside a figure of ``a``) is a place, and another place ``a``
    names is named in ``b`` too: the scope both share."""
    if index.kind.get(name) != "place":
        return False
    for m in a.mentions:
        other = index.resolve(m.surface) or m.surface
        if other != name and index.kind.get(other) == "place" and named_in(other, b, index):
            return True
    return False


def _single(
    sents: Sequence[Any],
    found: Sequence[tuple[int, int, Value]],
    props: Sequence[frozenset[str]],
    s: Any,
    v: Value,
    prop,
) -> bool:
    """Whether every figure of ``v``'s unit in ``s``'s article is one figure, or of
    another property (no word of ``prop`` beside it; ``props[k]`` is ``found[k]``'s)."""
    return all(
        w.norm == v.norm or props[k].isdisjoint(prop)
        for k, (x, _, w) in enumerate(found)
        if sents[x].doc.id == s.doc.id
    )


__all__ = ["single_edges"]
