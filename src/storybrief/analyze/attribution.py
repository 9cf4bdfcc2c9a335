"""Who speaks a quote: the attribution around it, resolved to a name.

News attributes a quote in a few fixed shapes, all read here from the quote's own
sentence (English):

- after it: ``"…," Kim said`` / ``"…," said Kim`` / ``"…," Sean Spicer, the White House
  press secretary, said`` / ``"…," he told reporters`` / ``"…," a spokeswoman said``;
- before it: ``Kim said: "…"`` / ``Kim told CNBC that "…"`` / ``According to Kim, "…"``
  / ``In a statement, the company said "…"``.

The phrase found is then resolved (``Resolver``): a name to the story's fullest form of it
(``NameIndex``), a pronoun to the person last named as a speaker or sentence subject, a
title ("the Russian president") through the titles seen with names, "the company" or "a
spokesman for X" to the organisation. A role said with the name ("the White House press
secretary") is kept. A quote whose sentence has no attribution takes the speaker of the
paragraph's earlier quote, or, opening a paragraph, the previous paragraph's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storybrief.analyze.lexicon import MONTHS, ROLES, SAY_VERBS, WEEKDAYS
from storybrief.analyze.names import NameIndex
from storybrief.analyze.tokens import Tokenizer
from storybrief.text import STOPWORDS

PRONOUNS = frozenset(["he", "she"])
DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "this", "that", "our"])
# Words between a speaker and the speech verb ("he also said", "Kim later told").
_SKIP = frozenset(
    [
        "also",
        "then",
        "later",
        "previously",
        "had",
        "has",
        "have",
        "again",
        "further",
        "once",
        "first",
        "finally",
        "earlier",
        "recently",
        "repeatedly",
        "quickly",
        "simply",
        "just",
        "flatly",
    ]
)
# Short forms of titles before a name ("Sen. Tim Kaine"): never part of the name.
TITLE_ABBREVIATIONS = frozenset(
    [
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "rev",
        "pres",
        "sec",
        "atty",
        "supt",
        "det",
        "insp",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "cpl",
        "pvt",
        "st",
        "hon",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "senator",
        "governor",
        "mayor",
    ]
)
# Nouns that stand for an organisation named earlier ("the company said").
ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "network",
        "agency",
        "ministry",
        "department",
        "hospital",
        "club",
        "team",
        "university",
        "school",
        "group",
        "campaign",
        "party",
        "committee",
        "court",
        "police",
        "board",
        "office",
        "council",
        "commission",
        "government",
        "administration",
        "embassy",
        "paper",
        "newspaper",
        "magazine",
        "website",
        "site",
        "network",
        "organization",
        "organisation",
        "foundation",
        "association",
        "union",
        "center",
        "centre",
        "institute",
        "service",
        "studio",
        "airline",
        "carrier",
        "bank",
        "league",
        "federation",
    ]
)
SPOKES = frozenset(["spokesman", "spokeswoman", "spokesperson", "representative", "rep"])
# Plural or collective speakers a description may name: never one person named before.
_GROUPS = frozenset(
    [
        "family",
        "parents",
        "couple",
        "group",
        "crowd",
        "officials",
        "authorities",
        "police",
        "investigators",
        "researchers",
        "scientists",
        "authors",
        "statement",
        "ad",
        "email",
        "letter",
        "report",
        "recording",
        "filing",
        "sign",
        "message",
        "post",
        "tweet",
        "video",
        "court",
        "ruling",
        "document",
        "study",
    ]
)
_CONNECT = frozenset(["de", "la", "van", "von", "der", "bin", "al", "da", "del", "le", "du"])
_INTRO = frozenset(
    [
        "upon",
        "after",
        "before",
        "speaking",
        "when",
        "while",
        "during",
        "following",
        "in",
        "on",
        "at",
        "asked",
        "as",
        "despite",
        "later",
        "earlier",
        "indeed",
        "meanwhile",
        "still",
        "however",
        "yet",
        "instead",
        "also",
        "then",
        "now",
        "today",
        "yesterday",
        "finally",
        "afterward",
        "afterwards",
        "separately",
        "similarly",
        "moreover",
        "furthermore",
        "additionally",
        "nevertheless",
        "nonetheless",
        "overall",
        "ultimately",
        "eventually",
        "recently",
        "previously",
        "initially",
        "again",
        "first",
        "second",
        "third",
        "last",
        "next",
        "since",
        "from",
        "by",
        "with",
        "without",
        "for",
        "of",
        "to",
        "under",
        "over",
    ]
)
_END = frozenset([".", "!", "?"])
_CALENDAR = MONTHS | frozenset(WEEKDAYS)
_CONJUNCTIONS = frozenset(["and", "but", "so", "or", "yet", "then", "also"])
_CLAUSE_STOP = frozenset([";", ":", "(", ")", "—", "–"])


@dataclass(frozen=True)
class Attribution:
    found: bool  # an attribution stands there, even if it names no one ("a source said")
    speaker: str | None
    role: str | None = None
    # Only a medium named ("…, reported BBC", "according to CNN"): a speech verb before
    # the quote in the same sentence ("Kim said …") names the speaker instead.
    weak: bool = False


def _weak(a: Attribution) -> Attribution:
    return Attribution(a.found, a.speaker, a.role, True)


# Verbs and phrases that name where a quote was reported rather than who spoke.
MEDIUM_VERBS = frozenset(["reported", "reports"])

NONE = Attribution(False, None)


_NOT_NAME = TITLE_ABBREVIATIONS | ROLES | DETERMINERS | STOPWORDS
_ABBREVIATED = TITLE_ABBREVIATIONS | frozenset(
    ["jr", "sr", "st", "inc", "co", "corp", "ltd", "no", "vs", "u", "s"]
)


def _words(text: str) -> list[str]:
    """Tokens with the full stop of an abbreviation or initial kept on its word ("Gov.",
    "L."), so it is not read as a sentence end."""
    out: list[str] = []
    for t in Tokenizer.words(text):
        if (
            t == "."
            and out
            and (out[-1].lower() in _ABBREVIATED or (len(out[-1]) == 1 and out[-1].isupper()))
        ):
            out[-1] += "."
        else:
            out.append(t)
    return out


class Resolver:
    """The per-article state of speaker resolution: who "he" or "she" is, which
    organisation "the company" is.

    ``genders`` ("m"/"f" per person, read from the article itself: pronouns in sentences
    naming only that person, Mr./Mrs./Ms.) keeps "she said" off the last man named.
    """

    def __init__(
        self,
        index: NameIndex,
        genders: dict[str, str] | None = None,
        lower: frozenset[str] = frozenset(),
    ) -> None:
        self.index = index
        self.genders = genders or {}
        # Words the article writes in lower case: capitalised at a sentence's start they
        # are no name ("However", "Estimates", "Reshoots").
        self.lower = lower
        self.recent: list[str] = []  # people, most recently named first
        self.last_org: str | None = None

    def seen(self, persons: Sequence[str], orgs: Sequence[str]) -> None:
        """Names of a sentence read before the next quote: its first person (the
        subject-like mention) becomes the most recent candidate for a later pronoun."""
        for p in reversed(persons):
            self._push(p)
        if orgs:
            self.last_org = orgs[-1]

    def read(self, sentence: str, persons: Sequence[str], orgs: Sequence[str]) -> None:
        """A sentence read before the next quote: the people it names outside quotation
        marks, its subject last (the likeliest "he" of the next sentence)."""
        bare = outside_quotes(sentence)
        self.seen([p for p in persons if p.split()[-1] in bare], orgs)
        np = subject(bare)
        if np and np[0].lower() not in PRONOUNS:
            who = self.phrase(np).speaker
            # The subject of a speech verb speaks, whatever kind the recogniser gave it
            # ("Vecchio said she ...").
            speaks = any(w.lower() in SAY_VERBS for w in _words(bare)[len(np) : len(np) + 3])
            if who and (speaks or self.index.kind.get(who) not in ("organization", "place")):
                self._push(who)

    def spoke(self, speaker: str | None) -> None:
        if speaker and self.index.kind.get(speaker) != "organization":
            self._push(speaker)

    def _push(self, person: str) -> None:
        if self.recent and self.recent[0] == person:
            return
        if person in self.recent:
            self.recent.remove(person)
        self.recent.insert(0, person)
        del self.recent[8:]

    @property
    def last_person(self) -> str | None:
        return self.recent[0] if self.recent else None

    def pronoun(self, word: str) -> str | None:
        want = {"he": "m", "she": "f"}.get(word.lower())
        for p in self.recent:
            if self.genders.get(p, want) == want:
                return p
        return None

    def phrase(self, words: Sequence[str]) -> Attribution:
        """Resolve a speaker phrase (split at commas into a head and appositives)."""
        parts: list[list[str]] = [[]]
        for w in words:
            if w == ",":
                parts.append([])
            elif w not in ('"', "“", "”", "'"):
                parts[-1].append(w)
        parts = [p for p in parts if p]
        if not parts:
            return NONE
        while len(parts) > 1 and self._is_place(parts[0]):
            parts = parts[1:]  # "Joplin, Mo., Mayor Melodee Colbert-Kean"
        head, rest = parts[0], parts[1:]
        speaker, role = self._head(head)
        if speaker is None:
            # "a spokeswoman, Bernice Ho, said": the name is the appositive.
            for p in rest:
                named = self._name(p)
                if named and not named[3]:
                    return Attribution(True, named[0], _role_text(head))
            return Attribution(True, self._unnamed(head), _role_text(head))
        if role is None and rest:
            role = _role_text(rest[0])
        return Attribution(True, speaker, role)

    def _fits(self, person: str, head: str) -> bool:
        """Whether a description's head word ("coach" in "the Rovers coach") can be the
        person: true unless the person's known titles name another role."""
        if head not in ROLES:
            return True
        titles = [t for p, t, _ in self.index.titles if p == person]
        return not titles or any(head in t for t in titles)

    def _common(self, low: str) -> bool:
        """A capitalised word that is no name when it starts a run: a word the article also
        writes in lower case, a weekday or month, an -ly adverb."""
        return (
            (low in self.lower and low not in self.index.canonical)
            or low in _CALENDAR
            or low.endswith("ly")
        )

    def _is_place(self, words: list[str]) -> bool:
        text = " ".join(words)
        if (
            len(words) == 1
            and len(text.rstrip(".")) <= 4
            and text[:1].isupper()
            and text.endswith(".")
        ):
            return True  # a state abbreviation: "Mo.", "Calif."
        display = self.index.resolve(text)
        return display is not None and self.index.kind.get(display) == "place"

    def _head(self, words: list[str]) -> tuple[str | None, str | None]:
        if len(words) == 1 and words[0].lower() in PRONOUNS:
            return self.pronoun(words[0]), None
        low = [w.lower().rstrip(".") for w in words]
        if low[0] in ("the", "this") and low[-1] not in ORG_NOUNS and low[-1] not in _GROUPS:
            # "the Republican presidential candidate", "the North Carolina Republican", "the
            # frantic fellow": a description of someone named before.
            found = self._name(words)
            known = found and self.index.kind.get(found[0]) == "person"
            if not known:
                titled = self.index.by_title(words)
                if titled:
                    return titled, None
                last = self.last_person
                return (last if last and self._fits(last, low[-1]) else None), None
        elif low[0] in ("a", "an") and low[-1] in ROLES | SPOKES:
            return None, None
        found = self._name(words)
        if found is None:
            return self.index.by_title(words), None
        name, start, end, possessive = found
        if possessive:
            # "Trump's spokesman": someone else speaks for the one named; an
            # organisation's spokesperson speaks as the organisation.
            rest = " ".join(words[end:]) or None
            if self.index.kind.get(name) == "organization":
                return name, rest
            return None, rest
        title = words[:start]
        role = " ".join(title) if any(w.lower().rstrip(".") in ROLES for w in title) else None
        return name, role

    def _name(self, words: Sequence[str]) -> tuple[str, int, int, bool] | None:
        """The name in a phrase: (resolved name, start, end, possessive). "Sen. Tim Kaine"
        gives "Tim Kaine"; the story's fullest form of a name is used, and a name the
        story never listed is taken as written."""
        runs: list[tuple[int, int, bool]] = []
        start: int | None = None
        for k, w in enumerate(words):
            low = w.lower().rstrip(".")
            possessive = w.endswith(("’s", "'s"))
            initial = len(w) == 2 and w[0].isupper() and w[1] == "." and start is not None
            name_like = initial or (
                w[:1].isupper()
                and not {low, low[:-2] if possessive else low} & _NOT_NAME
                and not (start is None and self._common(low))
            )
            if name_like:
                start = k if start is None else start
                if possessive:
                    runs.append((start, k + 1, True))
                    start = None
                continue
            if start is not None and low in _CONNECT:
                continue
            if start is not None:
                runs.append((start, k, False))
                start = None
        if start is not None:
            runs.append((start, len(words), False))
        if not runs:
            return None
        plain = [r for r in runs if not r[2]] or runs
        titled = [
            r
            for r in plain
            if r[0] > 0 and words[r[0] - 1].lower().rstrip(".") in ROLES | TITLE_ABBREVIATIONS
        ]
        # A name follows its title ("Former Senate Majority Leader Bob Dole").
        a, b, possessive = titled[-1] if titled else max(plain, key=lambda r: (r[1] - r[0], r[0]))
        parts = list(words[a:b])
        while parts and parts[-1].lower() in _CONNECT:
            parts.pop()
        if possessive:
            parts[-1] = parts[-1][:-2]
        surface = " ".join(parts)
        resolved = self.index.find_person(surface)
        if resolved is None or " " not in resolved:
            longer = self._surname(surface)
            resolved = longer if longer != surface else resolved
        if resolved is None:
            resolved = self.index.resolve(surface) or surface
        return resolved, a, b, possessive

    def _surname(self, surface: str) -> str:
        """A name the index does not list: the fullest name of the story that ends with it
        ("Kaine" for "Tim Kaine"), else the name as written."""
        if " " not in surface:
            spoke = [p for p in self.recent if p != surface and p.split()[-1] == surface]
            if spoke:
                return spoke[0]
            longer = [d for d in self.index.kind if d != surface and d.split()[-1] == surface]
            if longer:
                return max(longer, key=lambda d: (self.index.mentions.get(d, 0), len(d)))
        return surface

    def _unnamed(self, words: list[str]) -> str | None:
        """ "the company" or "a spokesman for the hospital": the organisation meant."""
        low = [w.lower() for w in words]
        if "for" in low:
            named = self._name(words[low.index("for") + 1 :])
            if named:
                return named[0]
        if low and low[-1] in ORG_NOUNS and low[0] in ("the", "its"):
            return self.last_org
        return None


def _role_text(words: Sequence[str]) -> str | None:
    """A role phrase as said ("the White House press secretary"), at most eight words."""
    if not words or not any(w.lower() in ROLES or w.lower() in SPOKES for w in words):
        return None
    return " ".join(words[:8])


def after(resolver: Resolver, text: str) -> Attribution:
    """An attribution right after a quote: ``, Kim said`` / ``said Kim`` / ``he added``."""
    toks = _words(text)[:40]
    if toks[:1] in (["—"], ["–"]) and len(toks) > 1 and toks[1][:1].isupper():
        # A dash and a name: "— Julia Louis-Dreyfus, on having won ..."
        np = [t for t in toks[1:] if t not in _END][: toks.index(",") - 1 if "," in toks else None]
        return resolver.phrase(np)
    k = 0
    while k < len(toks) and toks[k] in (",", "”", '"', "’", "'", "—", "-"):
        k += 1
    toks = toks[k:]
    if not toks or toks[0] in _END:
        return NONE
    if [t.lower() for t in toks[:2]] == ["according", "to"]:
        np = []
        for t in toks[2:]:
            if t in _END or t in _CLAUSE_STOP or t == ",":
                break
            np.append(t)
        return _weak(resolver.phrase(_trim_np(np))) if np else NONE
    j = 0
    while j < len(toks) and toks[j].lower() in _SKIP:
        j += 1
    if j < len(toks) and toks[j].lower() in SAY_VERBS:
        weak = toks[j].lower() in MEDIUM_VERBS
        np = []
        for t in toks[j + 1 :]:
            if t in _END or t in _CLAUSE_STOP:
                break
            if t == "," and np and np[-1] == ",":
                break
            np.append(t)
        np = _trim_np(np)
        return _weak(resolver.phrase(np)) if np and weak else resolver.phrase(np) if np else NONE
    for k, t in enumerate(toks[:30]):
        if t in _END or t in ("“", '"'):
            return NONE
        if t.lower() in SAY_VERBS:
            np = [w for w in toks[:k] if w.lower() not in _SKIP]
            if not np or not (np[0][0].isupper() or np[0].lower() in PRONOUNS | DETERMINERS):
                return NONE
            found = resolver.phrase(np)
            return _weak(found) if t.lower() in MEDIUM_VERBS else found
    return NONE


def _trim_np(words: list[str]) -> list[str]:
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


def _np_word(t: str, first: bool) -> bool:
    low = t.lower().rstrip(".")
    return (
        (t[:1].isupper() and (low not in STOPWORDS or low in PRONOUNS))
        or low in ROLES
        or low in SPOKES
        or (low in DETERMINERS and first)
        or (t[:1].isdigit() and "-" in t and first)
    )


def _leading_np(toks: Sequence[str]) -> list[str]:
    """The noun phrase a clause opens with: determiners, capitalised words, role words,
    possessives, "of", an age ("76-year-old"), lower-case words inside a title ("Trump
    senior communications adviser Jason Miller"), then an appositive set off by commas."""
    np: list[str] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        low = t.lower().rstrip(".")
        if _np_word(t, not np) or (np and (low in _CONNECT or low == "of")):
            np.append(t)
            k += 1
            continue
        if np and t[:1].islower() and any(w.lower() in ROLES for w in toks[k + 1 : k + 4]):
            np.append(t)  # "senior" in "Trump senior communications adviser"
            k += 1
            continue
        if t == "," and np:
            # An appositive ("Washington, star of television's Scandal,") is kept whole.
            close = next((j for j in range(k + 1, min(len(toks), k + 25)) if toks[j] == ","), None)
            if close is not None:
                np.extend(toks[k:close])
                break
        break
    if np and np[0].lower() in PRONOUNS:
        return np[:1]
    return np if any(w[:1].isupper() or w.lower() in ROLES for w in np) else []


def _clause_start(toks: Sequence[str], upto: int) -> int:
    """Where the clause holding token ``upto`` starts: after a sentence end or a
    semicolon, past intro phrases that end in a comma ("Later, in front of the Rotary
    Club, Trump said"; "In a statement, the company said")."""
    start = 0
    for k in range(upto - 1, -1, -1):
        if toks[k] in _END or toks[k] in (";", "“", '"', "”"):
            start = k + 1
            break
    while start < upto and toks[start].lower() in _CONJUNCTIONS:
        start += 1
    while start < upto and (
        toks[start].lower() in _INTRO
        or toks[start].lower() in _CALENDAR
        or toks[start].lower().endswith(("ing", "ly", "ed"))
    ):
        comma = next((k for k in range(start, upto) if toks[k] == ","), None)
        if comma is None:
            break
        start = comma + 1
    return start


def subject(text: str) -> list[str]:
    """The words of a sentence's subject noun phrase (empty if it names no one)."""
    toks = _words(text)
    end = next((k for k, t in enumerate(toks) if t in _END or t == ";"), len(toks))
    return _leading_np(toks[_clause_start(toks, end) : end])


def before(resolver: Resolver, text: str) -> Attribution:
    """The attribution before a quote in its sentence: ``According to Kim, "…"``, the
    subject of the last speech verb (``Kim said: "…"``, ``In a statement, the company said
    "…"``), else the sentence's subject when it names someone (``Huckabee is labeling
    Obama's actions "…"``, ``Trump called Clinton "…"``)."""
    low_text = text.lower()
    if "according to" in low_text:
        at = low_text.rindex("according to")
        rest = text[at + len("according to") :]
        if not any(t.lower() in SAY_VERBS for t in _words(rest)):
            np = []
            for t in _words(rest):
                if t in (",", ":") or t in _END:
                    break
                np.append(t)
            if np:
                return resolver.phrase(np)
    toks = _words(text)
    if not toks:
        return NONE
    verbs = [k for k, t in enumerate(toks) if t.lower() in SAY_VERBS]
    upto = verbs[-1] if verbs else len(toks)
    start = _clause_start(toks, upto)
    if verbs and start == upto:
        # "Said Dorothy Poynter, who grew up with Ali, ...": the speaker follows the verb.
        return resolver.phrase(_trim_np([t for t in toks[upto + 1 :] if t not in _END]))
    np = _leading_np(toks[start:upto])
    if not np:
        return Attribution(bool(verbs), None)
    return resolver.phrase(np)


_HE = frozenset(["he", "him", "his", "himself", "mr"])
_SHE = frozenset(["she", "her", "hers", "herself", "mrs", "ms"])


def genders(sentences: Sequence[str], persons: Sequence[Sequence[str]]) -> dict[str, str]:
    """Each person's gender as the article refers to them: pronouns (and Mr./Mrs./Ms.) in
    sentences that name that person alone, the majority over the article."""
    votes: dict[str, list[int]] = {}
    for text, people in zip(sentences, persons, strict=True):
        if len(people) != 1:
            continue
        low = [w.lower().rstrip(".") for w in Tokenizer.words(text)]
        he, she = sum(w in _HE for w in low), sum(w in _SHE for w in low)
        if he != she:
            v = votes.setdefault(people[0], [0, 0])
            v[0 if he > she else 1] += 1
    return {p: ("m" if m > f else "f") for p, (m, f) in votes.items() if m != f}


def outside_quotes(text: str) -> str:
    """``text`` with what stands inside quotation marks blanked out."""
    out, inside = [], False
    for ch in text:
        if ch in '“”"':
            inside = (not inside) if ch == '"' else ch == "“"
            out.append(" ")
            continue
        out.append(" " if inside else ch)
    return "".join(out)
