"""One exception hierarchy for the whole library.

Every error carries the input it is about, so a batch can report "what failed and why" in
one line and go on with the rest. The CLI turns these into clean messages (no traceback).
"""

from __future__ import annotations


class StorybriefError(Exception):
    """Base class of every error storybrief raises on purpose."""


class InputError(StorybriefError):
    """An input could not be read or used; ``origin`` names it."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class EmptyInputError(InputError):
    """The input holds no text at all."""


class BinaryInputError(InputError):
    """The input looks like binary data, not text."""


class EncodingInputError(InputError):
    """The input is not valid UTF-8 (nor a recognisable legacy encoding)."""


class TooLargeError(InputError):
    """The input is over the size limit."""


class NoArticleError(InputError):
    """The input (typically an HTML page) holds no article text."""


class MalformedInputError(InputError):
    """The input is structurally broken: malformed JSON, a record with neither text nor html."""


class FetchError(InputError):
    """A URL could not be fetched or used (HTTP error, timeout, redirect loop, too large,
    refused by robots.txt); ``origin`` is the URL. ``transient`` failures (timeouts, lost
    connections, 429 and 5xx) are worth trying again later; the others are not."""

    def __init__(self, origin: str, reason: str, *, transient: bool = False) -> None:
        super().__init__(origin, reason)
        self.transient = transient


class RefusedAddressError(FetchError):
    """The URL's host resolves to a private, loopback, link-local or metadata address,
    which is never fetched unless the operator allows it."""


class ConfigError(StorybriefError, ValueError):
    """A parameter or option has an invalid value; the message says which values are valid."""


class StoreError(StorybriefError):
    """The story store could not be opened, read or written."""


class StoreBusyError(StoreError):
    """Another writer held the store's write lock for longer than this one would wait;
    ``retry_after`` says how many seconds to wait before trying again (HTTP Retry-After)."""

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class UnknownStoryError(StoreError, KeyError):
    """No story with this id in the store."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep the message plain
        return str(self.args[0]) if self.args else "unknown story"
