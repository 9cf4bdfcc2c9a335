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
from collections import Counter
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from storybrief.model import Article
from storybrief.text import STOPWORDS

# Tokens (letters/digits with inner apostrophes or hyphens) and sentence-ending marks.
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[.!?:;\"“”]|\n")
_URL_LINE = re.compile(r"^\s*(?:https?\s*:|www\s*\.)", re.IGNORECASE)
_BREAK = frozenset('.!?:;"“”\n')

NUM_BUCKETS = 1 << 21


def term_id(term: str) -> int:
    """A stable bucket for ``term`` (Python's ``hash`` changes between runs)."""
    return zlib.crc32(term.encode("utf-8")) & (NUM_BUCKETS - 1)


def _lines(text: str) -> str:
    # A first line holding only a URL (as scraped feeds often start) is no content.
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
    counts: Counter[str] = Counter()
    names: Counter[str] = Counter()
    run: list[str] = []

    def close() -> None:
        if len(run) > 1:
            names[" ".join(run)] += 1
        run.clear()

    initial = True
    for tok in _TOKEN.findall(text):
        if tok in _BREAK:
            initial = True
            close()
            continue
        low = tok.lower().replace("’", "'")
        capital = tok[0].isupper() and not initial
        initial = False
        if low in STOPWORDS or (len(low) < 2 and not low.isdigit()):
            close()
            continue
        counts[low] += 1
        if capital:
            names[low] += 1
            run.append(low)
        else:
            close()
            if _YEAR.match(low):
                names[low] += 1
    close()
    return _hashed(counts, ""), _hashed(names, "N:")


def _hashed(counts: Counter[str], prefix: str) -> dict[int, float]:
    out: dict[int, float] = {}
    for term, n in counts.items():
        key = term_id(prefix + term)
        out[key] = out.get(key, 0.0) + 1.0 + math.log(n)
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
