"""Regular expressions gated by the literal text a match must hold.

A long list of patterns tried as one alternation costs every branch at every position of
every sentence: the furniture patterns took a quarter of a brief. Most patterns cannot match
a sentence without some fixed text in it ("getty images", "(", one of "photo", "image"),
so each pattern here runs only on a sentence (lower-cased) that holds one of the strings
it needs. Which strings a pattern needs is read from the pattern itself
(``required_literals``), so the list stays a plain list of patterns: adding one needs no
needle written beside it. The answer is the alternation's: a pattern whose needs cannot be
read (a bare character class, an optional group) always runs.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

try:  # the standard library's own parser of patterns (``sre_parse`` before 3.11)
    _sre_parse: Any = importlib.import_module("re._parser")
    _sre_constants: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - an older or another Python: every pattern runs
    _sre_parse = _sre_constants = None

Gated = tuple[tuple[str, ...] | None, re.Pattern[str]]


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case strings of which every match of ``pattern`` (read case-insensitively)
    holds at least one; None when none can be told. The most selective such set is
    chosen (the one whose shortest string is longest)."""
    if _sre_parse is None:
        return None
    try:
        parsed = _sre_parse.parse(pattern)
    except (re.error, TypeError, ValueError):
        return None
    found = _sequence(list(parsed))
    return tuple(sorted(found)) if found else None


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best any-of set of a sequence of parsed items that must all match in turn."""
    c = _sre_constants
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av).lower())
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        inner: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            inner = _sequence(list(av[-1]))
        elif op is c.BRANCH:
            branches = [_sequence(list(b)) for b in av[1]]
            if all(branches):
                inner = frozenset().union(*(b for b in branches if b))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) and av[0]:
            inner = _sequence(list(av[2]))  # repeated at least once
        if inner:
            options.append(inner)
    if run:
        options.append(frozenset(["".join(run)]))
    if not options:
        return None
    return max(options, key=lambda s: (min(map(len, s)), -len(s)))


def gated(patterns: Sequence[str], flags: int = re.I) -> list[Gated]:
    """Each pattern compiled, with the strings it needs (``required_literals``)."""
    if not flags & re.I:
        raise ValueError("gated patterns are read case-insensitively: give re.I")
    return [(required_literals(p), re.compile(p, flags)) for p in patterns]


def search_any(checks: Sequence[Gated], text: str, low: str) -> bool:
    """Whether any of ``checks`` matches ``text`` (``low``: ``text.lower()``), as one
    alternation of them all would."""
    for needles, pattern in checks:
        if needles is not None:
            for needle in needles:
                if needle in low:
                    break
            else:
                continue
        if pattern.search(text) is not None:
            return True
    return False


def any_of(strings: Sequence[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``strings`` (as written; none empty), factored as a trie
    ("photo" and "player" as ``p(?:hoto|layer)``): each position costs one try per first
    character, not one per string, so one search is cheaper than a test of each string
    with ``in`` once there are dozens. Where a string is the start of another, the shorter
    one matches (a match says that one of the strings is there, and where)."""
    if not strings or not all(strings):
        raise ValueError("any_of needs non-empty strings")
    trie: dict[str, dict] = {}
    for text in strings:
        node = trie
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        if "" in node:
            return ""  # a string ends here: the shorter one is enough
        alts = [re.escape(ch) + branch(sub) for ch, sub in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(branch(trie))


class NeedleIndex:
    """``search_any`` over checks indexed by their strings: each distinct string is looked
    for once per text, and only the patterns of the strings found run (a pattern with no
    strings told always runs). A string that holds another ("photograph" holds "photo") is
    looked for only where that one was found: a third of the strings hold another, and most
    texts have none of those. The answer is ``search_any``'s."""

    def __init__(self, checks: Sequence[Gated]) -> None:
        by_needle: dict[str, list[int]] = {}
        self.always: tuple[re.Pattern[str], ...] = tuple(p for n, p in checks if n is None)
        for k, (needles, _) in enumerate(checks):
            for needle in needles or ():
                by_needle.setdefault(needle, []).append(k)
        self.patterns = tuple(p for _, p in checks)
        self.index = tuple((n, tuple(ks)) for n, ks in by_needle.items())
        # Each string under the longest other string it holds (none: a root).
        children: dict[str | None, list[str]] = {}
        for n in by_needle:
            held = [m for m in by_needle if m != n and m in n]
            children.setdefault(max(held, key=len) if held else None, []).append(n)

        def node(n: str) -> Node:
            return n, tuple(by_needle[n]), tuple(node(c) for c in children.get(n, ()))

        self.roots: tuple[Node, ...] = tuple(node(n) for n in children.get(None, ()))
        # Where each root occurs, in one scan: no root holds another, so at most one starts
        # at a position, and a look-ahead at every position finds them all.
        self._roots_at = (
            re.compile(f"(?=({any_of([r[0] for r in self.roots]).pattern}))")
            if self.roots
            else None
        )

    def search(self, text: str, low: str) -> bool:
        """Whether any check matches ``text`` (``low``: ``text.lower()``)."""
        for pattern in self.always:
            if pattern.search(text) is not None:
                return True
        if self._roots_at is None:
            return False
        found = set(self._roots_at.findall(low))
        if not found:
            return False
        tried: set[int] = set()
        nodes: list[Node] = []
        for root in self.roots:
            if root[0] not in found:
                continue
            nodes.append(root)
            while nodes:
                _, ks, kids = nodes.pop()
                for k in ks:
                    if k not in tried:
                        if self.patterns[k].search(text) is not None:
                            return True
                        tried.add(k)
                nodes.extend(c for c in kids if c[0] in low)
        return False


# A string, the checks that need it, and the strings that hold it.
Node = tuple[str, tuple[int, ...], tuple[Any, ...]]
