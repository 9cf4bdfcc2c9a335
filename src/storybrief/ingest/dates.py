"""Publication dates to ISO 8601: ``YYYY-MM-DD``, or a full datetime when the input has a time."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Relative expressions ("3 hours ago", "yesterday") depend on when they were read: resolving
# them against today's clock would make ingest non-deterministic, so they stay unparsed.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def normalize_date(value: object) -> str | None:
    """ISO form of ``value`` when it parses as an absolute date; else the input, stripped.

    Unparseable values are kept as given rather than dropped: the reader may still make
    sense of "Spring 2019", and nothing is lost.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    parsed = _parse(text)
    if parsed is None:
        return text
    if _HAS_TIME.search(text):
        return parsed.isoformat(timespec="seconds")
    return parsed.date().isoformat()


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    if _ISO_DATE.fullmatch(text[:10]):
        try:
            return datetime.fromisoformat(text[:10])
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text)  # RFC 2822, as in RSS feeds
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only needed for free-form dates

    cleaned = re.sub(r"\s*\|\s*", " ", text)
    try:
        return dateparser.parse(cleaned, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input; a date is optional
        return None


# --- publication dates found on a page -------------------------------------------------

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
    if not iso or not _ISO_DATE.match(iso):
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
