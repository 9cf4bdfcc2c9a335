"""How many independent origins stand behind one remark (a cluster of quote versions)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Protocol

from storybrief.analyze.attribution import outside_quotes
from storybrief.analyze.docs import Doc
from storybrief.segment.origins import QUOTE_WORDS, SAME_WORDS, count_origins
from storybrief.text import words


class Version(Protocol):
    """One article's version of a remark: its article and the sentences it spans."""

    doc: Doc
    sentences: tuple[int, ...]


# A remark that was written (a statement, a post, a letter): every outlet printing it
# reproduces one text, so they are one origin whatever their wording.
_WRITTEN = re.compile(
    r"\b(?:statements?|tweet\w*|wrote|writes|written|posted|posts?|e-?mail\w*|letters?|"
    r"release|blog\w*|facebook|twitter|instagram)\b",
    re.IGNORECASE,
)

# Words at most in a split-off attribution ("commuter Ada Fenn asked, according to ...").
_TAIL_WORDS = 20


def support(
    c: Sequence[Version], groups: dict[str, str], shares_text: Collection[frozenset[str]]
) -> int:
    """Independent origins of a remark, by the rule brief sentences follow
    (``segment.origins``) on the cited sentences outside their quotation marks: copies of
    one article count once, and so do passages reprinted or relayed around the remark.
    The remark's own words join nothing when it was spoken (outlets quoting one speech
    count apart, in one wording or two translations); a written one (a statement, a post)
    printed in several articles is one origin."""
    cited: dict[str, set[int]] = {}
    docs = {}
    for f in c:
        cited.setdefault(f.doc.id, set()).update(f.sentences)
        docs[f.doc.id] = f.doc
    if len(cited) < 2:
        return len(cited)  # one article's remark: one origin (``count_origins`` of one)
    passages, written, bare = [], set(), {}
    for a, idx in cited.items():
        sents = docs[a].sentences
        # A remark ending in "?" or "!" splits its attribution off: '"…?" a fan asked,
        # according to the AP.' The short sentence after it, opening lower-case, is the
        # remark's.
        after = max(idx) + 1
        split = after < len(sents) and sents[after][:1].islower()
        tail = [after] if split and len(words(sents[after])) <= _TAIL_WORDS else []
        text = outside_quotes(" ".join(sents[i] for i in sorted(idx) + tail))
        passages.append((a, text))
        bare[a] = set(words(text))
        if _WRITTEN.search(text):
            written.add(a)

    def one(a: str, b: str) -> bool:
        if groups.get(a, a) == groups.get(b, b) or {a, b} <= written:
            return True
        # Articles sharing a passage (dedup's partial link) whose words around the quote
        # are nearly the same: the passage reprinted. Only with some words to compare:
        # "Kim said" in two reports of one speech tells nothing.
        x, y = bare[a], bare[b]
        return (
            frozenset((a, b)) in shares_text
            and min(len(x), len(y)) >= QUOTE_WORDS
            and len(x & y) >= SAME_WORDS * len(x | y)
        )

    return count_origins(passages, one)
