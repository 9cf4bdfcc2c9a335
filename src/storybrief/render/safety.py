"""What keeps untrusted article text from acting in a reader's browser.

Article titles, texts, URLs and source names come from anyone who can publish a page, so
every renderer treats them as text: HTML escapes them, Markdown neutralises the syntax
that would turn them into markup or links, and only ``http(s)`` URLs ever become links
(``javascript:``, ``data:``, ``vbscript:`` in any case or spelling stay text). Pages carry a
Content-Security-Policy that allows no script at all, so a missed escape still runs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import quote, urlsplit

LINK_SCHEMES = ("http", "https")

# Characters a browser strips or ignores inside a URL; attackers use them to hide a scheme
# ("java\tscript:"), so they are removed before the scheme is read, as the URL spec does.
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
# Characters that must not appear raw in a link target (Markdown autolinks, attributes).
_URL_UNSAFE = "<>\"'`\\ {}|^"


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, made safe to place in an
    attribute or a Markdown autolink; ``None`` for anything else (show it as text)."""
    if not url:
        return None
    cleaned = _URL_IGNORED.sub("", url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc or not parts.hostname:
        return None
    # Percent-encode what could close the attribute or the autolink; keep the rest as given.
    return "".join(quote(c, safe="") if c in _URL_UNSAFE else c for c in cleaned)


def style_hash(css: str) -> str:
    """The CSP source for one inline ``<style>`` block with exactly this text."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page_policy(*, style: str = "'self'", script: str = "'none'") -> str:
    """A Content-Security-Policy for a page: nothing loads from elsewhere, no inline or
    evaluated script, no plugins, no forms posting out, no <base> rewrite."""
    return (
        f"default-src 'none'; script-src {script}; style-src {style}; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
        "object-src 'none'"
    )


# Markdown: text of an article must stay text. '<' would open raw HTML or an autolink, an
# entity reference would be decoded, brackets and backslashes build links and escapes.
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_SPECIAL = re.compile(r"([\\\[\]`])")


def md_text(text: str) -> str:
    """``text`` for a Markdown document: no HTML, links, images or code spans from it."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_ENTITY.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")
