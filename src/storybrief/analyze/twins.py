"""Two precise measurements of one thing written a little differently: "the 8,027-meter
mountain" / "the 8,013 m peak". Sources that measure one mountain, bridge or route rarely
word it alike, so the shared-word gates of ``disagree`` never pair them; two exact
figures of one unit of length, area or weight a hair apart (within ``CLOSE``) are of one
thing far more often than two things happen to measure alike. A conversion in brackets
beside each ("5,900 meters (19,350 feet)" / "19,356 feet (5,900 m)") shows which figure
is the measurement: when the two bracketed partners agree, the pair differs by rounding
only.

Sentences are ``disagree``'s: anything with ``text`` and ``values``.
"""

from __future__ import annotations

from typing import Any

from storybrief.analyze.labels import UNIT_NAMES
from storybrief.analyze.value_base import Value

# Units of measure (lengths, heights, areas, weights), as ``values`` writes them.
MEASURES = frozenset(UNIT_NAMES.values())
# How far apart two figures of one measurement may be (a share of the larger).
CLOSE = 0.01
# Figures this large or larger: small ones ("12 feet") match by chance.
LEAST = 1000


def _exact(v: Value) -> bool:
    return v.low == v.high and v.text[:1].isdigit()


def twins(va: Value, vb: Value) -> bool:
    """Two exact figures of one unit of measure, at least ``LEAST``, that differ by a
    little (at most ``CLOSE`` of the larger) and so cannot both be right."""
    if va.kind != "count" or not (va.unit & vb.unit & MEASURES):
        return False
    if not (_exact(va) and _exact(vb)) or min(va.low, vb.low) < LEAST or va.low == vb.low:
        return False
    return abs(va.low - vb.low) <= CLOSE * max(va.low, vb.low)


def _partner(s: Any, v: Value) -> Value | None:
    """The value written right beside ``v`` with a bracket between them: its conversion."""
    for w in s.values:
        if w is v or w.kind != v.kind:
            continue
        gap = s.text[v.end : w.start] if w.start >= v.end else s.text[w.end : v.start]
        if gap.strip() in ("(", ")"):
            return w
    return None


def rounded_conversion(a: Any, b: Any, va: Value, vb: Value) -> bool:
    """Both figures sit beside a bracketed conversion, and the two conversions agree: the
    figures differ by rounding ("5,900 meters (19,350 feet)" / "19,356 feet (5,900 m)")."""
    pa, pb = _partner(a, va), _partner(b, vb)
    if pa is None or pb is None or not (pa.unit & pb.unit):
        return False
    return pa.low <= pb.high and pb.low <= pa.high


__all__ = ["CLOSE", "LEAST", "MEASURES", "rounded_conversion", "twins"]
