"""Whether two values measure the same thing (``comparable``) and whether they can both be
true (``compatible``)."""

from __future__ import annotations

from storybrief.analyze.value_base import Value

# Time units, shortest first: neighbouring units may state one span.
TIME_ORDER = ["second", "minute", "hour", "day", "week", "month", "year", "decade"]


def compatible(a: Value, b: Value) -> bool:
    """Whether two values of one kind and unit can both be true."""
    if a.kind == "date":
        return a.norm.startswith(b.norm) or b.norm.startswith(a.norm)
    # A relative slack of 1e-9: "half an hour" and "30 minutes" are one span in floats too.
    eps = 1e-9 * max(abs(a.low), abs(b.low), 1e-12)
    return a.low <= b.high + eps and b.low <= a.high + eps


def comparable(a: Value, b: Value) -> bool:
    """Whether two values measure the same kind of thing (before asking if they agree)."""
    if a.kind != b.kind:
        return False
    if a.kind == "duration":
        ia, ib = TIME_ORDER.index(next(iter(a.unit))), TIME_ORDER.index(next(iter(b.unit)))
        # Hours and years are never the same span in a report; neighbouring units may be.
        # Ages belong to a person and are compared person by person (``ages``): "her
        # 2-year-old son" is no rival of "21-year-old Charisse Stinson".
        return a.frame == b.frame != "age" and abs(ia - ib) <= 1
    if a.kind == "date":
        return a.frame == b.frame and len(a.norm) == len(b.norm)
    # "$900 billion" (a package) and "$2,000" (a check) are no two values of one thing.
    small, big = sorted((a.low, b.low))
    if a.kind == "number" and small > 0 and big / small > 100:
        return False
    # "120 miles" is a length, "154 square miles" an area.
    if bool(a.unit & _POWERS) != bool(b.unit & _POWERS):
        return False
    return bool(a.unit & b.unit)


_POWERS = frozenset(["squar", "square", "cubic"])
