"""Whether two aligned values are of one property of one thing, and which pairs to keep.

Sentences are ``disagree``'s: anything with ``text``, ``mentions``, ``values``, ``common``,
``doc``, ``names_near(value, index)`` and ``places_near(value, index)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storybrief.analyze.lexicon import CLAUSE_WORDS, MONTHS, NUMBER_WORDS, WEEKDAYS
from storybrief.analyze.name_sides import same_name
from storybrief.analyze.names import NameIndex
from storybrief.analyze.value_traps import trap
from storybrief.analyze.values import Value, comparable, compatible
from storybrief.text import STOPWORDS

_SHARE = frozenset(["%"])

_WEEKDAYS = frozenset(WEEKDAYS)


def different_moments(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name a weekday (or a month, or a year) and share none of that kind: "Tuesday"
    and "June 4" may be one day, "Tuesday" and "Monday" are not."""
    for kind in (_WEEKDAYS, MONTHS, None):
        ka = {w for w in a if (w in kind if kind is not None else w.isdigit())}
        kb = {w for w in b if (w in kind if kind is not None else w.isdigit())}
        if ka and kb and ka.isdisjoint(kb):
            return True
    return False


def anchored(
    a: Any, b: Any, va: Value, vb: Value, shared: frozenset[str], index: NameIndex
) -> bool:
    """Both values are of one property of one thing: a shared common word next to both
    (the property: "jackpot", "killed"; names and weekdays anchor nothing), and no rival
    names next to them ("the $2 billion deal for Oculus" / "bought WhatsApp in a $19
    billion deal": each names a thing the other sentence does not)."""
    if rival_predicates(va.context, vb.context) or trap(a, b, va, vb):
        return False
    common = shared & a.common & b.common
    if not common:
        return False
    if va.kind == "number" and len(common) < 2:
        # Money and shares say least about what they measure ("$2 billion deal" /
        # "$19 billion deal"): a second common word or one name beside both values.
        near_a, near_b = set(a.names_near(va, index)), set(b.names_near(vb, index))
        if not near_a & near_b:
            return False
    # What each value measures, where it says so: "36 percent *of senior staff*", "a
    # 22-point *margin*". The other side must speak of the same thing.
    # A share's base may be named anywhere in the other sentence, a compound's noun must
    # be what the other value itself measures.
    ba, bb = _base(a, va), _base(b, vb)
    wide_a, wide_b = (
        (va.context | (a.stems if va.unit & _SHARE else frozenset())),
        (vb.context | (b.stems if vb.unit & _SHARE else frozenset())),
    )
    if (ba and ba.isdisjoint(wide_b | bb)) or (bb and bb.isdisjoint(wide_a | ba)):
        return False
    # Counted in two different places: two scopes (a city, its country), not one count.
    pa, pb = a.places_near(va, index), b.places_near(vb, index)
    if pa and pb and not any(same_name(x, y) for x in pa for y in pb):
        return False
    own_a = [n for n in a.names_near(va, index) if not named_in(n, b, index)]
    own_b = [n for n in b.names_near(vb, index) if not named_in(n, a, index)]
    return not (own_a and own_b)


# Predicates that measure different things of one event: the dead, the injured, the
# missing, the rescued, the evacuated; homes damaged or destroyed. A value whose own clause
# names one is no value of another ("killed two" / "30 injured", "10 missing" / "20 dead").
_PREDICATES = frozenset(["DIE", "HURT", "miss", "rescu", "evacuat", "displac", "damag", "destroy",
                         "hospit", "hospitaliz"])  # fmt: skip


def rival_predicates(a: frozenset[str], b: frozenset[str]) -> bool:
    pa, pb = a & _PREDICATES, b & _PREDICATES
    return bool(pa) and bool(pb) and pa.isdisjoint(pb)


_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?((?:[a-z][\w-]*\s*){1,2})")
_COMPOUND_NOUN = re.compile(r"\s+([a-z][a-z-]+)")


def _base(s: Any, v: Value) -> frozenset[str]:
    """The stems of what ``v`` is a share or a measure of, when the sentence names it
    right after the value: "N percent of BASE" or "an N-unit BASE"."""
    text = s.text
    if v.unit & _SHARE:
        m = _OF.match(text, v.end)
        words = m.group(1).split() if m else []
    elif "-" in v.text and v.kind in ("count", "duration"):
        m = _COMPOUND_NOUN.match(text, v.end)
        words = [m.group(1)] if m else []
    else:
        return frozenset()
    stem = s.ctx.stem
    return frozenset(stem(w) for w in words if w not in STOPWORDS and w not in CLAUSE_WORDS)


def named_in(name: str, s: Any, index: NameIndex) -> bool:
    """Whether sentence ``s`` names ``name`` in some form ("Korea" in "North Korean", "US"
    for "United States")."""
    first = name.split()[0]
    if first in s.text or name in s.text:
        return True
    return any(same_name(name, index.resolve(m.surface) or m.surface) for m in s.mentions)


def states(s: Any, v: Value, besides: Value) -> bool:
    """Whether sentence ``s`` states a value comparable and compatible with ``v`` (other
    than ``besides``): "16 hours to map, four hours' travel" holds both of a pair."""
    return any(
        w is not besides
        and comparable(v, w)
        and compatible(v, w)
        and not rival_predicates(v.context, w.context)
        for w in s.values
    )


def stated_elsewhere(others: Sequence[Any], v: Value, besides: Any) -> bool:
    """Whether another sentence of the other article (``others``, but ``besides``) states
    ``v``'s value too, written the same way, of the same property (a word of its clause beside it): then the two
    values are of two things, and the other source states both ("a nine-month sentence
    for insulting an official" / "a one-year sentence for insulting an officer; she will
    also appeal a nine-month sentence for insulting an official")."""
    if v.kind not in ("count", "number", "duration") or not _plain(v):
        return False  # "at least three" fits too many other figures
    return any(
        t is not besides
        and w.norm == v.norm
        and _plain(w)
        and comparable(v, w)
        and bool((v.context & w.context) - v.unit - w.unit)
        for t in others
        if t.numeric
        for w in t.values
    )


def _plain(v: Value) -> bool:
    """The value is stated without a hedge: its text starts with the number itself."""
    first = v.text.split()[0].lower().split("-")[0] if v.text else ""
    return first[:1].isdigit() or first[:1] in "$€£" or first in NUMBER_WORDS


def mutual_best(
    scored: Sequence[tuple[float, tuple[int, int], tuple[int, int]]], sents: Sequence[Any]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The aligned value pairs where each value is the other's best-aligned value in the
    other's article (a unique best): "80 people died in the floods" then meets "up
    to 80 people died in the floods", not every count of people in that article.
    Without this, one article's several counts chain into one subject and hide the dispute
    (or invent one)."""
    best: dict[tuple[tuple[int, int], str], tuple[float, tuple[int, int] | None]] = {}
    for score, u, v in scored:
        for me, other in ((u, v), (v, u)):
            key = (me, sents[other[0]].doc.id)
            have = best.get(key)
            if have is None or score > have[0]:
                best[key] = (score, other)
            elif score == have[0] and have[1] != other:
                best[key] = (score, None)  # a tie: no unique best
    out = []
    for _, u, v in scored:
        bu = best[(u, sents[v[0]].doc.id)][1]
        bv = best[(v, sents[u[0]].doc.id)][1]
        if bu == v and bv == u:
            out.append((u, v))
    return out
