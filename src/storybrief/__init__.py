"""storybrief: turn a pile of news articles into one cited brief per story.

The pipeline, stage by stage: ``ingest`` (read files, HTML, JSON) -> ``clean`` (drop
boilerplate) -> ``dedup`` (recognise republished copies) -> ``cluster`` (group into stories)
-> ``summarize`` (the cited brief) -> ``analyze`` (quotes, entities, dates, disagreements)
-> ``render`` (Markdown, JSON, HTML).
"""

__version__ = "0.1.0"

from storybrief.errors import InputError, StorybriefError  # noqa: E402
from storybrief.model import (  # noqa: E402
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
from storybrief.pipeline import brief, brief_articles, brief_story, brief_texts  # noqa: E402

__all__ = [
    "Analysis",
    "Article",
    "Brief",
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
