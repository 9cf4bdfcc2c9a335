"""Lines that are no prose by their general shape, whatever the story: interview labels
("Q:", "A:", a speaker's name in capitals and a colon), a line in capitals, a live blog's
time-stamped entry, credits (in brackets, glued to the first sentence, or a line alone),
a caption opening "This image ...", a table's row, a paid notice, a poll's
margin-of-error footnote, a visitor's review, a "for more, visit ..." pointer, the reader
told to use the page ("Watch the interview below:"), sign-up lines and a video player's
or gallery's buttons.

They are marked as sentence furniture only (``furniture_flags``), not by ``is_furniture``:
a page's headline in capitals or "Name: what was said" stays a headline. Each rule is
behind a cheap check (the anchored ones share one match at the sentence's start).
"""

from __future__ import annotations

import re

_OUTLET = (
    r"Times|Post|News|Insider|Journal|Herald|Tribune|Press|Reuters|Bloomberg|Telegraph"
    r"|Guardian|Wire|Magazine|Today|Staff Writer|Contributor|Correspondent|Reporter"
)
# Anchored at the sentence's start, each behind a needle (lower case) its match holds
# within ``HEAD`` characters: most sentences hold none, and a substring test costs far
# less than the expression.
HEAD = 60
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
_STARTS = (
    # Interview labels: "Q: ...", "A: ...", "THE MAYOR: ...", "ROE: ..." (one word in
    # capitals of five letters or more: "UN:" or "CDC:" open a headline), a role's label.
    (":", r"(?:Q|A)\s*:\s"),
    (":", r"(?-i:(?:[A-Z][A-Z.'’-]{4,}|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){1,3}))\s*:\s"),
    (":", r"(?:reporter|anchor|host|interviewer|question|answer|narrator|announcer|caller"
          r"|moderator|audience member|sources?|advisory)\s*:\s"),
    # A live blog's time-stamped entry: "11:40 am — Police say ...", or its stamp alone
    # ("4:40 p.m.:"; a diary's "9:27 am: I wake up." is the story told).
    ("m", r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)\s*(?:et|est|edt|pt|gmt|bst)?"
          r"\s*(?:[—–-]\s|:?\s*$)"),
    # Credit lines: "Submitted photo.", "Handout image", "Image from the campaign."; a
    # video's lead-in: "Jo Roe reports."
    ("photo", r"(?:submitted|file|handout|staff|contributed|provided|courtesy|stock) photo(?:graph)?s?\b"),
    ("image", r"(?:submitted|file|handout|staff|contributed|provided|courtesy|stock) images?\b"
              r"|images? (?:from|via|courtesy of)(?: [^\s.]+){1,5}\.?\s*$"),
    ("reports", r"(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) reports\.?\s*$"),
    # A page's message to the reader: "Please try again later."
    ("please", r"please (?:try again|refresh|reload|enable|wait|text|note that|click|visit)\b"),
    # A stylesheet's or a script's line: ".image-wrap {", "}".
    ("{", r"[^{}]{0,80}\{\s*$"),
    ("}", r"\}\s*$"),
    # A "Name, Outlet" credit glued to the first sentence: "Jo Roe, River Times The
    # council said ..." (prose goes on in lower case: "Jo Roe, River Times reporter, said").
    (", ", rf"(?-i:[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z'’-]+, (?:[A-Z][\w&.]+ ){{0,3}}(?:{_OUTLET}) [A-Z])"),
    # A credit line alone, no stop: "Jo Roe, River Times", "Jo Roe and Al Poe, The Post |
    # post.com"; "Video provided by River News".
    (", ", rf"(?-i:{_NAME}(?:(?:, | and ){_NAME})*,\s*(?:The |the )?[A-Z][\w&.'’-]*"
           r"(?: (?:[A-Z&][\w&.'’-]*|of|for|and))*)(?:\s*[|/]\s*[^\s.]+(?:\.[^\s.]+)*)?(?<!\.)\s*$"),
    ("provided", r"(?:video|audio|photo|image)s? (?:provided|supplied) by\b"),
    # A caption by its picture: "This image show the harbour at dawn." (a report writes
    # "The video shows ...": only "this" opens a caption).
    ("this ", r"this (?:(?!is |was |what |shows? )[\w-]+ ){0,3}(?:photo|image|picture|photograph|screenshot|screengrab|still"
              r"|frame grab)s? (?:[\w-]+ ){0,6}?(?:shows?|depicts?|captures?)\b"),
    # A credit alone: "Jo Roe | River Times", "Jo Roe for The River Times", "(River County
    # Sheriff's Office)", a booking photo's "Jo Roe (River County Jail)".
    ("|", rf"(?-i:{_NAME})\s*\|\s*(?-i:[A-Z])[^.!?]{{0,40}}$"),
    (" for ", rf"(?-i:{_NAME}) for (?-i:(?:The |the )?(?:[A-Z][\w&.'’-]* ){{0,3}}(?:{_OUTLET}))\s*$"),
    ("(", r"\((?-i:[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|for|&))*)\)\s*$"),
    ("(", rf"(?-i:{_NAME})\s*\((?-i:[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|for|&))*)\)\s*$"),
    # ... and with its date: "This Jan. 5, 2015 photo shows ..." (a wire's caption).
    ("this ", r"this (?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?|(?:jan|feb|mar|apr|may|jun|jul"
              r"|aug|sep|oct|nov|dec)[a-z]*\.?,?|\d{1,2},?|\d{4},?|undated|handout|file) ){1,5}"
              r"(?:photo|image|picture|photograph|video)s? (?:[\w-]+ ){0,6}?(?:shows?|depicts?|provided|released)\b"),
    # A paid notice, a poll's footnote with no article ("Margin of error +/- 3 points").
    ("paid notice", r"paid notice\b"),
    ("margin of", r"(?-i:Margin) of (?:sampling )?error\b|(?:the )?results (?:have|has) a margin of\b"),
    # A visitor's review: "Would highly recommend her as a guide."
    ("recommend", r"(?:i |we )?(?:would|will|can|cannot|can't|could not|couldn't|highly)"
                  r" (?:highly |definitely )?recommend\b"),
    # A pointer: "For more about the bridge, visit the city's site."
    ("for ", r"for (?:more|further|additional) (?:information|info|details|about|on)\b[^.]{0,100}"
             r"\b(?:visit|see|go to|call|read|check out|click)\b"),
)  # fmt: skip
_BY_NEEDLE: dict[str, list[str]] = {}
for _needle, _pattern in _STARTS:
    _BY_NEEDLE.setdefault(_needle, []).append(_pattern)
# One expression a needle: the rules that share one are tried as one alternation.
_START = tuple(
    (n, re.compile(r"\W*(?:" + "|".join(f"(?:{p})" for p in ps) + ")", re.I))
    for n, ps in _BY_NEEDLE.items()
)
# The reader told to use the page ("Watch the full interview below:", "Like the page:",
# "Visit roe.org for more."): an imperative opening the line, no quotation in it, and a
# pointer to the page, a site or an account. Tried only on a line whose first word is one
# of the verbs.
_IMPERATIVE = re.compile(
    r"[(\[]?(?-i:Subscribe|Sign up|Follow|Click|Tap|Download|Share|Read|Watch|Listen|Like"
    r"|View|See|Visit|Check out|Take a look|Find out|Learn|Scroll|Use|Catch up|Tune in"
    r"|Go to|Head to|Head over to)\b(?![^\"“”]*[\"“”])[^.!?]{0,140}\b(?:here|below|above"
    r"|(?:the|our|this|their|his|her) (?:page|website|site|app|link|section|channel|feed"
    r"|account)|on (?:twitter|facebook|instagram|youtube)|\.(?:com|org|net|gov))\b",
    re.I,
)
_IMPERATIVE_WORDS = frozenset(
    [
        "Subscribe",
        "Sign",
        "Follow",
        "Click",
        "Tap",
        "Download",
        "Share",
        "Read",
        "Watch",
        "Listen",
        "Like",
        "View",
        "See",
        "Visit",
        "Check",
        "Take",
        "Find",
        "Learn",
        "Scroll",
        "Use",
        "Catch",
        "Tune",
        "Go",
        "Head",
    ]
)

# Unanchored, each behind its needle: an agency credit in brackets inside a sentence
# ("... on the square [Reuters] The president ..."), review phrases, a player's and a
# gallery's buttons ("autoplay", "Copy this code ...", "Hide Caption").
_ANYWHERE = (
    ("[", re.compile(r"\[(?:reuters|ap|afp|getty(?: images)?|epa|al jazeera|bbc|cnn|file|photo|image)\]\s+(?-i:[A-Z])", re.I)),
    ("penny", re.compile(r"\bworth every (?:single )?penny\b", re.I)),
    ("rave e", re.compile(r"\bcannot rave enough\b", re.I)),
    ("y recommend", re.compile(r"\b(?:highly|would) recommend (?:him|her|them|it|this)\b", re.I)),
    ("autoplay", re.compile(r"\bautoplay\b", re.I)),
    ("copy this code", re.compile(r"\bcopy this code\b", re.I)),
    ("hide caption", re.compile(r"\bhide caption\b", re.I)),
    # An agency's credit: "Jo Roe/Handout via REUTERS", "Al Poe/AP".
    ("via ", re.compile(r"\bvia (?:reuters|ap|afp|getty images|epa)\s*$", re.I)),
    ("/", re.compile(r"(?-i:\b[A-Z][a-z]+/(?:AP|AFP|Getty|EPA|Reuters|REUTERS|Handout|Pool)\b)")),
    # Sign-up lines: "You can receive this update every morning via email!"
    ("mail", re.compile(r"\b(?:receive|get) (?:this|our|the)\b[^.]{0,60}\b(?:by|via|in your)"
                        r" (?:email|e-mail|inbox)\b|\bbreaking news (?:emails|alerts)\b", re.I)),
    # ... and a newsletter's blurb: "The stories that matter, delivered weekday mornings."
    ("delivered ", re.compile(r",\s*delivered (?:weekday|every|each|daily|to your|straight to)\b[^.,;]{0,30}[.!]?\s*$", re.I)),
)  # fmt: skip
# A line in capitals: four words or more, four in five of its letters capitals.
CAPS_WORDS = 4
CAPS_SHARE = 0.8


def _capitals(sentence: str) -> bool:
    # Cheap first: the line opens with two capitals ("A L", "LOCAL"), then counts.
    if not sentence.lstrip("\"'“‘( ")[:3].isupper() or len(sentence.split()) < CAPS_WORDS:
        return False
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 15 and sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters)


# A table's row read as a sentence: eight cells or more, two in five of them numbers
# ("Size 100% 138% 1 $12,140 16,753 ..."). Tried only where a quarter of the characters
# are digits.
TABLE_CELLS = 8
TABLE_SHARE = 0.4
_CELL = re.compile(r"[$€£(]?[\d.,:%/–-]*\d[\d.,:%/–-]*[%)]?")


def _table_row(sentence: str) -> bool:
    if sum(sentence.count(d) for d in "0123456789") * 4 < len(sentence):
        return False
    cells = sentence.split()
    numbers = sum(1 for c in cells if _CELL.fullmatch(c))
    return len(cells) >= TABLE_CELLS and numbers >= TABLE_SHARE * len(cells)


def non_prose(sentence: str) -> bool:
    """Whether ``sentence`` is a label, a stamp, a credit, a notice, a review or a widget
    line by its shape (see the module's docstring)."""
    low = sentence.lower()
    head = low[:HEAD]
    for needle, rx in _START:
        if needle in head and rx.match(sentence):
            return True
    if sentence[:12].lstrip("([").split(" ", 1)[0] in _IMPERATIVE_WORDS and _IMPERATIVE.match(
        sentence
    ):
        return True
    if _capitals(sentence) or _table_row(sentence):
        return True
    return any(needle in low and rx.search(sentence) for needle, rx in _ANYWHERE)


# A player's or a picture's buttons opening a short paragraph ("CLOSE The council voted
# ...", "Buy Photo The harbour at dawn.") or closing it ("... (Photo: Jo Roe)Buy Photo"):
# the paragraph is the video's blurb or the picture's caption, with its credit. Read with
# case: "Close to 100 people ..." is prose.
_PLAYER_START = re.compile(
    r"\s*(?:CLOSE|Buy Photo|Embed|Autoplay|Hide Caption|\d+ of \d+ (?:Full Screen|Photos))\b"
)
_PLAYER_END = re.compile(r"Buy Photo\s*$")


def player_paragraph(paragraph: list[str]) -> bool:
    """Whether a paragraph opens or closes with a player's or a picture's buttons."""
    return bool(paragraph) and bool(
        _PLAYER_START.match(paragraph[0]) or _PLAYER_END.search(paragraph[-1])
    )
