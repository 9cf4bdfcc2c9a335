"""Claims anchored on a key rather than on shared wording (a street's block, an ordinal's
span): each rule reads its claims from a sentence's text; this groups them by key and keeps
the keys that can hold a dispute.

A key can when each article states one value for it (an article with two values tells of
two things, and another article's one value may be either) and two source groups state it.
Sentences are ``disagree``'s: anything with ``doc`` (its ``id`` and ``group``) and ``text``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from storybrief.analyze.value_base import Value

Claim = tuple[int, int, Value]  # (sentence index, node slot, value)


def disputable(
    sents: Sequence[Any], claims_of: Callable[[str], list[tuple[str, Value]]], slot: int
) -> list[list[Claim]]:
    """The claims of each key that can hold a dispute, in sentence order; node slots
    start at ``slot`` (each rule its own range, apart from the other rules')."""
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for x, s in enumerate(sents):
        for k, (key, value) in enumerate(claims_of(s.text)):
            by_key[key].append((x, slot + k, value))
    out = []
    for claims in by_key.values():
        per_doc: dict[str, set[float]] = defaultdict(set)
        for x, _, v in claims:
            per_doc[sents[x].doc.id].add(v.low)
        if any(len(values) > 1 for values in per_doc.values()):
            continue
        if len({sents[x].doc.group for x, _, _ in claims}) < 2:
            continue
        out.append(claims)
    return out
