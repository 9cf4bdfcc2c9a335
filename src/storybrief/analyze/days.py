"""The weekday of one event that happened to one person ("vanished Friday" / "went missing
on Saturday").

Most stories carry no publication date, so "Friday" resolves to no calendar date and
``values`` leaves it out; two sources can still name different days for the same event.
The event is anchored twice: the person (named in the sentence, or "he"/"she" for the one
person named just before) and a small class of predicates that name one moment in a
person's story (vanished, found, died, arrested, born). "Reported missing" is its own
event: a disappearance is often reported a day later. A sentence naming two weekdays, or
a weekday with "next", "every", "until" or "since", is a schedule, not one event's day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storybrief.analyze.ages import person_before
from storybrief.analyze.lexicon import WEEKDAYS
from storybrief.analyze.mentions import Mention
from storybrief.analyze.names import NameIndex
from storybrief.analyze.values import Value

EVENT_RX = re.compile(
    r"\b(?P<ev>reported\s+missing|went\s+missing|gone\s+missing|last\s+seen|last\s+heard|"
    r"vanished|disappeared|found|located|discovered|rescued|died|killed|dead|death|arrested|"
    r"detained|born|shot|stabbed|attacked|kidnapped|abducted|escaped|married)\b",
    re.I,
)
CLASS = {
    "reported missing": "reported", "went missing": "vanish", "gone missing": "vanish",
    "last seen": "vanish", "last heard": "vanish", "vanished": "vanish", "disappeared": "vanish",
    "found": "found", "located": "found", "discovered": "found", "rescued": "found",
    "died": "die", "killed": "die", "dead": "die", "death": "die", "arrested": "arrest",
    "detained": "arrest", "born": "born", "shot": "attack", "stabbed": "attack",
    "attacked": "attack", "kidnapped": "abduct", "abducted": "abduct", "escaped": "escape",
    "married": "marry",
}  # fmt: skip
_DAY_RX = re.compile(r"\b(?P<day>" + "|".join(WEEKDAYS) + r")s?\b", re.I)
# What may precede a weekday that opens the sentence ("On Friday, ...", "Late Friday, ...").
_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|confirmed|reported|revealed|learned|believe[ds]?)\b", re.I
)
_OPENING = re.compile(r"^\s*(?:(?:on|early|late|by|last)\s+)?$", re.I)
_SCHEDULE = re.compile(r"\b(?:next|every|until|since|following|each)\s+$", re.I)
# Words between the predicate and its weekday, at most ("was found dead in her car on
# Sunday" has six).
GAP = 8


@dataclass(frozen=True)
class DayClaim:
    key: str  # person|event class
    value: Value


def day_claims(
    text: str,
    mentions: Sequence[Mention],
    earlier: Sequence[Sequence[Mention]],
    earlier_texts: Sequence[str],
    index: NameIndex,
) -> list[DayClaim]:
    days = list(_DAY_RX.finditer(text))
    if len({m.group("day").lower() for m in days}) != 1:
        return []
    day = days[0]
    if _SCHEDULE.search(text[: day.start()]):
        return []
    events = list(EVENT_RX.finditer(text, 0, day.start()))
    if events:
        ev = events[-1]
        between = text[ev.end() : day.start()]
    elif _OPENING.match(text[: day.start()]):
        # "On Friday, Tessa Vallin vanished": a weekday opening the sentence dates its verb.
        ev = EVENT_RX.search(text, day.end())
        if ev is None:
            return []
        between = text[day.end() : ev.start()]
        if _SPEECH.search(between):
            return []  # "On Friday, police said she vanished": the day of the statement
    else:
        return []
    if len(between.split()) > GAP or ";" in between:
        return []
    cls = CLASS[" ".join(ev.group("ev").lower().split())]
    subject = person_before(text, ev.start(), mentions, earlier, earlier_texts, index)
    if subject is None:
        return []
    name = day.group("day").lower()
    v = Value("day", frozenset(), cls, 0, 0, day.group(0), day.start(), day.end(),
              f"{subject}|{name}", frozenset())  # fmt: skip
    return [DayClaim(f"{subject}|{cls}", v)]
