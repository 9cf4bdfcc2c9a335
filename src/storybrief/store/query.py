"""Small helpers of the store's read side: ``--since`` values and story titles."""

from __future__ import annotations

import re
import time
from types import MappingProxyType

from storybrief.cluster.features import parse_time
from storybrief.errors import ConfigError
from storybrief.model import Article
from storybrief.text import split_sentences

_RELATIVE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([dhw])\s*$", re.IGNORECASE)
_UNIT_DAYS = MappingProxyType({"d": 1.0, "h": 1 / 24, "w": 7.0})
TITLE_CHARS = 100


def since_days(since: str, *, now: float | None = None) -> float:
    """``since`` (ISO date/time, or ``7d`` / ``12h`` / ``2w`` before ``now``, in seconds
    since the epoch; default the clock) in days since the epoch."""
    m = _RELATIVE.match(since)
    if m:
        current = (time.time() if now is None else now) / 86400.0
        return current - float(m.group(1)) * _UNIT_DAYS[m.group(2).lower()]
    value = parse_time(since)
    if value is None:
        raise ConfigError(
            f"since must be an ISO date (2024-05-01) or an age like 7d, 12h, 2w; got {since!r}"
        )
    return value


def story_title(article: Article) -> str:
    """A story's title: its first article's title, else that article's first sentence."""
    if article.title and article.title.strip():
        return _cut(article.title.strip())
    for line in article.text.split("\n"):
        line = line.strip()
        if line and not line.lower().startswith(("http", "www.")):
            sentences = split_sentences(line)
            return _cut(sentences[0] if sentences else line)
    return article.id


def _cut(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    return text[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
