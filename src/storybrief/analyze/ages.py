"""A person's age as a sentence states it, tied to the person rather than to the words
around it.

Two reports of one person's age rarely share their wording ("Colin Kroll, 34, was found"
/ "… has died. He was 35."), so the overlap tests of ``disagree`` never pair them; the
person is the anchor instead. Only forms that state an age now are read: the appositive
("Kroll, 34,", "Kroll (34)"), "34-year-old Colin Kroll", "Kroll, a 34-year-old …" (or
"Kroll — a 34-year-old …"), "died at (the age of) 34", "aged 34", and "He/She was 34
(years old)." for the person last named.
An age dated to another moment ("when", "turned", "would have been", "at the time",
"birthday" before it, or in its own clause after it: "was 29 when she moved") states no
current age and is skipped; a "when" after the age's clause is closed dates the main verb
("Ilse Brandt, 32, was hurt when a wall fell"). A known person the name finder marked no
mention of ("27-year-old Brandt's van") is found by the name index.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storybrief.analyze.mentions import Mention
from storybrief.analyze.names import NameIndex
from storybrief.analyze.values import Value

_AGE = r"(?P<age>\d{1,3})"
# After the name.
_APPOSITIVE = re.compile(
    r",\s*(?:aged?\s+)?" + _AGE + r"(?:\s+years?\s+old)?\s*(?:,|\.\s*$|;|\s+and\b|\s+who\b)"
)
_BRACKET = re.compile(r"\s*\(\s*(?:age\s+|aged\s+)?" + _AGE + r"\s*\)")
_DESCRIBED = re.compile(r"(?:,|\s*[\u2014\u2013]|\s+--?)\s*(?:a|an|the)\s+" + _AGE + r"-year-old\b")
# "Kroll, who was 34," and "Kroll was 34." (a clause's end right after the number).
_WHO_WAS = re.compile(
    r",?\s+(?:who\s+)?(?:is|was)\s+" + _AGE + r"(?:\s+years\s+old)?\s*(?:[,;]|\.\s*$|$)"
)
# Before the name: "34-year-old co-founder Colin Kroll".
# "a 32-year-old man, Dalen Morrow,": the noun in apposition to the name.
_BEFORE = re.compile(_AGE + r"-year-old\s+(?:[\w-]+\s+){0,3}$")
# ... when the name is set off by commas ("a 32-year-old man, Dalen Morrow, was"), never
# a speaker's ("a 13-year-old boy, Morrow said": Morrow is not the boy).
_BEFORE_APPOSED = re.compile(_AGE + r"-year-old\s+[a-z]+,\s+$")
_APPOSED_END = re.compile(r"\s*(?:,(?!\s*(?:said|says|told|added)\b)|\)|\.\s*$|$)")
# Anywhere in the sentence, for its subject.
_DIED_AT = re.compile(
    r"\b(?:died|dies|dead|killed|passed away)\s+at\s+(?:the\s+age\s+of\s+|age\s+)?"
    + _AGE
    + r"\b(?![.:,]?\d|\s*(?:%|percent|p\.|a\.|years?\s+ago|o'clock))",
    re.I,
)
_AGED = re.compile(r"\baged\s+" + _AGE + r"\b(?!\s*(?:-|to|and)\s*\d)", re.I)
_PRONOUN_WAS = re.compile(r"^(?:He|She)\s+was\s+" + _AGE + r"(?:\s+years\s+old)?\s*[.!]?\s*$")
# "The 33-year-old was charged": the person named just before.
_THE_AGED = re.compile(
    r"^The\s+" + _AGE + r"-year-old\s+(?:was|is|has|had|had\s+been|died|said|told)\b"
)
_OTHER_TIME = re.compile(
    r"\b(?:when|turned|turns|turning|would\s+have|at\s+the\s+time|birthday|until|since)\b", re.I
)
# Where an age's own clause ends: a comma, a semicolon, a colon, a dash or a bracket.
_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\.(?:\s|$)")
# A run of capitalised words (a name the name finder may have missed), "del" and "van"
# inside; a possessive "'s" stays out.
_NAME_WORD = (
    r"(?:[A-Z]['\u2019])?[A-Z][a-zA-Z]*[a-z](?:-[A-Z]?[a-z]+)?(?![\w-])(?!['\u2019][a-zA-Z]{2})"
)
_CAPS_RUN = re.compile(
    r"\b" + _NAME_WORD + r"(?:\s+(?:(?:de|del|da|van|von|der|la|le)\s+)?" + _NAME_WORD + r")*"
)
# What every form above needs: the cheap test most sentences fail.
_MAYBE = re.compile(
    r"\d-year-old|\baged?\s+\d|\b(?:is|was)\s+\d|\bat\s+(?:the\s+age\s+of\s+|age\s+)?\d|, \d|\(\s*\d|^(?:He|She) was \d",
    re.I,
)
_PRONOUN_START = re.compile(r"^(?:He|She|His|Her|The\s+\d{1,3}-year-old)\b")
# Ages people have; a larger number after "aged" or "at" is something else.
MAX_AGE = 115
# How far back "He was 35." looks for the person it means (sentences of the same article).
LOOKBACK = 2


@dataclass(frozen=True)
class AgeClaim:
    person: str  # canonical name
    value: Value


def _value(person: str, age: int, text: str, start: int, end: int) -> Value:
    return Value("age", frozenset({"year"}), "age", age, age, text[start:end], start, end,
                 f"{person}|{age}", frozenset())  # fmt: skip


def people_in(
    text: str, mentions: Sequence[Mention], index: NameIndex
) -> list[tuple[str, int, int]]:
    out = []
    for m in mentions:
        canon = index.resolve(m.surface)
        at = text.find(m.surface)
        if canon is None or at < 0 or index.kind.get(canon) not in ("person", "other"):
            continue
        out.append((canon, at, at + len(m.surface)))
    return sorted(out, key=lambda t: t[1])


def age_claims(
    text: str,
    mentions: Sequence[Mention],
    earlier: Sequence[Sequence[Mention]],
    earlier_texts: Sequence[str],
    index: NameIndex,
) -> list[AgeClaim]:
    """The ages ``text`` states, each with its person; ``earlier`` are the mentions of the
    article's preceding sentences (nearest last), for "He was 35."."""
    if _MAYBE.search(text) is None:
        return []
    people = people_in(text, mentions, index)
    people = sorted(people + _unmarked_people(text, people, index), key=lambda t: t[1])
    out: list[AgeClaim] = []
    seen: set[int] = set()

    def add(person: str, m: re.Match[str], base: int = 0) -> None:
        age = int(m.group("age"))
        start = base + m.start("age")
        end = base + m.end("age")
        if 0 < age <= MAX_AGE and start not in seen and not _dated(text, start, end):
            seen.add(start)
            out.append(AgeClaim(person, _value(person, age, text, start, end)))

    for canon, a, b in people:
        for rx in (_APPOSITIVE, _BRACKET, _DESCRIBED, _WHO_WAS):
            m = rx.match(text, b)
            if m:
                add(canon, m)
        m = _BEFORE.search(text[max(0, a - 60) : a])
        if m is None and _APPOSED_END.match(text, b):
            m = _BEFORE_APPOSED.search(text[max(0, a - 60) : a])
        if m:
            add(canon, m, max(0, a - 60))
    for rx in (_DIED_AT, _AGED, _PRONOUN_WAS, _THE_AGED):
        for m in rx.finditer(text):
            subject = person_before(text, m.start(), mentions, earlier, earlier_texts, index)
            if subject is not None:
                add(subject, m)
    return out


def _dated(text: str, start: int, end: int) -> bool:
    """Whether the age at [start, end) is dated to another moment: a time word ("when",
    "turned", "at the time") before it in the sentence, or after it in its own clause
    ("was 56 when ..."). One after the clause is closed dates the sentence's main verb,
    not the age ("Ilse Brandt, 32, was hurt when a wall fell")."""
    if _OTHER_TIME.search(text, 0, start):
        return True
    close = _CLAUSE_END.search(text, end)
    return _OTHER_TIME.search(text, end, close.start() if close else len(text)) is not None


def _unmarked_people(
    text: str, people: Sequence[tuple[str, int, int]], index: NameIndex
) -> list[tuple[str, int, int]]:
    """People of the story named in ``text`` where the name finder marked no mention
    ("27-year-old Ilse Marta Brandt", "Brandt's"): each capitalised run that no mention
    covers, resolved to a known person (``NameIndex.find_person``) whose surname it
    writes, never a new name."""
    out = []
    for m in _CAPS_RUN.finditer(text):
        a, b = m.start(), m.end()
        if any(x < b and a < y for _, x, y in people):
            continue
        person = index.find_person(m.group(0))
        # A full name whose surname the run writes: a bare word that the index holds as a
        # person ("Police", "Troopers") or a first name alone says too little.
        if person is not None and " " in person and person.split()[-1] in m.group(0).split():
            out.append((person, a, b))
    return out


def person_before(
    text: str,
    at: int,
    mentions: Sequence[Mention],
    earlier: Sequence[Sequence[Mention]],
    earlier_texts: Sequence[str],
    index: NameIndex,
) -> str | None:
    """Whom a statement at offset ``at`` is about: the first person named before it in the
    sentence, or, for a sentence that names nobody and opens with he/she/his/her, the one
    person named in the sentences just before."""
    people = people_in(text, mentions, index)
    first = next((c for c, a, _ in people if a < at), None)
    if first is not None or people or not _PRONOUN_START.match(text):
        return first
    return _last_person(earlier, earlier_texts, index)


def _last_person(
    earlier: Sequence[Sequence[Mention]], texts: Sequence[str], index: NameIndex
) -> str | None:
    """The person last named in the few sentences before, if only one person is named
    there (two people leave "he" open)."""
    for mentions, text in list(zip(earlier, texts, strict=True))[-LOOKBACK:][::-1]:
        people = {c for c, _, _ in people_in(text, mentions, index)}
        if len(people) == 1:
            return next(iter(people))
        if people:
            return None
    return None
