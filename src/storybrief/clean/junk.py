"""Pages that are no article at all: crawler notices, placeholders, teaser lists, link pages.

Scrapes of news pages often return something else: the Internet Archive's notice about its
crawl, Twitter's "Tweet with a location" help text, a media player's error, a list of
other stories' teasers, a video page's links. Cleaning keeps their lines (they read like
prose), so they are judged here as a whole and rejected as "not an article" with the
reason, before any line is judged.
"""

from __future__ import annotations

import re

from storybrief.text import RUNS

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
    "a Twitter placeholder": re.compile(
        r"tweet with a location|location information to your tweets|twitter stores that location"
        r"|you can switch location on/off",
        re.I,
    ),
    "a media player message": re.compile(
        r"media playback is unsupported|your browser does not support|html5 capable browser"
        # A video site's player left alone: "Rating is available when the video has been
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
        r"|\bthis domain (?:is|may be) for sale\b",
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


def not_an_article(text: str) -> str | None:
    """Why ``text`` is no article (a short reason), or ``None`` when it may be one."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return None
    if _VIDEO_PAGE.match(lines[0]):
        return "a video page's description"
    if _PAID_PAGE.match(lines[0]):
        return "a paid notice"
    counts = [len(RUNS.findall(ln)) for ln in lines]
    total = sum(counts) or 1
    if total <= SHORT:
        # Placeholder lines of several kinds add up (a crawl notice above an error page):
        # the page is named by the kind with the most words.
        # (Each line searched once per kind: the searches are most of a short page's cost.)
        found = [[rx.search(ln) is not None for rx in PLACEHOLDERS.values()] for ln in lines]
        hits = {
            reason: sum(n for f, n in zip(found, counts, strict=True) if f[k])
            for k, reason in enumerate(PLACEHOLDERS)
        }
        some = sum(n for f, n in zip(found, counts, strict=True) if any(f))
        if some and some >= 0.4 * total:
            return max(hits, key=hits.__getitem__)
        if _addressed(lines, counts, total):
            return "a page addressed to the reader"
        promo = sum(
            1 for ln, n in zip(lines, counts, strict=True) if n <= PROMO_WORDS and _PROMO.search(ln)
        )
        if len(lines) >= 4 and promo >= 0.65 * len(lines):
            return "links and sign-up lines"
    # One sentence under a section label ("Features"): a teaser for another page.
    if (
        len(lines) == 2
        and counts[0] <= 2
        and total <= TEASER_WORDS
        and len(_SENTENCE_END.findall(lines[1])) <= 1
    ):
        return "a one-sentence teaser"
    # A list of other stories' teasers, each cut off with an ellipsis.
    teasers = sum(1 for ln in lines if ln.endswith(("...", "…")) and len(ln.split()) >= 6)
    if teasers >= TEASERS and teasers >= 0.6 * len(lines):
        return "a list of story teasers"
    return None
