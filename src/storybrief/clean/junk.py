"""Pages that are no article at all: crawler notices, placeholders, teaser lists, link pages.

Scrapes of news pages often return something else: the Internet Archive's notice about its
crawl, Twitter's "Tweet with a location" help text, a media player's error, a list of
other stories' teasers, a video page's links. Cleaning keeps their lines (they read like
prose), so they are judged here as a whole and rejected as "not an article" with the
reason, before any line is judged.
"""

from __future__ import annotations

import re

# Phrases of placeholder pages, by what they are. A page is one when the lines holding
# them make most of its words (a real report about the Internet Archive has other lines).
PLACEHOLDERS: dict[str, re.Pattern[str]] = {
    "a crawl notice (Internet Archive)": re.compile(
        r"internet archive|wayback machine|crawl data|this crawl was|these crawls are part of"
        r"|no more 404|crawler software|seed list for this crawl|seedlist",
        re.I,
    ),
    "a Twitter placeholder": re.compile(
        r"tweet with a location|location information to your tweets|twitter stores that location"
        r"|you can switch location on/off",
        re.I,
    ),
    "a media player message": re.compile(
        r"media playback is unsupported|your browser does not support|html5 capable browser", re.I
    ),
    "a script or cookie wall": re.compile(
        r"enable javascript|javascript is disabled|requires javascript|enable cookies"
        r"|verify you(?:'|’)re not a robot|are you a robot",
        re.I,
    ),
    "an error page": re.compile(r"\bpage not found\b|\b404 error\b|\baccess denied\b", re.I),
}
# Lines of a links-and-promotion page: links, handles, calls to subscribe or follow.
_PROMO = re.compile(
    r"https?://|www\.|@\w|\b(?:subscribe|follow (?:us|me)|like us|sign up|get more|watch more"
    r"|click (?:here|below)|sign the petition)\b",
    re.I,
)
_WORD = re.compile(r"[^\W_]+")
# A short page is judged whole; a long one is a real article that mentions such things.
SHORT = 250
# A promotion line is short: a long line that names a web address is a sentence (an events
# listing ends each item with its site).
PROMO_WORDS = 20
TEASERS = 5


def not_an_article(text: str) -> str | None:
    """Why ``text`` is no article (a short reason), or ``None`` when it may be one."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return None
    counts = [len(_WORD.findall(ln)) for ln in lines]
    total = sum(counts) or 1
    if total <= SHORT:
        for reason, rx in PLACEHOLDERS.items():
            hit = sum(n for ln, n in zip(lines, counts, strict=True) if rx.search(ln))
            if hit and hit >= 0.4 * total:
                return reason
        promo = sum(
            1
            for ln, n in zip(lines, counts, strict=True)
            if n <= PROMO_WORDS and _PROMO.search(ln)
        )
        if len(lines) >= 4 and promo >= 0.65 * len(lines):
            return "links and sign-up lines"
    # A list of other stories' teasers, each cut off with an ellipsis.
    teasers = sum(1 for ln in lines if ln.endswith(("...", "…")) and len(ln.split()) >= 6)
    if teasers >= TEASERS and teasers >= 0.6 * len(lines):
        return "a list of story teasers"
    return None
