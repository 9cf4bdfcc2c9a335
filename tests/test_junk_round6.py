"""Junk of issue 14, round six (the tune clusters annotated on 4 December): pointer,
label, promotion, rights, comment-box, caption and schedule lines many sites print, each
next to prose of the same shape that must stay open. Invented lines only."""

from __future__ import annotations

import pytest

from storybrief.segment.furniture import furniture_flags, is_furniture

JUNK = [
    # Pointers with their lead-in.
    "You can read the full interview here.",
    "You can watch the council's briefing below:",
    "(Below, see the ferries crossing the bay in winter.)",
    "Want more?",
    # Labels and link lines.
    "Must-reads:",
    "(Also on Carrow Times: five things to know about the bridge)",
    "MORE | Two ferries delayed by fog near Carrow harbour",
    "Watch the report | Raw footage from the harbour rescue",
    "Play Video 2:10 Carrow council votes on the bridge – video",
    "UPDATE, 10:11 p.m. — An earlier report gave the wrong count of ferries.",
    # Promotions, prices and tip lines.
    "Test your knowledge of the harbour's history with our weekly quiz.",
    "** A message from the Carrow Ferry Fund: Ferries work for everyone.",
    "Subscriptions are $120 per year.",
    "Call 555-201-3344 with information about the fire.",
    # Rights, comment boxes, follow lines, advert links.
    "This book or any part of it may not be reproduced without the written consent of the publisher.",
    "12 Comments. Comments on this story have been closed.",
    "For more news on Carrow's courts, follow @jroe_carrow.",
    "If you bought a Harbour Lamp, we invite you to visit our lamp claims page to reach a lawyer.",
    "An earlier version of this post misspelled the ferry captain's name.",
    # Captions by their picture's source, or by who stands where.
    "Ilse Brandt, in this photograph provided by the Carrow town hall, is seen at a race.",
    "This image, released by the survey team, appears to show the wreck's anchor.",
    "A sketch released of a man sought after the harbour fire.",
    "Ilse Brandt (L) and Al Ng speak to reporters in Carrow.",
    # A broadcast's schedule.
    "Carrow Radio on Saturday, 14 March, at 09:10 GMT and on Sunday, 15 March, at 02:10 GMT",
    "The Quiet Harbour - a Carrow Special - will be broadcast on Tuesday, 13 May, at 22:35.",
    # A heading led by its year.
    "2015 Carrow Images in the News",
    "2010 Carrow Election Guide",
]

PROSE = [
    "You can read more about the plan in the council's report.",
    "Below the bridge, the river runs fast in spring.",
    "She wanted more time to read the papers.",
    "More than 300 people attended the meeting on Tuesday.",
    "The update, released at 10 a.m., listed three new ferry routes.",
    "Students were asked to test their knowledge of the tides.",
    "The mayor said she would call the ferry company on Monday.",
    "A photo of the family, taken at the harbour last year, hangs in the hall.",
    "Gov. Ilse Brandt (R) signed the bill into law on Tuesday.",
    "Sen. Al Ng (D) said the vote would be close.",
    "The council met on Saturday, 14 March, at 09:10 and voted on the bridge.",
    "The archive said the letters may not be reproduced in full, but the court ruled otherwise.",
    "Comments on the plan were gathered for six weeks before the vote.",
    "Many of the fans follow the club to every away game.",
    "The final will be broadcast live, the network said on Tuesday.",
    "2015 was a hard year for the Carrow ferry guide.",
    "The 2010 Carrow Election Results were never published.",
]


@pytest.mark.parametrize("line", JUNK)
def test_round6_junk_is_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", PROSE)
def test_round6_prose_stays_open(line: str) -> None:
    assert not is_furniture(line)


def test_sketch_caption_paragraph_goes_whole() -> None:
    """A short paragraph opening as a picture's caption ("A sketch released of ...") goes
    whole: its next sentence describes the picture; a report's paragraph stays open."""
    caption = ["A sketch released of a man sought after the harbour fire.", "He was later named."]
    assert furniture_flags(caption) == [True, True]
    report = ["The sketch artist worked from three accounts.", "Police thanked the witnesses."]
    assert furniture_flags(report) == [False, False]
