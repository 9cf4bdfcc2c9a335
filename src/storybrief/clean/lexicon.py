"""The vocabulary of web page furniture, kept in one place.

These word lists are general to the web, not to any site: the words a page uses to ask the
reader to do something (subscribe, share, comment, log in) and to label its own parts (menus,
captions, bylines, ads, price plans). None of them is enough on its own to drop a line that
reads as prose; ``lines.py`` weighs them together with a line's shape and position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storybrief.lang.speech import ACCORDING_TO, REPORTED_SPEECH_VERBS, verb_pattern


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easy to read and edit)."""
    return frozenset(text.split())


# Words that name page furniture. A short line made of these is a widget or a menu item.
UI_WORDS = word_set(
    """
    advert advertisement advertisements advertising ad ads ad-free adblock adblocker comment
    comments commenting login logout log-in sign-in signin signup sign-up register
    registration password username newsletter newsletters subscribe subscribed subscribing
    subscription subscriptions subscriber unsubscribe inbox e-mail email share shares
    sharing tweet retweet follow followers facebook twitter instagram whatsapp telegram
    linkedin pinterest youtube tiktok reddit snapchat rss podcast podcasts app apps download
    cookie cookies consent privacy gdpr terms copyright rights reserved disclaimer epaper
    e-paper archive archives menu navigation homepage sitemap click browser javascript
    premium membership member members paywall pricing print reprint reprints permalink
    loading recommended trending sponsored promoted widget notifications notification
    bookmark bookmarks
    """
)

# Words that label a caption, a credit, a byline or a date line when they open the line,
# usually followed by a colon ("Photo: ...", "Updated: ...", "By: ...").
LABEL_WORDS = word_set(
    """
    by photo photos image images picture pictures video videos graphic graphics caption
    credit credits source sources file illustration updated published posted modified edited
    written reported reporting filed tags tagged topics topic category categories section
    related read watch listen see also more next previous prev disclaimer copyright note
    advertisement first last date time
    """
)

# Verbs that open a call to action addressed to the reader ("Sign up today!", "Join our ...").
CTA_VERBS = word_set(
    """
    subscribe sign join follow become click tap download register log login enter share
    comment leave contact call email read watch listen get grab claim unlock upgrade renew
    try start support donate contribute visit check stay keep save buy shop order install
    enable disable allow accept bookmark send tell write submit explore discover continue
    don't dont never
    """
)

# Words of an offer or a price plan.
MARKETING_WORDS = word_set(
    """
    offer offers free price prices priced discount discounts deal deals save saver savings
    limited-time trial monthly yearly quarterly weekly renews renewal cancel anytime
    complimentary exclusive unlimited ad-free plan plans upgrade premium membership
    """
)

# Second person and the site speaking of itself: prose reports what others said, a page
# addresses "you" about "our" newsletter.
READER_WORDS = frozenset(word_set("you your you're yours yourself"))
SITE_WORDS = frozenset(word_set("our us we we're"))

# Verbs of attribution: a line with one of these (or a quotation) is reported speech, which
# may well contain "you" or an imperative without being page furniture.
ATTRIBUTION = re.compile(
    verb_pattern(REPORTED_SPEECH_VERBS, ACCORDING_TO) + r"|[“”\"«»]", re.IGNORECASE
)

# Any of these quotation marks is an ATTRIBUTION match; any other match holds one of the
# ATTRIBUTION_NEEDLES (lower case).
QUOTATION_MARKS = '“”"«»'
ATTRIBUTION_NEEDLES = (
    "said", "say", "told", "tell", "add", "according to", "asked", "wrote", "write", "stated",
    "explained", "noted", "argued", "insisted", "warned", "claimed", "announced", "report",
)  # fmt: skip

# Markers of a photo caption or credit anywhere in a line.
CREDIT = re.compile(
    r"\b(?:photo|image|picture|video|graphic|illustration)\s*(?:credit)?\s*:|"
    r"\((?:photo|image|picture|file|video)s?\b[^)]*\)|getty images|\bphoto by\b|\bfile photo\b",
    re.IGNORECASE,
)
CREDIT_NEEDLES = ("photo", "image", "picture", "video", "graphic", "illustration", "file")
# Every CREDIT match also holds a colon, an opening bracket, "photo" or "getty" (read case-
# insensitively; neither word has an i, k or s, the letters with odd matches, see _CASE_ODD).
# Most lines have none of the four: a cheaper first test than the seven CREDIT_NEEDLES.
CREDIT_HINTS = (":", "(", "photo", "getty")

# Glyphs that open a list item or a menu entry.
BULLETS = "•◦▪▫●○■□►▸▶‣⁃∙·*–—-»>✓✔☑➤→"

# Currency symbols and codes: lines dense with these are price lists.
CURRENCY = re.compile(r"[$€£¥₹₽₩¢]|\b(?:usd|eur|gbp|inr|rs|rs\.)\b", re.IGNORECASE)

# The non-ASCII characters that case-insensitive matching takes for an ASCII letter (İ, ı, ſ
# and the Kelvin sign). In a text without them, a case-insensitive match of a literal is a
# substring of ``text.lower()``, which is far cheaper to test for than running the pattern.
_CASE_ODD = frozenset("\u0130\u0131\u017f\u212a")


def no_case_odd(text: str) -> bool:
    """Has ``text`` none of the ``_CASE_ODD`` characters?"""
    return _CASE_ODD.isdisjoint(text)


def may_match(text: str, low: str, needles: Iterable[str]) -> bool:
    """False only if no match of a pattern whose every match holds one of ``needles`` (in lower
    case, read case-insensitively) can be in ``text``; ``low`` is ``text.lower()``."""
    if not text.isascii() and not _CASE_ODD.isdisjoint(text):
        return True
    # A plain loop: any() over a generator costs more than the substring tests themselves.
    for needle in needles:  # noqa: SIM110
        if needle in low:
            return True
    return False


class Phrases:
    """Word-level prefilter for a pattern whose every match holds one of ``phrases`` (lower-case
    ASCII words between single spaces, read case-insensitively) with a space or a ``\\b`` on
    each side of each word: then in the text each word of the phrase is a whole run of letters
    and digits. ``keys`` name one word of each phrase, a rare one, for a first test.

    A few set look-ups, far cheaper than ``may_match`` on a long line and stronger (the words
    must all be there, as words); ``may_match`` comes next, only when this one passes.
    """

    def __init__(self, phrases: Iterable[str], keys: str) -> None:
        rare = word_set(keys)
        index: dict[str, list[frozenset[str]]] = {}
        for phrase in phrases:
            words = phrase.split()
            key = next((w for w in words if w in rare), None)
            if key is None:
                raise ValueError(f"no key word in phrase {phrase!r}")
            index.setdefault(key, []).append(frozenset(words))
        self._index = {key: tuple(sets) for key, sets in index.items()}
        self.keys = frozenset(self._index)

    def may_hold(self, text: str, parts: Iterable[str]) -> bool:
        """False only if no match of the pattern can be in ``text``; ``parts`` are the words of
        ``text`` in lower case, cut at apostrophes and hyphens (its runs of letters and digits)."""
        if not text.isascii() and not _CASE_ODD.isdisjoint(text):
            return True
        if self.keys.isdisjoint(parts):
            return False
        present = set(parts)
        return any(words <= present for key in self.keys & present for words in self._index[key])


# The words of ATTRIBUTION, for a first test (quotation marks are tested apart): keep in step.
ATTRIBUTION_WORDS = Phrases(
    (
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "according to",
        "asked",
        "wrote",
        "writes",
        "stated",
        "explained",
        "noted",
        "argued",
        "insisted",
        "warned",
        "claimed",
        "announced",
        "reported",
        "reports",
    ),  # fmt: skip
    keys="""
    said says say told tells added adds according asked wrote writes stated explained noted
    argued insisted warned claimed announced reported reports
    """,
)


# "Read also", "related" and "you may be interested" in the languages storybrief is checked
# on: the label of a link to another article, set in the body as a line of its own, often
# with the linked headline after a colon. General news-site usage in each language, lower
# case; English is covered by LABEL_WORDS and the UI phrases.
CROSS_LINK_LABELS = (
    # German
    "lesen sie auch", "lesen sie mehr", "auch interessant", "mehr zum thema", "das könnte sie auch interessieren",
    "weiterlesen", "mehr dazu", "siehe auch",
    # French
    "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "à voir aussi", "lire la suite", "sur le même sujet",
    # Spanish
    "lea también", "lee también", "lea además", "vea también", "ver también", "mire",
    "le puede interesar", "te puede interesar", "también te puede interesar", "notas relacionadas",
    "noticias relacionadas", "relacionado", "relacionadas", "más información",
    # Italian
    "leggi anche", "leggi pure", "potrebbe interessarti", "vedi anche", "articoli correlati",
    # Portuguese
    "leia também", "leia mais", "veja também", "saiba mais", "veja mais",
    # Dutch
    "lees ook", "lees meer", "zie ook", "meer over dit onderwerp",
    # Polish
    "czytaj też", "czytaj także", "czytaj również", "zobacz też", "zobacz także", "czytaj więcej",
    # Russian
    "читайте также", "смотрите также", "по теме",
)  # fmt: skip
# Imperatives of CROSS_LINK_LABELS that are first names too ("Mira", "Lea").
CROSS_LINK_NAMES = frozenset({"mira", "lea"})
_CROSS_LINK_SET = frozenset(CROSS_LINK_LABELS)


def is_cross_link_label(line: str) -> bool:
    """Is ``line`` a "read also" label in another language, alone or before a colon?"""
    head, colon, _ = line.partition(":")
    if not colon and len(line) > 40:
        return False
    label = " ".join(head.lower().split()).strip(" .!¡*»>")
    if label in CROSS_LINK_NAMES:
        # Also first names ("Lea: Ich finde ..." in an interview): labels only in capitals.
        return colon != "" and head.strip().isupper()
    return label in _CROSS_LINK_SET
