"""Where independent sources state different values about the same thing.

1. Candidate pairs: sentences of *different* source groups (copies of one wire story are
   one group, so they never make two sides) sharing content words, found through an
   inverted index rather than all pairs.
2. Alignment: the pair must be about the same subject (content-word overlap of the
   sentences, values left out) *and* each value's own clause must share words with the
   other's ("killing 12 people" / "15 people died" share the predicate; "40 people were
   injured" does not), so different facts about different things never meet.
3. Values of one kind that measure the same unit (``values.comparable``) and cannot both
   be true (``values.compatible``: hedges such as "about" and "more than" widen a value)
   disagree, when they are of one property of one thing: a common word next to both
   values (the property: "jackpot", "killed"; money needs two, or one name beside both),
   no rival names beside them ("the $2 billion deal for Oculus" / "bought WhatsApp in a
   $19 billion deal"), no different weekdays, months or years in the two sentences
   (different moments), and each the other's best-aligned value in the other article (so
   one article's several counts never chain into one subject). Labels ("Flight 214"),
   times of day, street blocks, parts of wholes ("three of the eight charges") and lists
   that both sentences hold are no values or no dispute. Names disagree when two names of
   one kind fill the same slot ("built in Tampere" / "built in Oulu") of closely aligned
   sentences, unless they are one name written two ways ("UK" / "Britain", "US" /
   "United States") or some sentence of the story names both ("Woodland Park,
   Colorado": containment); polarity when one of two near-identical sentences negates the
   verb the other asserts *with the same complement* ("was not injured in the second
   half" / "was injured in the second half", never "isn't suing for cash" / "is suing").
   A person's age (``ages``), rank (``titles``) and the weekday or the time of day of one
   event in a person's story (``days``, ``times``) are anchored on the person instead of
   on shared words; one exact measurement written a hair apart (``twins``: "8,027-meter" / "8,013 m") and two
   police forces credited with one act (``agencies``) need no shared words either.
   So do the one compound size each article gives of a thing both name (``measures``:
   "a nearly 6,000-word manifesto" / "a 5,500-word letter") and two offices of one parent
   credited with one claim (``credits``), and the one figure per article of one unit and
   property beside a name both sentences write (``singles``: "a 30-car pileup" / "the
   25-vehicle pileup", one death toll each), and one person's verdict or plea on one charge
   (``outcomes``: "was convicted of arson" / "acquitted ... of arson"), and the one block
   of one street each source places an event on (``blocks``) or the span of a run of like
   events ("the third fire in six weeks": ``streaks``). Figures that only look like one property (updates, changes, rates, running totals, figures asked for, qualified
   parts, earlier events, ordinals of two things) are traps (``value_traps``); a value the
   other article also states, written the same way, is of another thing.
4. Mentions linked by aligned pairs form one subject; its values, merged where compatible,
   are the sides, each citing every sentence (copies included) that states it.

Measured on the trust annotation's tune split with ``benchmarks/dev_disagree.py`` (which
also prints the flags on unannotated clusters, to read false alarms by eye).
Thresholds favour precision: a missed disagreement costs less than a false alarm.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import chain

import numpy as np
from scipy import sparse

from storybrief.analyze.agencies import agency_edges
from storybrief.analyze.ages import age_claims
from storybrief.analyze.blocks import block_edges
from storybrief.analyze.credits import credit_edges
from storybrief.analyze.days import day_claims
from storybrief.analyze.docs import Doc
from storybrief.analyze.labels import ROLE_UNITS
from storybrief.analyze.lexicon import MONTHS, WEEKDAYS
from storybrief.analyze.measures import measure_edges
from storybrief.analyze.mentions import Mention
from storybrief.analyze.name_sides import name_edges, slot_names
from storybrief.analyze.names import NameIndex
from storybrief.analyze.negation import negation, negation_edge
from storybrief.analyze.outcomes import verdict_edges
from storybrief.analyze.pairing import (
    anchored,
    different_moments,
    mutual_best,
    stated_elsewhere,
    states,
)
from storybrief.analyze.sides import sides
from storybrief.analyze.singles import single_edges
from storybrief.analyze.streaks import streak_edges
from storybrief.analyze.times import time_claims
from storybrief.analyze.titles import RANKS, rank_claims, same_rank
from storybrief.analyze.tokens import TOKEN, Context, overlap
from storybrief.analyze.twins import rounded_conversion, twins
from storybrief.analyze.value_traps import trap
from storybrief.analyze.values import (
    Value,
    comparable,
    compatible,
    may_state_value,
    values,
)
from storybrief.model import Disagreement

# Weekdays and month names (written capitalised: "may" and "march" are verbs too).
_WEEKDAYS = frozenset(WEEKDAYS)
# A value's own scale word ("$359 million") is written in lower case but anchors nothing.
_SCALE_WORDS = frozenset(["thousand", "million", "millions", "billion", "billions", "trillion"])
_MOMENTS = _WEEKDAYS | MONTHS
_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"\d\s*[ap]\.?\s?m\b", re.I)  # the cheap test before ``time_claims``
_YEAR = re.compile(r"(?<![\d,.$])(?:19|20)\d\d(?![\d,])")
# Words too common in a story to find candidate pairs with (share of its sentences).
MAX_DF = 0.25
# ... and at most this many: a word in more sentences names the story, not one fact, and
# the pairs it would add grow with its square.
MAX_POSTING = 40
# Candidate pairs compared at most: a story of 1,000 articles has under 10,000 that pass
# the blocking; the cap only bounds a pathological one (the best-aligned are kept).
MAX_PAIRS = 20_000


class _Sent:
    """One sentence; its values, value-free stems and names are computed on first use,
    since only sentences in a candidate pair ever need them."""

    # One per sentence of the story: slots make them cheaper to build and to read.
    __slots__ = ("ctx", "doc", "index", "text", "mentions", "words", "numeric", "negation",
                 "_values", "_stems", "_names", "_when", "_common")  # fmt: skip

    def __init__(
        self, ctx: Context, doc: Doc, index: int, text: str, mentions: Sequence[Mention]
    ) -> None:
        self.ctx, self.doc, self.index, self.text, self.mentions = ctx, doc, index, text, mentions
        self.words = ctx.alpha_stems(text)  # content stems, values included: blocking keys
        self.numeric = may_state_value(ctx, text)
        self.negation = negation(ctx, text)
        self._values: list[Value] | None = None
        self._stems: frozenset[str] | None = None
        self._names: list[tuple[str, str, str, Value]] | None = None
        self._when: frozenset[str] | None = None
        self._common: frozenset[str] | None = None

    @property
    def when(self) -> frozenset[str]:
        """The weekdays and years the sentence names: two sentences naming different ones
        report different moments ("four killed on Tuesday" / "125 died on Monday")."""
        if self._when is None:
            caps = {t.lower() for t in self.ctx.tokenizer.words(self.text) if t[0].isupper()}
            self._when = frozenset((caps & _MOMENTS) | set(_YEAR.findall(self.text)))
        return self._when

    @property
    def common(self) -> frozenset[str]:
        """Stems of the words written in lower case: common nouns and verbs, the property
        words that can anchor a value ("jackpot", "killed"), unlike names."""
        if self._common is None:
            self._common = frozenset(
                self.ctx.stem(t)
                for t in self.ctx.tokenizer.words(self.text)
                if t[0].islower() and t not in _SCALE_WORDS
            )
        return self._common

    def names_near(self, v: Value, index: NameIndex) -> list[str]:
        """Names (canonical) within 40 characters of a value: what it is the value of
        ("the $2 billion deal for Oculus")."""
        out = []
        for m in self.mentions:
            at = self.text.find(m.surface)
            if at >= 0 and at + len(m.surface) > v.start - 40 and at < v.end + 40:
                out.append(index.resolve(m.surface) or m.surface)
        return out

    def places_near(self, v: Value, index: NameIndex) -> set[str]:
        """The places among ``names_near``: where the value was counted ("104 killed in
        Homs" / "125 died across Syria": a city and its country are two scopes)."""
        return {n for n in self.names_near(v, index) if index.kind.get(n) == "place"}

    @property
    def values(self) -> list[Value]:
        if self._values is None:
            # Only a real publication date anchors "on Monday" firmly enough to accuse a
            # source of a wrong date; an inferred reference date may itself be wrong.
            self._values = values(self.ctx, self.text, self.doc.published)
        return self._values

    @property
    def stems(self) -> frozenset[str]:
        """Content stems without the values' own words (a unit shared is no subject)."""
        if self._stems is None:
            self._stems = _stems(self.ctx, self.text, self.values) if self.numeric else self.words
        return self._stems

    def names(self, index: NameIndex) -> list[tuple[str, str, str, Value]]:
        if self._names is None:
            self._names = slot_names(self.ctx, self.text, self.mentions, index)
        return self._names


def _stems(ctx: Context, text: str, values_: Sequence[Value]) -> frozenset[str]:
    """``alpha_stems`` of the text with the values' own spans left out: the text between
    the spans is tokenised and stemmed in one go (C-level memo lookups, no Python loop)."""
    if not values_:
        return ctx.alpha_stems(text)
    pieces, at = [], 0
    for start, end in sorted((v.start, v.end) for v in values_):
        if start > at:
            pieces.append(text[at:start])
        at = max(at, end)
    pieces.append(text[at:])
    return ctx.alpha.stems_of(TOKEN.findall(" ".join(pieces)))


def _aligned(local: int, n: int, share: float) -> bool:
    return (local >= 2 and n >= 2 and share >= 0.34) or (local >= 1 and n >= 3 and share >= 0.5)


def disagreements(
    ctx: Context,
    docs: Sequence[Doc],
    groups: dict[str, str],
    index: NameIndex,
    mentions: Sequence[Mention],
) -> tuple[Disagreement, ...]:
    by_sentence: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.article, m.sentence)].append(m)
    sents = [
        _Sent(ctx, d, i, text, by_sentence.get((d.id, i), ()))
        for d in docs
        for i, text in enumerate(d.sentences)
    ]
    nodes: dict[tuple[int, int], tuple[_Sent, Value, str]] = {}
    edges: list[tuple[tuple[int, int], tuple[int, int], bool]] = []
    scored: list[tuple[float, tuple[int, int], tuple[int, int]]] = []
    for x, y in _candidates(sents):
        a, b = sents[x], sents[y]
        both = a.numeric and b.numeric
        # Values (and the value-free stems) only where both sentences may state one.
        n, share = overlap(a.stems, b.stems) if both else overlap(a.words, b.words)
        if both and different_moments(a.when, b.when):
            both = False  # different moments, different facts
        for p, va in enumerate(a.values if both else ()):
            for q, vb in enumerate(b.values):
                if not comparable(va, vb):
                    continue
                shared = (va.context & vb.context) - va.unit - vb.unit
                # One role both count ("two of the gunmen" / "three terrorists") is of the
                # subject, unlike a generic unit ("people").
                local = len(shared) + len(va.unit & vb.unit & ROLE_UNITS)
                if twins(va, vb):
                    # One measurement written a hair apart ("8,027-meter" / "8,013 m"):
                    # no shared words needed, the traps and a rounded conversion still apply.
                    if not (trap(a, b, va, vb) or rounded_conversion(a, b, va, vb)):
                        scored.append((1 + 3 * share, (x, p), (y, q)))
                    continue
                if not _aligned(local, n, share) or (va.kind == "rank" and local < 2):
                    continue
                if not anchored(a, b, va, vb, shared, index):
                    continue
                scored.append((local + 3 * share, (x, p), (y, q)))
        if a.mentions and b.mentions and n >= 3 and share >= 0.45:
            name_edges(x, y, a, b, index, sents, nodes, edges)
            agency_edges(x, y, a, b, nodes, edges)
        negation_edge(x, y, a, b, n, share, nodes, edges)
    by_doc: dict[str, list[_Sent]] = defaultdict(list)
    for s in sents:
        by_doc[s.doc.id].append(s)
    for u, v in mutual_best(scored, sents):
        (sa, va), (sb, vb) = (
            (sents[u[0]], sents[u[0]].values[u[1]]),
            (sents[v[0]], sents[v[0]].values[v[1]]),
        )
        if not compatible(va, vb) and (states(sb, va, vb) or states(sa, vb, va)):
            continue  # each sentence also states the other's value: a list, not a dispute
        if not compatible(va, vb) and (
            stated_elsewhere(by_doc[sb.doc.id], va, sb)
            or stated_elsewhere(by_doc[sa.doc.id], vb, sa)
        ):
            continue  # the other article states this value too: two things, not a dispute
        nodes[u], nodes[v] = (sents[u[0]], va, va.kind), (sents[v[0]], vb, vb.kind)
        edges.append((u, v, compatible(va, vb)))
    _age_edges(sents, index, nodes, edges)
    measure_edges(sents, index, nodes, edges)
    credit_edges(sents, nodes, edges)
    single_edges(sents, index, nodes, edges)
    verdict_edges(sents, index, nodes, edges)
    block_edges(sents, nodes, edges)
    streak_edges(sents, nodes, edges)
    return sides(ctx, nodes, edges, groups)


def _age_edges(sents: Sequence[_Sent], index: NameIndex, nodes, edges) -> None:
    """One person's age or rank, or the weekday of one event in a person's story, across
    sources (``ages``, ``titles``, ``days``, ``times``): anchored on the person, not on shared words."""
    by_key: dict[tuple[str, str], list[tuple[int, int, Value]]] = defaultdict(list)
    for x, s in enumerate(sents):
        if not s.ctx.tokenizer.lower_words(s.text).isdisjoint(RANKS):
            for k, rank in enumerate(rank_claims(s.text, s.mentions, index)):
                by_key[("title", rank.person)].append((x, 500 + k, rank.value))
        if not s.numeric:
            continue
        digit = _DIGIT.search(s.text) is not None  # every age form holds a digit
        dated = not s.ctx.tokenizer.lower_words(s.text).isdisjoint(_WEEKDAYS)
        if not (digit or dated):
            continue
        before = range(max(0, x - 2), x)
        earlier = [sents[k] for k in before if sents[k].doc is s.doc]
        args = (s.text, s.mentions, [e.mentions for e in earlier], [e.text for e in earlier], index)
        for k, claim in enumerate(age_claims(*args) if digit else ()):
            by_key[("age", claim.person)].append((x, 300 + k, claim.value))
        for k, day in enumerate(day_claims(*args) if dated else ()):
            by_key[("day", day.key)].append((x, 400 + k, day.value))
        for k, clock in enumerate(time_claims(*args) if digit and _CLOCK.search(s.text) else ()):
            by_key[("time", clock.key)].append((x, 700 + k, clock.value))
    for (kind, _), claims in by_key.items():
        if len({sents[x].doc.group for x, _, _ in claims}) < 2:
            continue
        x0, p0, v0 = claims[0]
        nodes[(x0, p0)] = (sents[x0], v0, kind)
        for x, p, v in claims[1:]:
            nodes[(x, p)] = (sents[x], v, kind)
            same = (
                same_rank(v.text, v0.text)
                if kind == "title"
                else compatible(v, v0)
                if kind == "time"
                else v.norm == v0.norm
            )
            edges.append(((x0, p0), (x, p), same))


def _candidates(sents: Sequence[_Sent]) -> list[tuple[int, int]]:
    """Pairs of sentences from different source groups that could disagree, best first.

    Blocking, never all pairs: two sentences meet only through a shared content word in
    at most ``MAX_POSTING`` sentences (a word in more names the story, not one fact, and the
    pairs it would add grow with its square), must share two such words, and must be able
    to disagree (both may state a value, both name someone, or one negates). The counts
    come from one sparse matrix product; pairs that share too small a part of their words
    to pass any of the alignment tests are dropped, and at most ``MAX_PAIRS`` are kept.
    """
    n = len(sents)
    if n < 2:
        return []
    chosen = [
        k for k, s in enumerate(sents) if s.mentions or s.negation or s.numeric or len(s.words) >= 4
    ]
    # Every word of the chosen sentences in one list, numbered with C-level maps.
    flat = list(chain.from_iterable(sents[k].words for k in chosen))
    if not flat:
        return []
    vocab = {w: i for i, w in enumerate(set(flat))}
    cols = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
    rows = np.repeat(np.asarray(chosen), [len(sents[k].words) for k in chosen])
    m = sparse.csr_matrix((np.ones(len(cols), dtype=np.int32), (rows, cols)), shape=(n, len(vocab)))
    df = np.asarray(m.sum(axis=0)).ravel()
    cap = max(8, min(MAX_POSTING, int(MAX_DF * n)))
    keys = m[:, np.flatnonzero((df >= 2) & (df <= cap))]
    shared = sparse.triu(keys @ keys.T, k=1).tocoo()
    x, y, c = shared.row, shared.col, shared.data
    group_ids: dict[str, int] = {}
    group = np.array([group_ids.setdefault(s.doc.group, len(group_ids)) for s in sents])
    numeric = np.array([s.numeric for s in sents])
    named = np.array([bool(s.mentions) for s in sents])
    negated = np.array([s.negation is not None for s in sents])
    keep = (c >= 2) & (group[x] != group[y])
    x, y = x[keep], y[keep]
    # All shared words (frequent ones too) over the smaller sentence, against the overlap
    # each kind of edge needs (``_aligned``, names, negation): value pairs a third of their
    # value-free words (0.25 of all words leaves room for the value's own), names 0.45,
    # a negation 0.6.
    both = np.asarray(m[x].multiply(m[y]).sum(axis=1)).ravel()
    sizes = np.asarray(m.sum(axis=1)).ravel()
    share = both / np.maximum(np.minimum(sizes[x], sizes[y]), 1)
    keep = numeric[x] & numeric[y] & (share >= 0.25)
    keep |= named[x] & named[y] & (both >= 3) & (share >= 0.45)
    keep |= (negated[x] | negated[y]) & (both >= 4) & (share >= 0.6)
    x, y, share = x[keep], y[keep], share[keep]
    if len(x) > MAX_PAIRS:
        best = np.argsort(-share, kind="stable")[:MAX_PAIRS]
        x, y = x[best], y[best]
    return sorted(zip(x.tolist(), y.tolist(), strict=True))
