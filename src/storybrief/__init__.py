"""storybrief: turn a pile of news articles into one cited brief per story.

The pipeline, stage by stage: ``ingest`` (read files, HTML, JSON) -> ``clean`` (drop
boilerplate) -> ``dedup`` (recognise republished copies) -> ``cluster`` (group into stories)
-> ``summarize`` (the cited brief) -> ``analyze`` (quotes, entities, dates, disagreements)
-> ``render`` (Markdown, JSON, HTML).
"""

from storybrief.errors import InputError, StorybriefError
from storybrief.model import (
    Analysis,
    Article,
    Brief,
    BriefSentence,
    Citation,
    CopyLink,
    Rejected,
    Sentence,
    Story,
)
from storybrief.options import BriefOptions
from storybrief.pipeline import brief, brief_articles, brief_story, brief_texts
from storybrief.version import __version__

__all__ = [
    "Analysis",
    "Article",
    "Brief",
    "BriefOptions",
    "BriefSentence",
    "Citation",
    "CopyLink",
    "InputError",
    "Rejected",
    "Sentence",
    "Story",
    "StorybriefError",
    "__version__",
    "brief",
    "brief_articles",
    "brief_story",
    "brief_texts",
]
