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

from storybrief.segment.leads import leads
from storybrief.segment.needles import NeedleIndex, any_of, gated
from storybrief.segment.prose import non_prose, player_paragraph

_PATTERNS = [
    # Captions and credits.
    r"^\s*file\s*[-–—]\s*in this\b",
    r"\bfile photo\b",
    r"\((?:ap|afp|reuters|getty|photo|image|file|credit)[^)]{0,80}\)\s*$",
    r"\(associated press\)\s*$",
    r"\b(?:ap|afp) photo\b",
    r"\breuters/(?!ipsos\b)\w",  # "Reuters/Ipsos" names a poll
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
    r"^\s*(?:image|photo|picture|photograph)s? (?:taken|shot|captured|provided|released) by\b",
    r"\bphoto(?:graph)?s? by\b",
    r"\bcontinue reading the main story\b",
    r"\bvideo shown here\b",
    # Who stands where in the picture: "Chrissy Archibald (right)", "Kit Harington, right,
    # speaks", "From left, actor ...".
    r"\((?:left|right|center|centre|top|bottom|front)\)",
    r",\s+(?:left|right|center|centre|second from (?:left|right)|far (?:left|right)),\s",
    r"^\s*from left\b",
    r"\bslideshow\b",
    r"\(\d+ (?:images|photos|pictures)\)",
    r"\bfull[- ]size image\b",
    # A caption's dateline: "..., in Rome, Friday, Oct. 14, 2011."
    r",\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+[a-z]{3,9}\.?\s+\d{1,2},\s+\d{4}\.?\s*$",
    # A line cut off by the page ("Police arrested several people and are widening...").
    r"[a-z,]\.\.\.\s*$",
    # Contributor, editing and byline lines.
    r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b",
    r"\bcontributed reporting\b",
    r"\bwith additional reporting (?:by|from)\b",
    # A reporter's beat line: "Jo Roe covers Harbour Town and the coast."
    r"^\s*(?:additional )?reporting by\b",
    r"\bediting by\b",
    r"^\s*(?:contributing|with reporting by)\b",
    r"^\s*(?:contact|reach|email|e-mail)\b[^.]{0,60}(?:\d{3}[-.) ]\d{3}[-.]\d{4}|@)",
    r"^\s*(?:edited|translated|compiled)(?: and (?:edited|translated|compiled))? by\b",
    r"^\s*original article on\b",
    r"^\s*(?:directed|written|produced|screenplay|starring)\s*(?:by\b|:)[^.]{0,60}\.?\s*$",
    r"^\s*(?:a version of )?this (?:article|story|post|piece) (?:was )?(?:originally|first) (?:published|appeared)\b",
    # Corrections and notes.
    r"^\s*correction\s*:",
    r"\ban earlier version of this (?:story|article|report|post|piece|item)\b",
    r"\bthis (?:story|article|report|post|piece) (?:was|has been) (?:amended|edited|changed)\b",
    r"\bin this (?:story|article|report|post|piece) (?:has|have) been (?:changed|corrected|amended)\b",
    r"\bthe (?:post|article|story|piece) has been updated\b",
    r"\bwe regret the error\b",
    r"^\s*(?:because of|due to) an? (?:editing|reporting|production|transcription|typographical) error\b",
    r"\bthis (?:story|article|report) has been (?:updated|corrected|revised)\b",
    r"^\s*this (?:story|article|report|post) (?:is|was) (?:updated|corrected|revised)\b",
    r"^\s*editor[’']s note\s*:",
    r"^\W*(?:updated|last updated|published|posted)\b[^.]{0,40}\d",
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
    r"(?:\bcopyright|©)\s*(?:\d{4}|©)",
    # A rights line: "... may not be reproduced ... without the written permission of ...".
    r"\bmay not be (?:reproduced|republished|redistributed|rewritten)\b[^.]{0,120}\bwithout"
    r" (?:the )?(?:[\w-]+ ){0,3}(?:permission|consent)\b",
    r"\bcomments? (?:for|on) this (?:post|story|article|page) (?:are|is|have been|has been)"
    r" (?:now )?closed\b",
    r"\bfollow @\w",
    r"\bvisit our\b[^.]{0,80}\b(?:website|site|page)\b",
    r"\bin this (?:photo|photograph|image|picture) (?:provided|released|taken|distributed) by\b",
    r"(?-i:\((?:L|L-R|R-L)\))",  # who stands where: "Jo Roe (L) and ..." ("(R)" is a party)
    r"\ball rights reserved\b",
    r"\bjust watched\b",
    r"^\s*(?:story highlights|top stories)\b",
    r"\blive on periscope\b",
    r"\breplay more videos\b",
    r"\bhtml5\b",
    r"\byour (?:browser|device) (?:does not|doesn[’']t|is unable)\b",
    r"\badd to this story\b",
    r"\blet us know\b",
    r"\bcheck back\b",
    r"\bour (?:facebook|twitter|instagram) (?:page|account|feed)\b",
    r"^\s*become a fan\b",
    r"^\s*visit\b[^.]{0,80}\b(?:website|site|page)\b",
    r"\[\s*edit\s*\]",  # a wiki's section heading
    # A parenthesised credit or a date cut by the splitter: "(State Department photo)",
    # "Courtesy Jo Roe", "(Jan." before "2) AP".
    r"\([^()]{1,80}\b(?:photo|photograph|image|file)s?\)\s*$",
    # A live blog's time stamp alone: "7.42 pm."
    # A link to read something: "Read the full letter here", "Read Roe's statement."
    r"^\s*\[[^\]]+\]\s*$",
    r"\b(?:has|have) (?:the |more )?(?:full )?(?:details|story)\.?\s*$",  # a video's lead-in: "NBC10's Jo Roe has the details."
    # Section labels of a paper or a listing page, alone: "Abstract and Introduction".
    r"^\s*(?:abstract|introduction|summary|contents|overview|background|methods|results|discussion"
    r"|references|conclusions?|materials)(?:\s+(?:and|&)\s+\w+)?\s*:?\s*$",  # an editor's bracketed aside: "[More on the match, ...]"
    r"\bmedia playback is unsupported\b",
    # A video player's buttons read as words ("Play Replay with sound Play with").
    r"\b(?:play|replay) with sound\b",
    # stock wording: shop, trademark and film-credit boilerplate: "We accept PayPal", "... and all related
    # marks, logos and characters are owned by ...", "A ... release of a ... presentation".
    r"\bwe (?:take|accept) paypal\b",
    r"\ball related marks\b",
    r"\bare (?:registered )?trademarks of\b",
    r"\brelease of an? \b.{0,80}\bpresentation\b",
    # A link or section label alone.
    r"^\s*(?:more information|further information|more info)\s*[.:]?\s*$",
    # Social embeds: "... — Name (@handle) June 20, 2017", "A post shared by ...".
    r"—\s*[^—]{1,60}\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$",
    r"\ba post shared by\b",
    r"sharelikereply|\blike\s*reply\s*\d",  # a comment box's buttons run together
    r"pic\.twitter\.com/",
    r"https?://\S+",
    r"\b\S+@\S+\.(?:com|org|net)\b",
    # Captions by their credit: "(Courtesy of the city)", "| Getty" or "| Jo Roe/POLITICO"
    # after the picture's description, "Jo Roe / AP" before it.
    r"\(courtesy\b[^)]{0,80}\)\s*$",
    r"\|\s*(?:getty(?: images)?|ap|afp|reuters|epa)\s*$",
    r"\|\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][A-Za-z.]+\b",
    # Pointers to the page around the text ("the video above", "after the jump"), a
    # player's notice, a film's listing, a video's lead-in (more in ``segment.leads``).
    r"\b(?:video|clip|player|photos?|gallery|images?) (?:above|below)\s*[.!:]?\s*$",
    r"\bafter the jump\b",
    r"\bwhen the video has been rented\b",
    r"\bwith (?:english )?subtitles\.?\s*$",
    r"\b(?:has|have) (?:the |more )?details on\b[^.]{0,40}\.?\s*$",
    # A caption by its picture mid-line: "Jo Roe is shown in this booking photo ...", "...
    # appears in an undated handout photo." (a report's "is seen in the video" stays).
    r"\b(?:is shown|is seen|is pictured|are shown|are seen|are pictured) in (?:this|these|an undated|a handout|an undated"
    r" handout|a booking|a file|a police|a family|a courtroom)\b[^.]{0,30}\b(?:photos?|images?"
    r"|pictures?|photographs?|mug ?shots?|stills?)\b",
    r"\bappears? in (?:this|an undated|a handout|a booking|a file|an undated handout)"
    r" (?:[\w-]+ )?(?:photo|image|picture|photograph)s?\b",
    # Contact and sourcing lines: "Jo Roe can be reached at ...", "This report includes
    # material from ...", "Information from ... was used in this report."
    # "AP writer Jo Roe contributed.", "... staff writers in Carrow contributed."
    r"\b(?:writers?|reporters?|correspondents?)\b[^.!?]{0,60}\bcontributed\.?\s*$",
    r"\bcan be reached (?:at|by|on|via)\b[^.]{0,60}(?:\d{3}[-.) ]\d{3}[-.]\d{4}|@|\b(?:email|e-mail|phone|twitter)\b|\bdot com\b)",
    r"\bthis (?:report|story|article|post) (?:includes|contains|uses) (?:material|reporting|information) from\b",
    r"\b(?:information|material|reporting) from\b[^.]{0,60}\bwas used in this (?:report|story|article)\b",
    # Notes on the page: "This post has been updated with ...", "The story was updated at
    # 3 p.m. to include ..."
    r"\bthis (?:story|article|report|post|piece|item) (?:has been|was|will be) (?:updated|corrected|revised|amended)\b",
    r"^\s*the (?:story|article|post|piece) (?:has been|was) (?:updated|corrected|amended)\b",
    # An opinion page's disclaimer: "The views expressed are the author's own."
    r"\b(?:views|opinions) expressed\b[^.]{0,60}\b(?:are|is) (?:solely |entirely )?(?:those of"
    r" the|the|his|her|their) (?:author|writer|contributor|columnist)s?\b",
    # A source note after a caption or a chart: "(Source: River Times)".
    r"\((?:source|sources|credit|credits)\s*:[^()]{1,80}\)\s*$",
]
# Each pattern runs only where the sentence holds a string it needs (segment.needles);
# each string is looked for once.
_FURNITURE = NeedleIndex(gated(_PATTERNS, re.I))
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# Read with case: a link label in capitals ("MORE 5 Photos ...", "Related PHOTOS: ...",
# "Related Watch ..."), and a caption's place and date with no "on" between them
# ("... at a market in Port Evelyn, Carrow June 12, 2018."): prose writes "on June 12, 2018".
_CASED = re.compile(
    r"^\s*(?:MORE|Related|RELATED|CLOSE)\s+[A-Z0-9\"'‘“]"
    rf"|\b(?!On\b|Since\b|Until\b|By\b|Before\b|After\b|From\b)[A-Z][a-z]+,?\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?\s*$"
    # An agency caption's date, place and region, no comma after the year: "... on May 30,
    # 2016 in Leeds, England." (prose: "on May 30, 2016, in Leeds").
    rf"|\bon {_MONTH}\s+\d{{1,2}},\s+\d{{4}} in [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}\.?\s*$"
)


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
    "left", "right", "center", "centre", "slideshow", "full", "edited", "translated",
    "compiled", "original", "first", "html5", "browser", "device", "add to this", "let us",
    "check back", "our ", "fan", "visit", "[", "taken", "shot", "captured", "provided",
    "details", "directed", "written", "produced", "screenplay", "starring", "contact", "reach", "email", "abstract", "introduction", "summary", "contents", "overview", "background",
    "methods", "results", "discussion", "references", "conclusion", "with sound", "paypal",
    "related marks", "trademarks of", "release of", "information", "more info",
    "courtesy", "|", "clip", "player", "gallery", "after the jump", "rented", "subtitles",
    "details on", "the story", "full story", "we regret", "edit ]", "edit]", "amended",
    "changed", "shown in", "seen in", "pictured in", "appear", "reached", "material from",
    "reporting from", "information from", "this story", "this article", "this report",
    "this post", "this piece", "this item", "the post", "the article", "the piece",
    "expressed", "reproduced", "republished", "redistributed", "rewritten", "comment",
)  # fmt: skip
# The pre-check's strings: one holding another is found with it, so it is left out; all
# looked for in one search (``any_of``: a hundred ``in`` tests cost twice as much).
_PRECHECK = any_of(
    sorted((n for n in NEEDLES if not any(m != n and m in n for m in NEEDLES)), key=len)
)
# Every _CASED match holds one of these (as written): "MORE", "Related", "CLOSE" (a video
# player's button before its blurb) or a year's "1"/"2".
_CASED_NEEDLES = ("MORE", "Related", "RELATED", "CLOSE", ", 1", ", 2")


# A line cut at its start by the page ("staff, and so much to do that ..."): its first word
# is written all in lower case (a brand such as "iPhone" or "eBay" has a capital in it).
_CUT_START = re.compile(r"[a-z]+(?:[\s,;:)\]]|$)")


# A caption in the present tense with its day: "Jo Roe speaks at a rally in Rome on
# Saturday." (a report writes "spoke ... on Saturday"); not in a relative clause or next to
# a verb of saying ("The mayor, who attends church on Sunday, said nothing"). Tried only on
# a sentence with " on " and a day's or month's name.
_PRESENT_CAPTION = re.compile(
    r"^(?![^.]*\b(?:who|which|that|said|says|told|tells)\b)[^.;:\"“”]{0,120}\b(?:listens|looks on|speaks|gestures|smiles|waves|arrives|walks|stands"
    r"|sits|poses|holds up|takes part|attends|addresses|reacts|pauses|leaves|greets|celebrates)\b"
    r"[^.;:\"“”]{0,160}\bon (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2})\b[^.;]{0,60}\.?\s*$",
    re.I,
)
_DAYS_MONTHS = (
    "day", "jan", "feb", "march", "april", "may", "june", "july", "aug", "sep", "oct", "nov",
    "dec",
)  # fmt: skip


def _present_caption(sentence: str, low: str) -> bool:
    return (
        " on " in low
        and any(d in low for d in _DAYS_MONTHS)
        and _PRESENT_CAPTION.match(sentence) is not None
    )


# A pull quote or a section heading in single quotes, alone: "'The quiet years'" (a report
# quotes in double quotes, or in single ones with its attribution and stop).
_PULL_QUOTE = re.compile(r"['‘][^'‘’\"“”]{2,100}[^.!?,'‘’\s]['’]\s*$")


def is_furniture(sentence: str) -> bool:
    """Whether a sentence is a caption, credit, byline, correction, link or widget line, or
    a fragment cut at its start."""
    if _CUT_START.match(sentence):
        return True
    if sentence[:1] in "'‘" and _PULL_QUOTE.match(sentence):
        return True
    if leads(sentence):
        return True
    low = sentence.lower()
    if _present_caption(sentence, low):
        return True
    if any(n in sentence for n in _CASED_NEEDLES) and _CASED.search(sentence):
        return True
    if _PRECHECK.search(low) is None:
        return False
    return _FURNITURE.search(sentence, low)


# Markers that make a whole short paragraph a caption or an embed (a caption split into
# sentences keeps its credit in the last one).
_CAPTION_END = re.compile(
    r"\((?:ap|afp|reuters|getty|associated press|photo|image|credit)[^)]{0,80}\)\s*$"
    r"|\([A-Z][^()/]{1,60}/[^()]{1,60}\)\s*$|\b(?:reuters|ap|afp|epa|getty images)\s*/\s*\w[\w .'’-]{0,40}$"
    r"|\|\s*(?:ap|afp|reuters|getty) photo\s*$|^\s*read more\s*$"
    r"|\(courtesy\b[^)]{0,80}\)\s*$|\([^()]{1,80}\b(?:photo|photograph|image)s?\)\s*$|^\s*\|\s*(?:getty(?: images)?|ap|afp|reuters|epa)\s*$"
    r"|^\s*credit\s*:[^.]{1,100}$|\b(?:photograph|photo|picture|image)\s*:\s*[^.]{1,80}$"
    r"|—\s*[^—]{1,60}\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$|\bpic\.twitter\.com/",
    re.I,
)
# ... and a short paragraph that opens as a caption does ("Image caption ...", "FILE - In
# this ...", "Photograph from the excavations ..."): its other sentences describe the picture.
# A correction's paragraph ("Because of an editing error, ...") goes whole the same way.
_CAPTION_START = re.compile(
    r"^\s*(?:image (?:copyright|caption)|media caption|file\s*[-–—]|in this (?:photo|image|undated|handout|file)"
    r"|photograph (?:from|by)|(?:this|a|an|the)\s+(?:\w+\s+)?(?:photo|image|photograph|sketch|shot),?\s+(?:from|shows|released|taken|provided)\b"
    # ... or as a correction does: its other sentences say what was wrong.
    r"|correction\s*:|(?:because of|due to) an? (?:editing|reporting|production|transcription|typographical) error\b)",
    re.I,
)
CAPTION_SENTENCES = 4


def furniture_flags(paragraph: list[str]) -> list[bool]:
    """Furniture flags of a paragraph's sentences: each on its own, and all of a short
    paragraph whose last sentence carries a caption credit or an embed's signature."""
    flags = [is_furniture(s) or non_prose(s) for s in paragraph]
    if 1 < len(paragraph) <= CAPTION_SENTENCES and (
        _CAPTION_END.search(paragraph[-1])
        or _CAPTION_START.match(paragraph[0])
        or player_paragraph(paragraph)
    ):
        return [True] * len(paragraph)
    return flags


# The last word of a headline cut off mid-sentence ("The Carrow Botanical Garden is
# absolutely"): a function word, an auxiliary or an adverb in "-ly".
_CUT_END_WORDS = """a an the and or but of to in on at for with from by as that which who is are was
were be been has have had will would can could should may might must not very so than"""
_CUT_END = frozenset(_CUT_END_WORDS.split())


def is_headline(title: str) -> bool:
    """Whether ``title`` reads as a headline: no page furniture, not cut off mid-sentence,
    not a run of tags ("jobs jobs jobs Obama's Jobs Speech ...")."""
    words = title.split()
    if not words or is_furniture(title):
        return False
    last = words[-1].strip(".,;:!?\"'’”)").lower()
    if words[-1][:1].islower() and (last in _CUT_END or last.endswith("ly")):
        return False
    lower = [w.lower() for w in words]
    return not any(lower[k] == lower[k + 1] == lower[k + 2] for k in range(len(lower) - 2))
