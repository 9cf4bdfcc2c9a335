"""Junk of issue 14, round five: kinds of caption, credit, contributor, beat, contact,
update, sign-off, pointer and widget lines that many sites print and earlier rounds let
through, each next to prose of the same shape that must stay open. Invented lines only."""

from __future__ import annotations

import pytest

from storybrief.clean.batch import clean_articles
from storybrief.model import Article
from storybrief.segment import segment
from storybrief.segment.furniture import furniture_flags

JUNK = [
    # Captions and credits.
    "Photo courtesy of the Carrow Police Department",
    "Ilse Brandt is shown in this booking photo released by the Carrow County Sheriff.",
    "Ilse Brandt appears in an undated handout photo.",
    "A still from the video shows the harbour bridge at night.",
    "Screengrab: YouTube",
    "Jo Roe/Carrow Times",
    "Jo Roe/Carrow Times via AP",
    "Staff and agencies",
    # Contributor, beat and contact lines.
    "Jo Roe in Dunmore and Al Ng in Carrow contributed.",
    "AP writer Jo Roe contributed.",
    "The Associated Press contributed.",
    "Jo Roe, Al Ng and Bea Moss contributed from Carrow.",
    "Jo Roe is a staff writer for the Carrow Times.",
    "Jo Roe is a reporter at the Carrow Times covering city hall.",
    "Jo Roe is the Carrow Times' transport correspondent.",
    "Jo Roe writes about transport for the Carrow Times.",
    "Jo Roe can be reached at 555-123-4567.",
    "This report includes material from the Associated Press.",
    "Information from the Associated Press was used in this report.",
    # Notes on the page.
    "Clarification: An earlier headline misstated the cost of the repairs.",
    "This post has been updated with a statement from the council.",
    "This piece has been updated.",
    "The story was updated at 3 p.m. to include comment from the mayor.",
    "UPDATE (3:45 p.m.):",
    "Update, 5 p.m. ET: The mayor has spoken.",
    "This story will be updated.",
    "This is a breaking news story and will be updated.",
    "Stay tuned.",
    "Stay tuned for updates.",
    "More to come.",
    # Sign-offs.
    "Thanks for reading.",
    "Until next time.",
    "With gratitude, Jenni",
    "Sincerely, the Carrow Harbour Trust",
    # Pointers.
    "Full story at Carrow Times",
    "Keep reading",
    "Scroll down for video",
    "Don't miss: Five bridges to see this summer",
    "For the latest news, visit carrowtimes.com.",
    "Get the latest news from Carrow at carrowtimes.com.",
    # Widgets.
    "Play Video",
    "Sorry, this video is not available",
    "This video is no longer available.",
    "Have a news tip? Email us.",
    "Want more stories like this?",
    "Previous Next",
]

PROSE = [
    "Acme Corp and Beta Holdings also contributed.",
    "The Smith family contributed.",
    "Jo Roe is a reporter who was held in Dunmore for 18 months.",
    "Jo Roe is a reporter for the Carrow Times who was detained last year.",
    "Jo Roe is the mayor's chief of staff.",
    "Jo Roe writes on the wall of the cell every day.",
    "Police said Jo Roe is seen in the video striking the officer.",
    "The summit can be reached by helicopter only.",
    "Last week's release also includes material from a cache of new records.",
    "The report will be updated every year by the ministry.",
    "The full report from the inspector general is due in May.",
    "For more than a decade, Jo Roe worked at Amazon.com in Seattle.",
    "The video has been removed by the platform.",
    "Stay tuned, the mayor told reporters with a grin.",
    "Keep reading the signs, the guide said.",
    "Screenshots of their messages were posted on a gossip site.",
    "Next up: the final vote on Thursday.",
    "Thanks to the new funding, the clinic will reopen.",
    "The council has more to come on the budget, the mayor said.",
    "Update the software, officials urged.",
]


@pytest.mark.parametrize("line", JUNK)
def test_round5_junk_is_furniture(line: str) -> None:
    assert all(furniture_flags([line]))


@pytest.mark.parametrize("line", PROSE)
def test_round5_prose_stays_open(line: str) -> None:
    assert not any(furniture_flags([line]))


def test_caption_paragraph_with_guardian_credit_goes_whole() -> None:
    """A headline, standfirst and caption glued into one paragraph that ends in
    "Photograph: Name/Outlet" goes whole; the article's prose after it stays."""
    paragraph = [
        "Harbour bridge closed to lorries after cracks found in two piers.",
        "The cracked pier of the harbour bridge in Carrow. Photograph: Jo Roe/Carrow Times",
    ]
    assert furniture_flags(paragraph) == [True, True]
    assert furniture_flags(["The council voted to close the bridge on Tuesday."]) == [False]


def test_round5_lines_never_reach_open_sentences_of_an_article() -> None:
    """End to end through cleaning and segmentation: each junk line, as its own paragraph
    inside an invented article, is furniture there, and no prose sentence is lost."""
    prose = [
        "The council of Carrow voted on Tuesday to close the old harbour bridge to lorries.",
        "Mayor Ilse Brandt said the repairs would take at least eight months.",
        "Shopkeepers on the quay worried that the detour would keep visitors away.",
        "Engineers from the regional roads office will inspect the piers next week.",
    ]
    for line in JUNK:
        text = "\n\n".join([*prose[:2], line, *prose[2:]])
        cleaned = clean_articles([Article(id="d0", text=text, origin="test")])
        assert cleaned.articles, line
        article = cleaned.articles[0]
        sentences = segment([article]).sentences[article.id]
        open_ = [s.text for s in sentences if not s.furniture]
        assert open_ == prose, line
