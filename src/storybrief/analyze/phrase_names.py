"""Finding the name in a speaker phrase ("Sen. Tim Kaine" gives "Tim Kaine"), and which
capitalised words are no name: the part of ``Resolver`` that reads names, not pronouns."""

from __future__ import annotations

from collections.abc import Sequence

from storybrief.analyze.attribution import (
    CALENDAR,
    CONNECT,
    INITIALS,
    NOT_NAME,
    OPENERS,
    PARTICLE,
    TITLE_ABBREVIATIONS,
)
from storybrief.analyze.lexicon import ROLES
from storybrief.analyze.names import NameIndex
from storybrief.analyze.speaker_rules import described_last
from storybrief.analyze.speakers import surnames
from storybrief.text import STOPWORDS


def first_names(index: NameIndex) -> dict[str, set[str]]:
    """The story's people (names of two words or more) by their first name: one story's,
    shared by the resolvers of its articles."""
    by_first: dict[str, set[str]] = {}
    for name, kind in index.kind.items():
        parts = name.split()
        if kind == "person" and len(parts) > 1 and parts[0][:1].isupper():
            by_first.setdefault(parts[0], set()).add(name)
    return by_first


# Endings of longer capitalised sentence openers that are no name: "Likewise",
# "Acknowledging" (not "Jing", "Ming"; -ly words of any length: "Only", "Early").
_NOT_NAME_ENDS = ("wise", "ing")


class PhraseNames:
    """Name finding for ``Resolver`` (its base): the story's index, the article's
    lower-case words, the story's names by surname and the people recently named."""

    index: NameIndex
    lower: frozenset[str]
    _by_surname: dict[str, list[str]] | None
    _by_first: dict[str, set[str]] | None = None  # the story's people by first name
    window: Sequence[str] = ()  # the sentences just read (the resolver's)

    @property
    def recent(self) -> list[str]:  # the resolver's, most recently named first
        raise NotImplementedError

    def _common(self, low: str) -> bool:
        """A capitalised word that is no name when it starts a run: a word the article also
        writes in lower case, a weekday or month, an -ly or -wise adverb, an -ing participle
        ("Acknowledging that …") (unless the story names someone so: "Kelly", "Manning")."""
        return (
            (low in self.lower and low not in self.index.canonical)
            or low in CALENDAR
            or (
                (low.endswith("ly") or (low.endswith(_NOT_NAME_ENDS) and len(low) > 5))
                and not self._a_name(low)
            )
        )

    def _a_name(self, low: str) -> bool:
        """Whether the story names someone by this word (alone, or as a surname)."""
        if self._by_surname is None:
            self._by_surname = surnames(self.index)
        return low in self.index.canonical or low.capitalize() in self._by_surname

    def _name(self, words: Sequence[str]) -> tuple[str, int, int, bool] | None:
        """The name in a phrase: (resolved name, start, end, possessive). "Sen. Tim Kaine"
        gives "Tim Kaine"; the story's fullest form of a name is used, and a name the
        story never listed is taken as written."""
        runs: list[tuple[int, int, bool]] = []
        start: int | None = None
        for k, w in enumerate(words):
            low = w.lower().rstrip(".")
            possessive = w.endswith(("’s", "'s"))
            dotted = w.endswith(".") and INITIALS.fullmatch(w) is not None
            initial = dotted and start is not None  # "Louis C.K.", "Angelo L."
            name_like = (
                initial
                or (start is not None and PARTICLE.match(w) is not None)
                or (
                    not (dotted and len(w) > 2)  # "U.S. website The Onion", "D.C."
                    and w[:1].isupper()
                    and not {low, low[:-2] if possessive else low} & NOT_NAME
                    and not (low.endswith("s") and low[:-1] in ROLES)  # "Attorneys", "Aides"
                    and not (start is None and not dotted and self._common(low))
                )
                # A surname that is also a role word, after a first name: "Amy Pope",
                # "Jim Bishop" (not "Clinton Chief of Staff", "Trump Chairman Paul …").
                or (
                    start == k - 1
                    and w[:1].isupper()
                    and low in ROLES
                    and (k + 1 == len(words) or not words[k + 1][:1].isalnum())
                )
            )
            if name_like:
                start = k if start is None else start
                if possessive:
                    runs.append((start, k + 1, True))
                    start = None
                continue
            if start is not None and low in CONNECT:
                continue
            if start is not None:
                runs.append((start, k, False))
                start = None
        if start is not None:
            runs.append((start, len(words), False))
        if not runs:
            return None
        plain = [r for r in runs if not r[2]] or runs
        low_words = [w.lower() for w in words]
        if "of" in low_words:
            # The phrase's head comes before "of": "Archbishop Aris Shirvanian of the
            # Armenian Patriarchate", "Joel Pollak of Breitbart California".
            cut = low_words.index("of")
            head_runs = [r for r in plain if r[1] <= cut]
            if head_runs and any(
                r[1] - r[0] >= 2 or self._person(" ".join(words[r[0] : r[1]])) for r in head_runs
            ):
                plain = head_runs
        titled = [
            r
            for r in plain
            if r[0] > 0 and words[r[0] - 1].lower().rstrip(".") in ROLES | TITLE_ABBREVIATIONS
        ]
        if not titled and len(plain) > 1 and described_last(words, plain[-1]):
            titled = plain[-1:]  # "former George W. Bush speechwriter Noam Neusner"
        # A name follows its title ("Former Senate Majority Leader Bob Dole").
        a, b, possessive = titled[-1] if titled else max(plain, key=lambda r: (r[1] - r[0], r[0]))
        parts = list(words[a:b])
        while parts and parts[-1].lower() in CONNECT:
            parts.pop()
        if possessive:
            parts[-1] = parts[-1][:-2]
        surface = " ".join(parts)
        resolved = self.index.find_person(surface)
        if resolved is not None and parts[-1].lower() not in resolved.lower():
            resolved = None  # "Alfonse M" for "Alfonse M. D'Amato": keep the surname said
        if resolved is None or " " not in resolved:
            longer = self._surname(surface)
            resolved = longer if longer != surface else resolved
        if resolved is None:
            resolved = self.index.resolve(surface)
            if resolved is None and (a > 0 or b > 1 or surface not in OPENERS):
                resolved = surface
        if resolved is None:
            return None
        return resolved, a, b, possessive

    def _person(self, surface: str) -> bool:
        """Whether the story names a person so ("Heiserman" for Drew Heiserman)."""
        if self.index.kind.get(surface) == "person":
            return True
        longer = self._surname(surface) if " " not in surface else surface
        return longer != surface and self.index.kind.get(longer) == "person"

    def _surname(self, surface: str) -> str:
        """A name the index does not list: the fullest name of the story that ends with it
        ("Kaine" for "Tim Kaine"), else the name as written."""
        if " " not in surface:
            spoke = [p for p in self.recent if p != surface and p.split()[-1] == surface]
            if spoke:
                return spoke[0]
            if self._by_surname is None:
                self._by_surname = surnames(self.index)
            longer = [d for d in self._by_surname.get(surface, ()) if d != surface]
            if longer:
                return max(longer, key=lambda d: (self.index.mentions.get(d, 0), len(d)))
            return self._first_name(surface)
        return surface

    def _first_name(self, surface: str) -> str:
        """A first name alone ("Hank" for Hank Marlow): the story's one person with that
        first name, when no one has it for a surname; else the name as written."""
        by_first = self._by_first
        if by_first is None:
            by_first = self._by_first = first_names(self.index)
        people = by_first.get(surface, ())
        if len(people) == 1:
            return next(iter(people))
        if people or not surface[:1].isupper():
            return surface
        # "stumble upon one Hank Marlow (…). (… asks Hank.)": the full name written in the
        # sentences just read, when the recogniser listed no one so.
        found = set()
        for sentence in self.window:
            at = sentence.find(surface + " ")
            while at >= 0:
                rest = sentence[at + len(surface) + 1 :].split(None, 1)
                word = rest[0].rstrip(".,;:)") if rest else ""
                if (
                    (at == 0 or not sentence[at - 1].isalnum())
                    and word.isalpha()
                    and word[:1].isupper()
                    and word[1:].islower()
                    and not self._common(word.lower())
                    and word.lower() not in STOPWORDS
                ):
                    found.add(f"{surface} {word}")
                at = sentence.find(surface + " ", at + 1)
        return next(iter(found)) if len(found) == 1 else surface
