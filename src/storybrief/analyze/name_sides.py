"""Two names in one slot as rival answers ("built in Tampere" / "built in Oulu"), and the
names that only look like rivals: one name written two ways ("UK" / "Britain", "US" /
"United States", "Sarah Sanders" / "Sarah Huckabee Sanders"), containment shown by a
sentence naming both ("Woodland Park, Colorado"), a name the other sentence also names.

Sentences are ``disagree``'s: anything with ``text``, ``mentions`` and ``names(index)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storybrief.analyze.mentions import Mention
from storybrief.analyze.names import NameIndex
from storybrief.analyze.tokens import Context, overlap
from storybrief.analyze.values import Value, local_context

# Common names of one country or body written two ways (lower case, dots dropped);
# initialisms ("US" / "United States") are matched by rule, not listed.
ALIASES = {
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "uk": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom", "un": "united nations",
    "eu": "european union", "uae": "united arab emirates", "holland": "netherlands",
}  # fmt: skip


# The words before a name that make it the answer to one question (where, from where, to
# whom, by whom). A title ("Leader Mitch McConnell" / "Leader Chuck Schumer"), an
# article ("the Senate" / "the House") or the sentence start names who acts, and stories
# name many actors: two of them are no rival answers.
SLOTS = frozenset(["in", "at", "from", "near", "to", "by", "into", "outside", "inside"])


def _named_together(sents: Sequence[Any], a: str, b: str) -> bool:
    """Whether some sentence of the story names both: "Woodland Park, Colorado" or "the
    United Kingdom (UK)" says they are no rival answers to one question. Read from the
    text, not the mentions (a backend may miss one of two adjacent names)."""
    return any(a in s.text and b in s.text for s in sents)


def same_name(a: str, b: str) -> bool:
    """One name written two ways: an alias ("UK" / "Britain"), an initialism ("US" /
    "United States") or a shared word ("Sarah Sanders" / "Sarah Huckabee Sanders")."""
    ka, kb = a.lower().replace(".", ""), b.lower().replace(".", "")
    if ALIASES.get(ka, ka) == ALIASES.get(kb, kb):
        return True
    if set(ka.split()) & set(kb.split()):
        return True
    for short, long in ((ka, kb), (kb, ka)):
        all_words = long.replace("-", " ").split()
        words = [w for w in all_words if w not in ("of", "the", "and")]
        initials = {"".join(w[0] for w in words), "".join(w[0] for w in all_words)}
        if len(words) >= 2 and short.replace(" ", "") in initials:
            return True  # "US", "DOE" (Department of Education)
    return False


# How far after a negator a name still sits in the negated clause ("don't go to DNC").
NEGATED_REACH = 40


def _negated(s: Any, v: Value) -> bool:
    neg = s.negation
    return neg is not None and neg.start < v.start <= neg.start + NEGATED_REACH


def _word_in(name: str, text: str) -> bool:
    return any(len(w) > 3 and w in text for w in name.split())


def name_edges(
    x: int, y: int, a: Any, b: Any, index: NameIndex, sents: Sequence[Any], nodes, edges
) -> None:
    """Two names of one kind in the same slot ("built in Tampere" / "built in Oulu").

    Never two names some sentence of the story names together (containment: "in
    Colorado" / "in Woodland Park" where another says "Woodland Park, Colorado"), nor one
    name written two ways ("Britain" / "UK")."""
    names_a, names_b = a.names(index), b.names(index)
    a_canon = {c for c, *_ in names_a}
    b_canon = {c for c, *_ in names_b}
    for p, (ca, ka, sa, va) in enumerate(names_a):
        for q, (cb, kb, sb, vb) in enumerate(names_b):
            if (
                ka != kb
                or sa != sb
                or sa not in SLOTS
                or ca == cb
                or cb in a_canon
                or ca in b_canon
            ):
                continue
            if same_name(ca, cb) or _named_together(sents, va.text, vb.text):
                continue
            if _negated(a, va) or _negated(b, vb):
                continue  # "Donations don't go to the DNC" claims no place they go
            if _word_in(ca, b.text) or _word_in(cb, a.text):
                continue  # "second only to Ratzinger" / "Bergoglio was elected": both named
            local, _ = overlap(set(va.context), set(vb.context))
            if local >= 2:
                kx, ky = (x, 100 + p), (y, 100 + q)
                nodes[kx], nodes[ky] = (a, va, "name"), (b, vb, "name")
                edges.append((kx, ky, False))


def slot_names(
    ctx: Context, text: str, mentions: Sequence[Mention], index: NameIndex
) -> list[tuple[str, str, str, Value]]:
    out = []
    toks = ctx.tokenizer.tokens(text)
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
        around = local_context(ctx, toks, at, end)
        out.append((canon, kind, slot, Value("name", frozenset(), "", 0, 0, m.surface, at, end,
                                             canon, around)))  # fmt: skip
    return out
