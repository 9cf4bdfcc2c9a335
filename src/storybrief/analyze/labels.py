"""What a number in a sentence is not, and the unit of a hyphenated measure.

A number after a capitalised word or a label word names a thing ("Flight 214", "page 3");
"three of the eight charges" is a part and its whole, "one hundred and three" one
number; "a 5,500-word letter" and "the 8,027-meter peak" carry their unit in the compound.
"""

from __future__ import annotations

import re

from storybrief.analyze.lexicon import MONTH_NUMBERS, NUMBER_WORDS, WEEKDAYS
from storybrief.analyze.tokens import Context
from storybrief.text import STOPWORDS

# Hedge words ("about", "more than") are no names before a number.
APPROX_WORDS = (
    "about", "around", "roughly", "some", "approximately", "nearly", "almost", "over",
    "under", "up", "at", "less", "fewer", "more", "just", "as", "close", "upwards",
)  # fmt: skip
# Unit words as written, one name per unit: "8,013 m" and "8,027-meter" measure alike,
# "three gunmen" and "two terrorists" count the attackers alike.
UNIT_NAMES = {
    "m": "meter", "meters": "meter", "metre": "meter", "metres": "meter", "meter": "meter",
    "ft": "foot", "feet": "foot", "foot": "foot", "km": "kilometer", "kilometre": "kilometer",
    "kilometres": "kilometer", "kilometers": "kilometer", "mi": "mile", "miles": "mile",
    "kg": "kilogram", "kilograms": "kilogram", "lb": "pound", "lbs": "pound",
    # The attackers of one attack, as sources name them.
    "gunman": "attacker", "gunmen": "attacker", "terrorist": "attacker", "terrorists": "attacker",
    "attacker": "attacker", "attackers": "attacker", "assailant": "attacker",
    "assailants": "attacker", "militant": "attacker", "militants": "attacker",
}  # fmt: skip
# Units that name a role in the story rather than a generic noun: a shared one ties two
# counts to one subject.
ROLE_UNITS = frozenset(["attacker"])
# A number right after a capitalised word names a thing ("Flight 214", "Apollo 11",
# "Route 66", "Windows 10"), it counts nothing; months and weekdays are dates, hedges and
# sentence-initial words ("About 40") are not names.
_NOT_IDENTIFIER = frozenset(
    [*MONTH_NUMBERS, *WEEKDAYS, *APPROX_WORDS, "the", "a", "an", "at", "in", "on"]
)
_IDENT_BEFORE = re.compile(r"(?:^|[\s(])([A-Z][\w.’'-]*)\s+$")
# Lower-case words that make the number after them a label, not an amount.
_LABEL_WORDS = frozenset(["flight", "no", "no.", "number", "route", "page", "room", "gate",
                          "chapter", "section", "article", "amendment", "precinct", "apartment",
                          "apt", "suite", "unit", "bus", "line", "interstate", "highway"])  # fmt: skip


# Sentence-initial words before a count that are no names ("Only 12 people", "Another 40").
_OPENERS = frozenset(["another", "still", "today", "yesterday", "last", "since", "almost",
                      "exactly", "barely", "fully", "police", "officials"])  # fmt: skip


def _may_name(word: str) -> bool:
    """Whether a sentence's first word may name a thing a number labels ("Apollo 11
    astronauts", "Windows 10 users"): not a function word, an adverb or an opener."""
    return word not in STOPWORDS and word not in _OPENERS and not word.endswith("ly")


def is_label(sentence: str, start: int) -> bool:
    """Whether the number at ``start`` names a thing ("Flight 214", "page 3") rather than
    counting one."""
    lo = max(0, start - 40)
    before = sentence[lo:start]
    m = _IDENT_BEFORE.search(before)
    word = m.group(1).lower().rstrip(".") if m else ""
    if m and word not in _NOT_IDENTIFIER and (lo + m.start(1) > 0 or _may_name(word)):
        return True
    prev = before.split()
    return bool(prev) and prev[-1].lower() in _LABEL_WORDS


_PART_AFTER = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?P<whole>\d[\d,.]*|[a-z]+\b)", re.I
)
_PART_BEFORE = re.compile(
    r"\b(?:\d[\d,.]*|[a-z]+)s?\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$", re.I
)
_COMPOUND_BEFORE = re.compile(r"\b(?:hundred|thousand|million|billion)\s+(?:and\s+)?$", re.I)
LABEL_UNITS = frozenset(["block"])


def in_part(sentence: str, m: re.Match[str]) -> bool:
    """A number in "three of the eight charges" (part and whole: no rival values) or inside
    a spelled-out number ("one hundred and three")."""
    start, end = m.start("num"), m.end()
    before = sentence[max(0, start - 30) : start]
    if _COMPOUND_BEFORE.search(before):
        return True
    after = _PART_AFTER.match(sentence, end)
    if after and _is_number(after.group("whole")):
        return True
    before_m = _PART_BEFORE.search(before)
    return before_m is not None and _is_number(before_m.group(0).split()[0])


_FRACTIONS = frozenset(["half", "quarter", "third", "fifth", "tenth", "percent", "much", "most"])


def _is_number(text: str) -> bool:
    word = text.split()[0].strip(",.").lower() if text.split() else ""
    word = word[:-1] if word.endswith("s") and word[:-1] in _FRACTIONS else word
    return bool(word) and (word[0].isdigit() or word in NUMBER_WORDS or word in _FRACTIONS)


_COMPOUND = re.compile(r"-([a-z]+)\b(?!-)")


def compound_unit(ctx: Context, sentence: str, end: int) -> tuple[frozenset[str], int] | None:
    """The unit of a hyphenated measure: "a 5,500-word letter", "the 8,027-meter peak"."""
    m = _COMPOUND.match(sentence, end)
    if m is None:
        return None
    low = m.group(1)
    return frozenset({UNIT_NAMES.get(low) or ctx.stem(low)}), m.end()
