"""The analysis's shared word lists, with public names: every step reads them from here.

Lower-case throughout; callers compare ``token.lower()``.
"""

from __future__ import annotations

from storybrief.lang.speech import PERSON_SAY_VERBS as PERSON_SAY_VERBS
from storybrief.lang.speech import SAY_VERBS as SAY_VERBS


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Speech verbs: one lexicon for every stage (``storybrief.lang.speech``).
# Role words that make a title before a name ("Regional governor Elena Marsh").
ROLES = word_set(
    """
    president minister prime premier chancellor secretary governor mayor leader king queen
    prince princess emperor general commander chief executive ceo chairman chairwoman chair
    director spokesman spokeswoman spokesperson senator representative congressman
    congresswoman ambassador envoy judge coach manager striker goalkeeper captain defender
    midfielder officer official diplomat mr mrs ms dr sir dame lord lady pope bishop cardinal
    sheikh vice deputy foreign interior defence defense finance state counterpart head founder
    owner
    """
) | word_set(
    # People named by what they do ("Democratic presidential front-runner Hillary Clinton",
    # "pollster Cornell Belcher"): title words for speakers as much as for names.
    """
    presidential front-runner frontrunner candidate nominee contender hopeful
    challenger anchor correspondent reporter analyst pollster strategist
    consultant adviser advisor aide attorney lawyer prosecutor professor researcher
    scientist author editor writer columnist commentator activist businessman
    businesswoman billionaire mogul actor actress singer rapper producer nurse doctor
    economist historian lawmaker legislator delegate commissioner superintendent sheriff
    detective inspector constable lieutenant sergeant colonel major admiral marshal
    investigator mayor-elect president-elect co-founder cofounder publicist member
    """
)
# Roles that say little about which office: matched on the nationality or team words alone.
GENERIC_ROLES = word_set("leader counterpart head chief official")

MONTH_NUMBERS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}  # fmt: skip
MONTHS = frozenset(MONTH_NUMBERS)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
# Tokens that end a clause: a value's context, a subject's phrase stop here.
CLAUSE_WORDS = frozenset(
    [",", ";", ":", "—", "–", "and", "but", "while", "which", "who", "when", "whereas", "because"]
)
# Words that negate the predicate after them.
NEGATORS = frozenset(["not", "no", "never", "cannot"])


# Head words of a description that means a person named before ("the designer admitted").
PERSON_NOUNS = ROLES | word_set(
    """
    designer star man woman boy girl father mother son daughter husband wife teen teenager
    player singer musician artist filmmaker director veteran survivor victim witness suspect
    mountaineer climber entrepreneur comedian host
    """
)
