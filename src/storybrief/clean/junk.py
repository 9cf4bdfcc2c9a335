"""Pages that are no article at all: crawler notices, placeholders, teaser lists, link pages.

Scrapes of news pages often return something else: the Internet Archive's notice about its
crawl, Twitter's "Tweet with a location" help text, a media player's error, a list of
other stories' teasers, a video page's links. Cleaning keeps their lines (they read like
prose), so they are judged here as a whole and rejected as "not an article" with the
reason, before any line is judged.
"""

from __future__ import annotations

import re

from storybrief.text import RUNS, WIDE_PUNCTUATION

# Phrases of placeholder pages, by what they are. A page is one when the lines holding
# them make most of its words (a real report about the Internet Archive has other lines).
PLACEHOLDERS: dict[str, re.Pattern[str]] = {
    "a crawl notice (Internet Archive)": re.compile(
        r"internet archive|wayback machine|crawl data|this crawl was|these crawls are part of"
        r"|no more 404|crawler software|seed list for this crawl|seedlist"
        r"|\bcrawls? (?:performed|run|made) by\b|\bcrawl of outlinks\b|\bthe seed list\b"
        r"|\bduplicate detection\b"
        # A wide crawl's seed notice: "The seed for Wide00012 was: - Slash pages from ...".
        r"|\bthe seed for \w+ was\b|\bslash pages from\b|\binter-?domain (?:links?|navigational)\b"
        r"|\burls per domain\b|\blinked-to domain\b",
        re.I,
    ),
    "a Twitter placeholder": re.compile(  # stock wording: Twitter's own placeholder text
        r"tweet with a location|location information to your tweets|twitter stores that location"
        r"|you can switch location on/off",
        re.I,
    ),
    "a media player message": re.compile(
        r"media playback is unsupported|your browser does not support|html5 capable browser"
        # stock wording: a video site's player left alone: "Rating is available when the video has been
        # rented.", "This feature is not available right now. Please try again later."
        r"|interactive transcript could not be loaded|when the video has been rented"
        r"|this feature is not available right now|^please try again later\.?$",
        re.I,
    ),
    "a map's disclaimer": re.compile(
        r"\bdo not imply the expression of any opinion\b|\bdotted line represents approximately\b"
        r"|\bboundaries and names shown and the designations used\b",
        re.I,
    ),
    "a script or cookie wall": re.compile(
        r"enable javascript|javascript is disabled|requires javascript|enable cookies"
        r"|verify you(?:'|’)re not a robot|are you a robot",
        re.I,
    ),
    "an error page": re.compile(
        r"\bpage not found\b|\b404 error\b|\baccess denied\b"
        r"|\bpage (?:you (?:requested|are looking for|were looking for) )?(?:could not|cannot|can(?:'|’)t) be found"
        r"|\bpage url may have changed\b|\breach a page from a bookmark\b|\bdomain mapping\b"
        r"|\bthis domain (?:is|may be) for sale\b"
        # A page taken down or moved: "This story is no longer available.", "We couldn't
        # reach that page."
        r"|\b(?:this|the) (?:article|story|page|content|post|item) (?:is|has been) no longer available\b"
        r"|\bcouldn(?:'|’)t (?:reach|find|load) (?:that|this|the) page\b"
        r"|\bit may have been (?:removed|moved|deleted)\b|\bthe link (?:may be|is) (?:out of date|broken)\b",
        re.I,
    ),
    "a paywall": re.compile(
        r"\breached your (?:limit|maximum) of (?:free )?(?:articles|stories)\b"
        r"|\bfree articles (?:this|per|a|each) month\b|\bfree stories (?:this|per|a|each) month\b",
        re.I,
    ),
}
# Lines of a links-and-promotion page: links, handles, calls to subscribe or follow.
_PROMO = re.compile(
    r"https?://|www\.|@\w|\b(?:subscribe|follow (?:us|me)|like us|sign up|get more|watch more"
    r"|click (?:here|below)|sign the petition)\b",
    re.I,
)
# A video page's description opens with its upload date ("Published on Dec 29, 2016"):
# the text under it is the uploader's blurb and links, not a report.
_VIDEO_PAGE = re.compile(
    r"(?:Published|Uploaded|Streamed live) on [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$"
)
# A paid page says so in its first line: "Paid Notice: Deaths ROE, JO", "Sponsored
# content", "Advertisement feature" (the text under it is the buyer's, not a report).
_PAID_PAGE = re.compile(
    r"\W*(?:paid (?:notice|post|content|for by)|sponsored (?:content|post|by)|advertisement feature"
    r"|advertorial|promoted content)\b",
    re.I,
)
# A short page is judged whole; a long one is a real article that mentions such things.
SHORT = 250
# A promotion line is short: a long line that names a web address is a sentence (an events
# listing ends each item with its site).
PROMO_WORDS = 20
# A page of one sentence and at most this many words is a teaser, not a report (the
# shortest real reports in the annotated clusters run to two sentences and 33 words).
TEASER_WORDS = 40
_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?:\s|$)")
TEASERS = 5


# Second person outside quotations: a horoscope, an advice box or a promotion speaks to
# "you"; a report quotes people who do.
_YOU = re.compile(r"\b(?:you|your|you(?:'|’)(?:re|ll|ve))\b", re.I)
_SAYING = re.compile(r"\b(?:said|says|told|tells|according to)\b", re.I)
_MARK = re.compile(r"[\"“”]")
# A quotation holds this many words or more: a shop's scare quotes ('"Skip the Month"')
# quote no one.
QUOTE_WORDS = 5


def _quotes(line: str) -> bool:
    """Whether ``line`` quotes someone: a verb of saying, or a quotation (marks taken in
    pairs, in order) of ``QUOTE_WORDS`` words or more, or an unclosed one."""
    if _SAYING.search(line):
        return True
    marks = [m.start() for m in _MARK.finditer(line)]
    if len(marks) % 2:
        return True
    return any(
        len(line[a + 1 : b].split()) >= QUOTE_WORDS
        for a, b in zip(marks[::2], marks[1::2], strict=True)
    )


# A page of at most this many words is judged by its address to the reader.
ADDRESSED_WORDS = 120
YOU_EVERY = 20


def _addressed(lines: list[str], counts: list[int], total: int) -> bool:
    """A short page most of whose words are in lines speaking to the reader, none quoting."""
    if total > ADDRESSED_WORDS or any(_quotes(ln) for ln in lines):
        return False
    you = sum(n for ln, n in zip(lines, counts, strict=True) if _YOU.search(ln))
    # ... and often: one "you" a line is a report's aside, one in 20 words an address.
    often = sum(len(_YOU.findall(ln)) for ln in lines) * YOU_EVERY >= total
    return you >= 0.6 * total and often


# Strings of which every placeholder phrase holds one (tested against the patterns): a page
# without any, lower-cased, has no placeholder line, and skips the searches line by line.
PLACEHOLDER_NEEDLES = (
    "404",
    "a robot",
    "access denied",
    "be found",
    "couldn",
    "crawl",
    "designations used",
    "domain",
    "dotted line",
    "duplicate detection",
    "enable cookies",
    "free articles",
    "free stories",
    "html5",
    "imply the expression",
    "internet archive",
    "javascript",
    "may have been",
    "no longer available",
    "not available right now",
    "page not found",
    "page url",
    "playback",
    "reach a page",
    "reached your",
    "rented",
    "seed list",
    "seedlist",
    "slash pages",
    "switch location",
    "the link",
    "the seed for",
    "transcript could not",
    "try again later",
    "tweet",
    "twitter stores",
    "wayback",
    "your browser",
)
# The characters outside ASCII that a case-blind pattern takes for an ASCII letter (re's
# case folding; tested over all of Unicode): a text with one is searched as it is.
ASCII_FOLDS = "\u0130\u0131\u017f\u212a"
# ASCII letters and digits kept, all else a space: the text's ``RUNS`` are its words then;
# outside ASCII, prose punctuation (no letter or digit) is a space too.
_RUN_BYTES = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))
_NOT_RUNS = WIDE_PUNCTUATION + "’"


def _runs(text: str) -> int:
    """``len(RUNS.findall(text))``, without the regex for text in ASCII and prose marks."""
    if not text.isascii():
        flat = text
        for mark in _NOT_RUNS:
            if mark in flat:
                flat = flat.replace(mark, " ")
        if not flat.isascii():
            return len(RUNS.findall(text))
        text = flat
    return len(text.encode("ascii").translate(_RUN_BYTES).split())


def _may_hold_placeholder(text: str) -> bool:
    """False only if no line of ``text`` holds a placeholder phrase."""
    if not text.isascii() and any(c in text for c in ASCII_FOLDS):
        return True
    low = text.lower()
    return any(needle in low for needle in PLACEHOLDER_NEEDLES)


def _short_page(lines: list[str], counts: list[int], total: int, text: str) -> str | None:
    """Why a page of at most ``SHORT`` words (``lines`` of ``text``, ``counts`` words
    each) is no article, judged whole, or None."""
    if _may_hold_placeholder(text):
        # Placeholder lines of several kinds add up (a crawl notice above an error page):
        # the page is named by the kind with the most words.
        found = [[rx.search(ln) is not None for rx in PLACEHOLDERS.values()] for ln in lines]
        hits = {
            reason: sum(n for kinds, n in zip(found, counts, strict=True) if kinds[k])
            for k, reason in enumerate(PLACEHOLDERS)
        }
        some = sum(n for kinds, n in zip(found, counts, strict=True) if any(kinds))
        if some and some >= 0.4 * total:
            return max(hits, key=hits.__getitem__)
    if _addressed(lines, counts, total):
        return "a page addressed to the reader"
    if len(lines) >= 4 and _PROMO.search(text):
        promo = sum(
            1 for ln, n in zip(lines, counts, strict=True) if n <= PROMO_WORDS and _PROMO.search(ln)
        )
        if promo >= 0.65 * len(lines):
            return "links and sign-up lines"
    return None


def not_an_article(text: str) -> str | None:
    """Why ``text`` is no article (a short reason), or ``None`` when it may be one."""
    lines = [ln for ln in map(str.strip, text.splitlines()) if ln]
    if not lines:
        return None
    if _VIDEO_PAGE.match(lines[0]):
        return "a video page's description"
    if _PAID_PAGE.match(lines[0]):
        return "a paid notice"
    # A run never spans a line break (no break is a letter or digit), so the text's runs
    # are its lines' runs: a long page is told by one count, with no count per line.
    if _runs(text) > SHORT:
        counts, total = [], SHORT + 1
    else:
        counts = [len(RUNS.findall(ln)) for ln in lines]
        total = sum(counts) or 1
        reason = _short_page(lines, counts, total, text)
        if reason:
            return reason
    # One sentence under a section label ("Features"): a teaser for another page.
    if (
        len(lines) == 2
        and total <= TEASER_WORDS
        and counts[0] <= 2
        and len(_SENTENCE_END.findall(lines[1])) <= 1
    ):
        return "a one-sentence teaser"
    # A list of other stories' teasers, each cut off with an ellipsis.
    if "..." not in text and "…" not in text:
        return None
    teasers = sum(1 for ln in lines if ln.endswith(("...", "…")) and len(ln.split()) >= 6)
    if teasers >= TEASERS and teasers >= 0.6 * len(lines):
        return "a list of story teasers"
    return None
