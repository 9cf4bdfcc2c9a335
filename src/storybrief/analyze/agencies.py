"""Two police forces credited with one act ("gave himself up to Harlow County Sheriff's
deputies" / "gave himself up to Millbrook police").

The name finder reads such phrases as a person or a place (or misses them), and the other
sentence often names the first force elsewhere too ("... once Harlow County Sheriff's
deputies shared the photo"), so the slot rule of ``name_sides`` never meets them.
Here the phrase is read from the text: a capitalised name and a police noun right after
the same three words ("himself up to"), the last a slot preposition. Only police nouns:
"told Reuters" / "told CNN" credit two outlets with two interviews, not one act.

Sentences are ``disagree``'s: anything with ``text``.
"""

from __future__ import annotations

import re
from typing import Any

from storybrief.analyze.name_sides import same_name
from storybrief.analyze.value_base import Value

_FORCE = re.compile(
    r"(?P<pre>\b[a-z]+\s+[a-z]+\s+(?:to|by|from|with)\s+)(?:the\s+)?"
    r"(?P<force>(?P<name>(?:[A-Z][\w.-]*(?:['’]s)?\s+){1,4}?)"
    r"(?P<noun>police|sheriff['’]s\s+(?:office|detectives|deputies)|detectives|deputies|"
    r"troopers|marshals|agents|(?:police|sheriff['’]s)\s+department)\b)"
)


_NOUNS = re.compile(r"police|sheriff|detectives|deputies|troopers|marshals|agents", re.I)


def _forces(text: str) -> list[tuple[str, str, re.Match[str]]]:
    return [(m["pre"].lower().strip(), m["name"].strip(), m) for m in _FORCE.finditer(text)]


def _bare(name: str) -> str:
    return re.sub(r"['’]s$", "", name).strip()


def agency_edges(x: int, y: int, a: Any, b: Any, nodes, edges) -> None:
    """Two different forces after the same three words in two sentences."""
    if _NOUNS.search(a.text) is None or _NOUNS.search(b.text) is None:
        return
    for p, (pre_a, name_a, ma) in enumerate(_forces(a.text)):
        for q, (pre_b, name_b, mb) in enumerate(_forces(b.text)):
            na, nb = _bare(name_a), _bare(name_b)
            if pre_a != pre_b or same_name(na, nb):
                continue
            va, vb = _value(ma), _value(mb)
            kx, ky = (x, 200 + p), (y, 200 + q)
            nodes[kx], nodes[ky] = (a, va, "name"), (b, vb, "name")
            edges.append((kx, ky, False))


def _value(m: re.Match[str]) -> Value:
    start, end = m.start("force"), m.end("force")
    name = _bare(m["name"])
    return Value("name", frozenset(), "", 0, 0, m["force"], start, end, name, frozenset())


__all__ = ["agency_edges"]
