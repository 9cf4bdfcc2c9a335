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
   disagree. Names disagree when two names of one kind fill the same slot ("built in
   Tampere" / "built in Oulu") of closely aligned sentences; polarity when one of two
   near-identical sentences negates the verb the other asserts.
4. Mentions linked by aligned pairs form one subject; its values, merged where compatible,
   are the sides, each citing every sentence (copies included) that states it.

Thresholds favour precision: a missed disagreement costs less than a false alarm.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storybrief.analyze.common import TOKEN, Doc, overlap, stem, tokens
from storybrief.analyze.names import NameIndex
from storybrief.analyze.ner import Mention
from storybrief.analyze.values import _CLAUSE, Value, comparable, compatible, local_context, values
from storybrief.model import Citation, Disagreement, Side
from storybrief.text import STOPWORDS

_APPROX_WORDS = frozenset(
    [
        "about",
        "around",
        "roughly",
        "some",
        "nearly",
        "almost",
        "more",
        "than",
        "over",
        "at",
        "least",
        "less",
        "fewer",
        "under",
        "up",
        "to",
        "close",
        "just",
        "as",
        "many",
    ]
)
_NEGATORS = frozenset(["not", "no", "never", "cannot"])
_SKIP_AFTER_NEG = frozenset(["be", "been", "being", "yet", "even", "always", "ever"])
# Words too common in a story to find candidate pairs with (share of its sentences).
MAX_DF = 0.25
# ... and at most this many: a word in more sentences names the story, not one fact, and
# the pairs it would add grow with its square.
MAX_POSTING = 40
# More sides than this is a list of different facts chained together, not one dispute.
MAX_SIDES = 3


@dataclass
class _Sent:
    doc: Doc
    index: int
    text: str
    stems: frozenset[str]
    values: list[Value]
    names: list[tuple[str, str, str, Value]]  # canonical, kind, slot word, position


def _stems(text: str, values_: Sequence[Value]) -> frozenset[str]:
    spans = [(v.start, v.end) for v in values_]
    out = set()
    for t, start, _ in tokens(text):
        if not t[0].isalpha() or t.lower() in STOPWORDS or t.lower() in _NEGATORS:
            continue
        if spans and any(a <= start < b for a, b in spans):
            continue
        out.add(stem(t))
    return frozenset(out)


def _aligned(local: int, n: int, share: float) -> bool:
    return (local >= 2 and n >= 2 and share >= 0.34) or (local >= 1 and n >= 3 and share >= 0.5)


def _negation(s: _Sent) -> tuple[str, int, int] | None:
    toks = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(s.text)]
    for k, (t, a, _) in enumerate(toks):
        low = t.lower().replace("’", "'")
        if low in _NEGATORS or low.endswith("n't"):
            j = k + 1
            while j < len(toks) and toks[j][0].lower() in _SKIP_AFTER_NEG:
                j += 1
            if j < len(toks) and toks[j][0][0].isalpha():
                return stem(toks[j][0]), a, toks[j][2]
    return None


def disagreements(
    docs: Sequence[Doc],
    groups: dict[str, str],
    index: NameIndex,
    mentions: Sequence[Mention],
) -> tuple[Disagreement, ...]:
    by_sentence: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.article, m.sentence)].append(m)
    sents: list[_Sent] = []
    for d in docs:
        for i, text in enumerate(d.sentences):
            # Only a real publication date anchors "on Monday" firmly enough to accuse a
            # source of a wrong date; an inferred reference date may itself be wrong.
            vals = values(text, d.published)
            names = _names(text, by_sentence.get((d.id, i), ()), index)
            stems = _stems(text, vals)
            sents.append(_Sent(d, i, text, stems, vals, names))
    nodes: dict[tuple[int, int], tuple[_Sent, Value, str]] = {}
    edges: list[tuple[tuple[int, int], tuple[int, int], bool]] = []
    for x, y in _candidates(sents):
        a, b = sents[x], sents[y]
        n, share = overlap(set(a.stems), set(b.stems))
        for p, va in enumerate(a.values):
            for q, vb in enumerate(b.values):
                if not comparable(va, vb):
                    continue
                local, _ = overlap(set(va.context - va.unit), set(vb.context - vb.unit))
                if not _aligned(local, n, share) or (va.kind == "rank" and local < 2):
                    continue
                nodes[(x, p)], nodes[(y, q)] = (a, va, va.kind), (b, vb, vb.kind)
                edges.append(((x, p), (y, q), compatible(va, vb)))
        for p, (ca, ka, sa, va) in enumerate(a.names):
            for q, (cb, kb, sb, vb) in enumerate(b.names):
                if ka != kb or sa != sb or ca == cb:
                    continue
                if any(c == cb for c, *_ in a.names) or any(c == ca for c, *_ in b.names):
                    continue
                if set(ca.lower().split()) & set(cb.lower().split()):
                    continue  # "Sarah Sanders" / "Sarah Huckabee Sanders": one name
                local, _ = overlap(set(va.context), set(vb.context))
                if local >= 2 and n >= 3 and share >= 0.45:
                    kx, ky = (x, 100 + p), (y, 100 + q)
                    nodes[kx], nodes[ky] = (a, va, "name"), (b, vb, "name")
                    edges.append((kx, ky, False))
        _negation_edge(x, y, a, b, n, share, nodes, edges)
    return _sides(nodes, edges, groups)


def _names(
    text: str, mentions: Sequence[Mention], index: NameIndex
) -> list[tuple[str, str, str, Value]]:
    out = []
    toks = list(tokens(text))
    for m in mentions:
        canon = index.resolve(m.surface)
        at = text.find(m.surface)
        if canon is None or at < 0:
            continue
        kind = index.kind.get(canon, "other")
        if kind == "other":
            continue
        prev = [t for t, a, _ in toks if a < at]
        slot = prev[-1].lower() if prev else ""
        end = at + len(m.surface)
        ctx = local_context(toks, at, end)
        out.append((canon, kind, slot, Value("name", frozenset(), "", 0, 0, m.surface, at, end,
                                             canon, ctx)))  # fmt: skip
    return out


def _candidates(sents: Sequence[_Sent]) -> list[tuple[int, int]]:
    """Pairs of sentences from different source groups sharing two or more content words."""
    postings: dict[str, list[int]] = defaultdict(list)
    for k, s in enumerate(sents):
        if s.values or s.names or len(s.stems) >= 4:
            for w in s.stems:
                postings[w].append(k)
    cap = max(8, min(MAX_POSTING, int(MAX_DF * len(sents))))
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if len(ids) > cap:
            continue
        for i, x in enumerate(ids):
            gx = sents[x].doc.group
            for y in ids[i + 1 :]:
                if sents[y].doc.group != gx:
                    shared[(x, y)] += 1
    return sorted(p for p, c in shared.items() if c >= 2)


def _negation_edge(x, y, a: _Sent, b: _Sent, n, share, nodes, edges) -> None:
    if n < 4 or share < 0.6:
        return
    na, nb = _negation(a), _negation(b)
    if (na is None) == (nb is None):
        return
    neg, pos, kneg, kpos = (a, b, x, y) if na else (b, a, y, x)
    word, start, end = na or nb  # type: ignore[misc]
    if word not in pos.stems:
        return
    hit = next((m for m in TOKEN.finditer(pos.text) if stem(m.group(0)) == word), None)
    if hit is None:
        return
    vn = Value(
        "negation", frozenset(), "", 0, 0, neg.text[start:end], start, end, "no", frozenset()
    )
    vp = Value("negation", frozenset(), "", 1, 1, hit.group(0), hit.start(), hit.end(), "yes",
               frozenset())  # fmt: skip
    nodes[(kneg, -1)], nodes[(kpos, -1)] = (neg, vn, "negation"), (pos, vp, "negation")
    edges.append(((kneg, -1), (kpos, -1), False))


def _sides(nodes, edges, groups) -> tuple[Disagreement, ...]:
    parent = {k: k for k in nodes}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for u, v, _ in edges:
        parent[find(u)] = find(v)
    conflict = {find(u) for u, _, ok in edges if not ok}
    members: dict[object, list] = defaultdict(list)
    for k in sorted(nodes):
        if find(k) in conflict:
            members[find(k)].append(nodes[k])
    out = []
    for group in members.values():
        group.sort(key=lambda t: (t[0].doc.order, t[0].index))
        sides: list[list] = []
        for item in group:
            s, v, kind = item
            for side in sides:
                if kind in ("name", "negation"):
                    same = side[0][1].norm == v.norm
                else:
                    same = all(compatible(v, w) for _, w, _ in side)
                if same:
                    side.append(item)
                    break
            else:
                sides.append([item])
        srcs = [{groups.get(s.doc.id, s.doc.id) for s, _, _ in side} for side in sides]
        if len(sides) < 2 or len(set().union(*srcs)) < 2:
            continue
        # A source on two sides states both values: they are about different things
        # (a list of prices, two counts), not a disagreement between sources.
        if sum(len(x) for x in srcs) != len(set().union(*srcs)) or len(sides) > MAX_SIDES:
            continue
        kind = group[0][2]
        built = tuple(
            Side(
                _label(side[0][1], kind),
                side[0][0].text,
                tuple(dict.fromkeys(Citation(s.doc.id, s.index) for s, _, _ in side)),
            )
            for side in sides
        )
        subject = _subject(sides[0][0], sides[1][0])
        if kind == "date":
            subject += " (" + " vs ".join(side[0][1].norm for side in sides) + ")"
        out.append(Disagreement(subject, _kind(group[0][1]), built))
    return tuple(out)


def _kind(v: Value) -> str:
    return {"rank": "number", "count": "count"}.get(v.kind, v.kind)


def _label(v: Value, kind: str) -> str:
    # The value as written, so the cited sentence contains it; dates are resolved in the
    # subject instead.
    return v.text


def _subject(a: tuple, b: tuple) -> str:
    """Side A's clause around its value, trimmed to the words side B's sentence shares:
    what both sentences are about ("trip to Russia comes … after his summit with")."""
    sa, va, _ = a
    sb = b[0]
    toks = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(sa.text)]
    before = [t for t in toks if t[2] <= va.start]
    after = [t for t in toks if t[1] >= va.end]
    left: list[str] = []
    for t, _, _ in reversed(before[-10:]):
        if t.lower() in _CLAUSE:
            break
        left.insert(0, t)
    right: list[str] = []
    for t, _, _ in after[:10]:
        if t.lower() in _CLAUSE:
            break
        right.append(t)
    keep = sb.stems | va.unit

    def shared(t: str) -> bool:
        return t[0].isalpha() and t.lower() not in STOPWORDS and stem(t) in keep

    while left and not shared(left[0]):
        left.pop(0)
    while right and not shared(right[-1]):
        right.pop()
    middle = "…"
    if va.kind == "count":
        words = [
            w for w in va.text.split() if w.isalpha() and w.islower() and w not in _APPROX_WORDS
        ]
        middle = " ".join(["N", *words[-2:]])
    return " ".join(left + [middle] + right)
