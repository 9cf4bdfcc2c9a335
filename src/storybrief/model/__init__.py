"""The data model: small frozen dataclasses that every stage takes and returns.

Each type has ``to_dict`` / ``from_dict`` so the JSON output, the store and the HTTP
service all speak the same shapes. Field names are part of the JSON contract
(``docs/JSON.md``): rename one only with a schema version bump.
"""

from __future__ import annotations

from storybrief.model.analysis import (
    Analysis,
    Disagreement,
    Entity,
    EntityKind,
    Quote,
    Side,
    TimelineEvent,
)
from storybrief.model.brief import (
    Brief,
    BriefSentence,
    Story,
    StoryBriefs,
    StoryList,
)
from storybrief.model.fields import SCHEMA_VERSION
from storybrief.model.sources import (
    Article,
    Citation,
    CopyKind,
    CopyLink,
    Notice,
    Rejected,
    Segments,
    Sentence,
)

__all__ = [
    "Analysis",
    "Article",
    "Brief",
    "BriefSentence",
    "Citation",
    "CopyKind",
    "CopyLink",
    "Disagreement",
    "Entity",
    "EntityKind",
    "Notice",
    "Quote",
    "Rejected",
    "SCHEMA_VERSION",
    "Segments",
    "Sentence",
    "Side",
    "Story",
    "StoryBriefs",
    "StoryList",
    "TimelineEvent",
]
