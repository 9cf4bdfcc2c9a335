"""Each person's gender as an article refers to them, so "she said" keeps off the last man
named (``Resolver.pronoun``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storybrief.analyze.first_names import first_name_gender
from storybrief.analyze.tokens import Tokenizer

_HE = frozenset(["he", "him", "his", "himself", "mr"])
_SHE = frozenset(["she", "her", "hers", "herself", "mrs", "ms"])


def genders(
    sentences: Sequence[str],
    persons: Sequence[Sequence[str]],
    words: Callable[[str], list[str]] = Tokenizer.words,
) -> dict[str, str]:
    """Each person's gender as the article refers to them: pronouns (and Mr./Mrs./Ms.) in
    sentences that name that person alone, the majority over the article (``words``: a
    sentence's tokens, by default ``Tokenizer.words``)."""
    votes: dict[str, list[int]] = {}
    for text, people in zip(sentences, persons, strict=True):
        if len(people) != 1:
            continue
        low = [w.lower().rstrip(".") for w in words(text)]
        he, she = sum(map(_HE.__contains__, low)), sum(map(_SHE.__contains__, low))
        if he != she:
            v = votes.setdefault(people[0], [0, 0])
            v[0 if he > she else 1] += 1
    out = {p: ("m" if m > f else "f") for p, (m, f) in votes.items() if m != f}
    # A common first name outweighs the article's pronoun counts ("Sarkozy has withdrawn a
    # statement that she was safe" is no "she" for Nicolas Sarkozy).
    for people in persons:
        for p in people:
            g = first_name_gender(p)
            if g:
                out[p] = g
    return out
