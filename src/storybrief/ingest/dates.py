"""Publication dates found on a page, in its address or in a dateline; reading a date
given as text is ``storybrief.timestamps`` (``normalize_date``, ``parse_time``, re-exported
here)."""

from __future__ import annotations

import functools
import re
from datetime import datetime
from typing import Any

from storybrief.timestamps import ISO_DATE, normalize_date, parse_time

__all__ = [
    "dateline_date",
    "limit_date_languages",
    "normalize_date",
    "parse_time",
    "publication_date",
    "sane_date",
    "url_date",
]

# --- publication dates found on a page -------------------------------------------------

# The languages whose month and weekday names htmldate's last resort, dateparser, tries on a
# date written out in words: storybrief's own languages (``lang.LANGUAGES``; ingest may not
# import ``lang``, a test keeps the two lists in step). Left to itself dateparser tries every
# locale it knows: its first call then compiles the patterns of some 200 languages, about
# 4 s of CPU, which a user pays on the first page the quick date search leaves undated
# (0.65 s with these). On the 1,171 pages of scrapinghub and trafilatura's evaluation set
# every page gets the same date either way, and metadata reading takes 15 s instead of 19 s.
DATE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "ar", "zh", "ja", "pl", "th")
# htmldate's own settings for its dateparser instance (htmldate 1.9-1.11, extractors.py).
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}


@functools.lru_cache(maxsize=1)
def _date_parser() -> Any:
    from dateparser import DateDataParser

    return DateDataParser(languages=list(DATE_LANGUAGES), settings=_DATEPARSER_SETTINGS)


def limit_date_languages() -> None:
    """Make htmldate's extensive search parse written dates in ``DATE_LANGUAGES`` only.

    htmldate builds its dateparser instance in ``htmldate.extractors.get_external_parser``
    with no way to pass languages, so that factory is replaced by one that does; a
    version of htmldate without it is left as it is."""
    import htmldate.extractors as extractors

    if getattr(extractors, "get_external_parser", None) not in (None, _date_parser):
        extractors.get_external_parser = _date_parser


# The first web page went up on 6 August 1991: an earlier "publication date" of a web page
# is a birth date, a founding year or a misread number, never the article's.
FIRST_WEB_DAY = "1991-08-06"
# A page cannot be published after it was read; a day of slack covers time zones.
_FUTURE_SLACK_DAYS = 1
# /2024/03/14/, /2024-03-14-, /20240314/ in a URL's path.
_URL_DATE = re.compile(
    r"(?<![0-9])((?:19|20)\d{2})([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9])"
)
# A dateline opens a wire story: "BERLIN, 14. März 2024 (dpa) –", "March 14, 2024 --".
_DATELINE_CHARS = 200


def sane_date(iso: str | None, *, today: datetime | None = None) -> str | None:
    """``iso`` when it is an ISO date between the web's first day and tomorrow, else None."""
    if not iso or not ISO_DATE.match(iso):
        return None
    now = today or datetime.now()
    latest = now.date().toordinal() + _FUTURE_SLACK_DAYS
    try:
        day = datetime.fromisoformat(iso[:10]).date()
    except ValueError:
        return None
    if day.isoformat() < FIRST_WEB_DAY or day.toordinal() > latest:
        return None
    return iso


def url_date(url: str | None) -> str | None:
    """The date written in a URL's path (``/2024/03/14/``), if any."""
    if not url:
        return None
    path = url.split("//", 1)[-1].split("/", 1)[-1] if "/" in url else ""
    m = _URL_DATE.search(path)
    if not m:
        return None
    return sane_date(f"{m.group(1)}-{m.group(3)}-{m.group(4)}")


def dateline_date(text: str, lang: str | None = None) -> str | None:
    """A full date (day, month name, year) at the start of the text, in ``lang``'s month
    names (and English ones): the dateline of a wire story."""
    from storybrief.lang import month_names

    head = text[:_DATELINE_CHARS]
    names = (
        {**month_names("en"), **month_names(lang)}
        if lang not in (None, "en")
        else month_names("en")
    )
    for m in _DAY_MONTH_YEAR.finditer(head):
        day, name, year = m.group("d1"), m.group("m1"), m.group("y1")
        if name is None:
            day, name, year = m.group("d2"), m.group("m2"), m.group("y2")
        month = names.get(name.lower().rstrip("."))
        if month is None:
            continue
        try:
            iso = datetime(int(year), month, int(day)).date().isoformat()
        except ValueError:
            continue
        found = sane_date(iso)
        if found:
            return found
    return None


# "14. März 2024", "14 mars 2024", "14 de marzo de 2024", "March 14, 2024".
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\w)(?:(?P<d1>[0-3]?\d)\.?\s+(?:de\s+)?(?P<m1>[^\W\d_]{3,}\.?)\s+(?:de\s+)?"
    r"(?P<y1>(?:19|20)\d{2})"
    r"|(?P<m2>[^\W\d_]{3,}\.?)\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d{2}))"
    r"(?!\d)"
)


def publication_date(
    *, page: object = None, url: str | None = None, text: str = "", lang: str | None = None
) -> tuple[str | None, str | None]:
    """(date, source): the page's metadata date, else a date in its URL, else its dateline;
    each must pass ``sane_date``. ``source`` is "page", "url" or "text" (None without one)."""
    found = sane_date(normalize_date(page)) if page else None
    if found:
        return found, "page"
    found = url_date(url)
    if found:
        return found, "url"
    found = dateline_date(text, lang) if text else None
    if found:
        return found, "text"
    return None, None
