"""Who speaks a quote: the words of an attribution and the shapes of its phrases.

News attributes a quote in a few fixed shapes, all read here from the quote's own
sentence (English):

- after it: ``"…," Kim said`` / ``"…," said Kim`` / ``"…," Sean Spicer, the White House
  press secretary, said`` / ``"…," he told reporters`` / ``"…," a spokeswoman said``;
- before it: ``Kim said: "…"`` / ``Kim told CNBC that "…"`` / ``According to Kim, "…"``
  / ``In a statement, the company said "…"``.

The phrase found is then resolved (``Resolver``): a name to the story's fullest form of it
(``NameIndex``), a pronoun to the person last named as a speaker or sentence subject, a
title ("the Russian president") through the titles seen with names, "the company" or "a
spokesman for X" to the organisation; someone described but never named ("a senior
official", "the authors") keeps the description (``Attribution.described``). A role
said with the name ("the White House press secretary") is kept. A quote whose sentence has no attribution takes the speaker of the
paragraph's earlier quote, or, opening a paragraph, the previous paragraph's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storybrief.analyze.lexicon import MONTHS, ROLES, SAY_VERBS, WEEKDAYS, word_set
from storybrief.analyze.tokens import Tokenizer
from storybrief.text import STOPWORDS

PRONOUNS = frozenset(["he", "she"])
# Verbs that attribute a quote: every speech verb, and those of an exchange
# ('"…?" Hannity pressed.', '"…," Trump answered.').
QUOTE_VERBS = SAY_VERBS | word_set(
    """
    pressed answered answers mused retorted snapped barked interjected demanded fumed calls
    complained griped recounted describes described characterized characterizes dubbed cites
    proclaimed proclaims remembered remembers reacted agrees opined assured assures emailed write
    texted marveled marvelled blasted slammed praised touted gushed raved deadpanned chided
    scolded teased confided whispered screamed charged cracked retaliated retaliates
    """
)
# Speech verbs of two words, kept as one token by ``words_of`` ('"…," Trump shot back').
PHRASAL = frozenset(
    tuple(w.split("_"))
    for w in word_set(
        """
        shot_back shoots_back fired_back fires_back hit_back hits_back wrote_back writes_back
        went_on goes_on pointed_out points_out chimed_in chimes_in
        """
    )
)
QUOTE_VERBS |= frozenset(" ".join(p) for p in PHRASAL)
_PHRASAL_FIRST = frozenset(a for a, _ in PHRASAL)
DETERMINERS = word_set(
    """
    the a an his her its their this that our
    """
)
# Words between a speaker and the speech verb ("he also said", "Kim later told").
SKIP = word_set(
    """
    also then later previously had has have again further once first finally earlier
    recently repeatedly quickly simply just flatly
    """
)
# Short forms of titles before a name ("Sen. Tim Kaine"): never part of the name.
TITLE_ABBREVIATIONS = word_set(
    """
    sen rep gov gen lt col sgt dr mr mrs ms prof rev pres sec atty supt det insp capt cmdr
    adm maj cpl pvt st hon sir dame lord lady president senator governor mayor
    """
)
# Nouns that stand for an organisation named earlier ("the company said").
ORG_NOUNS = word_set(
    """
    company firm network agency ministry department hospital club team university school
    group campaign party committee court police board office council commission government
    administration embassy paper newspaper magazine website site network organization
    organisation foundation association union center centre institute service studio
    airline carrier bank league federation
    """
)
SPOKES = frozenset(["spokesman", "spokeswoman", "spokesperson", "representative", "rep"])
_SPEAK_FOR = SPOKES | {r + "s" for r in ROLES}  # "a spokesperson for", "attorneys for"
# Plural or collective speakers a description may name: never one person named before.
GROUPS = word_set(
    """
    family parents couple group crowd officials authorities police investigators
    researchers scientists authors statement ad email letter report recording filing sign
    message post tweet video court ruling document study
    """
)
CONNECT = word_set(
    """
    de la van von der bin al da del le du
    """
)
INTRO = word_set(
    """
    upon after before speaking here when while during following in on at asked as despite later
    born
    earlier indeed meanwhile still however yet instead also then now today yesterday
    finally afterward afterwards separately similarly moreover furthermore additionally
    nevertheless nonetheless overall ultimately eventually recently previously initially
    again first second third last next since from by with without for of to under over
    amid amidst among amongst against across throughout unlike like given because although
    though if once until unless whether beyond within toward towards along alongside behind
    likewise otherwise
    """
)
END = frozenset([".", "!", "?"])
CALENDAR = MONTHS | frozenset(WEEKDAYS)
CONJUNCTIONS = frozenset(["and", "but", "so", "or", "yet", "then", "also"])
CLAUSE_STOP = frozenset([";", ":", "(", ")", "—", "–"])


# Capitalised sentence openers the recogniser may take for a name ("Although ...,",
# "Born in Santo Domingo, ..."): never a speaker unless the story lists them as a name.
OPENERS = word_set(
    """
    Although Though Born Help Image Nowhere Despite Unlike Like Meanwhile Still Yet Also
    Instead Indeed Even Perhaps Maybe Only Just Soon Later Earlier Now Then Today Asked
    Estimates Signs Conceding Speaking Writing Told Photo Video Watch Read Click Caption
    Courtesy
    """
)
# An Arabic name's particle joined to it: "Riad al-Asaad", "Ahmed el-Tayeb".
PARTICLE = re.compile(r"(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|abd)-[A-Z]")


@dataclass(frozen=True)
class Attribution:
    found: bool  # an attribution stands there, even if it names no one ("a source said")
    speaker: str | None
    role: str | None = None
    # Only a medium named ("…, reported BBC", "according to CNN"): a speech verb before
    # the quote in the same sentence ("Kim said …") names the speaker instead.
    weak: bool = False
    # No one named, but someone described ("a spokesman for the airline", "the authors"):
    # the words as said; ``speaker`` stays None, so no pronoun ever resolves to them.
    described: str | None = None


def weak(a: Attribution) -> Attribution:
    return Attribution(a.found, a.speaker, a.role, True, a.described)


# Verbs and phrases that name where a quote was reported rather than who spoke.
MEDIUM_VERBS = frozenset(["reported", "reports"])

NONE = Attribution(False, None)


# Party and side words: a speaker described by them ("the Kansas Republican") is someone
# named before, never a person called "Republican".
SIDES = word_set(
    """
    republican republicans democrat democrats democratic gop conservative conservatives
    liberal liberals labour tory tories libertarian progressive
    """
)
NOT_NAME = TITLE_ABBREVIATIONS | ROLES | DETERMINERS | STOPWORDS | SIDES
ABBREVIATED = TITLE_ABBREVIATIONS | word_set(
    """
    jr sr st inc co corp ltd no vs u s
    """
)


def words_of(text: str) -> list[str]:
    """Tokens with the full stop of an abbreviation or initial kept on its word ("Gov.",
    "L."), so it is not read as a sentence end."""
    out: list[str] = []
    toks = Tokenizer.words(text)
    # A phrasal verb's first word ("shot", "went") is rare: without one among the tokens,
    # no token is looked up as the second word of one (two lower-casings a token saved).
    phrasal = not _PHRASAL_FIRST.isdisjoint(map(str.lower, toks))
    for n, t in enumerate(toks):
        if (
            t == "."
            and out
            and (
                out[-1].lower() in ABBREVIATED
                or (len(out[-1]) == 1 and out[-1].isupper())
                or PARTY_STATE.fullmatch(out[-1]) is not None  # "McConnell, R-Ky., said"
                # a state between commas: "Joplin, Mo., Mayor ..."
                or (
                    toks[n + 1 : n + 2] == [","]
                    and STATE.fullmatch(out[-1] + ".") is not None
                    and out[-2:-1] == [","]
                )
            )
        ):
            out[-1] += "."
            if len(out) > 1 and INITIALS.fullmatch(out[-2]) and len(out[-1]) == 2:
                out[-2:] = [out[-2] + out[-1]]  # "U.S.", "D.C.": one word, no name
        elif t in DOMAINS and out[-1:] == ["."] and len(out) > 1 and out[-2].isalnum():
            out[-2:] = [out[-2] + "." + t]  # "fivethirtyeight.com": no sentence end
        elif (
            phrasal
            and out
            and (out[-1].lower(), t.lower()) in PHRASAL
            # "Trump went on, as if …", not "the Senate goes on recess"
            and (t.lower() != "on" or not toks[n + 1 : n + 2] or not toks[n + 1][:1].isalpha())
        ):
            out[-1] += " " + t  # "shot back": one speech verb
        else:
            out.append(t)
    return out


INITIALS = re.compile(r"(?:[A-Z]\.)+")
DOMAINS = frozenset(["com", "org", "net", "gov", "edu"])
# A party and state after a lawmaker's name: "R-Ky.", "D-Calif.", "I-Vt.".
PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z]{0,4}")
STATE = re.compile(r"[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.")  # "Mo.", "Calif.", "D.C."


def np_word(t: str, first: bool) -> bool:
    low = t.lower().rstrip(".")
    return (
        (t[:1].isupper() and (low not in STOPWORDS or low in PRONOUNS))
        or (not first and INITIALS.fullmatch(t) is not None)  # "Gregory T. Angelo"
        or (low in PRONOUNS and first)  # "Addressing the attackers, he said:"
        or low in ROLES
        or low in SPOKES
        or (low in DETERMINERS and first)
        or (t[:1].isdigit() and "-" in t and first)
    )


def leading_np(toks: Sequence[str]) -> list[str]:
    """The noun phrase a clause opens with: determiners, capitalised words, role words,
    possessives, "of", an age ("76-year-old"), lower-case words inside a title ("Trump
    senior communications adviser Jason Miller"), then an appositive set off by commas."""
    np: list[str] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        low = t.lower().rstrip(".")
        if np_word(t, not np) or (
            np
            and (
                low in CONNECT
                or low == "of"
                # "A spokesperson for Conyers"
                or (low == "for" and np[-1].lower() in _SPEAK_FOR and k + 1 < len(toks))
                or (low in DETERMINERS and np[-1].lower() == "for")  # "… for the Committee"
            )
        ):
            np.append(t)
            k += 1
            continue
        if (
            np
            and t[:1].islower()
            and t.lower() not in STOPWORDS  # not "Trump is questioning whether President"
            and any(w.lower() in ROLES for w in toks[k + 1 : k + 4])
        ):
            np.append(t)  # "senior" in "Trump senior communications adviser"
            k += 1
            continue
        if np and _agent_noun(toks, k) and np[-1][:1].isupper():
            np.append(t)  # "speechwriter" in "Former Morrow speechwriter Tomas Berg"
            k += 1
            continue
        if t == "," and np:
            # An appositive ("Washington, star of television's Scandal,") is kept whole.
            close = next((j for j in range(k + 1, min(len(toks), k + 25)) if toks[j] == ","), None)
            if close == k + 2 and STATE.fullmatch(toks[k + 1]):
                np.extend(toks[k : close + 1])  # "Joplin, Mo., Mayor Melodee Colbert-Kean"
                k = close + 1
                continue
            if close is not None:
                np.extend(toks[k:close])
                break
        break
    if np and np[0].lower() in PRONOUNS:
        return np[:1]
    return np if any(w[:1].isupper() or w.lower() in ROLES for w in np) else []


def _agent_noun(toks: Sequence[str], k: int) -> bool:
    """A noun of what one does before one's name: "Morrow speechwriter Tomas Berg"."""
    t = toks[k]
    return (
        k + 2 < len(toks)
        and len(t) > 4
        and t.isalpha()
        and t.islower()
        and t.endswith(_AGENT_ENDS)
        and t not in STOPWORDS
        and t not in SKIP
        and t not in QUOTE_VERBS
        and all(
            w[:1].isupper() and w.isalpha() and w.lower() not in STOPWORDS | CALENDAR
            for w in toks[k + 1 : k + 3]
        )
    )


_AGENT_ENDS = ("er", "or", "ist", "ian", "ant", "ent")


def clause_start(toks: Sequence[str], upto: int) -> int:
    """Where the clause holding token ``upto`` starts: after a sentence end or a
    semicolon, past intro phrases that end in a comma ("Later, in front of the Rotary
    Club, Trump said"; "In a statement, the company said")."""
    start = 0
    for k in range(upto - 1, -1, -1):
        if toks[k] in END or toks[k] in (";", "“", '"', "”"):
            start = k + 1
            break
    while start < upto and toks[start].lower() in CONJUNCTIONS:
        start += 1
    while (
        start < upto
        and (
            toks[start].lower() in INTRO
            or toks[start].lower() in CALENDAR
            or (
                toks[start].lower().endswith(("ing", "ly", "ed"))
                # "Speaking to reporters," but not "Ted Cruz, when asked ...," nor a name
                # before its verb ("Kelly responded pointedly, …", "Boreing said, …")
                and not (
                    start + 1 < len(toks)
                    and (toks[start + 1][:1].isupper() or toks[start + 1].lower() in QUOTE_VERBS)
                )
            )
        )
    ):
        comma = next((k for k in range(start, upto) if toks[k] == ","), None)
        if comma is None:
            break
        start = comma + 1
        while start < upto and toks[start].lower() in CONJUNCTIONS:
            start += 1  # "Born in Lima, and trained in Paris, the designer …"
    return start


def subject(text: str, toks: list[str] | None = None) -> list[str]:
    """The words of a sentence's subject noun phrase (empty if it names no one); ``toks``:
    ``words_of(text)`` where the caller has them."""
    if toks is None:
        toks = words_of(text)
    end = next((k for k, t in enumerate(toks) if t in END or t == ";"), len(toks))
    return leading_np(toks[clause_start(toks, end) : end])


_QUOTE_MARK = re.compile('[“”"]')


def outside_quotes(text: str) -> str:
    """``text`` with what stands inside quotation marks blanked out (each mark and each
    character inside becomes a space, so offsets stay; " toggles, “ opens, ” closes)."""
    out: list[str] = []
    pos, inside = 0, False
    for m in _QUOTE_MARK.finditer(text):
        k = m.start()
        out.append(" " * (k - pos) if inside else text[pos:k])
        out.append(" ")
        ch = text[k]
        inside = (not inside) if ch == '"' else ch == "“"
        pos = k + 1
    if not out:
        return text
    out.append(" " * (len(text) - pos) if inside else text[pos:])
    return "".join(out)
