"""Fetching URLs politely and safely (httpx).

Polite: a User-Agent naming storybrief, robots.txt honoured (Protego, Crawl-delay too), a
delay between two requests to one host, conditional GET, retries with backoff on timeouts,
429 and 5xx. Safe: only http(s); every host is resolved first and refused when any of its
addresses is private, loopback, link-local, multicast, reserved or a cloud metadata
address (unless the operator allows it), and the request then goes to the address that
was checked (the name kept for the Host header and TLS), so a second DNS answer cannot
swap in another; redirects are followed one by one, each hop checked the same way; a
response body over the size limit is cut off while it streams.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

from storybrief import __version__
from storybrief.errors import ConfigError, FetchError, RefusedAddressError

USER_AGENT = f"storybrief/{__version__} (news reader; follows feeds its operator chose)"
ROBOTS_AGENT = "storybrief"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 30.0
ROBOTS_CACHE = 256  # hosts whose robots.txt is kept in memory

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchSettings:
    """How ``Fetcher`` behaves; every value validated here, once."""

    timeout: float = 15.0
    max_bytes: int = 10_000_000
    delay: float = 1.0  # seconds between two requests to one host
    retries: int = 2
    backoff: float = 1.0  # first retry after this, then doubling
    max_redirects: int = 5
    robots: bool = True
    user_agent: str = USER_AGENT
    ca_file: str | None = None  # extra certificate authorities (PEM), e.g. a company's own
    # Networks fetched although private (e.g. "127.0.0.1/32" for a local test site);
    # "*" allows every address.
    allow: tuple[str, ...] = ()
    networks: tuple[Network, ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        for name in ("timeout", "delay", "backoff"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigError(f"{name} must be a number of seconds >= 0, got {value!r}")
        if self.timeout <= 0:
            raise ConfigError(f"timeout must be above 0 seconds, got {self.timeout!r}")
        for name in ("max_bytes", "max_redirects"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name} must be a positive integer, got {value!r}")
        if isinstance(self.retries, bool) or not isinstance(self.retries, int) or self.retries < 0:
            raise ConfigError(f"retries must be an integer >= 0, got {self.retries!r}")
        networks = []
        for item in self.allow:
            spec = "0.0.0.0/0,::/0" if item.strip() == "*" else item
            for part in spec.split(","):
                try:
                    networks.append(ipaddress.ip_network(part.strip(), strict=False))
                except ValueError:
                    raise ConfigError(
                        f"allowed address must be an IP network like 127.0.0.1/32 or '*', got {item!r}"
                    ) from None
        object.__setattr__(self, "networks", tuple(networks))


@dataclass(frozen=True)
class Fetched:
    """A response: ``url`` is the final one, after redirects."""

    url: str
    status: int
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # of a redirect

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_public(address: Address) -> bool:
    """Whether an address is on the public internet (IPv4 inside IPv6 judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            address = mapped
    return address.is_global and not address.is_multicast


def check_address(address: Address, url: str, settings: FetchSettings) -> None:
    if is_public(address) or any(address in net for net in settings.networks):
        return
    raise RefusedAddressError(
        url,
        f"refused: the host resolves to {address}, a private, loopback, link-local or "
        "metadata address (allow it with --allow-address)",
    )


def resolve(host: str, port: int, url: str) -> list[Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc})", transient=True) from None
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


class Fetcher:
    """One HTTP client for a follow run; owns its per-host state (last request time, a
    bounded robots.txt cache)."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        import httpx

        self.settings = settings or FetchSettings()
        verify: ssl.SSLContext | bool = True
        if self.settings.ca_file:
            verify = ssl.create_default_context(cafile=self.settings.ca_file)
        self._client = httpx.Client(
            verify=verify,
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=False,
            headers={"User-Agent": self.settings.user_agent},
            trust_env=False,  # no proxy from the environment: addresses are checked here
        )
        self._last: dict[str, float] = {}
        self._robots: OrderedDict[str, object | None] = OrderedDict()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """GET ``url`` following redirects (each hop checked); a 304 comes back as such,
        any other status but 200 raises ``FetchError``."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {url}
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if self.settings.robots:
                self._check_robots(current)
            response = self._request(current, headers)
            if response.status in (301, 302, 303, 307, 308):
                current = urljoin(current, response.location or "")
                if current in seen:
                    raise FetchError(url, f"redirect loop at {current}")
                seen.add(current)
                continue
            if response.status not in (200, 304):
                raise FetchError(url, f"HTTP {response.status}")
            return response
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    # --- one request -------------------------------------------------------------------

    def _request(self, url: str, headers: dict[str, str]) -> Fetched:
        """One request, with retries on timeouts, 429 and 5xx."""
        import httpx

        attempt = 0
        while True:
            try:
                result = self._once(url, headers)
            except httpx.TimeoutException:
                error = f"timed out after {self.settings.timeout:g} s"
                result = None
            except httpx.TransportError as exc:
                error = f"connection failed ({type(exc).__name__})"
                result = None
            if result is not None and result[0].status not in RETRY_STATUSES:
                return result[0]
            if attempt >= self.settings.retries:
                if result is None:
                    raise FetchError(url, error, transient=True)
                raise FetchError(url, f"HTTP {result[0].status}", transient=True)
            wait = self.settings.backoff * (2**attempt)
            if result is not None and result[1] is not None:
                wait = max(wait, min(result[1], MAX_RETRY_AFTER))
            time.sleep(wait)
            attempt += 1

    def _once(self, url: str, headers: dict[str, str]) -> tuple[Fetched, float | None]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "only http(s) URLs are fetched")
        host = parts.hostname
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = resolve(host, port, url)
        for address in addresses:
            check_address(address, url, self.settings)
        self._wait_turn(host)
        response = self._send_pinned(parts, port, addresses, headers)
        try:
            if response.status_code in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {response.status_code} without a Location")
                return Fetched(url, response.status_code, b"", location=location), None
            body = b""
            if response.status_code == 200:
                body = self._read(response, url)
            retry_after = _retry_after(response.headers.get("retry-after"))
            return (
                Fetched(
                    url,
                    response.status_code,
                    body,
                    response.headers.get("content-type", ""),
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                ),
                retry_after,
            )
        finally:
            response.close()
            # The pause counts from the end of this answer, so the host never sees two of
            # our requests closer than the delay, however slow the network or this machine.
            self._last[host] = time.monotonic()

    def _send_pinned(
        self, parts: SplitResult, port: int, addresses: list[Address], headers: dict[str, str]
    ) -> Any:
        """Send to the checked addresses in turn (the next one when a connection fails),
        the host name kept for the Host header and for TLS (SNI and the certificate)."""
        import httpx

        failure: Exception | None = None
        for address in dict.fromkeys(addresses):
            literal = f"[{address}]" if address.version == 6 else str(address)
            target = urlunsplit(
                (parts.scheme, f"{literal}:{port}", parts.path or "/", parts.query, "")
            )
            request = self._client.build_request(
                "GET",
                target,
                headers={**headers, "Host": parts.netloc.rsplit("@", 1)[-1]},
                extensions={"sni_hostname": parts.hostname},
            )
            try:
                return self._client.send(request, stream=True)
            except httpx.ConnectError as exc:
                failure = exc
        assert failure is not None
        raise failure

    def _read(self, response: object, url: str) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length")  # type: ignore[attr-defined]
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(
                url, f"response of {int(declared):,} bytes is over the limit of {limit:,}"
            )
        chunks, size = [], 0
        for chunk in response.iter_bytes():  # type: ignore[attr-defined]
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"response over the limit of {limit:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, host: str) -> None:
        delay = max(self.settings.delay, self._crawl_delay(host))
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    # --- robots.txt --------------------------------------------------------------------

    def _robots_for(self, url: str) -> object | None:
        from protego import Protego

        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root in self._robots:
            self._robots.move_to_end(root)
            return self._robots[root]
        rules = None
        try:
            response = self._request(f"{root}/robots.txt", {})
            if response.status == 200:
                rules = Protego.parse(response.body.decode("utf-8", "replace"))
        except RefusedAddressError:
            raise
        except FetchError:
            rules = None  # no robots.txt (or none readable): nothing is disallowed
        self._robots[root] = rules
        if len(self._robots) > ROBOTS_CACHE:
            self._robots.popitem(last=False)
        return rules

    def _check_robots(self, url: str) -> None:
        rules = self._robots_for(url)
        if rules is not None and not rules.can_fetch(url, ROBOTS_AGENT):  # type: ignore[attr-defined]
            raise FetchError(url, "disallowed by the site's robots.txt")

    def _crawl_delay(self, host: str) -> float:
        for root, rules in self._robots.items():
            if rules is not None and urlsplit(root).hostname == host:
                delay = rules.crawl_delay(ROBOTS_AGENT)  # type: ignore[attr-defined]
                return min(float(delay), MAX_RETRY_AFTER) if delay else 0.0
        return 0.0


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
