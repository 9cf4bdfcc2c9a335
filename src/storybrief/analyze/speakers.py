"""Small word tests of speaker resolution: name forms, roles, state abbreviations."""

from __future__ import annotations

from collections.abc import Sequence

from storybrief.analyze.attribution import SPOKES
from storybrief.analyze.lexicon import ROLES
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
