"""A person's military or police rank, tied to the person ("Lt. Colonel Packard (Samuel L.
Jackson)" / "an irascible lieutenant (Samuel L. Jackson)").

Like an age (``ages``), a rank is a property of a person, and two reports of it rarely
share their wording, so the person is the anchor: the person named right after the rank
("Sgt. Ana Ruiz"), or the person in brackets right after it or after the character's
name ("lieutenant (Samuel L. Jackson)": a film review's actor). Ranks are compared on
their core words: "Lt." is "lieutenant", and grades within one rank ("first", "staff",
"master") are no other rank; a bare "general" or "colonel" is the usual shorthand for any
general or colonel ("Colonel Ruiz" for "Lt. Col. Ruiz") and agrees with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storybrief.analyze.mentions import Mention
from storybrief.analyze.names import NameIndex
from storybrief.analyze.value_base import Value

RANKS = {
    "private": "private", "pvt": "private", "corporal": "corporal", "cpl": "corporal",
    "sergeant": "sergeant", "sgt": "sergeant", "lieutenant": "lieutenant", "lt": "lieutenant",
    "captain": "captain", "capt": "captain", "major": "major", "maj": "major",
    "colonel": "colonel", "col": "colonel", "general": "general", "gen": "general",
    "admiral": "admiral", "adm": "admiral", "commander": "commander", "cmdr": "commander",
    "brigadier": "brigadier", "brig": "brigadier", "marshal": "marshal", "ensign": "ensign",
}  # fmt: skip
# Grades within one rank: "first lieutenant" is a lieutenant.
GRADES = frozenset(["first", "second", "staff", "master", "lance", "chief", "1st", "2nd"])
# Ranks that stand for the whole family in short ("Colonel X" for a lieutenant colonel).
SHORTHAND = frozenset(["general", "colonel", "admiral"])
# Words before "General" that make it an office, not a rank ("Attorney General").
_OFFICES = frozenset(["attorney", "surgeon", "solicitor", "inspector", "postmaster",
                      "secretary", "governor", "director", "consul", "vicar"])  # fmt: skip
_RANK_RX = re.compile(
    r"(?<![\w.])(?P<rank>(?:(?:" + "|".join(sorted(GRADES, key=len, reverse=True)) + r")\s+)?"
    r"(?:(?:" + "|".join(sorted(RANKS, key=len, reverse=True)) + r")\.?\s+){1,2})",
    re.I,
)
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}"
_BRACKETED = re.compile(r"(?:[A-Z][\w'’-]+\s+){0,2}\(\s*(?P<name>" + _NAME + r")\s*\)")
_CHARACTER = re.compile(r"(?:[A-Z][\w'’-]+\s+){0,2}\(\s*$")


@dataclass(frozen=True)
class RankClaim:
    person: str  # canonical name
    value: Value


def core(rank: str) -> tuple[str, ...]:
    """The rank words that make the rank ("Lt. Colonel" gives lieutenant, colonel)."""
    words = [w.lower().rstrip(".") for w in rank.split()]
    return tuple(RANKS[w] for w in words if w in RANKS)


def same_rank(a: str, b: str) -> bool:
    """One rank written two ways, or a family's shorthand ("colonel" for "lt. colonel")."""
    ca, cb = core(a), core(b)
    if ca == cb:
        return True
    short, long = sorted((ca, cb), key=len)
    return len(short) == 1 and short[0] in SHORTHAND and long[-1] == short[0]


def rank_claims(text: str, mentions: Sequence[Mention], index: NameIndex) -> list[RankClaim]:
    """The ranks ``text`` gives people: a rank right before a person, or before a bracket
    holding one (after a character's name or none)."""
    people = []
    for m in mentions:
        canon = index.resolve(m.surface)
        at = text.find(m.surface)
        if canon is not None and at >= 0 and index.kind.get(canon) in ("person", "other"):
            people.append((at, canon))
    out = []
    for r in _RANK_RX.finditer(text):
        words = r.group("rank").split()
        if not core(r.group("rank")):
            continue
        prev = text[: r.start()].split()[-1:]
        if prev and prev[0].lower().strip(",.") in _OFFICES:
            continue  # "Attorney General": an office
        if words[0][0].islower() and text[r.end() : r.end() + 1] != "(":
            # A lower-case rank titles only the person in brackets right after it ("an
            # irascible lieutenant (Jackson)"), never a name ("the major Smith said").
            continue
        b = _BRACKETED.match(text, r.end())
        if b is not None:
            # "(Samuel L. Jackson)": a person named in brackets (a name finder may miss one
            # with an initial), keyed by the name as the index knows it.
            people = [*people, (b.start("name"), index.resolve(b["name"]) or b["name"])]
        for at, canon in people:
            between = text[r.end() : at]
            if at == r.end() or (between and _CHARACTER.fullmatch(between)):
                start, end = r.start(), r.start() + len(r.group("rank").rstrip())
                norm = " ".join(core(r.group("rank")))
                out.append(RankClaim(canon, Value("title", frozenset(), "title", 0, 0,
                                                  text[start:end], start, end,
                                                  f"{canon}|{norm}", frozenset())))  # fmt: skip
    return out


__all__ = ["RANKS", "RankClaim", "core", "rank_claims", "same_rank"]
