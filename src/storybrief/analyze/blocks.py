"""The street block where one event happened, as each source gives it: "in the 1200 block
of Harrow Avenue" / "in the 1500 block of Harrow Avenue".

A block number is a label, no quantity (``values`` leaves "1200 block" out), and two
reports of one place rarely share the rest of their wording, so the street is the anchor
instead: sources disagree when each names exactly one block of that street (an article
that names two blocks of it tells of two places, and another article's one block may be
either) and the numbers differ. The street is the capitalised run after "block of" ending
in a street word ("Avenue", "St."), written out the same way once abbreviations are
expanded; a run without a street word ("the 400 block of Carrow") is too loose a key.

Sentences are ``disagree``'s: anything with ``doc`` (its ``group``) and ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storybrief.analyze.keyed import disputable
from storybrief.analyze.value_base import Value

_BLOCK = re.compile(
    r"\b(?P<n>\d{2,5})\s+block\s+of\s+(?P<street>(?:[A-Z][\w'\u2019-]*\.?\s+){1,4}?"
    r"(?:Avenue|Ave\.?|Street|St\.?|Boulevard|Blvd\.?|Road|Rd\.?|Drive|Dr\.?|Lane|Ln\.?"
    r"|Place|Pl\.?|Court|Ct\.?|Way|Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace|Circle))\b"
)
_ABBREVIATIONS = {
    "ave": "avenue", "st": "street", "blvd": "boulevard", "rd": "road", "dr": "drive",
    "ln": "lane", "pl": "place", "ct": "court", "pkwy": "parkway", "hwy": "highway",
    "n": "north", "s": "south", "e": "east", "w": "west",
}  # fmt: skip
# Node slots of block claims, apart from the other rules' (ages 300, days 400, ...).
_SLOT = 800


def _street(run: str) -> str:
    words = [w.rstrip(".").lower() for w in run.split()]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def block_claims(text: str) -> list[tuple[str, Value]]:
    """The (street, block) pairs ``text`` states, the block as a label ``Value``."""
    if "block of" not in text:
        return []
    out = []
    for m in _BLOCK.finditer(text):
        street, n = _street(m.group("street")), int(m.group("n"))
        value = Value("place", frozenset({"block"}), "block", n, n, m.group(0),
                      m.start(), m.end(), f"{street}|{n}", frozenset())  # fmt: skip
        out.append((street, value))
    return out


def block_edges(sents: Sequence[Any], nodes, edges) -> None:
    """Edges between the one block of a street that each source group states."""
    for claims in disputable(sents, block_claims, _SLOT):
        x0, p0, v0 = claims[0]
        nodes[(x0, p0)] = (sents[x0], v0, "place")
        for x, p, v in claims[1:]:
            nodes[(x, p)] = (sents[x], v, "place")
            edges.append(((x0, p0), (x, p), v.low == v0.low))
