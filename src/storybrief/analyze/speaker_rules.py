"""Speaker phrases that describe rather than name, and where a name phrase has its head:
"the designer admitted" (someone named before), "the Rockies said" (an organisation by its
name), "a company spokesperson" (the organisation last named), "former Bush speechwriter
Noam Neusner" (the last name), "Kim said that he ...; he described" (the first clause's
subject). Small word tests used by ``Resolver``, ``PhraseNames`` and ``cues.before``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storybrief.analyze.attribution import (
    DETERMINERS,
    END,
    NONE,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPOKES,
    Attribution,
    clause_start,
    leading_np,
)

_THE = frozenset(["the", "this"])


def described_subject(toks: Sequence[str]) -> list[str]:
    """A clause subject that describes a person named before, "the designer" or "the
    40-year-old climber" (a determiner, at most two lower-case modifiers, a person noun,
    then a lower-case word: the verb): empty when the clause opens otherwise."""
    end = next((k for k, t in enumerate(toks) if t in (".", "!", "?", ";")), len(toks))
    k = clause_start(toks, end)
    if k >= end or toks[k].lower() not in _THE:
        return []
    for j in range(k + 1, min(end - 1, k + 4)):
        t = toks[j]
        if not (t[:1].islower() or (t[:1].isdigit() and "-" in t)):
            return []
        if t in PERSON_NOUNS:
            nxt = toks[j + 1]
            return list(toks[k : j + 1]) if nxt[:1].islower() and nxt.isalpha() else []
    return []


def proper_after_determiner(words: Sequence[str]) -> bool:
    """ "the Rockies", "The Post": a determiner and only capitalised words, the way news
    names an organisation or a team (a description has a lower-case word: "the Russian
    president")."""
    return (
        len(words) > 1
        and words[0].lower() in DETERMINERS
        and all(w[:1].isupper() for w in words[1:])
    )


def org_spokesperson(low: Sequence[str]) -> bool:
    """ "a company spokesperson", "a hospital spokeswoman", "a spokesman for the company":
    someone unnamed speaking for the organisation a generic noun means."""
    if not low or low[-1] not in SPOKES and "for" not in low:
        return False
    if low[-1] in SPOKES:
        return len(low) == 3 and low[1] in ORG_NOUNS
    at = low.index("for")
    rest = low[at + 1 :]
    return (
        at >= 1
        and low[at - 1] in SPOKES
        and len(rest) == 2
        and rest[0] in ("the", "its")
        and rest[1] in ORG_NOUNS
    )


def described_last(words: Sequence[str], run: tuple[int, int, bool]) -> bool:
    """Whether a name run ends the phrase after a lower-case word that says what the person
    does ("former Bush speechwriter Noam Neusner"): the phrase's head, not the name before."""
    a, b, possessive = run
    if possessive or b != len(words) or a == 0:
        return False
    w = words[a - 1]
    return w.isalpha() and w.islower() and w not in _LINKS and w not in DETERMINERS


_LINKS = frozenset(["and", "or", "of", "for", "to", "with", "by", "from", "at", "in", "on"])


def same_sentence(
    resolver: Any, toks: Sequence[str], start: int, pronoun: str
) -> Attribution | None:
    """ "Yusupov said that he stepped down; he characterized the move as …": a pronoun
    subject after a semicolon means the person the sentence's first clause has for its
    subject (when the gender fits), not the one last named before the sentence.

    ``resolver`` is the ``analyze.resolver.Resolver`` at work (typed loosely: that module
    imports this one)."""
    end = next((k for k in range(start) if toks[k] in END or toks[k] == ";"), None)
    if end is None:
        return None
    np = leading_np(toks[clause_start(toks, end) : end])
    if not np or np[0].lower() in _SUBJECT_PRONOUNS or not np[0][:1].isupper():
        return None
    who: Attribution = resolver.phrase(np)
    want = {"he": "m", "she": "f"}.get(pronoun.lower())
    if (
        who is NONE
        or not who.speaker
        or resolver.index.kind.get(who.speaker) != "person"
        or resolver.genders.get(who.speaker, want) != want
    ):
        return None
    return Attribution(True, who.speaker)


_SUBJECT_PRONOUNS = frozenset(["he", "she", "it", "they"])
