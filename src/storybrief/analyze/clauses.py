"""Clauses that report speech around a quote without a plain "X said": a speech participle
("…, saying", "with Gorka noting …"), a question in the passive ("Rubio was asked by Gerard
Baker whether …"), a clause subject after an intro phrase ("A few days later, Trump
reversed himself, telling CBS …"); the name phrase right before a speech verb.
"""

from __future__ import annotations

from itertools import takewhile

from storybrief.analyze.attribution import (
    CALENDAR,
    CONNECT,
    DETERMINERS,
    END,
    ORG_NOUNS,
    QUOTE_VERBS,
    SKIP,
    SPOKES,
    Attribution,
    clause_start,
    leading_np,
)
from storybrief.analyze.lexicon import ROLES, word_set
from storybrief.analyze.resolver import Resolver
from storybrief.text import STOPWORDS

# Speech verbs as participles after the clause that names the speaker.
PARTICIPLES = word_set(
    """
    saying adding writing noting arguing explaining insisting warning declaring stating
    tweeting praising telling calling describing claiming urging vowing asking accusing
    promising suggesting acknowledging predicting recalling joking quipping boasting
    complaining admitting conceding pledging announcing proclaiming replying responding
    asserting stressing reiterating touting lamenting yelling shouting
    """
)

# Prepositions whose object is never the subject of the verb after it.
PREPOSITIONS = frozenset(["of", "for", "at", "with", "from", "in", "on", "to", "by"])


def np_left(toks: list[str], start: int, verb: int, *, subject: bool = False) -> list[str]:
    """The name phrase right before a speech verb (past adverbs such as "also"): names,
    initials, role words and "of" inside them; empty unless it holds a name. ``subject``:
    also empty when it is an organisation a preposition governs ("the director for the Iowa
    Democratic Party said": the party is no subject)."""
    k = verb - 1
    while k >= start and (
        toks[k].lower() in SKIP
        or toks[k].lower() in CALENDAR
        or (toks[k].lower() == "on" and toks[k + 1].lower() in CALENDAR)
    ):
        k -= 1  # "Priebus later Thursday told Fox News:", "Beck on Wednesday called"
    if k > start and toks[k] == ",":
        # An appositive name: "One of the founders of the Larkspur Players, Tomas Reyl,
        # said"; a description there ("Sean Spicer, the press secretary, said") is left to
        # the clause's subject.
        j = next((i for i in range(k - 1, start - 1, -1) if toks[i] == ","), None)
        inner = toks[j + 1 : k] if j is not None else []
        if 2 <= len(inner) <= 4 and all(
            (w[:1].isupper() and w.lower() not in STOPWORDS) or w.lower() in CONNECT for w in inner
        ):
            return inner
        return []
    end = k + 1
    while k >= start:
        t = toks[k]
        low = t.lower().rstrip(".")
        if (
            (t[:1].isupper() and (low not in STOPWORDS or _name_word(toks, k)))
            or low in ROLES
            or low in SPOKES
        ):
            k -= 1
        elif low in CONNECT or low == "of":
            if k - 1 < start or not toks[k - 1][:1].isupper():
                break
            k -= 1
        elif low == "the" and k - 2 >= start and toks[k - 1] == "of" and toks[k - 2][:1].isupper():
            k -= 1  # "Archbishop Ivo Brandt of the Harbor Chapel told"
        else:
            break
    np = toks[k + 1 : end]
    while np and not np[0][:1].isupper():
        np = np[1:]
    if subject and np and np[-1].lower() in ORG_NOUNS:
        at = end - len(np) - 1
        if at >= start and toks[at].lower() in DETERMINERS:
            at -= 1
        if at >= start and toks[at].lower() in PREPOSITIONS:
            return []
    if "of" in np:
        head = np[: np.index("of")]
        if any(w[:1].isupper() and w.lower() not in ROLES for w in head):
            np = head  # "Joel Pollak of Breitbart California"
    if not any(w[:1].isupper() and w.lower().rstrip(".") not in ROLES for w in np):
        return []
    return np


def _name_word(toks: list[str], k: int) -> bool:
    """A capitalised common word inside a sentence, not opening it, that can only be a
    name there ("In Carrow, Will described the plan as …", "as May told MPs"): not a
    determiner, pronoun, preposition or conjunction, and not "I"."""
    t = toks[k]
    return (
        k > 0
        and len(t) > 2
        and t[1:].islower()
        and toks[k - 1] not in END
        and toks[k - 1] not in _OPENING_MARKS
        and t.lower() not in _NO_NAME_WORDS
    )


_OPENING_MARKS = frozenset(["“", '"', "‘", "'", ":", "(", "—", "–"])
_NO_NAME_WORDS = (
    DETERMINERS
    | PREPOSITIONS
    | word_set(
        """
        and but or nor so yet if then than because while when where which who whom whose
        what why how that this these those there here he she it they we you his her hers
        its their our your him them us me not no all any both each few some such very
        """
    )
)


# A question reported in the passive: its subject is who was asked.
_ASKED = frozenset(["asked", "questioned", "pressed"])
_BE = frozenset(["was", "were", "is", "are", "been", "being", "get", "gets", "got"])
_ASK_STOP = frozenset([",", ":", "whether", "if", "about", "why", "what", "how", "to", "on"])
# How an appositive after a subject's name opens ("Axelrod, who was ...", "Li, the mayor,").
_APPOSITIVE = frozenset(["who", "the", "a", "an", "his", "her", "their", "its"])


def passive_asker(resolver: Resolver, toks: list[str], verb: int) -> Attribution | None:
    """ "Rubio was asked by moderator Gerard Baker whether …": the subject hears the
    question; its asker, if named, speaks it (``None``: the verb is no passive one)."""
    if not (0 < verb < len(toks) - 1 and toks[verb].lower() in _ASKED):
        return None
    if toks[verb - 1].lower() not in _BE:
        return None
    agent = toks[verb + 2 :] if toks[verb + 1] == "by" else []
    agent = list(takewhile(lambda t: t not in END and t.lower() not in _ASK_STOP, agent))
    return resolver.phrase(agent) if agent else Attribution(True, None)


def with_subject(toks: list[str], start: int) -> list[str]:
    """ "…, with Gorka noting the absurdity of …", "with Trump reportedly yelling:": the
    name before the clause's last speech participle, in a "with" phrase; else empty."""
    verb = next((k for k in range(len(toks) - 1, start, -1) if toks[k].lower() in PARTICIPLES), 0)
    # (``start``: where to look; a speech verb there comes before the participle.)
    while verb - 1 > start and toks[verb - 1].islower() and toks[verb - 1].endswith("ly"):
        verb -= 1
    left = np_left(toks, start, verb, subject=True) if verb else []
    at = verb - len(left) - 1
    return left if left and at >= start and toks[at].lower() == "with" else []


def subject_after_comma(toks: list[str], start: int, upto: int) -> list[str]:
    """ "A few days later, Trump reversed himself, telling CBS …": the subject after an intro
    phrase the clause's start did not skip, a name followed by its verb (not "Orlando,
    Florida, which …"); else empty."""
    for c in range(start, upto):
        if toks[c] != ",":
            continue
        np = leading_np(toks[c + 1 : upto])
        end = c + 1 + len(np)
        comma = np.index(",") if "," in np else -1
        apposed = 0 <= comma < len(np) - 1 and np[comma + 1].lower() in _APPOSITIVE
        if apposed and end < upto and toks[end] == ",":
            end += 1  # "David Axelrod, who was Obama's adviser, tweeted this:"
        nxt = toks[end] if np and end <= upto else ""
        # A finite verb: a speech verb, else a past or third-person form ("reversed",
        # "tweets"; not "health" in "Michigan health officials said").
        finite = nxt in QUOTE_VERBS or (
            nxt.endswith(("ed", "s")) and nxt not in STOPWORDS and nxt.rstrip("s") not in ROLES
        )
        if nxt.isalpha() and nxt.islower() and finite:
            return np
    return []


# Conjunctions after a comma that open a clause with a subject of its own.
_CLAUSE_CONJUNCTIONS = frozenset(["while", "whereas", "but", "and", "yet"])


def later_subject(toks: list[str], start: int, upto: int) -> list[str]:
    """ "Jo Brandt signed the order, while Ada Morrow, the mayor, called it “…”": the
    subject of the last clause a conjunction after a comma opens, a name followed by its
    verb, before ``upto`` (the quote's clause, not the sentence's first); else empty."""
    for c in range(upto - 3, start, -1):
        if toks[c] != "," or toks[c + 1].lower() not in _CLAUSE_CONJUNCTIONS:
            continue
        np = leading_np(toks[c + 2 : upto])
        end = c + 2 + len(np)
        if end < upto and toks[end] == "," and "," in np:
            end += 1  # "Ada Morrow, the mayor, called"
        nxt = toks[end] if np and end < upto else ""
        finite = nxt in QUOTE_VERBS or (
            nxt.endswith(("ed", "s")) and nxt not in STOPWORDS and nxt.rstrip("s") not in ROLES
        )
        if nxt.isalpha() and nxt.islower() and finite and np[0][:1].isupper():
            return np
        return []
    return []


def relative_subject(toks: list[str], start: int, verb: int) -> list[str]:
    """ "… led by Ada Morrow, who glimpses the river and vows, “…”": the name a relative
    "who" clause holding the speech verb refers to (the name right before ", who"); else
    empty."""
    for k in range(verb - 1, start + 1, -1):
        if toks[k] in END:
            return []
        if toks[k].lower() == "who" and toks[k - 1] == ",":
            return np_left(toks, start, k - 1, subject=True)
    return []


# Nouns for what someone said: "Kim's reply was: “…”".
SAYINGS = word_set(
    """
    response reply answer retort words remark remarks comment comments message dictum motto
    mantra slogan refrain phrase catchphrase promise pledge vow warning advice verdict line
    quip joke tweet
    """
)


def sayer(toks: list[str]) -> list[str]:
    """The owner of the words a quote gives, with no speech verb before it: a possessive
    name right before the quote ("the pull of Morrow's “…” promise") or a clause opening
    with one and a noun for what was said ("Kim's reply was: “…”", "Kim's catch phrase in
    that race was that Li “…”"); the name without its "'s", else empty."""
    if not toks:
        return []
    if _possessive_name(toks[-1]):
        return _name_before(toks, len(toks) - 1)
    start = clause_start(toks, len(toks))
    k = start
    while k < len(toks) and not _possessive_name(toks[k]) and toks[k][:1].isupper():
        k += 1
    if k + 2 >= len(toks) or not _possessive_name(toks[k]):
        return []
    rest = [t.lower() for t in toks[k + 1 :]]
    noun = next((j for j, t in enumerate(rest[:3]) if t in SAYINGS), None)
    be = next((j for j, t in enumerate(rest) if t in ("was", "is", "were", "are")), None)
    if noun is None or be is None or be < noun or any(t in END for t in rest):
        return []
    return _name_before(toks, k)


def _possessive_name(t: str) -> bool:
    return t.endswith(("'s", "’s")) and len(t) > 3 and t[:1].isupper() and t[1:-2].isalpha()


def _name_before(toks: list[str], k: int) -> list[str]:
    """The capitalised run ending with the possessive at ``k``, the "'s" taken off."""
    j = k
    while j > 0 and toks[j - 1][:1].isupper() and toks[j - 1].lower() not in STOPWORDS:
        j -= 1
    return list(toks[j:k]) + [toks[k][:-2]]
