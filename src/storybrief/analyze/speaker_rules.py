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
    QUOTE_VERBS,
    SPOKES,
    Attribution,
    clause_start,
    leading_np,
    outside_quotes,
    subject,
    words_of,
)
from storybrief.analyze.lexicon import PERSON_NOUNS, word_set
from storybrief.analyze.speakers import description
from storybrief.text import STOPWORDS

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
    """ "Dorsey said that he resigned; he called the decision …": a pronoun
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


# Things written or recorded that news quotes as if they spoke ("the email read").
DOCUMENTS = word_set(
    """
    statement letter editorial email e-mail memo note filing lawsuit complaint report study
    release tweet post column op-ed petition message recording transcript ad advertisement
    article
    """
)
READS = frozenset(["read", "reads"])  # a speech verb only for a document
_ISSUED = frozenset(["from", "by", "in", "of"])
_ISSUING = word_set("released issued sent signed published posted filed written put wrote")


def document_head(words: Sequence[str]) -> int | None:
    """Where the issuer part of a document phrase starts ("a Tuesday editorial in The Ledger"
    gives the offset of "in"; len(words) when none is named: "the email"); None when the
    phrase's head is no document."""
    words = words[: next((k for k, w in enumerate(words) if w in END or w == ","), len(words))]
    low = [w.lower() for w in words[:8]]
    cut = next((k for k, w in enumerate(low) if w in _ISSUED), len(words))
    noun = cut - 1
    if 1 < cut < len(low) and low[noun] in _ISSUING:
        noun -= 1  # "the statement released by Fox News"
    if cut == 0 or cut > 6 or low[min(noun, len(low) - 1)] not in DOCUMENTS:
        return None
    if not words[noun][:1].islower():
        return None  # "The Post", "the Report": a name
    if low[0] not in DETERMINERS and not low[0][:1].isdigit():
        return None  # "Acme's statement", "Senate report": the name is the phrase's own
    return cut


def document_issuer(resolver: Any, words: Sequence[str]) -> Attribution | None:
    """ "a Tuesday editorial in The Ledger", "a letter from the Rotary Club": the one who
    issued it, when the phrase says so; "his statement": the one "his" means; "the email",
    "the study": no one (not the person last named). None when the phrase's head is no document."""
    cut = document_head(words)
    if cut is None:
        return None
    rest = list(words[cut + 1 :]) if cut < len(words) else []
    named = resolver._name(rest) if rest and rest[-1][:1].isupper() else None
    # A place is no issuer ("a letter from Ohio"), unless "the" makes it a title: "in The
    # Millbrook Ledger" (a recogniser may take a paper named for its town for a place).
    if (
        named
        and not named[3]
        and (resolver.index.kind.get(named[0]) != "place" or rest[0].lower() == "the")
    ):
        return Attribution(True, named[0])
    owner = _OWNERS.get(words[0].lower())
    if owner and not rest:
        # "his statement said", "its filing read": the one the possessive means.
        return Attribution(True, resolver.last_org if owner == "it" else resolver.pronoun(owner))
    if not rest and words[0].lower() in _DEFINITE:
        # "The statement added:" after "A statement from the Rowing Club said …": the one
        # who issued the statement the story just mentioned.
        noun = next((w.lower() for w in reversed(words[:cut]) if w.lower() in DOCUMENTS), None)
        for sentence in reversed(resolver.window[-_BACK:]):
            who = issuer_in(resolver, sentence, noun)
            if who:
                return Attribution(True, who)
    # "according to a police statement": no issuer named, the document as described.
    return Attribution(True, None, described=description(words[:cut]))


_DEFINITE = frozenset(["the", "this", "that"])
_BACK = 3  # sentences back where "the statement" may have been introduced
_A = frozenset(["a", "an"])
_THAT = frozenset(["that", "which", "who"])


def issuer_in(resolver: Any, sentence: str, noun: str | None = None) -> str | None:
    """Who a sentence says issued a document (of kind ``noun``, else any): "a statement on
    Friday from the Rowing Club", "the committee issued a statement", "In an email, the
    union gave its reasons"; None when it introduces none or names no issuer."""
    toks = words_of(outside_quotes(sentence))
    low = [t.lower() for t in toks]
    for k, w in enumerate(low):
        if w not in DOCUMENTS or (noun and w != noun) or k == 0:
            continue
        j = k
        while j > 1 and toks[j - 1][:1].isupper() and low[j - 1] not in STOPWORDS:
            j -= 1
        if j < k and low[j - 1] in DETERMINERS | _ACTUAL:
            # "The actual Harbor Gazette article first appeared": the paper's.
            who = resolver.phrase(toks[j:k]).speaker
            if who and resolver.index.kind.get(who) != "place":
                return who
        if low[k - 1] not in _A:
            continue
        by = next((j for j in range(k + 1, min(k + 5, len(low))) if low[j] in _FROM), None)
        if by is not None and not any(t in END or t == "," or t in _THAT for t in low[k:by]):
            np = leading_np(toks[by + 1 :])  # "a statement on Friday from the Rowing Club"
        elif k >= 2 and low[k - 2] in _ISSUING:
            np = subject(" ".join(toks[: k - 2]))  # "the committee issued a statement"
        elif k == 2 and low[0] == "in" and k + 1 < len(low) and low[k + 1] == ",":
            np = leading_np(toks[k + 2 :])  # "In an email, the union gave its reasons"
        else:
            continue
        if np and "and" in np:
            np = np[: np.index("and")]
        who = resolver.phrase(np).speaker if np else None
        if who and resolver.index.kind.get(who) != "place":
            return who
    return None


_FROM = frozenset(["from", "by"])
_ACTUAL = frozenset(["actual", "original", "new", "latest", "first"])


_OWNERS = {"his": "he", "her": "she", "its": "it"}


def appositive_subject(toks: Sequence[str]) -> list[str]:
    """ "One of the authors of that report, Ari Fleischer, said …": the name set off by
    commas right before the sentence's first speech verb (its subject); else empty."""
    verb = next((k for k, t in enumerate(toks) if t.islower() and t in QUOTE_VERBS), 0)
    if verb < 3 or toks[verb - 1] != ",":
        return []
    comma = next((k for k in range(verb - 2, -1, -1) if toks[k] == ","), None)
    inner = list(toks[comma + 1 : verb - 1]) if comma is not None else []
    capital = all(w[:1].isupper() and w.lower() not in STOPWORDS for w in inner)
    return inner if 2 <= len(inner) <= 4 and capital else []
