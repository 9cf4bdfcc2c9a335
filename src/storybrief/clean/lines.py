"""Judge one line on its own: article prose, page furniture, or neither.

A line is ``JUNK`` on positive evidence (a call to action, a byline, a price, a caption
credit, staff initials, a widget label); ``PROSE`` when it reads as a sentence of an article;
``WEAK`` otherwise (a headline, a short label, a bullet fragment): ``layout.py`` decides about
those from their position. Every rule is about the shape of a line or the general vocabulary
of web pages (``lexicon.py``), never about a given site's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter
from typing import Literal

from storybrief.clean import lexicon as lx
from storybrief.text import words_as_written

Label = Literal["prose", "weak", "junk"]

# Reasons that mark a line as part of a marketing or price block (used to absorb a stray
# prose-looking line that sits inside such a block at the end of a page).
STRONG_JUNK = frozenset({"call to action", "addresses the reader or sells", "price", "numbers"})


@dataclass(frozen=True)
class Verdict:
    label: Label
    reason: str
    words: int
    soft: bool = False  # prose, but only just: short, unpunctuated or a bullet


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# A line is terminal when it ends in one of _STOPS, maybe followed by closing quotes or
# brackets; checked without a regex, whose search would try every position of a long line.
_STOPS = ".!?…:;"
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")
_INITIALS = re.compile(r"[(\[]?[a-z]{2,4}(?:\s*[/,;]\s*[a-z]{2,4})*[)\]]?")
_SIGN_OFF = re.compile(
    r"(?:--+|[–—]+|\(|\[)\s*[A-Za-z][\w.&/ -]{0,30}[)\]]?|[A-Z]{2,}(?:\s*[/&,]\s*[A-Z]{2,})*"
)
_HANDLE = re.compile(r"\(@\w+\)")
_LABEL = re.compile(r"\(?\s*((?:[A-Za-z’']+\s+){0,3}[A-Za-z’']+)\s*[:|]")
_BYLINE = re.compile(r"by\b\s*:?\s*(.*)", re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_AT_END = re.compile(
    rf"(?:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})\W*$",
    re.IGNORECASE,
)
_TIME_WORDS = lx.word_set(
    """
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december mon tue wed thu fri sat sun monday
    tuesday wednesday thursday friday saturday sunday am pm a.m p.m ist gmt utc et est edt
    pt pst pdt bst cet cest ago hour hours min mins minute minutes sec seconds day days
    updated published posted modified last first on at
    """
)
_LABEL_EXTRA = lx.word_set(
    """
    about this story the in on from full here our us to of
    """
)
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


def words_of(text: str) -> list[str]:
    """The words of ``text``: ``_WORD.findall(text)``."""
    return words_as_written(text)


def is_terminal(text: str) -> bool:
    # As a regex "$" would, a final line break may follow the terminal mark.
    return _ends_in_stop(text) or (text.endswith("\n") and _ends_in_stop(text[:-1]))


def _ends_in_stop(text: str) -> bool:
    bare = text.rstrip(_CLOSERS)
    return bool(bare) and bare[-1] in _STOPS


# ASCII characters outside words (``\W``): a date at the end of a line comes before these only.
_ASCII_NOT_WORD = "".join(c for c in map(chr, range(128)) if not (c.isalnum() or c == "_"))


def _may_end_in_date(text: str) -> bool:
    """False only if ``_DATE_AT_END`` cannot match: in ASCII text the last word character
    must be the last digit of the date."""
    if not text.isascii():
        return True
    bare = text.rstrip(_ASCII_NOT_WORD)
    return bool(bare) and bare[-1] in "0123456789"


def judge(line: str) -> Verdict:
    """The verdict on one (repaired, stripped, non-empty) line."""
    body = line.lstrip(lx.BULLETS + " ")
    bullet = body != line
    words = words_of(body)
    n = len(words)
    lower = list(map(str.lower, words))

    def junk(reason: str) -> Verdict:
        return Verdict("junk", reason, n)

    if n == 0:
        return junk("no words")
    if _INITIALS.fullmatch(body):
        return junk("staff initials")
    if n <= 3 and (_SIGN_OFF.fullmatch(line) or _SIGN_OFF.fullmatch(body)):
        return junk("agency sign-off")
    # A label ends at a colon or a bar: most lines have neither, and skip the regex.
    label = _LABEL.match(body) if n <= 25 and (":" in body or "|" in body) else None
    if label:
        head = [w.lower().strip("’'") for w in label.group(1).split()]
        rest = body[label.end() :]
        if (
            head[0] in lx.LABEL_WORDS
            and all(w in lx.LABEL_WORDS or w in lx.UI_WORDS or w in _LABEL_EXTRA for w in head)
            # "Updated | <a sentence of news>" keeps its news; "Read next: <headline>" goes.
            and (
                head[0] in ("disclaimer", "copyright")
                or not is_terminal(rest)
                or len(words_of(rest)) <= 12
            )
        ):
            return junk("label line")
    byline = _BYLINE.fullmatch(body)
    if byline and not is_terminal(body):
        # "By Jo Smith | Published 14 March 2024": the names end at a separator
        names = words_of(re.split(r"\s[|•·]\s", byline.group(1))[0])
        if len(names) <= 8 and all(w[0].isupper() or w in ("and", "in", "for") for w in names):
            return junk("byline")
    terminal = is_terminal(body)
    if not terminal:
        digits = sum(any(map(str.isdigit, w)) for w in words)
        if (n <= 8 and digits and lx.CURRENCY.search(body)) or (n <= 6 and digits * 2 >= n):
            return junk("price" if lx.CURRENCY.search(body) else "numbers")
        if n <= 12 and sum(w in _TIME_WORDS or w.isdigit() for w in lower) >= max(2, 0.6 * n):
            return junk("timestamp")
    low = body.lower()
    if n <= 30 and lx.may_match(body, low, lx.CREDIT_NEEDLES) and lx.CREDIT.search(body):
        return junk("caption credit")
    # A caption is one unpunctuated sentence ending in a date; an embedded post signed
    # "— Name (@handle) June 20, 2017" is someone's words, not a caption.
    if (
        not terminal
        and n <= 40
        and _may_end_in_date(body)
        and _DATE_AT_END.search(body)
        and not _HANDLE.search(body)
        and len(_SENTENCE_END.split(body)) == 1
    ):
        return junk("caption or dateline")

    verdict = _furniture(body, low, lower, n, terminal)
    if verdict:
        return junk(verdict)
    return _prose_or_weak(body, words, n, terminal, bullet)


def _furniture(body: str, low: str, lower: list[str], n: int, terminal: bool) -> str | None:
    """The reason a line is page furniture by its vocabulary, or None.

    Judged sentence by sentence: a line goes when most of its words are in sentences that
    call the reader to act or speak to the reader about the site, so that a paragraph with
    an inline "(Click here to see the flyer)" stays while "Our journalism is for everyone.
    But you can get ... membership. Sign up today!" goes.
    """
    # A sentence of the line can hold a UI phrase only if the line can.
    phrases = lx.may_match(body, low, _UI_PHRASE_NEEDLES)
    vocabulary = not _FURNITURE_WORDS.isdisjoint(lower)  # one test for the common case
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
    if _attributed(body, low):
        return None  # reported speech may address "you" or use an imperative
    cta = reader = 0
    others = []  # (words, size) of the sentences neither calling to act nor selling
    for sentence in _SENTENCE_END.split(body):
        words = words_of(sentence)
        size = len(words)
        own = list(map(str.lower, words))
        if _is_call_to_action(sentence, words, own):
            cta += size
            continue
        ui, mkt = _counts(sentence, own, size, phrases, vocabulary)
        # With neither UI nor offer words a sentence cannot address the reader (or is empty).
        if (ui or mkt) and (size <= 5 or _addresses_reader(size, _pronouns(words), ui, mkt)):
            reader += size
        else:
            others.append((words, size))
    if cta:
        # "You have reached your limit ..." next to "Subscribe ..."
        pronoun = sum(size for words, size in others if _pronouns(words) & _READER_OR_SITE)
        if (cta + reader + pronoun) * 2 >= n:
            return "call to action"
    if reader * 5 >= n * 3:
        return "addresses the reader or sells"
    return None


def _attributed(body: str, low: str) -> bool:
    """Is ``body`` reported speech (``lx.ATTRIBUTION``)? ``low`` is ``body.lower()``."""
    for mark in lx.QUOTATION_MARKS:
        if mark in body:
            return True
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


def _pronouns(words: list[str]) -> set[str]:
    """Lower-cased words, where a capitalised word counts only at the start ("Us Weekly")."""
    return {w.lower() for i, w in enumerate(words) if i == 0 or not w[0].isupper()}


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
    return bool(_pronouns(words) & lx.SITE_WORDS or set(ws[1:]) & lx.UI_WORDS)


def _prose_or_weak(body: str, words: list[str], n: int, terminal: bool, bullet: bool) -> Verdict:
    lowercase = sum(map(str.islower, map(itemgetter(0), words)))
    # All-caps prose (broadcast transcripts) is judged by its punctuation: as if every word
    # were lower case. That can only change the verdict when few words are.
    if lowercase < 0.4 * n and sum(map(str.isupper, words)) * 4 >= n * 3:
        lowercase = n
    if terminal and n >= 4 and lowercase >= 1 and (not bullet or n >= 6):
        return Verdict("prose", "sentence", n, soft=n < 20 or bullet)
    if not bullet and n >= 15 and lowercase >= 0.4 * n:
        return Verdict("prose", "long unpunctuated line", n, soft=True)
    if bullet:
        return Verdict("weak", "bullet fragment", n)
    return Verdict("weak", "heading or fragment", n)
