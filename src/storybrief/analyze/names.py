"""One name per entity across the story, and the entity list with independent-source counts.

Variants are merged by key ("Kim Jong-un" = "Kim Jong Un"); a person's shorter form
("Putin", "Kim") goes to the most-mentioned full name that starts or ends with it. Titles
seen before a person's name ("Russian President", "Regional governor") are kept so that a
speaker written as "the Russia president" or "his North Korean counterpart" resolves to them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from storybrief.analyze.docs import Doc
from storybrief.analyze.lexicon import GENERIC_ROLES, ROLES
from storybrief.analyze.mentions import Mention
from storybrief.dedup import count_sources
from storybrief.model import Entity

_KEY_DROP = re.compile(r"['’]s\b|[.'’]")
_KINDS = ("person", "organization", "place", "other")


@lru_cache(maxsize=1 << 14)
def name_key(name: str) -> str:
    """The matching key of a name: lower case, no possessive, dots, apostrophes or hyphens
    (memoised: a pure function, asked about each mention many times)."""
    return " ".join(_KEY_DROP.sub("", name.lower()).replace("-", " ").split())


@dataclass
class NameIndex:
    """Canonical names of the story, their kinds and the titles seen with people."""

    canonical: dict[str, str] = field(default_factory=dict)  # key -> display name
    kind: dict[str, str] = field(default_factory=dict)  # display name -> kind
    titles: list[tuple[str, frozenset[str], str]] = field(default_factory=list)
    mentions: Counter[str] = field(default_factory=Counter)
    _memo: dict[tuple[str, ...], str | None] = field(default_factory=dict, repr=False)
    _with_word: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def resolve(self, surface: str) -> str | None:
        return self.canonical.get(name_key(surface))

    def find_person(self, text: str) -> str | None:
        """The person named in ``text`` (a short noun phrase), longest name first."""
        toks = name_key(text).split()
        for n in range(min(len(toks), 5), 0, -1):
            for i in range(len(toks) - n + 1):
                display = self.canonical.get(" ".join(toks[i : i + n]))
                if display is not None and self.kind.get(display) == "person":
                    return display
        return None

    def by_title(self, words: Sequence[str]) -> str | None:
        """Resolve "the Russia president", "the Nordvik chief executive", "his counterpart".

        The role word must match a title seen with a person (for generic roles such as
        "leader", any title); other words narrow the candidates by prefix ("russia" matches
        "russian"). A tie goes to the candidate seen with the title at least twice as
        often as the next; otherwise no speaker is better than a wrong one.
        """
        words = [w.lower() for w in words if w.lower() not in ("the", "his", "her", "its", "their")]
        if not words or words[-1] not in ROLES:
            return None
        key = tuple(words)
        if key not in self._memo:  # the same few titles recur through a story
            self._memo[key] = self._by_title(words)
        return self._memo[key]

    def _by_title(self, words: list[str]) -> str | None:
        head, mods = words[-1], [w for w in words[:-1] if w not in ROLES]
        if not self._with_word:
            for k, (_, title, _) in enumerate(self.titles):
                for w in title:
                    self._with_word.setdefault(w, []).append(k)
        # A specific role must be among the title's words (its head is one of them).
        entries = (
            self.titles
            if head in GENERIC_ROLES
            else [self.titles[k] for k in self._with_word.get(head, ())]
        )
        cands: dict[str, int] = {}
        seen: Counter[str] = Counter()
        for person, title, _ in entries:
            score = sum(1 for m in mods if any(t.startswith(m[:5]) for t in title))
            if mods and head in GENERIC_ROLES and score == 0:
                continue
            if score >= cands.get(person, 0):
                cands[person] = score
                seen[person] += 1
        if not cands:
            return None
        top = max(cands.values())
        best = sorted((p for p, s in cands.items() if s == top), key=lambda p: -seen[p])
        # A tie goes to the person the title is used for far more often ("Russian
        # President" for the host, once for a predecessor in the background).
        if len(best) == 1 or seen[best[0]] >= 2 * seen[best[1]]:
            return best[0]
        return None


def build_index(mentions: Sequence[Mention], titled: Sequence[Mention]) -> NameIndex:
    """Merge ``mentions`` into canonical names; ``titled`` (rule mentions) supply titles."""
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in list(mentions) + [t for t in titled if t.title]:
        key = name_key(m.surface)
        if not key:
            continue
        surfaces[key][m.surface] += 1
        for kind, w in m.votes.items():
            votes[key][kind] += w  # type: ignore[assignment]
    counts = {k: sum(c.values()) for k, c in surfaces.items()}

    def kind_of(key: str) -> str:
        v = votes.get(key)
        if not v:
            return "other"
        return max(_KINDS, key=lambda k: (v.get(k, 0), -_KINDS.index(k)))

    kinds = {k: kind_of(k) for k in surfaces}
    # Short forms join the most-mentioned longer person name that starts or ends with them.
    longer: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for long_key in sorted((k for k in surfaces if " " in k), key=lambda k: -counts[k]):
        if kinds[long_key] not in ("person", "other"):
            continue
        lp = tuple(long_key.split())
        for n in range(1, len(lp)):
            longer[lp[:n]].append(long_key)
            if lp[-n:] != lp[:n]:
                longer[lp[-n:]].append(long_key)
    target: dict[str, str] = {}
    for key in surfaces:
        if kinds[key] not in ("person", "other"):
            continue
        for long_key in longer.get(tuple(key.split()), ()):
            if kinds[long_key] == "person" or kinds[key] == "person":
                target[key] = long_key
                break
    index = NameIndex()
    merged_votes: dict[str, Counter[str]] = defaultdict(Counter)
    merged_counts: Counter[str] = Counter()
    for key in surfaces:
        root = target.get(key, key)
        merged_votes[root].update(votes.get(key, ()))  # (no new Counter where none voted)
        merged_counts[root] += counts[key]
    for key in surfaces:
        root = target.get(key, key)
        display = surfaces[root].most_common(1)[0][0]
        index.canonical[key] = display
        v = merged_votes[root]
        kind = max(_KINDS, key=lambda k: (v.get(k, 0), -_KINDS.index(k))) if v else "other"
        index.kind[display] = kind
        index.mentions[display] = merged_counts[root]
    for t in titled:
        if t.title:
            person = index.canonical.get(name_key(t.surface))
            if person:
                roles = [w for w in t.title if w in ROLES]
                index.titles.append((person, frozenset(t.title), roles[-1] if roles else ""))
    return index


def entities(
    mentions: Sequence[Mention],
    index: NameIndex,
    docs: Sequence[Doc],
    groups: dict[str, str],
    *,
    limit: int = 40,
) -> tuple[Entity, ...]:
    """People, places and organisations, main actors (most independent sources) first."""
    arts: dict[str, dict[str, None]] = defaultdict(dict)  # ordered set of article ids
    count: Counter[str] = Counter()
    order = {d.id: d.order for d in docs}
    resolved: dict[str, str | None] = {}
    for m in mentions:
        if m.surface not in resolved:
            resolved[m.surface] = index.resolve(m.surface)
        display = resolved[m.surface]
        if display is None:
            continue
        count[display] += 1
        arts[display][m.article] = None
    out = []
    for display, n in count.items():
        kind = index.kind.get(display, "other")
        ids = sorted(arts[display], key=lambda a: order.get(a, 0))
        support = count_sources(ids, groups)
        # Unlabelled capitalised words are noise unless several sources use them.
        if kind == "other" and support < 2:
            continue
        out.append(Entity(display, kind, n, support, tuple(ids)))  # type: ignore[arg-type]
    out.sort(key=lambda e: (-e.support, -e.mentions, _KINDS.index(e.kind), e.name))
    return tuple(out[:limit])


def sentence_names(
    docs: Sequence[Doc], mentions: Sequence[Mention], index: NameIndex
) -> dict[tuple[str, int], tuple[list[str], list[str]]]:
    """Per sentence, the people and the organisations it names, in reading order."""
    text = {(d.id, i): s for d in docs for i, s in enumerate(d.sentences)}
    found: dict[tuple[str, int], list[tuple[int, str, str]]] = defaultdict(list)
    for m in mentions:
        display = index.resolve(m.surface)
        kind = index.kind.get(display or "", "other")
        if display is None or kind not in ("person", "organization"):
            continue
        at = text.get((m.article, m.sentence), "").find(m.surface)
        found[(m.article, m.sentence)].append((at, kind, display))
    out = {}
    for key, items in found.items():
        items.sort()
        persons = list(dict.fromkeys(d for _, k, d in items if k == "person"))
        orgs = list(dict.fromkeys(d for _, k, d in items if k == "organization"))
        out[key] = (persons, orgs)
    return out
