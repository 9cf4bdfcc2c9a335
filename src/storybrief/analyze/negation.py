"""Polarity: one source negates the predicate another asserts, with the same complement
("was not injured in the second half" / "was injured in the second half"). ``negation``
finds a sentence's first negated predicate, ``negation_edge`` pairs two sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storybrief.analyze.lexicon import CLAUSE_WORDS, SAY_VERBS
from storybrief.analyze.tokens import Context
from storybrief.analyze.value_base import Value
from storybrief.text import STOPWORDS

_SKIP_AFTER_NEG = frozenset(["be", "been", "being", "yet", "even", "always", "ever"])
_NEG_RX = re.compile(r"(?<![\w'’-])(?:not|no|never|cannot|[^\W_]+n['’]t)(?![\w]|['’-]\w)", re.I)
_ENDS = frozenset([".", "!", "?"])
# The negators as letter runs of the lower-cased sentence ("cannot" is one; "n't" is not a
# run of its own and is looked for in the text).
_NEG_WORDS = frozenset(["not", "no", "never", "cannot"])
# Content words of a predicate's complement compared for a negation ("suing *for cash*").
COMPLEMENT = 4


@dataclass(frozen=True)
class _Neg:
    predicate: str  # stem of the negated word
    start: int  # the negator's offset
    end: int  # the negated word's end
    complement: frozenset[str]


def complement_of(ctx: Context, toks: Sequence[tuple[str, int, int]], k: int) -> frozenset[str]:
    """Content stems after the predicate ``toks[k]`` up to its clause's end: what is (not)
    done, so that "isn't suing for cash" is no denial of "is suing"."""
    out: set[str] = set()
    for t, _, _ in toks[k + 1 :]:
        low = t.lower()
        if low in CLAUSE_WORDS or low in _ENDS or len(out) >= COMPLEMENT:
            break
        if t[0].isalpha() and low not in STOPWORDS:
            out.add(ctx.stem(t))
    return frozenset(out)


def negation(ctx: Context, text: str) -> _Neg | None:
    """The first negated predicate of a sentence ("was not injured" gives "injured").

    Only the few tokens from the negator on are read: most sentences have none, and a
    sentence whose letter runs (memoised per sentence) hold none of the negators and whose
    text holds no "n't" cannot match ``_NEG_RX`` at all, so it skips the regex.
    """
    if ctx.tokenizer.lower_words(text).isdisjoint(_NEG_WORDS) and not (
        "n't" in text or "n’t" in text or "N'T" in text or "N’T" in text
    ):
        return None
    for m in _NEG_RX.finditer(text):
        toks = []
        for t in ctx.tokenizer.finditer(text, m.start()):
            toks.append((t.group(0), t.start(), t.end()))
            if len(toks) >= 30 or t.group(0) in _ENDS:
                break
        j = 1
        while j < len(toks) and toks[j][0].lower() in _SKIP_AFTER_NEG:
            j += 1
        if j < len(toks) and toks[j][0][0].isalpha():
            return _Neg(ctx.stem(toks[j][0]), toks[0][1], toks[j][2], complement_of(ctx, toks, j))
    return None


def negation_edge(x, y, a: Any, b: Any, n, share, nodes, edges) -> None:
    """One source negates the predicate the other asserts, with the same complement.

    Scoped to the predicate: the negated word must occur in the other sentence, and what
    follows it in its clause (its object or complement) must recur after the asserted one.
    "was not injured in the second half" / "was injured in the second half" conflict;
    "isn't suing for cash" / "is suing" do not (the denial is about the cash). A denial
    someone is reported to make ("he said he didn't kiss her") answers a claim in the
    story, it is no disagreement between the sources.
    """
    if (a.negation is None) == (b.negation is None) or n < 4 or share < 0.6:
        return
    neg_sent = a if a.negation else b
    if not neg_sent.ctx.tokenizer.lower_words(neg_sent.text).isdisjoint(SAY_VERBS):
        return
    neg, pos, kneg, kpos = (a, b, x, y) if a.negation else (b, a, y, x)
    found = neg.negation
    assert found is not None
    if found.predicate not in pos.stems:
        return
    toks = pos.ctx.tokenizer.tokens(pos.text)
    hit = None
    for k, (t, _, _) in enumerate(toks):
        if t[0].isalpha() and pos.ctx.stem(t) == found.predicate:
            comp = complement_of(pos.ctx, toks, k)
            # Precision first: a denial with no complement meets only a bare assertion.
            if found.complement <= comp and (found.complement or not comp):
                hit = toks[k]
                break
    if hit is None:
        return
    start, end = found.start, found.end
    vn = Value(
        "negation", frozenset(), "", 0, 0, neg.text[start:end], start, end, "no", frozenset()
    )
    vp = Value("negation", frozenset(), "", 1, 1, hit[0], hit[1], hit[2], "yes", frozenset())
    nodes[(kneg, -1)], nodes[(kpos, -1)] = (neg, vn, "negation"), (pos, vp, "negation")
    edges.append(((kneg, -1), (kpos, -1), False))
