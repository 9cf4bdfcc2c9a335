"""Furniture known by how its line opens: notes, credits, links, widgets and adverts whose
first words give them away ("UPDATE II", "Courtesy Jo Roe", "MUST WATCH ...", "Buy Photo
...", "Read the full letter here.").

All of them are tried as one expression anchored at the sentence's start (``leads``): an
anchored alternation fails at the first character of most sentences, so the rules cost one
match a sentence, not one gated search each as ``furniture._PATTERNS`` do.
"""

from __future__ import annotations

import re

_LEADS = [
    # Credits and contributors: "Jo Roe / AP ...", "Courtesy Jo Roe", "(Jan." and "2) AP"
    # (a caption's date cut in two by the sentence splitter), a reporter's beat line.
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} / (?:ap|afp|reuters|getty images|epa)\b",
    r"courtesy(?: of)?\s+[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,4}\s*$",
    r"\((?:jan\.|feb\.|mar\.|apr\.|aug\.|sept?\.|oct\.|nov\.|dec\.)\s*$",
    r"\d{1,2}\)\s*(?:ap|afp|reuters)\s*$",
    r"(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) covers (?-i:[A-Z])[^.,;]{0,80}\.?\s*$",
    r"follow (?:him|her|them|us|me) (?:at|on)\b",
    # A contributor's place line: "Jo Roe reported from Harbour Town." (a report goes on:
    # "... reported from the scene that ...").
    r"(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?: and [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})?)"
    r" (?:reported|contributed|wrote) from (?-i:[A-Z])[^;:]{0,50}\.?\s*$",
    # A byline glued to the first sentence ("By Jo Roe and Al Poe The council said ..."),
    # a site's name in capitals before a picture's caption ("RIVERTIMES.COM ...").
    r"(?-i:By (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Febr)uary\b|March\b"
    r"|April\b|May\b|June\b|July\b|August\b|(?:Septem|Octo|Novem|Decem)ber\b|Then\b|Now\b)"
    r"(?:[A-Z][\w.'’-]+ ){2,3}(?:and (?:[A-Z][\w.'’-]+ ){2,3})?(?=[A-Z][a-z]))",
    r"(?-i:[A-Z0-9-]{3,}\.(?:COM|NET|ORG|CO\.UK))\b",
    # Notes on the story: "Update: ...", "UPDATE II", a developing story, the first post.
    r"update\s*:\s*\S+(?:\s+\S+){0,10}\s*$",  # a note, not "Update: <a report>"
    r"update(?:\s+[ivx]+|\s+\d+)?(?:\s*,\s*\w+(?:\s+\w+){0,3})?\s*$",
    r"original post\b",
    r"this is a developing (?:story|news story|situation)\b",
    r"stay (?:with|tuned to)\b[^!?]{0,60}\bupdates?\b",
    # A slideshow's dated heading: "Oct. 31, 2012 The handshake." (prose writes "On Oct.
    # 31, 2012, ..." or goes on in lower case).
    r"(?-i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4} [A-Z\"“‘])"
    r"[^.!?]{0,60}[.!?\"”’]*\s*$",
    # A show's promotion: "It's time for Episode 7 of ...", "Tune in each week ...", "In
    # this week's episode, ...".
    r"(?:it(?:'|’)s time for|welcome (?:back )?to) episode \d+\b",
    r"tune in (?:each|every) (?:week|day|morning|night|weekday)\b",
    r"in (?:this|today(?:'|’)s|this week(?:'|’)s|the latest|the new) episode\b",
    r"plus\s*:\s",  # a teaser's next item: "Plus: what the vote means for May."
    # A live blog's time stamp alone: "7.42 pm."
    r"\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)\.?\s*$",
    # Pointers to the page and links: "Above, ...", "Watch ... above", "Read ... here",
    # "[Video] ...", "Here's a photo ...", "Visit www...", "Read the full letter."
    r"(?:above,|below,|pictured,|top,|bottom,)",
    r"watch\b[^.]{0,120}\b(?:above|below)\s*[.!]?\s*$",
    r"read\b[^.]{0,80}\bhere\s*[.!]?\s*$",
    r"read (?:the|his|her|their|our|a|an|[A-Z][\w.]*(?:'s|’s)?)\s[^!?,;]{0,80}[.:]?\s*$",
    r"\[(?:video|photo|image|audio|gallery)[^\]]*\]",
    r"here(?:'|’)?s a (?:photo|picture|video|look)\b",
    # A list's lead-in alone: "Here's what you need to know.", "Here are five races to
    # watch." (the list it points at is no brief sentence; one ending in a colon is none
    # anyway, and "Here is the realm of ..." is prose).
    r"here(?:(?:'|’)s| is) what you need to know\b[^.!?:;]{0,40}\.\s*$",
    r"here are (?:the |just |only )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few"
    r"|some|key)\b[^.!?:;\"“”]{0,90}\.\s*$",
    r"visit\s+(?:www\.|https?://)",
    # Player and share widgets: "This feature is not available right now.", "Email This",
    # "Buy Photo", "MUST WATCH ...".
    r"this feature is (?:not |currently )?(?:un)?available\b",
    r"(?:email|e-mail|print|tweet|share) this\b",
    r"buy photo\b",
    r"must watch\b",
    # Sponsors, listings and adverts: "This booklet was made possible ...", "Starring ...",
    # "You can earn a certificate for a small fee."
    r"(?:this|the) (?:booklet|program|programme|publication|report|series|project|content"
    r"|coverage|page|site|feature) (?:is|was|has been) made possible\b",
    r"starring\s+[A-Z][^.]{0,80}\.?\s*$",
    r"\W*you can (?:earn|get|buy|save|order|download|win|try)\b[^.]{0,80}"
    r"\b(?:fee|free|certificate|discount|offer|subscription|trial|coupon|price)\b",
]
_LEAD = re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in _LEADS) + ")", re.I)


def leads(sentence: str) -> bool:
    """Whether ``sentence`` opens as a note, credit, link, widget or advert line does."""
    return _LEAD.match(sentence) is not None
