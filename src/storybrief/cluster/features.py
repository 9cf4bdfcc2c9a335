"""Article features for story clustering: hashed term frequencies with name boosts.

Two reports of the same *kind* of event (two rehab check-ins, two earthquakes) share their
topic words; what tells them apart is the specific detail: who, where, which number. So a
word written with a capital letter inside a sentence (a name) weighs more than a topic
word, and runs of such words ("Betty Ford") also count as one extra term.

Terms are hashed (CRC-32) into a fixed number of buckets so that the document-frequency
table has a fixed size however long the stream runs: memory stays bounded and the table
can be stored as it is.
"""

from __future__ import annotations

import math
import re
import zlib
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from storybrief.model import Article
from storybrief.text import STOPWORDS

# Words (letters/digits with inner apostrophes or hyphens); text is cut into segments at
# sentence-ending marks and line breaks, after which a capital letter proves nothing.
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_SEGMENT = re.compile(r"[.!?:;\"“”\n]")
_URL_LINE = re.compile(r"^\s*(?:https?\s*:|www\s*\.)", re.IGNORECASE)
_URL_ANY = re.compile(r"https?\s*:|www\s*\.", re.IGNORECASE)

NUM_BUCKETS = 1 << 21
_MASK = NUM_BUCKETS - 1

# CRC-32 of recent terms: news reuses its vocabulary, so most lookups hit. Cleared when
# full, which bounds memory (about 30 MB) however long the stream.
_CRC: dict[str, int] = {}
_CRC_MAX = 1 << 18


def crc(term: str) -> int:
    """CRC-32 of ``term`` in UTF-8, memoised."""
    value = _CRC.get(term)
    if value is None:
        if len(_CRC) >= _CRC_MAX:
            _CRC.clear()
        value = _CRC[term] = zlib.crc32(term.encode("utf-8"))
    return value


def crcs(terms: list[str]) -> list[int]:
    """``crc`` of each term; the lookups of terms seen before run in C."""
    values = list(map(_CRC.get, terms))
    if None in values:
        values = [crc(t) if v is None else v for t, v in zip(terms, values, strict=True)]
    return values  # type: ignore[return-value]


def term_id(term: str) -> int:
    """A stable bucket for ``term`` (Python's ``hash`` changes between runs)."""
    return crc(term) & _MASK


def _lines(text: str) -> str:
    # A first line holding only a URL (as scraped feeds often start) is no content.
    if not _URL_ANY.search(text):
        return text
    return "\n".join(line for line in text.split("\n") if not _URL_LINE.match(line))


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def term_counts(article: Article) -> tuple[dict[int, float], dict[int, float]]:
    """Hashed (words, names) -> sublinear counts of one article (title included once).

    Names are words capitalised inside a sentence, runs of them ("Betty Ford") and years
    mentioned in the text: the details that tell two events of one kind apart.
    """
    text = _lines(article.text)
    if article.title and not text.startswith(article.title):
        text = article.title + "\n" + text
    text = text.replace("’", "'")
    counts: dict[str, int] = {}
    names: dict[str, int] = {}
    stop = STOPWORDS
    year = _YEAR.match
    get, nget = counts.get, names.get
    for segment in _SEGMENT.split(text):
        run: list[str] = []
        initial = True
        for tok in _WORD.findall(segment):
            low = tok.lower()
            capital = not initial and tok[0].isupper()
            initial = False
            if low in stop or (len(low) < 2 and not low.isdigit()):
                if len(run) > 1:
                    key = " ".join(run)
                    names[key] = nget(key, 0) + 1
                run = []
                continue
            counts[low] = get(low, 0) + 1
            if capital:
                names[low] = nget(low, 0) + 1
                run.append(low)
            else:
                if len(run) > 1:
                    key = " ".join(run)
                    names[key] = nget(key, 0) + 1
                run = []
                if low[0].isdigit() and year(low):
                    names[low] = nget(low, 0) + 1
        if len(run) > 1:
            key = " ".join(run)
            names[key] = nget(key, 0) + 1
    return _hashed(counts, ""), _hashed(names, "N:")


# 1 + log(n) for small n, the sublinear term frequency.
_SUBLINEAR = [0.0] + [1.0 + math.log(n) for n in range(1, 64)]


def _hashed(counts: dict[str, int], prefix: str) -> dict[int, float]:
    out: dict[int, float] = {}
    get = out.get
    sub = _SUBLINEAR
    cached = _CRC.get
    for term, n in counts.items():
        if prefix:
            term = prefix + term
        h = cached(term)
        if h is None:
            h = crc(term)
        key = h & _MASK
        out[key] = get(key, 0.0) + (sub[n] if n < 64 else 1.0 + math.log(n))
    return out


def parse_time(value: str | None) -> float | None:
    """Days since the epoch of an ISO 8601 or RFC 2822 date; ``None`` when absent or unreadable."""
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
