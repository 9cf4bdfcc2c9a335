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
from storybrief.lang.tokens import has_unspaced, unspaced_chars
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


# Verdicts are immutable and few are distinct (a label, a reason, a word count, a flag), so
# each is built once: a frozen dataclass costs more to build than a dictionary look-up.
_VERDICTS: dict[tuple[str, str, int, bool], Verdict] = {}
_MAX_VERDICTS = 1 << 16  # a bound on the memory, never reached in practice


def verdict(label: Label, reason: str, words: int, soft: bool = False) -> Verdict:
    """``Verdict(label, reason, words, soft)``, shared with every equal one made before."""
    made = _VERDICTS.get((label, reason, words, soft))
    if made is None:
        made = Verdict(label, reason, words, soft)
        if len(_VERDICTS) < _MAX_VERDICTS:
            _VERDICTS[label, reason, words, soft] = made
    return made


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# A line is terminal when it ends in one of _STOPS, maybe followed by closing quotes or
# brackets; checked without a regex, whose search would try every position of a long line.
# Full-width and Arabic/Devanagari stops too: a Chinese sentence ends in "。", an Arabic
# question in "؟" (no English line ends in these, so English verdicts do not change).
_STOPS = ".!?…:;。！？；：؟।"
_CLOSERS = "\"'”’»)]」』）“«"
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
# A line with none of these words is plain prose by vocabulary (see _furniture).
_SCREEN = _FURNITURE_WORDS | _UI_PHRASE_WORDS.keys


# The words of a text: ``_WORD.findall(text)``, by the faster path of ``words_as_written``
# (an alias, not a wrapper: it runs once per line and more).
words_of = words_as_written


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


_BULLETS_OR_SPACE = lx.BULLETS + " "


def judge(line: str) -> Verdict:
    """The verdict on one (repaired, stripped, non-empty) line."""
    return judge_and_key(line)[0]


def judge_and_key(line: str) -> tuple[Verdict, str | None]:
    """``judge(line)``, and ``layout.key(line)`` where the line's words give it for free (an
    ASCII line without "_" or "''"), else None.

    The key is the line's runs of ``[a-z0-9_]`` in lower case once apostrophes are deleted.
    Without "_" nor two apostrophes in a row, an apostrophe that the deletion makes join two
    runs stands between two letters or digits, so inside a word (a bullet is neither); hence
    the runs are the words in lower case, cut at their hyphens, their apostrophes deleted.
    """
    body = line.lstrip(_BULLETS_OR_SPACE)
    if body.startswith("|") or body.endswith("|"):
        # A table row as extractors print one ("| cell | cell |"): judged by its cells.
        body = body.strip("| ").lstrip(_BULLETS_OR_SPACE) or body
    words = words_of(body)
    # The words in lower case, by one join, lower() and split instead of a lower() per word.
    # It is the same: no word holds a space, and a space is neither a cased nor a
    # case-ignorable character, so each word lowers as it would alone (a final sigma too).
    joined = " ".join(words).lower()
    line_key = None
    if line.isascii() and "_" not in line and "''" not in line:
        line_key = (
            joined.replace("'", "").replace("-", " ") if "'" in joined or "-" in joined else joined
        )
    return _judge_words(line, body, words, joined), line_key


def _judge_words(line: str, body: str, words: list[str], joined: str) -> Verdict:
    """``judge(line)``: ``body`` is the line without its bullet, ``words`` its words, and
    ``joined`` these in lower case joined by spaces."""
    n = len(words)
    if n == 0:
        return verdict("junk", "no words", n)
    if not line.isascii() and has_unspaced(body):
        # Chinese, Japanese and Thai write no spaces: a whole clause is one "word" to the
        # regex. Two characters make about one word in Chinese and Japanese news prose.
        n += unspaced_chars(body) // 2
    bullet = body != line
    lower = joined.split(" ")
    terminal = is_terminal(body)
    # Initials end in a letter or a bracket after one, so a terminal line holds none.
    if not terminal and _INITIALS.fullmatch(body):
        return verdict("junk", "staff initials", n)
    if n <= 3 and (_SIGN_OFF.fullmatch(line) or _SIGN_OFF.fullmatch(body)):
        return verdict("junk", "agency sign-off", n)
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
            return verdict("junk", "label line", n)
    if (not body.isascii() or n <= 4 or ":" in body) and lx.is_cross_link_label(body):
        return verdict("junk", "label line", n)
    byline = None if terminal else _BYLINE.fullmatch(body)
    if byline:
        # "By Jo Smith | Published 14 March 2024": the names end at a separator
        names = words_of(re.split(r"\s[|•·]\s", byline.group(1))[0])
        if len(names) <= 8 and all(w[0].isupper() or w in ("and", "in", "for") for w in names):
            return verdict("junk", "byline", n)
    if not terminal:
        # (Words with a digit count only in short lines.)
        digits = sum(any(map(str.isdigit, w)) for w in words) if n <= 8 else 0
        if (n <= 8 and digits and lx.CURRENCY.search(body)) or (n <= 6 and digits * 2 >= n):
            return verdict("junk", "price" if lx.CURRENCY.search(body) else "numbers", n)
        if n <= 12 and sum(w in _TIME_WORDS or w.isdigit() for w in lower) >= max(2, 0.6 * n):
            return verdict("junk", "timestamp", n)
    low = body.lower()
    if (
        n <= 30
        and lx.may_match(body, low, lx.CREDIT_HINTS)
        and lx.may_match(body, low, lx.CREDIT_NEEDLES)
        and lx.CREDIT.search(body)
    ):
        return verdict("junk", "caption credit", n)
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
        return verdict("junk", "caption or dateline", n)

    reason = _furniture(body, low, words, lower, _parts(joined, lower), terminal)
    if reason:
        return verdict("junk", reason, n)
    return _prose_or_weak(body, words, n, terminal, bullet)


def _parts(joined: str, lower: list[str]) -> list[str]:
    """The words in lower case (``lower``, joined by spaces in ``joined``) cut at apostrophes
    and hyphens: the runs of letters and digits of the line, in lower case."""
    if "'" in joined or "-" in joined or "’" in joined:
        return joined.replace("'", " ").replace("-", " ").replace("’", " ").split()
    return lower


def _furniture(
    body: str, low: str, words: list[str], lower: list[str], parts: list[str], terminal: bool
) -> str | None:
    """The reason a line is page furniture by its vocabulary, or None.

    Judged sentence by sentence: a line goes when most of its words are in sentences that
    call the reader to act or speak to the reader about the site, so that a paragraph with
    an inline "(Click here to see the flyer)" stays while "Our journalism is for everyone.
    But you can get ... membership. Sign up today!" goes.

    ``low`` is ``body.lower()``, ``words`` the words of ``body``, ``lower`` the same in lower
    case and ``parts`` these cut at apostrophes and hyphens (``_parts``).
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
    sentences = _SENTENCE_END.split(body)
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
    if given, its words in lower case cut at apostrophes and hyphens (``_parts``)."""
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


def _not_capital(char: str) -> bool:
    return char.isalpha() and not char.isupper()


def _prose_or_weak(body: str, words: list[str], n: int, terminal: bool, bullet: bool) -> Verdict:
    # A line shaped like a sentence is one if a word starts in lower case: the first one
    # found will do (the common case, a line of prose). Other lines need the count.
    sentence = terminal and n >= 4 and (not bullet or n >= 6)
    # In a script without case (Arabic, Chinese, Korean, Hebrew...) every word counts as
    # a lower-case one: it is not capitalised as a heading's words are.
    first = map(itemgetter(0), words)
    if sentence and any(map(str.islower, first) if body.isascii() else map(_not_capital, first)):
        return verdict("prose", "sentence", n, n < 20 or bullet)
    lowercase = 0
    if not sentence:
        first = map(itemgetter(0), words)
        lowercase = sum(map(str.islower, first) if body.isascii() else map(_not_capital, first))
    # All-caps prose (broadcast transcripts) is judged by its punctuation: as if every word
    # were lower case. That can only change the verdict when few words are.
    # Shares are of the words as found (``n`` counts the words of an unspaced script too).
    found = len(words)
    if lowercase < 0.4 * found and sum(map(str.isupper, words)) * 4 >= found * 3:
        lowercase = found
    if sentence and lowercase >= 1:
        return verdict("prose", "sentence", n, n < 20 or bullet)
    if not bullet and n >= 15 and lowercase >= 0.4 * found:
        return verdict("prose", "long unpunctuated line", n, True)
    if bullet:
        return verdict("weak", "bullet fragment", n)
    return verdict("weak", "heading or fragment", n)
