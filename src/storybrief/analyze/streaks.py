"""The span of time over which a run of like events happened, as each source gives it:
"the third hull breach in six weeks" / "the third such incident in five weeks".

The two sentences name the events differently, so the shared-word gates of ``disagree``
never pair them; the ordinal and the unit of the span are the anchor instead. Sources
disagree when each states exactly one span for that ordinal and unit (an article with two
is telling of two runs), the events are one kind (a word in common, or one side refers
back: "such incident", "similar", "time") and the spans differ. Only a plain span is
read: a hedged one ("in about six weeks", "in less than a month") is left out.

Sentences are ``disagree``'s: anything with ``doc`` (its ``group``) and ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storybrief.analyze.keyed import disputable
from storybrief.analyze.value_base import Value

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
_STREAK = re.compile(
    r"\b(?P<ord>second|third|fourth|fifth|sixth)\s+(?P<what>(?:[\w-]+\s+){0,3}?)in\s+"
    r"(?:(?:just|only|the\s+past|the\s+last)\s+)?"
    r"(?P<span>(?P<n>\d{1,3}|" + "|".join(_WORDS) + r")\s+(?P<unit>day|week|month|year)s)\b",
    re.I,
)
# Words that refer back to the events, whatever their kind ("the third such incident").
_ANY_KIND = frozenset(["such", "similar", "time", "times", "incident", "incidents", "one"])
# Node slots of streak claims, apart from the other rules' (ages 300, blocks 800, ...).
_SLOT = 900


def streak_claims(text: str) -> list[tuple[str, Value]]:
    """The (ordinal|unit, span) pairs ``text`` states, the span as a duration ``Value``."""
    if " in " not in text:
        return []
    out = []
    for m in _STREAK.finditer(text):
        word, unit = m.group("n").lower(), m.group("unit").lower()
        n = _WORDS[word] if word in _WORDS else int(word)
        key = f"{m.group('ord').lower()}|{unit}"
        value = Value("duration", frozenset({unit}), "streak", n, n, m.group("span"),
                      m.start("span"), m.end("span"), f"{key}|{n}",
                      frozenset(m.group("what").lower().split()))  # fmt: skip
        out.append((key, value))
    return out


def streak_edges(sents: Sequence[Any], nodes, edges) -> None:
    """Edges between the one span per ordinal and unit that each source group states."""
    for claims in disputable(sents, streak_claims, _SLOT):
        for i, (x, p, v) in enumerate(claims):
            for y, q, w in claims[i + 1 :]:
                if sents[x].doc.group == sents[y].doc.group or not _one_kind(v, w):
                    continue
                nodes[(x, p)], nodes[(y, q)] = (sents[x], v, "duration"), (sents[y], w, "duration")
                edges.append(((x, p), (y, q), v.low == w.low))


def _one_kind(a: Value, b: Value) -> bool:
    """Whether two runs are of one kind of event: a word in common between the ordinal
    and the span, or a word on either side that refers back to any kind."""
    return bool(a.context & b.context) or bool((a.context | b.context) & _ANY_KIND)
