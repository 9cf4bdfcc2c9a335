"""Sentences that are page furniture inside an article: they stay in the text and citation
frame, but never make a brief sentence, a title or a timeline event.

Cleaning keeps some lines that read like prose yet are no statement of the story: photo
captions and credits ("FILE - In this ... file photo", "(AP Photo/...)"), contributor and
editing lines, corrections and editor's notes, read-more and related links, share and
sign-up widgets, social-media embeds. They are marked here, at segmentation, so the
cleaner's own line judgement (and its extraction scores) is left as it is.
"""

from __future__ import annotations

import re

_PATTERNS = [
    # Captions and credits.
    r"^\s*file\s*[-–—]\s*in this\b",
    r"\bfile photo\b",
    r"\((?:ap|afp|reuters|getty|photo|image|file|credit)[^)]{0,80}\)\s*$",
    r"\(associated press\)\s*$",
    r"\b(?:ap|afp) photo\b",
    r"\breuters/\w",
    r"\bgetty images\b",
    r"^\s*(?:photo|image|picture|illustration|video|credit|photograph)s?\s*:",
    r"\bimage (?:copyright|caption)\b",
    r"\bmedia caption\b",
    r"\b(?:photo|image|credit|photograph)\s*:\s*\S+",
    r"\(photo:",
    r"\([A-Z][^()/]{1,60}/[^()]{1,60}\)\s*$",  # "(Victoria Walker/The Washington Post)"
    r"^\s*in this (?:photo|image|undated|handout|file)\b",
    r"^\s*(?:this|a|an|the)\s+(?:\w+\s+)?(?:photo|image|picture|photograph|video)\b(?: \w+){0,3} (?:shows|released|from|taken|provided|shown)\b",
    r"^\s*photograph (?:from|by)\b",
    r"\bphoto(?:graph)?s? by\b",
    r"\bcontinue reading the main story\b",
    r"\bvideo shown here\b",
    # A caption's dateline: "..., in Rome, Friday, Oct. 14, 2011."
    r",\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+[a-z]{3,9}\.?\s+\d{1,2},\s+\d{4}\.?\s*$",
    # A line cut off by the page ("Police arrested several people and are widening...").
    r"[a-z,]\.\.\.\s*$",
    # Contributor, editing and byline lines.
    r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b",
    r"\bcontributed reporting\b",
    r"^\s*(?:additional )?reporting by\b",
    r"\bediting by\b",
    r"^\s*(?:contributing|with reporting by)\b",
    # Corrections and notes.
    r"^\s*correction\s*:",
    r"\ban earlier version of this (?:story|article|report)\b",
    r"\bthis (?:story|article|report) has been (?:updated|corrected|revised)\b",
    r"^\s*this (?:story|article|report|post) (?:is|was) (?:updated|corrected|revised)\b",
    r"^\s*editor[’']s note\s*:",
    r"^\s*(?:updated|last updated|published|posted)\b[^.]{0,40}\d",
    # Read-more, related, widgets, sign-ups, sharing.
    r"^\s*(?:read more|related|more|see more|also read|watch|photos|video|listen)\s*[:»]",
    r"\bread more\s*$",
    r"^\s*read or share this story\b",
    r"\bclick (?:here|below|to)\b",
    r"\bsign up\b",
    r"\bsubscribe\b",
    r"\bnewsletter\b",
    r"^\s*follow\b.*\b(?:on twitter|on facebook|@\w)",
    r"\bfollow (?:us|him|her|them) on\b",
    r"^\s*share (?:this|on)\b",
    r"^\s*advertisement\b",
    r"\bstory continued below\b",
    r"\b(?:copyright|©)\s*(?:\d{4}|©)",
    r"\ball rights reserved\b",
    r"\bjust watched\b",
    r"^\s*(?:story highlights|top stories)\b",
    r"\blive on periscope\b",
    r"\breplay more videos\b",
    r"\bmedia playback is unsupported\b",
    # Social embeds: "... — Name (@handle) June 20, 2017", "A post shared by ...".
    r"—\s*[^—]{1,60}\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$",
    r"\ba post shared by\b",
    r"pic\.twitter\.com/",
    r"https?://\S+",
    r"\b\S+@\S+\.(?:com|org|net)\b",
]
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)


# Every pattern above needs one of these (lower case): most sentences have none, and a
# few substring tests cost far less than the regular expression.
NEEDLES = (
    "file", "photo", "image", "picture", "video", "credit", "caption", "getty", "reuters",
    "ap ", "afp", "(", "contribut", "reporting", "editing", "correction", "earlier version",
    "has been", "editor", "updated", "published", "posted", "read", "related", "more", "watch",
    "listen", "click", "sign up", "subscribe", "newsletter", "follow", "share", "advertis",
    "continued", "©", "copyright", "rights reserved", "just watched", "replay", "media",
    "@", "pic.twitter", "post shared", "http", "...", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "highlights", "top stories", "periscope",
)  # fmt: skip


def is_furniture(sentence: str) -> bool:
    """Whether a sentence is a caption, credit, byline, correction, link or widget line."""
    low = sentence.lower()
    if not any(n in low for n in NEEDLES):
        return False
    return _FURNITURE.search(sentence) is not None


# Markers that make a whole short paragraph a caption or an embed (a caption split into
# sentences keeps its credit in the last one).
_CAPTION_END = re.compile(
    r"\((?:ap|afp|reuters|getty|associated press|photo|image|credit)[^)]{0,80}\)\s*$"
    r"|—\s*[^—]{1,60}\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$|\bpic\.twitter\.com/",
    re.I,
)
CAPTION_SENTENCES = 4


def furniture_flags(paragraph: list[str]) -> list[bool]:
    """Furniture flags of a paragraph's sentences: each on its own, and all of a short
    paragraph whose last sentence carries a caption credit or an embed's signature."""
    flags = [is_furniture(s) for s in paragraph]
    if 1 < len(paragraph) <= CAPTION_SENTENCES and _CAPTION_END.search(paragraph[-1]):
        return [True] * len(paragraph)
    return flags
