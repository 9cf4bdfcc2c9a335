"""The time of day of one event that happened to one person ("was last seen about 1 p.m."
/ "was last seen at 4:30 p.m."), anchored like ``days``: the person, and a predicate of
the small class that names one moment in a person's story. ``values`` leaves times of day
out (a clock reading counts nothing); two sources can still clock one event differently.

Hedges widen the reading: "about 1 p.m." is 12:30-1:30, "shortly after 2 p.m." 2:00-2:30,
"just before noon" 11:30-12:00; a plain "1 p.m." is 12:55-1:05 (reporters round to the
five minutes). A sentence with two times ("between 1 and 5 p.m.") states a span, not one
event's time, and is skipped, as is a sentence whose time is a schedule ("every day at
9 a.m.", "until 5 p.m.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storybrief.analyze.ages import person_before
from storybrief.analyze.days import CLASS, EVENT_RX, GAP
from storybrief.analyze.mentions import Mention
from storybrief.analyze.names import NameIndex
from storybrief.analyze.value_base import Value

_CLOCK = re.compile(
    r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?|\b(?P<w>noon|midnight)\b",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?P<h>about|around|approximately|roughly|shortly\s+after|just\s+after|soon\s+after|"
    r"shortly\s+before|just\s+before|after|before|by|until|till|since|from|between|every)"
    r"\s+(?:at\s+)?$",
    re.I,
)
# Minutes either side a hedge allows; None: the time is no event's moment.
_WIDTH = {"about": (30, 30), "around": (30, 30), "approximately": (30, 30),
          "roughly": (30, 30), "shortly after": (0, 30), "just after": (0, 30),
          "soon after": (0, 30), "shortly before": (30, 0), "just before": (30, 0),
          "after": (0, 60), "before": (60, 0), "by": (120, 0)}  # fmt: skip
# "between 1 and 5 p.m.", "from 9 to 11 a.m.": a span.
_SPAN = re.compile(r"\b(?:between|from)\b[^,;.]*$|\d\s*(?:and|to|-|–)\s*$", re.I)
_SKIP = frozenset(["until", "till", "since", "from", "between", "every"])
# A plain reading may be rounded to the five minutes.
ROUNDING = 5


@dataclass(frozen=True)
class TimeClaim:
    key: str  # person|event class
    value: Value


def _minutes(m: re.Match[str]) -> int:
    if m["w"]:
        return 12 * 60 if m["w"].lower() == "noon" else 0
    h = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return h * 60 + int(m["m"] or 0)


def time_claims(
    text: str,
    mentions: Sequence[Mention],
    earlier: Sequence[Sequence[Mention]],
    earlier_texts: Sequence[str],
    index: NameIndex,
) -> list[TimeClaim]:
    clocks = list(_CLOCK.finditer(text))
    if len(clocks) != 1:
        return []
    clock = clocks[0]
    hedge = _HEDGE.search(text, max(0, clock.start() - 20), clock.start())
    word = " ".join(hedge["h"].lower().split()) if hedge else ""
    if word in _SKIP or _SPAN.search(text, max(0, clock.start() - 25), clock.start()):
        return []
    events = list(EVENT_RX.finditer(text, 0, clock.start()))
    if not events:
        return []
    ev = events[-1]
    between = text[ev.end() : clock.start()]
    if len(between.split()) > GAP or ";" in between:
        return []
    subject = person_before(text, ev.start(), mentions, earlier, earlier_texts, index)
    if subject is None:
        return []
    cls = CLASS[" ".join(ev.group("ev").lower().split())]
    at = _minutes(clock)
    lo, hi = _WIDTH.get(word, (ROUNDING, ROUNDING))
    start = hedge.start("h") if hedge else clock.start()
    v = Value("time", frozenset({"minute"}), cls, at - lo, at + hi, text[start : clock.end()],
              start, clock.end(), f"{subject}|{at}", frozenset())  # fmt: skip
    return [TimeClaim(f"{subject}|{cls}", v)]


__all__ = ["ROUNDING", "TimeClaim", "time_claims"]
