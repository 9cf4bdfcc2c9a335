"""Small word tests of speaker resolution: name forms, roles, state abbreviations."""

from __future__ import annotations

from collections.abc import Sequence

from storybrief.analyze.attribution import GROUPS, PRONOUNS, SPOKES
from storybrief.analyze.lexicon import PERSON_NOUNS, ROLES
from storybrief.analyze.names import NameIndex


def surnames(index: NameIndex) -> dict[str, list[str]]:
    """The story's names by their last word ("Kaine" -> ["Tim Kaine"])."""
    out: dict[str, list[str]] = {}
    for d in index.kind:
        out.setdefault(d.split()[-1], []).append(d)
    return out


def state(words: Sequence[str]) -> bool:
    """A state abbreviation: "Mo.", "Calif."."""
    text = " ".join(words)
    return (
        len(words) == 1 and len(text.rstrip(".")) <= 4 and text[:1].isupper() and text.endswith(".")
    )


def role_text(words: Sequence[str]) -> str | None:
    """A role phrase as said ("the White House press secretary"), at most eight words."""
    if not words or not any(w.lower() in ROLES or w.lower() in SPOKES for w in words):
        return None
    return " ".join(words[:8])


# First words of a description of someone unnamed: "a spokesman", "the authors", "two
# officials".
_DESCRIBING = frozenset(
    ["a", "an", "the", "another", "one", "two", "three", "several", "some", "many", "other"]
)
_DANGLING = frozenset(["for", "of", "to", "at", "with", "from", "in", "on", "and", ","])


def description(words: Sequence[str]) -> str | None:
    """Someone unnamed as the source describes them ("a spokesman for the airline", "the
    authors", "a senior official"), at most eight words; None when the phrase describes
    no one (no role, group or person word) or opens with no determiner."""
    words = [w for w in words if w not in ('"', "“", "”", "'", ".", "!", "?")]
    while words and (words[-1].lower() in _DANGLING or words[-1].lower() in _DESCRIBING):
        words = words[:-1]
    if len(words) < 2 or len(words) > 8 or words[0].lower() not in _DESCRIBING:
        return None
    low = [w.lower().rstrip(".") for w in words]
    if any(w in PRONOUNS for w in low):
        return None
    heads = ROLES | SPOKES | GROUPS | PERSON_NOUNS
    if not any(w in heads or (w.endswith("s") and w[:-1] in heads) for w in low[1:]):
        return None
    return " ".join(words)
