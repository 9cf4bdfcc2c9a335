"""The service's settings: limits, write access and the token, validated once."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from storybrief.errors import ConfigError

DEFAULT_MAX_BODY_BYTES = 16_000_000
DEFAULT_MAX_ARTICLES = 500
# One article's raw field (text or HTML): the largest of the 181 real pages of the
# Scrapinghub benchmark is 1.5 MB of HTML.
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000
# Its text once read: 200,000 characters is some 35,000 words, four times the longest
# article body of that benchmark (53,000 characters), and keeps one brief to seconds (a
# 1 MB text took 18 s here; a 100 MB one took minutes and gigabytes).
DEFAULT_MAX_TEXT_CHARS = 200_000


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or name to listen on) reaches this machine only."""
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name other than localhost, or 0.0.0.0-style wildcards


@dataclass(frozen=True)
class ServiceSettings:
    """How the HTTP service guards itself.

    ``writes`` enables the endpoints that change the store (``POST /ingest``,
    ``POST /follow``); ``token``,
    when set, must come with every write request (``Authorization: Bearer TOKEN``). A
    server listening beyond loopback (``host``) refuses to enable writes without a token.
    """

    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_articles: int = DEFAULT_MAX_ARTICLES
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    writes: bool = False
    token: str | None = None
    host: str = "127.0.0.1"
    # private networks POST /follow may fetch from (as ``follow --allow-address``)
    follow_allow: tuple[str, ...] = ()
    follow_delay: float = 1.0  # seconds between two of its requests to one host

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_articles", "max_article_bytes", "max_text_chars"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name} must be a positive integer, got {value!r}")
        if self.token is not None and (not isinstance(self.token, str) or len(self.token) < 8):
            raise ConfigError("token must be a string of at least 8 characters")
        from storybrief.follow.net import FetchSettings

        FetchSettings(allow=self.follow_allow, delay=self.follow_delay)  # validates both
        if self.writes and not self.token and not is_loopback(self.host):
            raise ConfigError(
                f"write endpoints on {self.host} (beyond loopback) need a token: "
                "pass --token or set STORYBRIEF_TOKEN"
            )
