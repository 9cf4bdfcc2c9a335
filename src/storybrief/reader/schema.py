"""The reader's JSON shapes, for the OpenAPI schema (the pages build plain dicts)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class StoryRowOut(BaseModel):
    id: str
    title: str
    articles: int
    sources: int
    first_seen: str | None = None
    last_seen: str | None = None


class StoryList(BaseModel):
    """GET /stories as JSON."""

    stories: list[StoryRowOut]
    page: int
    more: bool
    filters: dict[str, Any]


class SourceGroup(BaseModel):
    original: str
    copies: list[str]


class StoryPage(BaseModel):
    """GET /stories/ID as JSON: ``brief`` is the documented brief (docs/JSON.md)."""

    story: StoryRowOut | None
    brief: dict[str, Any]
    independent_sources: int
    groups: list[SourceGroup]
