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
    r"(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:(?:, | and |, and )[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})*)"
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
# Round five (issue 14): kinds seen on many sites that the rules above let through.
# A word of a caption's date or kind: "Tuesday,", "June", "Sept.", "2,", "2015", "undated".
_DATE_WORD = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep"
    r"|oct|nov|dec)[a-z]*\.?,?|\d{1,2},?|\d{4},?|undated|handout|recent|family)"
)
_NAMES = r"(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})"
_PLACE = r"(?-i:[A-Z])[\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}"
# What follows a name in a credit, contributor, beat or bio line; tried as one branch
# after one match of the name (a name opens many sentences).
_AFTER_NAME = [
    # A credit alone: "Jo Roe/River Times", "Jo Roe/River Times via AP".
    r"\s*/\s*(?-i:(?:The |the )?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})"
    r"(?: via (?-i:[A-Z][\w.]*))?\s*$",
    # "Jo Roe in Dunmore and Al Ng in Carrow contributed." ("Acme and Beta Corp also
    # contributed." is a report: a contributor line names a place, a role or an agency).
    rf" (?:in|from) {_PLACE}(?:,? and {_NAMES} (?:in|from) {_PLACE})* (?:also )?contributed\.?\s*$",
    # A reporter's beat line: "Jo Roe is a staff writer for the River Times.", "... is the
    # River Times' transport correspondent", "... writes about transport for the River
    # Times." (a report about a reporter goes on: "... is a reporter who was held ...").
    r" is (?:a|an|the) (?:[\w’'-]+ ){0,4}(?:writer|reporter|correspondent|editor|columnist"
    r"|contributor|journalist|producer)s?(?: at large)? (?:for|at|with|covering|based|of)\b"
    r"(?![^.]*\b(?:who|which|that|when|until|since|after|before)\b)[^.;:!?]{0,80}\.?\s*$",
    r" is (?-i:(?:the |The )?[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3})(?:'|’)s?"
    r" (?:[\w-]+ ){0,3}(?:writer|reporter|correspondent|editor|columnist)\.?\s*$",
    r" (?:writes|reports) (?:about|on) [^.;:!?]{1,60} for (?-i:(?:the |The )?[A-Z])[^.;:!?]{0,40}\.?\s*$",
    r",?\s+special to (?:the )?(?-i:[A-Z])",
    # An author's bio: "Jo Roe is the author of The Quiet Harbour.", "Jo Roe is a senior
    # fellow at the River Institute." (a bill's author is news: "... is the author of the
    # bill").
    r" is (?:the |an? )?(?:co-?)?author of (?![^.]*\b(?:bills?|acts?|laws?|measures?"
    r"|amendments?|resolutions?|legislation|proposals?|ordinances?|rules?|plans?|letters?"
    r"|memos?|reports?|study|studies|lawsuits?|complaints?|motions?|orders?|policy|policies)\b)",
    r" is an? (?:[\w-]+ ){0,2}fellow (?:at|with|of|in)\b",
]
_LEADS += [
    _NAMES + "(?:" + "|".join(_AFTER_NAME) + ")",
    # Credits: "Photo courtesy of the city", "A still from the video shows ...", "In this
    # frame from video, ...", "EPA/JO ROE" or an agency's name alone, the Guardian's
    # "Staff and agencies", "Story by Jo Roe".
    r"(?:photo|photograph|image|picture|video|footage)s? courtesy\b[^.!?]{0,80}\.?\s*$",
    r"(?:an? |this |the )?(?:still|screenshot|screengrab|screen grab|frame grab) (?:from|taken from)\b",
    r"(?:screenshot|screengrab|screen grab)s?\s*(?::|via\b)",
    r"in this (?:frame|still|screen ?grab|screenshot|video still|image (?:made|taken) from video)\b",
    r"(?:epa|afp|ap|reuters|getty images|pa|xinhua)\s*/\s*(?-i:[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3})\s*$",
    r"(?:the )?(?:associated press|reuters|bloomberg(?: news)?|afp|agence france-presse"
    r"|press association|xinhua|dpa|upi)(?: (?:also )?contributed)?\s*\.?\s*$",
    r"(?:the )?(?:ap|news agencies|wire services) (?:also )?contributed\.?\s*$",
    r"(?:staff and agencies|staff and wire reports|staff reports?|wire reports|news services)\s*$",
    r"(?:story|text|words|interview|article|words and (?:photos|pictures)) by"
    r" (?-i:[A-Z])[\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*$",
    # How the piece was made: "This story was produced in partnership with River Radio."
    r"this (?:article|story|report|piece|post|series) (?:was|is) (?:produced|published|written"
    r"|reported|made|co-published|created|funded|supported)(?: in (?:partnership|collaboration"
    r"|cooperation) with| by| as part of| through| with (?:support|funding|a grant) from)\b",
    # Notes: "Clarification: ...", "UPDATE (3:45 p.m.):" alone, "Update, 5 p.m.: <a short
    # note>", "This story will be updated.", "Stay tuned.", "More to come."
    r"clarifications?\s*:",
    r"update[ds]?\s*(?:\([^)]{1,30}\)|,\s*[^:,]{1,30})\s*:\s*(?:\S+(?:\s+\S+){0,10})?\s*$",
    r"(?:this (?:story|article|post|report|page|blog)|the (?:story|article|post))"
    r" (?:will be|is being|may be|would be) updated\b[^.!?]{0,60}[.!]?\s*$",
    r"this is an? (?:breaking|developing|evolving|fast-moving)(?: news)? (?:story|item|report)\b",
    r"stay tuned\s*(?:(?:to|for) (?:more|updates?|details|this (?:page|story|space))\b[^.!?]{0,40})?[.!]?\s*$",
    r"more to come\s*[.!]?\s*$",
    r"until next time\s*[.!]?\s*$",
    # Sign-offs: "Thanks for reading.", "With gratitude, Jo", "Sincerely, the Trust".
    r"(?:thanks|thank you) (?:so much |again )?for (?:reading|watching|listening|visiting"
    r"|your support)\b[^.!?]{0,40}[.!]?\s*$",
    r"(?:with gratitude|with thanks|sincerely|regards|best regards|kind regards|warm regards"
    r"|yours truly|yours sincerely|best wishes|cheers|many thanks)\s*,\s*(?:the )?(?-i:[A-Z])[^.!?,;:]{0,50}$",
    # Pointers: "Full story at River Times", "Keep reading", "Scroll down for video",
    # "Don't miss: ...", "For the latest news, visit rivertimes.com."
    r"(?:read )?(?:the )?full (?:story|article) (?:at|on)\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    r"(?-i:[A-Z])[^.!?]{0,40}[.!]?\s*$",
    r"keep reading\s*(?:below|for more|to (?:find out|learn|see)\b[^.!?]{0,40})?[.!:]?\s*$",
    r"scroll (?:down|up)\b",
    r"(?:don(?:'|’)t miss|trending|must read|most read|most popular|popular now"
    r"|editor(?:'|’)s picks?|in case you missed it|icymi)\s*:",
    r"(?:for|get) (?:the )?(?:latest|more)(?: (?:news|updates|stories|information|info|details"
    r"|coverage)\b|,)[^.!?]{0,60}\b(?:visit|at|on|go to)\s+(?:www\.)?[\w-]+\.(?:com|org|net|co\.uk)\b",
    # Widgets: "Play Video", "This video is no longer available", "Have a news tip?",
    # "Email us.", "Want more stories like this?", "Previous Next", "Load more".
    r"(?:play|replay|watch|pause) (?:video|audio|clip|now)\s*$",
    r"(?:sorry,? (?:this|the)|this) (?:video|clip|content|media|audio|gallery) (?:is|has been|was)"
    r" (?:not|no longer|currently not|currently un|un)\s*(?:available|supported|playable|removed)\b",
    r"(?:have|got) a (?:news |story )?tip\b",
    r"(?:email|e-mail|contact|write to) us\b[^.!?]{0,40}[.!]?\s*$",
    r"want (?:more|to read more) (?:stories|news|articles|updates|like this)\b",
    r"(?:previous|prev)\s+next\s*$",
    r"(?:load|show|see|view) more\s*$",
    r"report (?:an error|a typo|a correction|an issue|this (?:comment|ad))\s*$",
    r"submit (?:your|a) (?:photos?|videos?|story|stories|tips?)\b[^.!?]{0,40}[.!]?\s*$",
    r"got a (?:story|tip|news tip)\b[^.!?]{0,30}\?",
    r"like this (?:story|article|post|video)\s*\?",
    r"(?:get|receive|sign up for) (?:breaking |news |email |text |push |our |the latest )*"
    r"(?:alerts|notifications)\b",
    r"(?:expand|collapse|fullscreen|full screen|enlarge|next slide|previous slide"
    r"|tap to (?:expand|enlarge|zoom)|(?:view|open) (?:gallery|slideshow|photos))\s*$",
    r"here(?:'|’)s more (?:from|on|about)\b[^.!?]{0,60}:\s*$",
    r"(?:further reading|more reading|see also|read also)\s*:",
    # Agency captions: "FILE- This ... photo ...", "In this Sept. 5, 2015 photo, ...", "In a
    # photo provided by ...", "Shown is ..." (a report on a post writes "In a photo posted
    # on ...").
    r"(?-i:FILE)\s*[-–—:]+\s*(?-i:[A-Z])",
    rf"in this (?:{_DATE_WORD} ){{1,5}}(?:file )?(?:photo|image|picture|photograph|video)s?\b",
    r"in an? (?:undated |handout |file )*(?:photo|image|picture|photograph|video)s? (?:provided|released"
    r"|taken|made available|distributed|obtained) by\b",
    r"shown (?:is|are|here|above|below)\b",
    # Correction notes: "Correction appended", "Corrections & clarifications: ...", a
    # wire's "(Corrects spelling of name in paragraph 3)".
    r"corrections?(?: (?:&|and) clarifications?)?\s*(?::|appended\b)",
    r"\((?:corrects|refiles|recasts|adds|updates|fixes|removes|changes)\b[^()]{0,100}\)\s*$",
]
# Round six (issue 14, the new tune clusters): more kinds many sites print.
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_LEADS += [
    # Pointers with their lead-in: "You can read the full interview here.", "You can watch
    # the briefing below:", "(Below, see the ...)", "Want more?".
    r"you can (?:read|watch|see|listen to)\b[^.]{0,100}\b(?:here|above|below)\s*[.!:]?\s*$",
    r"\((?:above|below),",
    r"want more\s*\?\s*$",
    # Labels and link lines: "Must-reads:", "(Also on The Site: ...)", "More | ...",
    # "Watch the report | ...", "Play Video 2:10 ...".
    r"must[- ]reads?\s*:",
    r"\(also (?:on|at|from|in) (?-i:[A-Z])[^:()]{0,40}:",
    r"(?:more|related|timeline|map|photos?|videos?|watch(?: the| our)? (?:report|video|clip|story"
    r"|interview)s?)\s*\|\s",
    r"play video\s+\d{1,2}:\d{2}\b",
    # Notes with a time and a dash: "UPDATE, 10:11 p.m. - ..."
    r"update[ds]?\s*,?\s*\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am|pm)?\s*(?:[a-z]{2,4}\s*)?[—–-]\s",
    # Promotions: "Test your knowledge of ...", "A message from the Acme Fund: ...", a
    # subscription's price, a tip line's number alone ("Call 555-123-4567 with ...").
    r"test your knowledge\b",
    r"\W*a message from (?:the |our )?(?-i:[A-Z])[^:.!?]{0,60}:",
    r"subscriptions? (?:are|is|costs?|starts? at) \$",
    r"call\s+(?:\(?\d{3}\)?[-.\s]\s*)?\d{3}[-.]\d{4}\b",
    # A caption by its picture's source: "This image, released by the company, appears to
    # show ...", "A sketch released of ..." (round five's rule has the comma-less form).
    r"(?:this|the|an?) (?:[\w-]+ )?(?:photo|image|picture|photograph|shot|still|sketch|screenshot)s?,?"
    r" (?:released|provided|taken|obtained|distributed|made available)(?: by| of)\b",
    # A broadcast's schedule: "... on Saturday, 17 May, at 09:10 GMT and on Sunday ...".
    rf".{{0,60}}\bon {_DAY},? \d{{1,2}} [a-z]+,? at \d{{1,2}}[:.]\d{{2}}\b.{{0,60}}\band on {_DAY}\b",
    rf"[^.]{{0,100}}\bwill be (?:broadcast|shown|screened|aired|repeated) on {_DAY},? \d{{1,2}}"
    r" [a-z]+,? at \d{1,2}[:.]\d{2}\b",
    # A heading led by its year: "2015 Carrow Images in the News", "2010 Carrow Election Guide".
    r"(?-i:\d{4}(?: [A-Z][\w.'’-]*| of| in| the| and| for)* (?:Guide|Images in the News|Photos"
    r"|Pictures|Results|Coverage|Archive))\s*$",
]
_LEAD = re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in _LEADS) + ")", re.I)


def leads(sentence: str) -> bool:
    """Whether ``sentence`` opens as a note, credit, link, widget or advert line does."""
    return _LEAD.match(sentence) is not None
