"""From aligned value pairs to disagreements: linked mentions form one subject, and its
values, merged where compatible, are the sides, each citing every sentence that states it."""

from __future__ import annotations

from collections import defaultdict

from storybrief.analyze.lexicon import CLAUSE_WORDS, NUMBER_WORDS
from storybrief.analyze.pairing import different_moments
from storybrief.analyze.tokens import Context
from storybrief.analyze.values import Value, compatible
from storybrief.model import Citation, Disagreement, Side
from storybrief.text import STOPWORDS

_MOMENT_KINDS = frozenset(["day", "date"])
# More sides than this is a list of different facts chained together, not one dispute.
MAX_SIDES = 3
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


def sides(ctx: Context, nodes, edges, groups) -> tuple[Disagreement, ...]:
    parent = {k: k for k in nodes}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # Agreements first: values that are one fact carry the moments their sentences name
    # ("125 died on Monday" and "a total of 125 died" are Monday's count), so a rival
    # stated of another moment ("four were killed on Tuesday") is another fact.
    when = {k: nodes[k][0].when for k in nodes}
    for u, v, ok in edges:
        if ok and find(u) != find(v):
            ru, rv = find(u), find(v)
            parent[ru] = rv
            when[rv] = when[rv] | when[ru]
    kept = []
    for u, v, ok in edges:
        if ok:
            continue
        ru, rv = find(u), find(v)
        # (A day or a date in dispute is itself a moment.)
        if ru != rv and nodes[u][2] not in _MOMENT_KINDS and different_moments(when[ru], when[rv]):
            continue
        kept.append(u)
        if ru != rv:
            parent[ru] = rv
            when[rv] = when[rv] | when[ru]
    conflict = {find(u) for u in kept}
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
                if kind in ("name", "negation", "age", "day", "title"):
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
        if kind == "verdict":
            who = group[0][1].norm.split("|")[0]
            subject = f"the {group[0][1].frame} of {who} ({next(iter(group[0][1].unit))})"
        elif kind in ("age", "day", "title", "time"):
            who = group[0][1].norm.split("|")[0]
            subject = (
                f"{who}'s age"
                if kind == "age"
                else f"{who}'s rank"
                if kind == "title"
                else f"the {kind} {who} {_EVENT[group[0][1].frame]}"
            )
        else:
            subject = _subject(ctx, sides[0][0], sides[1][0])
        if kind == "date":
            subject += " (" + " vs ".join(side[0][1].norm for side in sides) + ")"
        out.append(Disagreement(subject, _kind(group[0][1]), built))
    return tuple(out)


_EVENT = {"vanish": "went missing", "reported": "was reported missing", "found": "was found",
          "die": "died", "arrest": "was arrested", "born": "was born", "attack": "was attacked",
          "abduct": "was abducted", "escape": "escaped", "marry": "married"}  # fmt: skip


def _kind(v: Value) -> str:
    return {"rank": "number", "count": "count"}.get(v.kind, v.kind)


def _label(v: Value, kind: str) -> str:
    # The value as written, so the cited sentence contains it; dates are resolved in the
    # subject instead.
    return v.text


def _subject(ctx: Context, a: tuple, b: tuple) -> str:
    """Side A's clause around its value, trimmed to the words side B's sentence shares:
    what both sentences are about ("trip to Russia comes … after his summit with")."""
    sa, va, _ = a
    sb = b[0]
    toks = [(m.group(0), m.start(), m.end()) for m in ctx.tokenizer.finditer(sa.text)]
    before = [t for t in toks if t[2] <= va.start]
    after = [t for t in toks if t[1] >= va.end]
    left: list[str] = []
    for t, _, _ in reversed(before[-10:]):
        if t.lower() in CLAUSE_WORDS:
            break
        left.insert(0, t)
    right: list[str] = []
    for t, _, _ in after[:10]:
        if t.lower() in CLAUSE_WORDS:
            break
        right.append(t)
    keep = sb.stems | va.unit

    def shared(t: str) -> bool:
        return t[0].isalpha() and t.lower() not in STOPWORDS and ctx.stem(t) in keep

    while left and not shared(left[0]):
        left.pop(0)
    while right and not shared(right[-1]):
        right.pop()
    middle = "…"
    if va.kind == "count":
        words = [
            w
            for w in va.text.split()
            if w.isalpha() and w.islower() and w not in _APPROX_WORDS and w not in NUMBER_WORDS
        ]
        middle = " ".join(["N", *words[-2:]])
    return " ".join(left + [middle] + right)
