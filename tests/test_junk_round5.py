"""Junk of issue 14, round five: kinds of caption, credit, contributor, beat, contact,
update, sign-off, pointer and widget lines that many sites print and earlier rounds let
through, each next to prose of the same shape that must stay open. Invented lines only."""

from __future__ import annotations

import pytest

from storybrief.clean.batch import clean_articles
from storybrief.clean.junk import not_an_article
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
    "Load more",
    "Report a typo",
    "Submit your photos",
    "Got a story? Email us.",
    "Like this story?",
    "Get breaking news alerts on your phone.",
    # More credits, bylines and bios.
    "In this frame from video, Mayor Ilse Brandt walks on the quay.",
    "EPA/JO ROE",
    "Associated Press",
    "ASSOCIATED PRESS.",
    "(Carrow County Sheriff's Office)",
    "(The Carrow Times)",
    "Ilse Brandt (Carrow County Jail)",
    "Jo Roe | Carrow Times",
    "Jo Roe for The Carrow Times",
    "Jo Roe, Special to the Carrow Times",
    "Story by Jo Roe",
    "Jo Roe is the author of The Quiet Harbour.",
    "Jo Roe is co-author of The Quiet Harbour, out in the spring.",
    "Jo Roe is a senior fellow at the Carrow Institute.",
    "The views expressed are the author's own.",
    "Opinions expressed are solely those of the author.",
    "This story was produced in partnership with Carrow Radio.",
    "Tolls on the bridge, 2010 to 2015 (Source: Carrow Times)",
    # Wire captions by their date, and more notes and widgets.
    "FILE- This June 2, 2015 photo shows Mayor Ilse Brandt in Carrow.",
    "In this Sept. 5, 2015 photo, Mayor Ilse Brandt walks on the quay.",
    "In this Tuesday, June 2, 2015, photo, Mayor Ilse Brandt walks on the quay.",
    "This Jan. 5, 2015 photo shows Mayor Ilse Brandt on the quay.",
    "In a photo provided by the Carrow Police Department, officers stand at the bridge.",
    "Shown is the harbour bridge in Carrow on Tuesday.",
    "Here's more from the Carrow Times:",
    "Further reading: The bridges of Carrow",
    "Expand",
    "Fullscreen",
    "Next slide",
    "View gallery",
    "Correction appended",
    "CORRECTION APPENDED.",
    "Corrections & clarifications: The council met on Tuesday, not Monday.",
    "(Corrects spelling of name in paragraph 3)",
    "(Refiles to fix typo in headline)",
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
    "Jo Roe is the author of the bill that passed on Tuesday.",
    "Jo Roe is the author of Senate Bill 5.",
    "Reuters/Ipsos polling shows the mayor ahead by four points.",
    "(The mayor declined to comment.)",
    "Submit your comments to the council by Friday, the notice said.",
    "Victory for Ilse Brandt in Carrow",
    "The story was produced by a small team over two years, the editor said.",
    "In a photo posted on Instagram on Tuesday, the singer showed off her new ring.",
    "In this case, the council voted against the plan.",
    "In this 2015 case, the court ruled for the town.",
    "This June, the council will vote on the bridge again.",
    "This could explain why the photo shows two men.",
    "File a claim with the council by Friday.",
    "Collapse of the bridge was feared, engineers said.",
    "Shown the evidence, the jury convicted him.",
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


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (
            "Sorry, this article is no longer available.\n\n"
            "It may have been removed or the link may be out of date.",
            "an error page",
        ),
        ("This story is no longer available on our website.", "an error page"),
        ("Hmm, we couldn't reach that page. Try searching for the story instead.", "an error page"),
        (
            "You have reached your limit of free articles this month.\n\n"
            "Subscribe now for unlimited access to the Carrow Times for just 1 euro a week.",
            "a paywall",
        ),
    ],
)
def test_round5_placeholder_pages_are_rejected(page: str, reason: str) -> None:
    assert not_an_article(page) == reason


def test_round5_report_about_a_removed_page_is_kept() -> None:
    """A report that mentions a page taken down has other lines: it stays an article."""
    page = (
        "The council of Carrow removed its report on the harbour bridge from its website on "
        "Tuesday, a week after engineers disputed its figures.\n\n"
        "The report is no longer available on the council's site, a spokesman said, and a "
        "corrected version will be published after the inspection of the piers next month.\n\n"
        "Mayor Ilse Brandt said the engineers' objections had been taken seriously and that "
        "the bridge would stay closed to lorries until the repairs were finished."
    )
    assert not_an_article(page) is None


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
