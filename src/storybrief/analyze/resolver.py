"""Resolving a speaker phrase to a name: the story's people, pronouns, titles, organisations.

``Resolver`` keeps, per article, who "he" or "she" is (people named as speakers or sentence
subjects, with the gender the article itself gives them) and which organisation "the
company" is; ``phrase`` turns a speaker phrase found by ``cues`` into a speaker and a role.
"""

from __future__ import annotations

from collections.abc import Sequence

from storybrief.analyze.attribution import (
    CLAUSE_STOP,
    END,
    GROUPS,
    NONE,
    ORG_NOUNS,
    PRONOUNS,
    QUOTE_VERBS,
    SIDES,
    SPOKES,
    TITLE_ABBREVIATIONS,
    Attribution,
    outside_quotes,
    subject,
    words_of,
)
from storybrief.analyze.lexicon import PERSON_NOUNS, ROLES
from storybrief.analyze.names import NameIndex
from storybrief.analyze.phrase_names import PhraseNames
from storybrief.analyze.speaker_rules import (
    appositive_subject,
    described_subject,
    document_issuer,
    org_spokesperson,
    proper_after_determiner,
)
from storybrief.analyze.speakers import description, role_text, state
from storybrief.text import STOPWORDS

INDEFINITE = frozenset(["a", "an", "another", "one"])  # "a New Hampshire Democrat"
DESCRIBED = frozenset(["the", "his", "her", "their"])  # "Kim, the party's leader"
PENDING = 6  # sentences before a quote parsed for who a pronoun may mean (Resolver.read)
# Last words of a group or side, no one a pronoun means (one set, not a union per name).
_NO_ONE = ORG_NOUNS | SIDES
_NOT_SPEAKER = ("organization", "place")


def _plural_role(word: str) -> bool:
    """ "attorneys", "aides": people in a role, never a name."""
    return word.endswith("s") and word[:-1] in ROLES


_TIES = frozenset(["to", "of", "for", "at", "with", "from", "in", "on"])  # "the aide to X"
_CAPTIONS = frozenset(["image caption ", "media caption ", "image copyrigh"])
# Speech verbs that come before their speaker ("…, says Darby Hoover"; not "…, told Al Jazeera").
_INVERTS = QUOTE_VERBS - frozenset(["told", "tells", "telling", "tell"])


class Resolver(PhraseNames):
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
        by_surname: dict[str, list[str]] | None = None,
        by_first: dict[str, set[str]] | None = None,
    ) -> None:
        self.index = index
        self.genders = genders or {}
        # Words the article writes in lower case: capitalised at a sentence's start they
        # are no name ("However", "Estimates", "Reshoots").
        self.lower = lower
        self._recent: list[str] = []  # people, most recently named first
        # Sentences read but not yet parsed: only the last ``PENDING`` before a quote can
        # change who a pronoun means, so the rest are never parsed.
        self._pending: list[tuple[str, Sequence[str], Sequence[str]]] = []
        self._flushing = False
        # The story's names by their last word (``surnames``): one story's, shared by the
        # resolvers of its articles.
        self._by_surname = by_surname
        self._by_first = by_first  # ``first_names``: also the story's, shared
        self.last_org: str | None = None
        self.window: tuple[str, ...] = ()  # the last ``PENDING`` sentences read

    def seen(self, persons: Sequence[str], orgs: Sequence[str]) -> None:
        """Names of a sentence read before the next quote: its first person (the
        subject-like mention) becomes the most recent candidate for a later pronoun."""
        for p in reversed(persons):
            self._push(p)
        if orgs:
            self.last_org = orgs[-1]

    def read(self, sentence: str, persons: Sequence[str], orgs: Sequence[str]) -> None:
        """A sentence read before the next quote: the people it names outside quotation
        marks, its subject last (the likeliest "he" of the next sentence). A picture's
        caption ("Image caption Plant says …") is no part of the story's text: skipped."""
        if sentence.lstrip()[:14].lower() in _CAPTIONS:
            return
        self._pending.append((sentence, persons, orgs))
        del self._pending[:-PENDING]
        self.window = self.window[-PENDING + 1 :] + (sentence,)

    @property
    def recent(self) -> list[str]:
        self._flush()
        return self._recent

    def _flush(self) -> None:
        if self._flushing or not self._pending:
            return
        self._flushing = True
        pending, self._pending = self._pending, []
        for sentence, persons, orgs in pending:
            self._parse(sentence, persons, orgs)
        self._flushing = False

    def _parse(self, sentence: str, persons: Sequence[str], orgs: Sequence[str]) -> None:
        bare = outside_quotes(sentence)
        toks = words_of(bare)
        np = subject(bare, toks)
        # "He denied ... Salon ...", "During an interview with John Heilpern, the designer
        # admitted": a pronoun or description subject means someone named before, not the
        # names its own sentence mentions; it stays the likeliest "he" of the next sentence.
        kept = None
        head = np[: np.index(",")] if "," in np else np
        if not np:
            # "During an interview with Heilpern, the designer admitted": a description
            # of someone named before (the lower-case head is no noun phrase of ``subject``);
            # "One of the authors, Ari Fleischer, said": the name set off before the verb.
            named = appositive_subject(toks)
            head = named or described_subject(toks)
            kept = self.phrase(head).speaker if head else None
            if named and (not kept or self.index.kind.get(kept) in _NOT_SPEAKER):
                head = described_subject(toks)
                kept = self.phrase(head).speaker if head else None
        elif np[0].lower() in PRONOUNS:
            kept = self.pronoun(np[0])
        elif head and head[0].lower() in ("the", "this") and head[-1].lower() in PERSON_NOUNS:
            kept = self.phrase(np).speaker
        self.seen([p for p in persons if p.split()[-1] in bare], orgs)
        if kept and self.index.kind.get(kept) != "organization":
            self._push(kept)
        elif np and np[0].lower() not in PRONOUNS:
            who = self.phrase(np).speaker
            if np[0].endswith(("'s", "’s")) and self.index.kind.get(who or "") != "person":
                # "Voss's new plan to rebuild the harbour would …": the one whose plan, statement
                # or campaign it is, is the likeliest "he" of the next sentence.
                owner = self._name(np[:1]) if np[0][:-2].lower() != "let" else None
                if owner and self.index.kind.get(owner[0]) not in _NOT_SPEAKER:
                    who = owner[0]
            # The subject of a speech verb speaks, whatever kind the recogniser gave it
            # ("Vecchio said she ...").
            speaks = any(w.lower() in QUOTE_VERBS for w in toks[len(np) : len(np) + 3])
            if who and (speaks or self.index.kind.get(who) not in ("organization", "place")):
                self._push(who)
        self._inverted(toks)

    def _inverted(self, toks: Sequence[str]) -> None:
        """'The rate is low, says Darby Hoover, senior specialist at …': a sentence that
        ends naming who says it; they are the likeliest "she" of the next sentence."""
        for k in range(len(toks) - 2, 0, -1):
            # The comma first: most tokens follow none, and lower-casing each costs more.
            if toks[k - 1] == "," and toks[k].lower() in _INVERTS and toks[k + 1][:1].isupper():
                np: list[str] = []
                for t in toks[k + 1 :]:
                    if t in END or t in CLAUSE_STOP:
                        break
                    np.append(t)
                who = self.phrase(np).speaker
                if who and who[:1].isupper() and self.index.kind.get(who) not in _NOT_SPEAKER:
                    self._push(who)
                return

    def spoke(self, speaker: str | None) -> None:
        self._flush()
        if speaker and speaker[:1].isupper() and self.index.kind.get(speaker) != "organization":
            self._push(speaker)

    def _push(self, person: str) -> None:
        low = person.lower()
        if " " not in person and (low in STOPWORDS or self._common(low)):
            return  # "Although", "Born", "Help": a capitalised sentence opener, no one
        if low.rsplit(" ", 1)[-1] in _NO_ONE:
            # "National Committee", "Defense Council", "Kansas Republican": no one "he"
            # or "she" means
            return
        recent = self._recent
        if recent and recent[0] == person:
            return
        if person in recent:
            recent.remove(person)
        recent.insert(0, person)
        del recent[8:]

    @property
    def last_person(self) -> str | None:
        return self.recent[0] if self.recent else None

    def pronoun(self, word: str) -> str | None:
        want = {"he": "m", "she": "f"}.get(word.lower())
        for p in self.recent:
            if self.genders.get(p, want) == want:
                return p
        # No one of that gender: the article's pronoun counts misled the guess (a
        # mother's sentences about her son), so the one last named.
        return self.recent[0] if self.recent else None

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
        while (
            len(parts) > 1
            and (self._is_place(parts[0]) or (len(parts) > 2 and state(parts[1])))
            # not "Griffin, an Obama backer", "Paris, who ...": a place comes before a
            # name or a state
            and parts[1][0][:1].isupper()
            and parts[1][0].lower() not in INDEFINITE | DESCRIBED
        ):
            parts = parts[1:]  # "Joplin, Mo., Mayor Melodee Colbert-Kean"
        head, rest = parts[0], parts[1:]
        issued = document_issuer(self, head)
        if issued is not None:
            return issued  # "a letter from the Rotary Club", "the email": who issued it
        if rest and head[0].lower() in ("the", "a", "an", "one"):
            # "the leader of the centre-right opposition, Anselm Kray, said"
            for p in rest:
                named = self._name(p)
                if (
                    named
                    and not named[3]
                    and self.index.kind.get(named[0]) not in ("place", "organization")
                    and all(
                        w.lower().rstrip(".") in ROLES | TITLE_ABBREVIATIONS for w in p[: named[1]]
                    )
                ):
                    return Attribution(True, named[0], role_text(head) or " ".join(head[:8]))
        speaker, role = self._head(head)
        if speaker is None:
            # "a spokeswoman, Bernice Ho, said": the name is the appositive.
            for p in rest:
                named = self._name(p)
                if named and not named[3]:
                    return Attribution(True, named[0], role_text(head))
            unnamed = self._unnamed(head)
            if unnamed is None and (desc := description(head)) is not None:
                return Attribution(True, None, None, described=desc)  # "a spokesman"
            return Attribution(True, unnamed, role_text(head))
        if role is None and rest:
            role = role_text(rest[0])
        if role is None and head[0].lower() in ("the", "this") and speaker.split()[-1] not in head:
            # "said the former top aide to the governor.": the description is their role.
            # It ends at its last role word (not "the president proudly").
            words = [w.rstrip(".") if w[:-1].isalpha() else w for w in head if w not in END]
            last = max((k for k, w in enumerate(words) if w.lower() in ROLES | SPOKES), default=-1)
            role = role_text(words[: last + 1])
        return Attribution(True, speaker, role)

    def _fits(self, person: str, head: str) -> bool:
        """Whether a description's head word ("coach" in "the Rovers coach") can be the
        person: true unless the person's known titles name another role."""
        if head not in ROLES:
            return True
        titles = [t for p, t, _ in self.index.titles if p == person]
        return not titles or any(head in t for t in titles)

    def _is_place(self, words: list[str]) -> bool:
        if state(words):
            return True
        text = " ".join(words)
        display = self.index.resolve(text)
        return display is not None and self.index.kind.get(display) == "place"

    def _head(self, words: list[str]) -> tuple[str | None, str | None]:
        if len(words) == 1 and words[0].lower() in PRONOUNS:
            return self.pronoun(words[0]), None
        low = [w.lower().rstrip(".") for w in words]
        if low == ["it"]:
            self._flush()  # "It described the clashes as …": the organisation last named
            return self.last_org, None
        if low[0] in ("the", "this") and low[-1] not in ORG_NOUNS and low[-1] not in GROUPS:
            # "the Republican presidential candidate", "the North Carolina Republican", "the
            # frantic fellow": a description of someone named before.
            if low[-1] in SIDES:
                return self.last_person, None  # "The Kansas Republican": one named before
            found = self._name(words)
            known = found and self.index.kind.get(found[0]) == "person"
            cut = next((k for k in range(2, len(low)) if low[k] in _TIES), None)
            if (
                known
                and cut is not None
                and found[1] > cut
                and low[cut - 1] in PERSON_NOUNS
                and low[cut - 1] not in SPOKES
                and all(w[:1].islower() for w in words[1:cut])
            ):
                # "the former top aide to Governor Morrow": the aide, the one just named
                # (a title seen elsewhere is no better guess); the person named is the
                # object of "to", not the one who speaks.
                last = self.last_person
                return (last if last and self._fits(last, low[cut - 1]) else None), None
            if not known and found and proper_after_determiner(words):
                return found[0], None  # "the Rockies said", "the Post": an organisation
            if not known:
                titled = self.index.by_title(words)
                if titled:
                    return titled, None
                last = self.last_person
                return (last if last and self._fits(last, low[-1]) else None), None
        elif low[0] in INDEFINITE and low[-1] in ROLES | SPOKES | SIDES:
            # "a spokeswoman" names no one; "a Clinton campaign official" describes someone
            # unnamed (not Clinton).
            return (" ".join(words) if any(w[:1].isupper() for w in words[1:]) else None), None
        found = self._name(words)
        # A surname that is a common word ("From said" for Al From) or a role word ("King
        # says" for Billie Jean King): the story's name.
        one = found is None and len(words) == 1 and (low[0] in STOPWORDS or low[0] in ROLES)
        if one and words[0][:1].isupper() and (longer := self._surname(words[0])) != words[0]:
            return longer, None
        if found is None:
            return self.index.by_title(words), None
        name, start, end, possessive = found
        if low[0] in INDEFINITE and not possessive and end < len(words):
            # "a New Hampshire Republican", "a Clinton campaign official": someone unnamed,
            # described by a place, a party or whom they work for (not the one named).
            return " ".join(words), None
        if possessive:
            # "Trump's spokesman": someone else speaks for the one named; an
            # organisation's spokesperson speaks as the organisation.
            rest = " ".join(words[end:]) or None
            if self.index.kind.get(name) == "organization":
                return name, rest
            spokes = next((w for w in words[end:] if w.lower() in SPOKES), None)
            if spokes:
                return f"{spokes.lower()} for {name}", rest  # not the one they speak for
            return None, rest
        title = words[:start]
        low_title = [w.lower() for w in title]
        spokes = next((w for w in low_title if w in SPOKES or _plural_role(w)), None)
        if spokes and "for" in low_title and self.index.kind.get(name) != "organization":
            # "A spokesperson for Conyers told KPRC", "Attorneys for Brandt argued": they
            # speak, not Conyers or Brandt.
            return f"{spokes} for {name}", None

        role = " ".join(title) if any(w.lower().rstrip(".") in ROLES for w in title) else None
        return name, role

    def _unnamed(self, words: list[str]) -> str | None:
        """ "the company" or "a spokesman for the hospital": the organisation meant."""
        low = [w.lower() for w in words]
        if org_spokesperson(low):
            self._flush()  # "a company spokesperson told Recode": the company last named
            return self.last_org
        if "for" in low:
            named = self._name(words[low.index("for") + 1 :])
            if named:
                return named[0]
        if low and low[-1] in ORG_NOUNS and low[0] in ("the", "its"):
            self._flush()
            org = self.last_org
            if len(words) > 2 and not (org and low[-1] in org.lower()):
                # "the Russian foreign ministry" after the Red Cross: not the
                # organisation last named, but the one the words describe.
                return " ".join(words)
            return org
        return None
