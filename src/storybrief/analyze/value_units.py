"""What a count counts: the unit words after a number, and the victims of a killing or an
injury when a bare count names no noun (``values`` reads both)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter

from storybrief.analyze.labels import UNIT_NAMES
from storybrief.analyze.lexicon import CLAUSE_WORDS
from storybrief.analyze.tokens import Context
from storybrief.text import STOPWORDS

# A token's start: tokens come in order, so a bisection on it needs no list of starts.
_START = itemgetter(1)

# States after a bare count of people ("left 15 dead"): no unit, the count is of people.
_STATES = frozenset(["dead", "hurt"])
_QUOTES = frozenset(['"', "“", "‘", "'"])
_CLOSING = frozenset(['"', "”", "’", "'"])


def unit_after(
    ctx: Context, toks: Sequence[tuple[str, int, int]], end: int
) -> tuple[frozenset[str], int]:
    """Stems of the unit word after a number, skipping capitalised words ("10,000 North
    Korean labourers"), with the next word too when it may be the head noun ("40 crew
    members"); and where the first unit word ends. Two sentences' units match when they
    share a stem, so a wrong second word costs little."""
    k = bisect_left(toks, end, key=_START)
    skipped, last = 0, end
    unit: list[str] = []
    while k < len(toks) and len(unit) < 2:
        t, _, b = toks[k]
        low = t.lower()
        if low in _QUOTES and not unit and k + 1 < len(toks) and toks[k + 1][0][0].isalpha():
            k += 1  # a unit in quotes: three "terrorists"
            continue
        if not t[0].isalpha() or low in STOPWORDS or low in CLAUSE_WORDS:
            break
        if t[0].isupper() and not unit and skipped < 3:
            skipped += 1
        elif t[0].islower() or (not unit and low in UNIT_NAMES):
            if unit and (low.endswith(("ed", "ing")) or ctx.stem(low).isupper()):
                break  # a verb after the noun: "15 people died"
            if not unit and (
                low.endswith("ed") or low in _STATES or (len(low) == 1 and low not in UNIT_NAMES)
            ):
                break  # "Flight 214 carried", "5 p.m.", "15 dead": no unit
            unit.append(UNIT_NAMES.get(low) or ctx.stem(low))
            if len(unit) == 1:
                last = b
                if k + 1 < len(toks) and toks[k + 1][0] in _CLOSING and toks[k + 1][1] == b:
                    last = toks[k + 1][2]  # the closing quote
        else:
            break
        k += 1
    return frozenset(unit), last


# The victims of a killing or an injury, when a count of them names no noun ("killed two
# and wounded 30", "left 12 dead"): people.
_PEOPLE = frozenset(["people"])
_CASUALTY_STEMS = frozenset(["DIE", "HURT"])


def casualties(
    ctx: Context, toks: Sequence[tuple[str, int, int]], start: int, end: int
) -> tuple[frozenset[str], int] | None:
    """The unit of a bare count right after a verb of killing or injuring, or right before
    "dead" or "injured": people; "killed two of the gunmen" counts gunmen."""
    k = bisect_left(toks, start, key=_START)
    before = toks[k - 1][0] if k > 0 else ""
    verb = (
        before[:1].islower()
        and before.lower().endswith("ed")
        and ctx.stem(before) in _CASUALTY_STEMS
    )
    nxt = [t for t in toks[k:] if t[1] >= end][:2]
    after = nxt[0][0] if nxt else ""
    if after == "of":
        if not verb or len(nxt) < 2:
            return None  # "two of the gunmen were arrested": a part, not a casualty count
        at = nxt[1][2] if nxt[1][0].lower() in _OWNERS else nxt[0][2]
        unit, stop = unit_after(ctx, toks, at)
        return (unit, stop) if unit else None
    if verb or (after[:1].islower() and after.lower() in ("dead", "injured", "wounded", "hurt")):
        return _PEOPLE, end
    return None


_OWNERS = frozenset(["the", "its", "their", "his", "her"])


__all__ = ["casualties", "unit_after"]
