"""A verdict as a property of one person and one charge: "Dalen Morrow was convicted of
arson" / "a jury acquitted Dalen Morrow of arson" cannot both be true of one trial.

Two reports of one verdict rarely share their wording, so the person and the charge are
the anchor, not the overlap of the sentences. Read only where the sentence names the
person next to the verdict ("NAME was convicted of", "found NAME not guilty of"), with
the head noun of the charge ("second-degree murder in the death of ..." -> murder): a
person convicted of one charge and acquitted of another is no dispute, nor is a sentence
that states both verdicts, an article that states both of one charge (a retrial), or a
hypothetical ("if convicted", "could be acquitted").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from storybrief.analyze.ages import people_in
from storybrief.analyze.names import NameIndex
from storybrief.analyze.value_base import Value

_GUILTY = {"convicted": 1, "found guilty": 1, "acquitted": 0, "found not guilty": 0, "cleared": 0}
# "was convicted last week of", "on Saturday", "in March": a moment between verb and charge.
_WHEN = r"(?:(?:last\s+|this\s+)?(?:week|month|year|[A-Z][a-z]+day)\s+|today\s+|yesterday\s+|(?:on|in)\s+(?:[A-Z][a-z]+|\d{4})\s+)?"
_CHARGE = r"of\s+(?P<charge>[^.,;:()\"“”]{3,80})"
_AFTER = re.compile(
    r"\s*(?:,[^,]{1,60},\s*)?(?P<aux>was|were|has\s+been|had\s+been|is)\s+"
    r"(?P<verdict>convicted|acquitted|found\s+guilty|found\s+not\s+guilty|cleared)\s+"
    + _WHEN
    + _CHARGE
)
# A plea ("pleaded not guilty to arson") is another property of the person than a verdict.
_PLEA = re.compile(
    r"\s*(?:,[^,]{1,60},\s*)?(?P<aux>pleaded|pleads|pled)\s+(?P<not>not\s+)?guilty\s+"
    + _WHEN
    + r"to\s+(?P<charge>[^.,;:()\"“”]{3,80})"
)
_BEFORE = re.compile(
    r"\b(?:jury|jurors|judge|court)\s+(?:has\s+|had\s+)?(?P<verb>convicted|acquitted|cleared|found)\s+$"
)
_FOUND = re.compile(r"\s+(?P<not>not\s+)?guilty\s+" + _CHARGE)
_PLAIN = re.compile(r"\s+" + _CHARGE)
# Words that make a verdict hypothetical, or no verdict of this trial.
_HYPOTHETICAL = re.compile(
    r"\b(?:if|would|could|may|might|faces?|facing|unless|whether|expected|appeal|overturned|previously|earlier)\b",
    re.I,
)
_MAYBE = re.compile(r"\b(?:convicted|acquitted|guilty|cleared)\b")
# Where a charge phrase ends: its head noun is the last word before these.
_CHARGE_END = re.compile(
    r"\s+(?:in|and|for|on|at|after|over|with|by|but|while|from|against|last|this|on)\b", re.I
)
_GENERIC = frozenset(["charge", "charges", "count", "counts", "crime", "crimes", "all", "offense"])


def verdict_claims(ctx: Any, text: str, mentions, index: NameIndex) -> list[tuple[str, Value]]:
    """(person, verdict) pairs ``text`` states; the value's unit is the charge's head."""
    if _MAYBE.search(text) is None or _HYPOTHETICAL.search(text):
        return []
    out: list[tuple[str, Value]] = []
    for canon, a, b in people_in(text, mentions, index):
        frame = "verdict"
        m = _AFTER.match(text, b)
        plea = _PLEA.match(text, b) if m is None else None
        if plea is not None:
            m, frame, verdict = plea, "plea", 0 if plea.group("not") else 1
        elif m is not None:
            verdict = _GUILTY[" ".join(m.group("verdict").split())]
        else:
            before = _BEFORE.search(text[max(0, a - 40) : a])
            if before is None:
                continue
            verb = before.group("verb")
            m = _FOUND.match(text, b) if verb == "found" else _PLAIN.match(text, b)
            if m is None:
                continue
            verdict = (0 if m.group("not") else 1) if verb == "found" else _GUILTY[verb]
        head = _head(ctx, m.group("charge"))
        if head is not None:
            phrase = _CHARGE_END.split(m.group("charge"), maxsplit=1)[0].rstrip()
            start = m.start("aux") if "aux" in m.re.groupindex else m.start()
            end = m.start("charge") + len(phrase)
            out.append((canon, Value("verdict", frozenset({head}), frame, verdict, verdict,
                                     text[start:end].strip(), start, end,
                                     f"{canon}|{'guilty' if verdict else 'not guilty'}", frozenset())))  # fmt: skip
    if len({(v.frame, v.low) for _, v in out}) > len({v.frame for _, v in out}):
        return []  # convicted of one thing, acquitted of another: no single verdict
    return out


def _head(ctx: Any, charge: str) -> str | None:
    phrase = _CHARGE_END.split(charge, maxsplit=1)[0]
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", phrase) if w.lower() not in _GENERIC]
    if not words or not words[-1].islower():
        return None
    return ctx.stem(words[-1])


def verdict_edges(sents: Sequence[Any], index: NameIndex, nodes, edges) -> None:
    """Edges between the verdicts of one person on one charge across source groups."""
    by_key: dict[tuple[str, str, frozenset[str]], list[tuple[int, int, Value]]]
    by_key = defaultdict(list)
    for x, s in enumerate(sents):
        if not s.mentions or _MAYBE.search(s.text) is None:
            continue
        for k, (person, v) in enumerate(verdict_claims(s.ctx, s.text, s.mentions, index)):
            by_key[(person, v.frame, v.unit)].append((x, 800 + k, v))
    for claims in by_key.values():
        per_doc: dict[str, set[float]] = defaultdict(set)
        for x, _, v in claims:
            per_doc[sents[x].doc.id].add(v.low)
        claims = [c for c in claims if len(per_doc[sents[c[0]].doc.id]) == 1]
        if len({sents[x].doc.group for x, _, _ in claims}) < 2:
            continue
        if len({v.low for _, _, v in claims}) < 2:
            continue
        x0, p0, v0 = claims[0]
        nodes[(x0, p0)] = (sents[x0], v0, "verdict")
        for x, p, v in claims[1:]:
            nodes[(x, p)] = (sents[x], v, "verdict")
            edges.append(((x0, p0), (x, p), v.low == v0.low))


__all__ = ["verdict_claims", "verdict_edges"]
