"""Two bodies of one parent credited with one claim: "late this year, according to the UN
Population Division, ..." / "late this year, according to the U.N. Population Reference
Bureau, ...". Sources that copy a figure often garble who stated it; two different
offices of one organisation (the first word of both names the same body, the rest
differs) credited with the same claim cannot both be right.

The credit is read from the text ("according to [the people at] the X"), since the name
finder often splits or misses such names. A pair needs two source groups, names of two
words or more that share their parent and some other word (two offices of one field,
"Population ... Division" / "Population ... Bureau") but are not one name written two
ways, and sentences that share a figure and two content words outside the credits: the
same claim. "according to Reuters" / "according to CNN" (outlets, no shared parent) and
"the UN Security Council" / "the UN Population Fund" on two claims never meet.

Sentences are ``disagree``'s: anything with ``ctx``, ``doc`` and ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storybrief.analyze.value_base import Value

_NAME = r"(?:U\.N\.|U\.S\.|[A-Z][\w&-]*)(?:\s+(?:of\s+)?(?:U\.N\.|[A-Z][\w&-]*)){1,5}"
_CREDIT = re.compile(
    r"\baccording\s+to\s+(?:[a-z][\w-]*\s+){0,3}?(?:(?:at|of|from)\s+)?(?:the\s+)?"
    rf"(?P<name>{_NAME})"
)
_LONG = {("united", "nations"): "un", ("united", "states"): "us"}
_DIGITS = re.compile(r"\d+(?:[,.]\d+)*")


def _credits(text: str) -> list[re.Match[str]]:
    return list(_CREDIT.finditer(text)) if "according to" in text else []


def _words(name: str) -> list[str]:
    """The name's words, lower case, dots and a plural "s" gone ("Federal Elections
    Commission" is the Federal Election Commission)."""
    words = [w.lower().replace(".", "") for w in name.split() if w.lower() != "of"]
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def _parent(words: list[str]) -> str:
    return _LONG.get(tuple(words[:2]), words[0])


def _rest(words: list[str]) -> list[str]:
    # "United Nations X" is "UN X".
    return words[2:] if tuple(words[:2]) in _LONG else words[1:]


def _initialism(ra: list[str], rb: list[str]) -> bool:
    """One office written out and as its initials ("Population Division" / "PD")."""
    return any(len(x) == 1 and x[0] == "".join(w[0] for w in y) for x, y in ((ra, rb), (rb, ra)))


def _one_claim(a: Any, b: Any, ma: re.Match[str], mb: re.Match[str]) -> bool:
    ta = a.text[: ma.start()] + a.text[ma.end() :]
    tb = b.text[: mb.start()] + b.text[mb.end() :]
    if set(_DIGITS.findall(ta)).isdisjoint(_DIGITS.findall(tb)):
        return False
    shared = a.ctx.alpha_stems(ta) & b.ctx.alpha_stems(tb)
    return len(shared - {"accord"}) >= 2


def credit_edges(sents: Sequence[Any], nodes, edges) -> None:
    """Edges between two offices of one parent credited with one claim."""
    found = [(x, m) for x, s in enumerate(sents) for m in _credits(s.text)]
    for i, (x, ma) in enumerate(found):
        for y, mb in found[i + 1 :]:
            a, b = sents[x], sents[y]
            if a.doc.group == b.doc.group:
                continue
            wa, wb = _words(ma["name"]), _words(mb["name"])
            if _parent(wa) != _parent(wb):
                continue
            # ("same_name" takes any shared word for one name: too loose here.)
            ra, rb = _rest(wa), _rest(wb)
            own_a, own_b = set(ra) - set(rb), set(rb) - set(ra)
            if not (own_a and own_b) or set(ra).isdisjoint(rb) or _initialism(ra, rb):
                continue
            if not _one_claim(a, b, ma, mb):
                continue
            kx, ky = (x, 600 + ma.start()), (y, 600 + mb.start())
            nodes[kx], nodes[ky] = (a, _value(ma), "name"), (b, _value(mb), "name")
            edges.append((kx, ky, False))


def _value(m: re.Match[str]) -> Value:
    name = m["name"]
    return Value(
        "name", frozenset(), "", 0, 0, name, m.start("name"), m.end("name"), name, frozenset()
    )


__all__ = ["credit_edges"]
