"""Where a quote's attribution stands in its sentence, and the speaker phrase it holds.

After the quote: ``"…," Kim said`` / ``"…," said Kim`` / ``"…," Sean Spicer, the White
House press secretary, said`` / ``"…" — Julia Louis-Dreyfus``; before it: ``Kim said: "…"``
/ ``According to Kim, "…"`` / ``In a statement, the company said "…"`` / the sentence's
subject (``Huckabee is labeling Obama's actions "…"``). The phrase goes to ``Resolver``.
"""

from __future__ import annotations

import re
from itertools import takewhile

from storybrief.analyze.attribution import (
    CLAUSE_STOP,
    CONNECT,
    DETERMINERS,
    END,
    MEDIUM_VERBS,
    NONE,
    PRONOUNS,
    QUOTE_VERBS,
    SKIP,
    Attribution,
    clause_start,
    leading_np,
    weak,
    words_of,
)
from storybrief.analyze.clauses import (
    PARTICIPLES,
    PREPOSITIONS,
    later_subject,
    np_left,
    passive_asker,
    relative_subject,
    sayer,
    subject_after_comma,
    with_subject,
)
from storybrief.analyze.lexicon import ROLES, word_set
from storybrief.analyze.resolver import Resolver
from storybrief.analyze.speaker_rules import READS, document_head, same_sentence
from storybrief.text import STOPWORDS


def after(resolver: Resolver, text: str) -> Attribution:
    """An attribution right after a quote: ``, Kim said`` / ``said Kim`` / ``he added``."""
    toks = no_parens(words_of(text))[:40]
    if toks[:1] in (["—"], ["–"]) and len(toks) > 1 and toks[1][:1].isupper():
        # A dash and a name: "— Julia Louis-Dreyfus, on having won ..."
        np = [t for t in toks[1:] if t not in END][: toks.index(",") - 1 if "," in toks else None]
        return resolver.phrase(np)
    k = 0
    while k < len(toks) and toks[k] in (",", "”", '"', "’", "'", "—", "-"):
        k += 1
    toks = toks[k:]
    if toks[:1] == ["as"] and len(toks) > 2:
        toks = toks[1:]  # '"… right now," as Cruz said on Monday'
    if len(toks) > 2 and toks[0] in ("and", "or") and toks[1] in ("“", '"'):
        # 'are "the biggest danger" and "cost a fortune," Kim told a crowd': the
        # attribution follows a second fragment of the same remark.
        close = next((j for j in range(2, min(len(toks), 16)) if toks[j] in ("”", '"')), None)
        if close is not None:
            return after(resolver, " ".join(toks[close + 1 :]))
    if not toks or toks[0] in END:
        return NONE
    if [t.lower() for t in toks[:2]] == ["according", "to"]:
        np = []
        for t in toks[2:]:
            if t in END or t in CLAUSE_STOP or t == ",":
                break
            np.append(t)
        return weak(resolver.phrase(trim_np(np))) if np else NONE
    j = 0
    while j < len(toks) and toks[j].lower() in SKIP:
        j += 1
    if j < len(toks) and (
        toks[j].lower() in QUOTE_VERBS
        or (toks[j].lower() in READS and document_head(toks[j + 1 : j + 9]) is not None)
    ):
        medium = toks[j].lower() in MEDIUM_VERBS
        np = []
        for t in toks[j + 1 :]:
            if t in END or t in CLAUSE_STOP:
                break
            if t == "," and np and np[-1] == ",":
                break
            np.append(t)
        named = self_named(np)
        if named:
            return resolver.phrase(named)  # "said a man who identified himself as Ivo L."
        # "reads a Tuesday editorial in The Ledger": the issuer is no trailing clause.
        np = np if toks[j].lower() in READS else trim_np(np)
        return weak(resolver.phrase(np)) if np and medium else resolver.phrase(np) if np else NONE
    inside = False  # within a short quote of the sentence's tail ('the "firepower" they')
    for k, t in enumerate(toks[:30]):
        if t in ("“", "”", '"'):
            if not inside and not any(w in ("”", '"') for w in toks[k + 1 : k + 5]):
                return NONE
            inside = not inside
            continue
        if t in END:
            return NONE
        if inside:
            continue
        if is_verb(t, k == 0) or (t in READS and document_head(toks[:k]) is not None):
            np = [w for w in toks[:k] if w.lower() not in SKIP]
            if not np or not _speaker_like(np):
                if np and np[-1] == ",":
                    # The quote's sentence runs on before the attribution: '"… right
                    # things" about fixing inequality, said Marla Kilfoyle, ...'
                    return _inverted(resolver, toks[k + 1 :])
                if "," in np and _speaker_like(tail := np[len(np) - np[::-1].index(",") :]):
                    # ... and so it does before a speaker and the verb: 'Voss "saw no
                    # choice but to act on" the harbour plan, Petrak said'.
                    return resolver.phrase(tail)
                return NONE
            found = resolver.phrase(np)
            return weak(found) if t.lower() in MEDIUM_VERBS else found
    return NONE


def _speaker_like(np: list[str]) -> bool:
    """Whether a phrase before a speech verb opens like a speaker: a name, a pronoun, a
    determiner ("the senator"), "it", or a name after a few words that describe it. Not
    "that": after a quote it opens a clause ('"…a long shot" that Brandt can overtake Ortiz,
    said Nora Fell')."""
    return bool(np) and (
        np[0][0].isupper()
        or (np[0].lower() in PRONOUNS | DETERMINERS and np[0].lower() != "that")
        # "one senior Democrat" (not "one of the prosecutors for Petraeus")
        or (np[0].lower() in ("one", "another") and len(np) > 1 and np[1].lower() != "of")
        or np == ["it"]
        or _described(np)
    )


def _inverted(resolver: Resolver, toks: list[str]) -> Attribution:
    """The speaker after an inverted verb (", said Marla Kilfoyle, executive director …"),
    when it opens with a name or a description."""
    np: list[str] = []
    for t in toks:
        if t in END or t in CLAUSE_STOP or (t == "," and np and np[-1] == ","):
            break
        np.append(t)
    np = trim_np(np)
    if not np or not (np[0][:1].isupper() or np[0].lower() in DETERMINERS):
        return NONE
    return resolver.phrase(np)


def _described(np: list[str]) -> bool:
    """A name after a few lower-case words that say who the person is ("fan Jordan
    Deuschleman", "mom Mona Lisa Harding", "special prosecutor Jakob Buch-Jepsen")."""
    first = next((k for k, w in enumerate(np) if w[:1].isupper()), None)
    return (
        first is not None
        and 0 < first <= 3
        and all(w.isalpha() and w.lower() not in STOPWORDS for w in np[:first])
    )


def is_verb(t: str, first: bool) -> bool:
    """A speech verb: written in lower case unless it opens the text ("the United States"
    has no verb "States"; "Said Dorothy Poynter, ..." has one)."""
    return t.lower() in QUOTE_VERBS and (first or not t[:1].isupper())


def no_parens(toks: list[str]) -> list[str]:
    """Tokens without short parentheses ("Sen. Bernie Sanders (I-Vt.) said") and without
    the square brackets of words an editor put in ("says [biologist Jo] Li": "biologist
    Jo Li")."""
    if "[" in toks or "]" in toks:
        toks = [t for t in toks if t not in ("[", "]")]
    if "(" not in toks:
        return toks
    out: list[str] = []
    k = 0
    while k < len(toks):
        if toks[k] == "(":
            close = next((j for j in range(k + 1, min(len(toks), k + 8)) if toks[j] == ")"), None)
            if close is not None:
                k = close + 1
                continue
        out.append(toks[k])
        k += 1
    return out


def self_named(words: list[str]) -> list[str]:
    """ "a man who identified himself as Ivo L.", "a woman who gave her name as Ada": the
    name after "as" (capitalised words); else empty."""
    low = [w.lower() for w in words]
    for k in range(len(low) - 3):
        if low[k] == "who" and low[k + 1] in _GAVE:
            at = next((j for j in range(k + 2, min(len(low), k + 6)) if low[j] == "as"), None)
            name = list(takewhile(lambda w: w[:1].isupper(), words[at + 1 :])) if at else []
            if name:
                return name
    return []


_GAVE = frozenset(["identified", "gave", "introduced", "named", "described"])


def trim_np(words: list[str]) -> list[str]:
    """The speaker phrase after an inverted verb, without a trailing clause ("said Kim,
    who ...", "said Kim in a statement")."""
    out: list[str] = []
    for w in words:
        if (
            w.lower()
            in ("who", "which", "in", "on", "at", "during", "after", "before", "when", "while")
            and out
        ):
            break
        out.append(w)
    return out


def before(resolver: Resolver, text: str) -> Attribution:
    """The attribution before a quote in its sentence: ``According to Kim, "…"``, the
    subject of the last speech verb (``Kim said: "…"``, ``In a statement, the company said
    "…"``), else the sentence's subject when it names someone (``Huckabee is labeling
    Obama's actions "…"``, ``Trump called Clinton "…"``)."""
    low_text = text.lower()
    m = _AS_PUT.search(text)
    if m is not None and len(text[m.end() :].strip(" ,:")) == 0:
        named = words_of(m.group(1))  # "As John Cornyn, ..., put it:"
        return resolver.phrase(named[1:] if named[0] == "The" else named)  # "The Post's …"
    if "according to" in low_text:
        at = low_text.rindex("according to")
        rest = text[at + len("according to") :]
        if not any(t.lower() in QUOTE_VERBS for t in words_of(rest)):
            np = []
            for t in words_of(rest):
                if t in (",", ":") or t in END:
                    break
                np.append(t)
            found = resolver.phrase(np) if np else NONE
            if found.speaker or found.described:  # not "said that according to its analysis, …"
                return found
    toks = no_parens(words_of(text))
    if "(" in toks and ")" not in toks[toks.index("(") :]:
        # "Most agree (Brandt, who wrote the first study, once said, “…”)": the quote's
        # clause opens inside the parenthesis when a speech verb stands there.
        inside = toks[len(toks) - toks[::-1].index("(") :]
        if any(is_verb(t, False) for t in inside):
            toks = inside
    if not toks:
        return NONE
    verbs = [
        k
        for k, t in enumerate(toks)
        if (is_verb(t, k == 0) and not (k and _owned(toks[k - 1])))
        or (t in READS and document_head(toks[clause_start(toks, k) : k]) is not None)
    ]
    if not verbs and toks[-1] == ":":
        # "I keep thinking of Governor Aldred's words after the flood:": the owner's.
        owned = [k for k, t in enumerate(toks) if k and is_verb(t, False) and _owned(toks[k - 1])]
        if owned and toks[owned[-1] - 1][:1].isupper():
            k = owned[-1] - 1
            j = k
            while j > 0 and toks[j - 1][:1].isupper() and toks[j - 1].lower() not in STOPWORDS:
                j -= 1
            found = resolver.phrase(toks[j:k] + [toks[k][:-2]])
            if found.speaker:
                return found
    owner = [] if verbs else sayer(toks)
    if owner:
        found = resolver.phrase(owner)  # "Morrow's “…” promise", "Kim's reply was: “…”"
        if found.speaker and resolver.index.kind.get(found.speaker) != "place":
            return found
    upto = verbs[-1] if verbs else len(toks)
    if verbs and toks[upto - 1 : upto] == [","] and toks[upto].lower() not in _TOLD:
        # "The puzzle of it all, says Ilse Brandt, a historian, is that it was “…”": a
        # name set off after an inverted verb between commas speaks (not "Li, a former
        # aide, said Kim “…”": there the name after the verb is the reported subject).
        named = list(takewhile(lambda t: t != "," and t not in END, toks[upto + 1 :]))
        closed = toks[upto + 1 + len(named) : upto + 2 + len(named)] == [","]
        if (
            closed
            and 1 <= len(named) <= 5
            and all(t[:1].isupper() or t.lower() in CONNECT for t in named)
        ):
            found = resolver.phrase(named)
            if found.speaker:
                return found
    asker = passive_asker(resolver, toks, upto) if verbs else None
    if asker is not None:
        return asker
    with_np = with_subject(toks, upto if verbs else 0)
    if with_np:
        return resolver.phrase(with_np)  # "…, with Gorka noting …" after the last verb
    if not verbs:
        # "Sanders stepped up his emphasis on the issue, saying, …": the participle's
        # subject is the clause's.
        upto = next((k for k, t in enumerate(toks) if t.lower() in PARTICIPLES and k), upto)
    start = clause_start(toks, upto)
    if verbs and start == upto:
        # "Said Wren Okafor, who coached him as a boy, ...": the speaker follows the verb.
        return resolver.phrase(trim_np([t for t in toks[upto + 1 :] if t not in END]))
    if not verbs and toks[-1] == ":" and toks[0].lower() == "for" and "," in toks[2:6]:
        # "For Ada Morrow, it has been a different story: “…”": the one the sentence is for.
        named = toks[1 : toks.index(",", 2)]
        if all(t[:1].isupper() for t in named):
            found = resolver.phrase(named)
            kind = resolver.index.kind.get(found.speaker or "")
            if found.speaker and (kind == "person" or (len(named) > 1 and kind not in _NOT_PEOPLE)):
                return found
    if not verbs and toks[-1] == ":":
        # "Pollsters agree - Carl Bialik:", "doesn't surprise Republican pollster Daron
        # Shaw:": a name right before the colon introduces the quote.
        left = np_left(toks, 0, len(toks) - 1)
        at = len(toks) - 2 - len(left)
        if left and not (at >= 0 and toks[at].lower() in PREPOSITIONS):
            # not "McConnell delivered a blunt message to Trump:": the subject speaks
            return resolver.phrase(left)
    if verbs and document_head(toks[start:upto]) is not None:
        return resolver.phrase(toks[start:upto])  # "The memo said:", "A letter from … read:"
    np = leading_np(toks[start:upto])
    if not np and [t.lower() for t in toks[start:upto]] == ["it"]:
        np = ["it"]  # "It described the clashes as …"
    if verbs:
        left = np_left(toks, start, upto, subject=True)
        if left and (not np or (start + len(np) < upto - len(left) and not _affiliation(left))):
            # The verb's own subject stands right before it, later than the clause's
            # ("a boy asked for an autograph and Brandt said", "The League of ... Executive
            # Director Imre Salo says", "as Dana Kirsch of the Ledger observed").
            np = left
        elif not left:
            np = relative_subject(toks, start, upto) or np  # "…, who … vows, “…”"
    if verbs and (not np or (len(np) == 1 and np[0].lower() in _POSSESSIVES)):
        # "Her aides had asked her …, but Brandt said she replied:": the verb's own
        # pronoun subject, when the clause opens with no one.
        k = upto - 1
        while k > start and toks[k].lower() in SKIP:
            k -= 1
        if k >= start and toks[k].lower() in PRONOUNS:
            np = [toks[k]]
    if not verbs and np:
        np = later_subject(toks, start, upto) or np  # "…, while Brandt proposed “…”"
    if not np and upto < len(toks):
        np = subject_after_comma(toks, start, upto)  # "A few days later, Trump …, telling"
    if not np and verbs:
        # "Because of how Democrats crafted the schedule, explained Rosenberg, “…”": no
        # subject, and a name alone between the verb and the quote.
        tail = toks[upto + 1 :]
        if tail and tail[-1] in (",", ":"):
            tail = tail[:-1]
        if _described(tail):  # "..., says population biologist Joel Cohen, “…”"
            tail = tail[next(k for k, w in enumerate(tail) if w[:1].isupper()) :]
        if 1 <= len(tail) <= 5 and all(
            t[:1].isupper() or t.lower() in CONNECT or t.endswith(".") for t in tail
        ):
            return resolver.phrase(tail)
    if not np or (not verbs and len(np) == 1 and np[0].lower() in ("that", "this")):
        # (not 'That makes her "…"': no speaker there, the paragraph's may speak on)
        return Attribution(bool(verbs), None)
    if len(np) == 1 and np[0].lower() in PRONOUNS and start > 0:
        earlier = same_sentence(resolver, toks, start, np[0])
        if earlier is not None:
            return earlier
    return resolver.phrase(np)


# "As Ilse Brandt, the No. 2 in the party's leadership, put it:", "as Dana Kirsch noted,",
# "as prosecutor Remy Aubel put it,".
_AS_PUT = re.compile(
    r"\b[Aa]s\s+((?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)"
    r"(?:,[^,]{1,80},)?\s+"
    r"(?:puts?\s+it|said|noted|wrote|explained|observed|told\s+\w+|argued)\b"
)


def _affiliation(words: list[str]) -> bool:
    """A role of an organisation ("CEO of Washington Restaurant Association"): it describes
    someone named before it ("Anthony Anton, president and CEO of ..."), it is no name."""
    low = [w.lower().rstrip(".") for w in words]
    return "of" in low and all(w in ROLES for w in low[: low.index("of")])


_NOT_PEOPLE = frozenset(["place", "organization"])
_TOLD = frozenset(["told", "tells", "tell", "telling"])  # "…, told Fox News": no speaker after
_POSSESSIVES = frozenset(["his", "her", "their", "its", "our"])
# (and prepositions: "Amid calls for a strike", "of remarks": a noun after them)
_OF = word_set("the a an his her its their our this these amid despite among after of about")


def _owned(word: str) -> bool:
    """ "Kim's comments", "the remarks": a word before a speech verb that makes it a noun."""
    return word.endswith(("’s", "'s")) or word.lower() in _OF
