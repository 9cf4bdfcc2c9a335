"""Follow sources: feeds (RSS/Atom), OPML subscription lists, sitemaps and news sitemaps,
single article pages; fetched politely and safely, extracted by the ingest path, added to
the story store.

    from storybrief.follow import FollowSettings, follow_once
    report = follow_once("news.db", ["https://example.org/feed.xml"])

``storybrief follow`` is the command line; ``storybrief sources`` shows the fetch state.
"""

from __future__ import annotations

from storybrief.follow.net import USER_AGENT, Fetched, Fetcher, FetchSettings, is_public
from storybrief.follow.runner import FollowReport, FollowSettings, follow_once
from storybrief.follow.sources import Link, SourceContent, read_source

__all__ = [
    "USER_AGENT",
    "FetchSettings",
    "Fetched",
    "Fetcher",
    "FollowReport",
    "FollowSettings",
    "Link",
    "SourceContent",
    "follow_once",
    "is_public",
    "read_source",
]
