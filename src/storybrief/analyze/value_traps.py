"""Pairs of values that look like two values of one property and are not (issue 14's
commonest false alarms), and the slack of a value that is written rounded.

``trap(a, b, va, vb)`` says the pair is no dispute when:

- one value is a change or an update stated as such ("has since risen to 40", "rose 2
  percent", "up from 25"): the other source's figure may be the earlier one;
- one sentence dates its fact to an earlier time than the other ("last year", "two years
  ago"): another event of the same kind;
- one is a rate and the other is not, or a rate of another period ("$40 million a year" /
  "$200 million over five years"); a rate's "a year" is no duration either;
- one counts a qualified part of the other's whole ("five counts of fifth degree
  mischief" / "six counts of mischief");
- one counts new or more of the thing ("15 new cases" / "120 cases"): an increment;
- the two sentences name different parts of a game, a year or a contest ("in the first
  quarter" / "in the second quarter", "the first half" / "the second half"): two moments;
  or two ordinals of one noun beside another value ("the first victim was shot 3 times" /
  "the second victim was shot 5 times"): two things;
- one sentence marks a running total ("since March", "so far", "in his career"), a figure per unit
  ("each", "apiece", "on average") or another instance ("another poll"), the other not;
- one is a figure asked for, offered or expected ("had demanded a 10 percent raise" /
  "won a 4 percent raise");
- one counts a noun and another ("156 passengers and crew" / "150 passengers");
- they are degrees and a scale is left unsaid or differs (Fahrenheit or Celsius);
- the money or the span measures two things ("$2 billion in revenue" / "$500 million in
  profit", "5 years in prison" / "3 years of probation");
- one sentence marks a cap ("a maximum of 20 years").

Sentences are ``disagree``'s: anything with ``text`` and ``values``.
"""

from __future__ import annotations

import re
from typing import Any

from storybrief.analyze.lexicon import NUMBER_WORDS
from storybrief.analyze.value_base import Value

# A verb of change right before a value (its hedge included): the value is a change or the
# new level of an update, never a rival of a figure stated plainly.
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|jumps|increased|increases|"
    r"grew|grown|grows|swelled|fell|falls|fallen|dropped|drops|declined|declines|revised|"
    r"raised|lowered|up|down|from)(?:\s+(?:to|by))?\s*$",
    re.I,
)
# An earlier moment than the story's own: another event of the same kind.
_EARLIER = re.compile(
    r"\b(?:last|previous)\s+(?:year|month|season|decade|summer|winter|spring|fall|autumn)\b|"
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:years|months|decades)\s+ago\b|"
    r"\ba\s+(?:year|month|decade)\s+ago\b|\bearlier\s+this\s+year\b|\bpreviously\b",
    re.I,
)
_RATE_AFTER = re.compile(
    r"\s*(?:(?:a|an|per|each|every)\s+(?P<per>year|month|week|day|hour|annum)\b|"
    r"(?P<adv>annually|yearly|monthly|weekly|daily|hourly)\b)",
    re.I,
)
_ADVERB_PERIOD = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
                  "daily": "day", "hourly": "hour"}  # fmt: skip
# "N counts of fifth degree mischief": what a count is of, up to the clause's end.
_OF_PHRASE = re.compile(r"\s+of\s+((?:[a-z][\w-]*\s*){1,5})", re.I)
_PHRASE_STOP = frozenset(["and", "or", "but", "for", "in", "on", "at", "after", "with", "to",
                          "from", "by", "that", "which", "who", "the", "a", "an"])  # fmt: skip
_DEGREES = frozenset(["degre", "degree", "DEGREE"])
_INCREMENT = frozenset(["new", "more", "additional", "further", "extra", "other"])
# Parts of a game or a contest an ordinal locates ("the second half", "the first round").
_SEQUENCE_PARTS = frozenset(["half", "quarter", "period", "inning", "round", "leg", "stage",
                             "set", "heat", "lap"])  # fmt: skip


# Sentence-level marks of what kind of figure a sentence states: a cumulative total
# ("since March", "so far", "in his career"), a figure per unit ("each", "apiece", "on average"), another
# instance of the thing ("another poll"). One sentence marked, the other not: two figures.
_MARKS = (
    re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+all|in\s+total|altogether|"
               r"overall|cumulative|this\s+year|career|all-time)\b", re.I),
    re.compile(r"\b(?:maximum|minimum|at\s+most)\b", re.I),
    re.compile(r"\b(?:each|apiece|per\s+(?:person|head|capita|share)|on\s+average|"
               r"an\s+average)\b", re.I),
    re.compile(r"\b(?:another|a\s+separate|a\s+different)\b", re.I),
)  # fmt: skip
# A figure asked for, offered or expected, not one that came true ("had demanded a 10
# percent raise" / "won a 4 percent raise"), when it precedes the value in its clause.
_WANTED = re.compile(
    r"\b(?:demand|propos|sought|seek|asked\s+for|expect|forecast|predict|project|plann|"
    r"wanted|hope|target|aim|offer)\w*\b[^,;:.]*$",
    re.I,
)
# ... or a forecast that governs every figure coordinated after it ("is expected to climb
# as much as 4 feet in Carrow and up to 6 feet in Westmark").
_FORECAST = re.compile(
    r"\b(?:expected|forecast|predicted|projected)\s+to\s+[a-z]+\b[^;:.]*\band\s+"
    r"(?:(?:as\s+much\s+as|as\s+many\s+as|up\s+to)\s+)?$",
    re.I,
)
# What money or a span measures, right after it: "$2 billion *in revenue*", "$5 million
# *of debt*", "5 years *in prison*" / "3 years *of probation*".
_MEASURE_AFTER = re.compile(r"\s+(?:in|of)\s+(?:new\s+|annual\s+)?([a-z]+)\b")
_MEASURE_SKIP = frozenset(["the", "a", "an", "his", "her", "its", "their", "this", "that"])
# A count of one noun "and" another, without a number ("156 passengers and crew"): a union.
_UNION_AFTER = re.compile(r"\s+(?:and|&)\s+(?![a-z]+(?:ed|ing)\b)[a-z]")
# Temperatures: a scale must be named on both sides ("90 degrees" may be Fahrenheit).
_SCALE_AFTER = re.compile(r"\s*(?:°\s*)?(fahrenheit|celsius|[fc])\b", re.I)


def trap(a: Any, b: Any, va: Value, vb: Value) -> bool:
    """Whether the aligned values ``va`` (of sentence ``a``) and ``vb`` (of ``b``) only look
    like two values of one property (see the module's docstring)."""
    if _other_ordinal(a, b, va):
        return True  # "in the first quarter" / "in the second quarter"
    ca, cb = clause_of(a.text, va), clause_of(b.text, vb)
    if any(bool(rx.search(ca)) != bool(rx.search(cb)) for rx in _MARKS):
        return True
    if _wanted(a.text, va) != _wanted(b.text, vb):
        return True
    if _union(a.text, va) != _union(b.text, vb) or _temperature(a.text, b.text, va, vb):
        return True
    ma, mb = _measure(a.text, va), _measure(b.text, vb)
    if ma and mb and ma != mb:
        return True
    if _changed(a.text, va) or _changed(b.text, vb):
        return True
    if bool(_EARLIER.search(ca)) != bool(_EARLIER.search(cb)):
        return True
    if _rate_marker(a, va) or _rate_marker(b, vb) or _rate(a.text, va) != _rate(b.text, vb):
        return True
    if _increment(a.text, va) != _increment(b.text, vb):
        return True
    return va.kind == "count" and _subset_scope(_of_phrase(a.text, va), _of_phrase(b.text, vb))


# Where a clause ends: punctuation, brackets, a dash, a conjunction or a relative pronoun.
_BOUNDARY = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:and|but|while|whereas|which|who|whom|whose|when|because|"
    r"although|though)\b",
    re.I,
)


def clause_of(text: str, v: Value) -> str:
    """The words a trap word must share a clause with to mark ``v``: the value's own
    clause ("... killed 12, and another 30 were hurt": "another" marks the 30 only), and
    the sentence's opening phrase when the value's clause follows it ("So far, 40 ...",
    "Since March, 40 ...": an opening adverbial governs the main clause)."""
    lo = 0
    for m in _BOUNDARY.finditer(text, 0, v.start):
        lo = m.end()
    m = _BOUNDARY.search(text, v.end)
    hi = m.start() if m else len(text)
    clause = text[lo:hi]
    first = _BOUNDARY.search(text)
    if lo and first is not None and first.group(0) == ",":
        opening = text[: first.start()]
        if text[first.end() : v.start].count(",") == 0:
            clause = opening + " " + clause
    return clause


def _other_ordinal(a: Any, b: Any, va: Value) -> bool:
    """The sentences name two different ordinals of one noun: two parts of a game or a year
    ("the first quarter" / "the second quarter"), or, for any other value, two things ("the
    first victim was shot 3 times" / "the second victim was shot 5 times"). An ordinal that
    is itself the value compared stays a value ("the second line" / "the third line")."""
    ra, rb = _ordinals(a), _ordinals(b)
    for unit in ra.keys() & rb.keys():
        if ra[unit].isdisjoint(rb[unit]) and (va.kind != "rank" or unit in _SEQUENCE_PARTS):
            return True
    return False


def _ordinals(s: Any) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for v in s.values:
        if v.kind == "rank":
            for u in v.unit:
                out.setdefault(u, set()).add(v.norm)
    return out


def _wanted(text: str, v: Value) -> bool:
    if _WANTED.search(text[max(0, v.start - 60) : v.start]):
        return True
    return bool(_FORECAST.search(text[max(0, v.start - 160) : v.start]))


def _union(text: str, v: Value) -> bool:
    """A count of a noun and another ("156 passengers and crew"), not of a verb's object
    ("killed two and wounded 30")."""
    return v.kind == "count" and len(v.text.split()) > 1 and bool(_UNION_AFTER.match(text, v.end))


def _temperature(ta: str, tb: str, va: Value, vb: Value) -> bool:
    """Degrees whose scale one side leaves unsaid, or the two sides name two scales."""
    if not (va.unit | vb.unit) & _DEGREES:
        return False
    sa, sb = _SCALE_AFTER.match(ta, va.end), _SCALE_AFTER.match(tb, vb.end)
    return sa is None or sb is None or sa.group(1)[0].lower() != sb.group(1)[0].lower()


def _measure(text: str, v: Value) -> str:
    if v.kind not in ("number", "duration") or "%" in v.unit:
        return ""
    m = _MEASURE_AFTER.match(text, v.end)
    return m.group(1).lower() if m and m.group(1).lower() not in _MEASURE_SKIP else ""


def _changed(text: str, v: Value) -> bool:
    return bool(_CHANGE_BEFORE.search(text[max(0, v.start - 30) : v.start]))


def _rate(text: str, v: Value) -> str:
    """The period of a rate ("$40 million *a year*", "30 cases daily"), or ""."""
    if v.kind not in ("count", "number"):
        return ""
    m = _RATE_AFTER.match(text, v.end)
    if m is None:
        return ""
    return (m.group("per") or _ADVERB_PERIOD[m.group("adv").lower()]).lower()


def _rate_marker(s: Any, v: Value) -> bool:
    """A duration that is the period of a rate right after another value ("$40 million
    *a year*"): no span of time."""
    if v.kind != "duration" or v.text.split()[0].lower() not in ("a", "an", "per"):
        return False
    return any(w is not v and w.end <= v.start <= w.end + 2 for w in s.values)


def _increment(text: str, v: Value) -> bool:
    """The value counts new or more of its thing ("15 new cases", "12 more people")."""
    words = [w.lower().strip(",.;:") for w in text[v.start : v.end + 12].split()]
    at = next((k for k, w in enumerate(words) if w[:1].isdigit() or w in NUMBER_WORDS), None)
    return at is not None and at + 1 < len(words) and words[at + 1] in _INCREMENT


def _of_phrase(text: str, v: Value) -> frozenset[str]:
    m = _OF_PHRASE.match(text, v.end)
    if m is None:
        return frozenset()
    out = []
    for w in m.group(1).split():
        low = w.lower().strip(",.;:")
        if low in _PHRASE_STOP:
            break
        out.append(low)
        if w[-1:] in ",.;:":
            break
    return frozenset(out)


def _subset_scope(pa: frozenset[str], pb: frozenset[str]) -> bool:
    """One count is of a qualified part of what the other counts: "of fifth degree criminal
    mischief" holds every word of "of criminal mischief" and more."""
    return bool(pa and pb) and pa != pb and (pa < pb or pb < pa)


def round_slack(v: float, lo: float, hi: float) -> tuple[float, float]:
    """A plain whole value written with two or more trailing zeros ("1,500 jobs", "$2
    billion") may be rounded: it stands for whatever rounds to it at that precision, and
    at most 5% either way ("1,480 jobs" is no rival of "1,500 jobs", "1,300" is)."""
    if v < 100 or v != int(v):
        return lo, hi
    digits = str(int(v))
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros < 2:
        return lo, hi
    slack = min(0.5 * 10**zeros, 0.05 * v)
    return lo - slack, hi + slack


__all__ = ["clause_of", "round_slack", "trap"]
