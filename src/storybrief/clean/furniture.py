"""Page furniture by vocabulary: calls to action, lines that address the reader or sell,
UI widgets and labels (``furniture_reason``), with the reported-speech test that keeps a
quoted "click here" in an article. The line's shape is judged in ``lines.py``; the words
come from ``lexicon.py``.
"""

from __future__ import annotations

import re

from storybrief.clean import lexicon as lx
from storybrief.text import words_as_written as words_of

# Where one sentence of a line ends and the next begins.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")
_UI_PHRASES = re.compile(
    r"\b(?:sign (?:up|in)|log (?:in|out)|read more|more from|more on this|next story|"
    r"previous story|this section|all rights reserved|privacy policy|terms of (?:use|service)|"
    r"cookie policy|follow us|share this|click here|tap here|related (?:stories|articles)|"
    r"story continues|continue reading|you may also like|recommended for you)\b",
    re.IGNORECASE,
)
# Every _UI_PHRASES match holds one of these (see lx.may_match); keep the two in step.
_UI_PHRASE_NEEDLES = (
    "sign up", "sign in", "log in", "log out", "read more", "more from", "more on this",
    "next story", "previous story", "this section", "all rights reserved", "privacy policy",
    "terms of use", "terms of service", "cookie policy", "follow us", "share this", "click here",
    "tap here", "related stories", "related articles", "story continues", "continue reading",
    "you may also like", "recommended for you",
)  # fmt: skip
# The same needles as words: each word of a _UI_PHRASES match is a whole word of the line
# (\b or a space on each side), so a line can hold one only if it has all the words of a
# needle. The keys are one word of each, a rare one, for a first test.
_UI_PHRASE_WORDS = lx.Phrases(
    _UI_PHRASE_NEEDLES,
    keys="""
    sign log read more next previous section reserved privacy terms cookie follow share click
    tap related continues continue like recommended
    """,
)
# Calls to action that need no second person to be one.
_STRONG_CTA = lx.word_set(
    """
    subscribe join follow click login upgrade donate
    """
)
# Verbs that are calls to action only with a particle ("sign up", not "sign language").
_PARTICLE_CTA = {"sign": {"up", "in"}, "log": {"in", "out"}}
# A word counts as a UI word when it or its singular ("comments" -> "comment") is one.
_UI_OR_PLURAL = lx.UI_WORDS | {w + "s" for w in lx.UI_WORDS if len(w) >= 3}
_READER_OR_SITE = lx.READER_WORDS | lx.SITE_WORDS
# Every word that can make a line furniture by vocabulary (UI, offer, call-to-action verb).
_FURNITURE_WORDS = _UI_OR_PLURAL | lx.MARKETING_WORDS | lx.CTA_VERBS
# A line with none of these words is plain prose by vocabulary (see furniture_reason).
_SCREEN = _FURNITURE_WORDS | _UI_PHRASE_WORDS.keys


def word_parts(joined: str, lower: list[str]) -> list[str]:
    """The words in lower case (``lower``, joined by spaces in ``joined``) cut at apostrophes
    and hyphens: the runs of letters and digits of the line, in lower case."""
    if "'" in joined or "-" in joined or "’" in joined:
        return joined.replace("'", " ").replace("-", " ").replace("’", " ").split()
    return lower


def furniture_reason(
    body: str, low: str, words: list[str], lower: list[str], parts: list[str], terminal: bool
) -> str | None:
    """The reason a line is page furniture by its vocabulary, or None.

    Judged sentence by sentence: a line goes when most of its words are in sentences that
    call the reader to act or speak to the reader about the site, so that a paragraph with
    an inline "(Click here to see the flyer)" stays while "Our reporting is free to read.
    Help keep it that way with a ... membership. Join now!" goes.

    ``low`` is ``body.lower()``, ``words`` the words of ``body``, ``lower`` the same in lower
    case and ``parts`` these cut at apostrophes and hyphens (``word_parts``).
    """
    n = len(words)
    if (
        parts is lower
        and _SCREEN.isdisjoint(lower)
        and "%" not in body
        and (body.isascii() or lx.no_case_odd(body))
    ):
        # The common case in one set test: in a line whose words hold no apostrophe or
        # hyphen (``parts`` is ``lower``), no furniture word and no key of a UI phrase make
        # ``vocabulary`` and ``phrases`` below False (no ``_CASE_ODD`` character given).
        return "widget" if n == 1 and lower[0] in lx.LABEL_WORDS else None
    # A sentence of the line can hold a UI phrase only if the line can.
    phrases = _UI_PHRASE_WORDS.may_hold(body, parts) and lx.may_match(body, low, _UI_PHRASE_NEEDLES)
    vocabulary = not _FURNITURE_WORDS.isdisjoint(lower)  # one test for the common case
    if not phrases and not vocabulary and "%" not in body:
        # Plain prose, the common case: no UI phrase, UI or offer word, nor "%", so both
        # counts below are 0 and of the tests below only the lone label word can hold.
        return "widget" if n == 1 and lower[0] in lx.LABEL_WORDS else None
    ui, mkt = _counts(body, lower, n, phrases, vocabulary)
    if n <= 6 and (ui >= 1 or mkt >= 2) and (not terminal or body.endswith("!")):
        return "widget"
    if n == 1 and lower[0] in lx.LABEL_WORDS:
        return "widget"
    if ui >= 3 and ui * 4 >= n:
        return "page furniture"
    if (
        not ui
        and not mkt
        and "%" not in body
        and (not vocabulary or lx.CTA_VERBS.isdisjoint(lower))
    ):
        # Plain prose, the common case, needs no sentence split. Each sentence's words
        # are some of the line's: none is a UI or offer word (nor a "%"), so no sentence
        # addresses the reader; none is a CTA verb, so none calls to action.
        return None
    if lx.CTA_VERBS.isdisjoint(lower) and (ui + mkt + body.count("%")) * 100 < n * 3:
        # A long line with a stray UI or offer word: without a CTA verb no sentence calls to
        # action, and the sentences that address the reader cannot make 3/5 of the words.
        # Each holds a UI or offer word (or "%") per 20 words at least (see
        # _addresses_reader), and together they hold at most the line's ui + mkt + "%".
        return None
    if _attributed(body, low, parts):
        return None  # reported speech may address "you" or use an imperative
    cta = reader = 0
    others = []  # (words, own, size) of the sentences neither calling to act nor selling
    sentences = SENTENCE_END.split(body)
    for sentence in sentences:
        if len(sentences) == 1:
            own = lower  # the sentence is the line
        else:
            words = words_of(sentence)
            own = " ".join(words).lower().split(" ") if words else []  # as in judge
        size = len(words)
        if _is_call_to_action(sentence, words, own):
            cta += size
            continue
        ui, mkt = _counts(sentence, own, size, phrases, vocabulary)
        # With neither UI nor offer words a sentence cannot address the reader (or is empty).
        if (ui or mkt) and (size <= 5 or _addresses_reader(size, _pronouns(words, own), ui, mkt)):
            reader += size
        else:
            others.append((words, own, size))
    if cta:
        # "You have reached your limit ..." next to "Subscribe ..."
        pronoun = sum(size for words, own, size in others if _pronouns(words, own))
        if (cta + reader + pronoun) * 2 >= n:
            return "call to action"
    if reader * 5 >= n * 3:
        return "addresses the reader or sells"
    return None


def _attributed(body: str, low: str, parts: list[str] | None = None) -> bool:
    """Is ``body`` reported speech (``lx.ATTRIBUTION``)? ``low`` is ``body.lower()``; ``parts``,
    if given, its words in lower case cut at apostrophes and hyphens (``word_parts``)."""
    for mark in lx.QUOTATION_MARKS:
        if mark in body:
            return True
    if parts is not None and not lx.ATTRIBUTION_WORDS.may_hold(body, parts):
        return False
    return lx.may_match(body, low, lx.ATTRIBUTION_NEEDLES) and bool(lx.ATTRIBUTION.search(body))


def _counts(text: str, own: list[str], n: int, phrases: bool, vocabulary: bool) -> tuple[int, int]:
    """How many UI words (and phrases) and how many offer words ``text`` has.

    ``own`` is its words in lower case, ``n`` how many there are; ``phrases`` is False when
    ``text`` can hold no UI phrase (see ``lx.may_match``), ``vocabulary`` is False when no
    word of ``own`` is in ``_FURNITURE_WORDS`` (then both counts of words are 0).
    """
    ui = mkt = 0
    if vocabulary:
        ui = sum(map(_UI_OR_PLURAL.__contains__, own))
        mkt = sum(map(lx.MARKETING_WORDS.__contains__, own))
    if phrases:
        ui += len(_UI_PHRASES.findall(text))
    if n <= 8:
        mkt += text.count("%")
    return ui, mkt


def _addresses_reader(size: int, pronouns: set[str], ui: int, mkt: int) -> bool:
    """The sentence speaks to "you" (or as "our" site) next to site vocabulary ("delivered to your inbox", "our newsletter")."""
    if pronouns & lx.READER_WORDS:
        return size <= 40 and (ui >= max(1, size / 15) or mkt >= 2)
    if pronouns & lx.SITE_WORDS:
        return size <= 15 and ui + mkt >= 1
    # Offer copy speaks of prices and plans without a pronoun ("Limited-time offer: ...").
    return size <= 12 and mkt * 3 >= size


def _pronouns(words: list[str], own: list[str]) -> set[str]:
    """The reader and site pronouns (``_READER_OR_SITE``, the only ones asked about) among
    ``words``, in lower case (``own``), where a capitalised word counts only at the start
    ("Us Weekly")."""
    if _READER_OR_SITE.isdisjoint(own):
        return set()
    return {
        w
        for i, (word, w) in enumerate(zip(words, own, strict=True))
        if w in _READER_OR_SITE and (i == 0 or not word[0].isupper())
    }


def _is_call_to_action(sentence: str, words: list[str], own: list[str]) -> bool:
    """Does the sentence open with an imperative addressed to the reader ("Sign up today!")?

    ``words`` are its words and ``own`` the same in lower case.
    """
    start = 0
    please = False
    while start < len(own) and own[start] in ("please", "now", "and", "so", "then"):
        please = please or own[start] == "please"
        start += 1
    ws = own[start:]
    if not ws or ws[0] not in lx.CTA_VERBS or len(ws) > 25:
        return False
    particle = _PARTICLE_CTA.get(ws[0])
    if particle is not None and len(ws) > 1 and ws[1] in particle:
        return True
    if please or ws[0] in _STRONG_CTA or sentence.rstrip().endswith("!"):
        return True
    return bool(_pronouns(words, own) & lx.SITE_WORDS or set(ws[1:]) & lx.UI_WORDS)
