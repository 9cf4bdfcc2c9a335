"""Dates as text to ISO 8601 (``normalize_date``: ``YYYY-MM-DD``, or a full datetime when
the input has a time) and to days since the epoch (``parse_time``), for every stage that
reads a date: ingest, the clean step's field check, clustering, the store."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
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
    if ISO_DATE.fullmatch(text[:10]):
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


def parse_time(value: str | None) -> float | None:
    """Days since the epoch of an ISO 8601 or RFC 2822 date (what ``normalize_date`` gives
    for any date it reads); ``None`` when absent or unreadable. Dates without a zone are UTC."""
    if not value:
        return None
    text = value.strip()
    dt: datetime | None = None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp() / 86400.0
