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
from typing import Literal

from storybrief.clean import lexicon as lx

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
_TERMINAL = re.compile(r"[.!?…](?:[\"'”’»)\]]+)?$|[:;](?:[\"'”’»)\]]+)?$")
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
# Calls to action that need no second person to be one.
_STRONG_CTA = lx.word_set(
    """
    subscribe join follow click login upgrade donate
    """
)
# Verbs that are calls to action only with a particle ("sign up", not "sign language").
_PARTICLE_CTA = {"sign": {"up", "in"}, "log": {"in", "out"}}


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def is_terminal(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def judge(line: str) -> Verdict:
    """The verdict on one (repaired, stripped, non-empty) line."""
    body = line.lstrip(lx.BULLETS + " ")
    bullet = body != line
    words = words_of(body)
    n = len(words)
    lower = [w.lower() for w in words]

    def junk(reason: str) -> Verdict:
        return Verdict("junk", reason, n)

    if n == 0:
        return junk("no words")
    if _INITIALS.fullmatch(body):
        return junk("staff initials")
    if n <= 3 and (_SIGN_OFF.fullmatch(line) or _SIGN_OFF.fullmatch(body)):
        return junk("agency sign-off")
    label = _LABEL.match(body)
    if label and n <= 25:
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
    digits = sum(any(c.isdigit() for c in w) for w in words)
    if not terminal and (
        (lx.CURRENCY.search(body) and digits and n <= 8) or (n <= 6 and digits * 2 >= n)
    ):
        return junk("price" if lx.CURRENCY.search(body) else "numbers")
    if (
        not terminal
        and n <= 12
        and sum(w in _TIME_WORDS or w.isdigit() for w in lower) >= max(2, 0.6 * n)
    ):
        return junk("timestamp")
    if lx.CREDIT.search(body) and n <= 30:
        return junk("caption credit")
    # A caption is one unpunctuated sentence ending in a date; an embedded post signed
    # "— Name (@handle) June 20, 2017" is someone's words, not a caption.
    if (
        not terminal
        and n <= 40
        and _DATE_AT_END.search(body)
        and not _HANDLE.search(body)
        and len(_SENTENCE_END.split(body)) == 1
    ):
        return junk("caption or dateline")

    verdict = _furniture(body, lower, n, terminal)
    if verdict:
        return junk(verdict)
    return _prose_or_weak(body, words, n, terminal, bullet)


def _furniture(body: str, lower: list[str], n: int, terminal: bool) -> str | None:
    """The reason a line is page furniture by its vocabulary, or None.

    Judged sentence by sentence: a line goes when most of its words are in sentences that
    call the reader to act or speak to the reader about the site, so that a paragraph with
    an inline "(Click here to see the flyer)" stays while "Our journalism is for everyone.
    But you can get ... membership. Sign up today!" goes.
    """
    attributed = bool(lx.ATTRIBUTION.search(body))
    ui, mkt = _counts(body, n)
    if n <= 6 and (ui >= 1 or mkt >= 2) and (not terminal or body.endswith("!")):
        return "widget"
    if n == 1 and lower[0] in lx.LABEL_WORDS:
        return "widget"
    if ui >= 3 and ui * 4 >= n:
        return "page furniture"
    if attributed:  # reported speech may address "you" or use an imperative
        return None
    cta = reader = pronoun = 0
    for sentence in _SENTENCE_END.split(body):
        size = len(words_of(sentence))
        if _is_call_to_action(sentence):
            cta += size
        elif _addresses_reader(sentence, size) or (size <= 5 and any(_counts(sentence, size))):
            reader += size
        elif _pronouns(sentence) & (lx.READER_WORDS | lx.SITE_WORDS):
            pronoun += size  # "You have reached your limit ..." next to "Subscribe ..."
    if cta and (cta + reader + pronoun) * 2 >= n:
        return "call to action"
    if reader * 5 >= n * 3:
        return "addresses the reader or sells"
    return None


def _counts(text: str, n: int) -> tuple[int, int]:
    """How many UI words (and phrases) and how many offer words ``text`` has."""
    own = [w.lower() for w in words_of(text)]
    stems = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in own]
    ui = sum(w in lx.UI_WORDS or s in lx.UI_WORDS for w, s in zip(own, stems, strict=True))
    ui += len(_UI_PHRASES.findall(text))
    mkt = sum(w in lx.MARKETING_WORDS for w in own) + text.count("%") * (n <= 8)
    return ui, mkt


def _addresses_reader(sentence: str, size: int) -> bool:
    """The sentence speaks to "you" (or as "our" site) next to site vocabulary ("delivered to your inbox", "our newsletter")."""
    ws = _pronouns(sentence)
    ui, mkt = _counts(sentence, size)
    if ws & lx.READER_WORDS:
        return size <= 40 and (ui >= max(1, size / 15) or mkt >= 2)
    if ws & lx.SITE_WORDS:
        return size <= 15 and ui + mkt >= 1
    # Offer copy speaks of prices and plans without a pronoun ("Limited-time offer: ...").
    return size <= 12 and mkt * 3 >= size


def _pronouns(sentence: str) -> set[str]:
    """Lower-cased words, where a capitalised word counts only at the start ("Us Weekly")."""
    ws = words_of(sentence)
    return {w.lower() for i, w in enumerate(ws) if i == 0 or not w[0].isupper()}


def _is_call_to_action(sentence: str) -> bool:
    """Does the sentence open with an imperative addressed to the reader ("Sign up today!")?"""
    ws = [w.lower() for w in words_of(sentence)]
    please = False
    while ws and ws[0] in ("please", "now", "and", "so", "then"):
        please = please or ws[0] == "please"
        ws = ws[1:]
    if not ws or ws[0] not in lx.CTA_VERBS or len(ws) > 25:
        return False
    particle = _PARTICLE_CTA.get(ws[0])
    if particle is not None and len(ws) > 1 and ws[1] in particle:
        return True
    if please or ws[0] in _STRONG_CTA or sentence.rstrip().endswith("!"):
        return True
    return bool(_pronouns(sentence) & lx.SITE_WORDS or set(ws[1:]) & lx.UI_WORDS)


def _prose_or_weak(body: str, words: list[str], n: int, terminal: bool, bullet: bool) -> Verdict:
    lowercase = sum(w[0].islower() for w in words)
    if sum(w.isupper() for w in words) * 4 >= n * 3:
        lowercase = n  # all-caps prose (broadcast transcripts): judge it by its punctuation
    if terminal and n >= 4 and lowercase >= 1 and (not bullet or n >= 6):
        return Verdict("prose", "sentence", n, soft=n < 20 or bullet)
    if not bullet and n >= 15 and lowercase >= 0.4 * n:
        return Verdict("prose", "long unpunctuated line", n, soft=True)
    if bullet:
        return Verdict("weak", "bullet fragment", n)
    return Verdict("weak", "heading or fragment", n)
