"""The web reader served by ``storybrief serve``: the story list (newest or largest, a
time filter, full-text search, filters by source and language) and the story page (the
brief with citations that open the cited sentence, quotes, disagreements side by side,
the timeline, the sources with copies under their original); JSON at the same paths.

Briefs come from the store's brief cache while a story is unchanged
(``storybrief.reader.briefs``).
"""

from __future__ import annotations

from storybrief.reader.briefs import cached_brief, warm

__all__ = ["cached_brief", "warm"]
