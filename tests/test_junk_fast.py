"""The whole-page junk test's fast paths (``clean.junk``) against the plain code they
replaced: the same reasons on invented pages, the gates read from the patterns."""

from __future__ import annotations

import random
import re
import sys

from storybrief.clean import junk
from storybrief.segment.needles import required_literals
from storybrief.text import RUNS


def _plain(text: str) -> str | None:
    """``not_an_article`` as it was: every line counted and searched."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return None
    if junk._VIDEO_PAGE.match(lines[0]):
        return "a video page's description"
    counts = [len(RUNS.findall(ln)) for ln in lines]
    total = sum(counts) or 1
    if total <= junk.SHORT:
        pairs = list(zip(lines, counts, strict=True))
        hits = {
            reason: sum(n for ln, n in pairs if rx.search(ln))
            for reason, rx in junk.PLACEHOLDERS.items()
        }
        some = sum(n for ln, n in pairs if any(rx.search(ln) for rx in junk.PLACEHOLDERS.values()))
        if some and some >= 0.4 * total:
            return max(hits, key=hits.__getitem__)
        if junk._addressed(lines, counts, total):
            return "a page addressed to the reader"
        promo = sum(1 for ln, n in pairs if n <= junk.PROMO_WORDS and junk._PROMO.search(ln))
        if len(lines) >= 4 and promo >= 0.65 * len(lines):
            return "links and sign-up lines"
    if (
        len(lines) == 2
        and counts[0] <= 2
        and total <= junk.TEASER_WORDS
        and len(junk._SENTENCE_END.findall(lines[1])) <= 1
    ):
        return "a one-sentence teaser"
    teasers = sum(1 for ln in lines if ln.endswith(("...", "…")) and len(ln.split()) >= 6)
    if teasers >= junk.TEASERS and teasers >= 0.6 * len(lines):
        return "a list of story teasers"
    return None


_BITS = [
    "The Internet Archive keeps crawl data",
    "Tweet with a location",
    "Twitter stores that location",
    "page not found",
    "Please enable JavaScript",
    "Verify you’re not a robot",
    "subscribe to the letter",
    "follow us",
    "http://example.org/x",
    "@somebody",
    "You will love your new lamp",
    "the mayor said",
    "Features",
    "More on the harbour works ...",
    "Another item cut off in the middle of …",
    "Published on Dec 29, 2016",
    "The council met on Tuesday to vote on the budget.",
    "Le café déjà ouvert",
    "ſeed liſt for this crawl",
    "İnternet archive",
    "—",
    "“Quoted words”",
    "\u2028",
    "\x0c",
    "  ",
    "",
]


def _pages(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pages = []
    for _ in range(n):
        lines = [
            " ".join(rng.choice(_BITS) for _ in range(rng.randint(1, 6)))
            for _ in range(rng.randint(1, 9))
        ]
        pages.append(rng.choice(["\n", "\r\n", "\n\n"]).join(lines))
    # long pages: many words, still with placeholder and teaser lines among them
    for _ in range(n // 10):
        prose = " ".join(rng.choice(_BITS[10:18]) for _ in range(rng.randint(40, 120)))
        pages.append("\n".join([prose, *rng.sample(_BITS, 5)]))
    return pages


def test_not_an_article_gives_the_plain_codes_reasons() -> None:
    pages = _pages(6000, 7)
    reasons = [_plain(p) for p in pages]
    assert [junk.not_an_article(p) for p in pages] == reasons
    assert len(set(reasons)) >= 6  # the pages reach most of the verdicts


def test_runs_counts_as_the_pattern() -> None:
    for page in _pages(2000, 3):
        assert junk._runs(page) == len(RUNS.findall(page))
    assert junk._runs("don’t “stop” — now… ok") == 5
    assert junk._runs("naïve café") == 2


def test_every_placeholder_phrase_holds_a_needle() -> None:
    for rx in junk.PLACEHOLDERS.values():
        literals = required_literals(rx.pattern)
        assert literals, rx.pattern
        for literal in literals:
            assert any(needle in literal for needle in junk.PLACEHOLDER_NEEDLES), literal


def test_ascii_folds_are_every_character_read_as_an_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.I)
    found = {
        c
        for c in map(chr, range(128, sys.maxunicode + 1))
        if letter.fullmatch(c) or any(x.isascii() and x.isalpha() for x in c.lower())
    }
    assert found == set(junk.ASCII_FOLDS)
