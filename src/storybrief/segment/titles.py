"""Whether a page's headline names its own story.

A headline shares a name or a word with the report under it ("Council closes harbour
bridge" over "The city council closed the harbour bridge on Monday ..."). A line that
shares none is the page's furniture taken for its headline: the site's or a section's
name ("River Valley Law Review", "Notes from the Newsroom"), a box's heading.
"""

from __future__ import annotations

import re

# How much of the text a headline is compared with: its lead.
LEAD_CHARS = 1500
# Words are compared by their first letters, so that "closes" meets "closed".
STEM = 5
_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON_WORDS = """
    about after again against also amid back been before being could does down even every
    first from have here into just last like made make many more most much never news over
    says said some still than that their them then there these they this those three through
    time today very were what when where which while will with would year years your
"""
_COMMON = frozenset(_COMMON_WORDS.split())


def _stems(text: str) -> set[str]:
    return {w[:STEM] for w in _WORD.findall(text.lower()) if w not in _COMMON}


def names_its_text(title: str, text: str) -> bool:
    """Whether ``title`` shares words (by their first letters) with the lead of ``text``:
    one, or two when it has three or more; True when the title has no word to compare."""
    words = _stems(title)
    if not words:
        return True
    # Two shared words where the title has three or more: one may be a common one
    # ("staff", "record").
    need = 2 if len(words) >= 3 else 1
    return len(words & _stems(text[:LEAD_CHARS])) >= need
