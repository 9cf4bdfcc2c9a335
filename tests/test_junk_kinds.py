"""More junk of issue 14 by kind, found reading unannotated clusters: captions known by
their credit or their present tense, pointers to the page ("the video above"), player and
share widgets, notes and sponsor lines, related-story headlines in a run, social posts,
pull quotes, site names taken for headlines. Invented lines only, with the prose next to
them that must stay."""

from __future__ import annotations

import pytest

from storybrief.clean import clean_article
from storybrief.clean.junk import not_an_article
from storybrief.model import Article
from storybrief.segment import is_furniture, names_its_text, segment
from storybrief.segment.furniture import furniture_flags
from storybrief.segment.runs import (
    credit_after_caption,
    embedded_post,
    headline_runs,
    markup_embed,
)


@pytest.mark.parametrize(
    "line",
    [
        # Captions by their credit, or by the present tense and the day.
        "Councillors walk to the chamber Wednesday. | Jo Roe/RIVERTIMES Council reaches deal",
        "| Getty",
        "Al Poe / AP Mayor Jo Roe listens as the council debates the bill.",
        "Mayor Jo Roe takes part in a charity match at the arena in Leeds on Saturday.",
        "The old mill on the river bank. (Courtesy of the town archive)",
        # Pointers to the page, links.
        "Above, a bakery in the old town.",
        "Watch the mayor's speech in the video above.",
        "Watch the mayor's trip to the fair in the Evening Show clip above.",
        "Watch the full interview below!",
        "Read the council's letter here.",
        "Details on the new menu after the jump!",
        "[Video Link] The band's new song set to an old cartoon.",
        # Player and share widgets.
        # stock wording: a video site's player message, matched as written
        "Rating is available when the video has been rented.",
        "This feature is not available right now.",
        "Email This Even at 90, the baker works every day.",
        "Buy Photo The mayor was among those calling for tests.",
        "CLOSE Heavy snow closed roads across the region on Monday.",
        # Notes, sponsors, listings, adverts.
        "Update: Judge delays hearing.",
        "This series was made possible by a gift from the Carrow Harbour Trust.",
        "Starring Jo Roe and Al Poe.",
        "In English and in Welsh with English subtitles.",
        "Jo Roe has details on the evening bulletin.",
        "*You can earn a certificate for a small fee.",
        # A pull quote or heading in single quotes alone.
        "'The quiet years'",
        # Update and correction notes, a developing story.
        "UPDATE II",
        "UPDATE, Saturday morning",
        "This article was amended on 9 June 2020.",
        "Update: A quote in this piece has been changed to name the harbour master correctly.",
        "We regret the error.",
        "This is a developing story.",
        "Stay with example.com for updates.",
        "(Published Tuesday, April 23, 2013)",
        "— Updated at 8:37 p.m.",
        "ORIGINAL POST-----",
        # Credits, contributors, beat lines.
        "(Town Council photo)",
        "Courtesy Jo Roe",
        "(Jan.",
        "2) AP",
        "Jo Roe covers Harbour Town and the coast.",
        "Follow her at Twitter.com/joroe.",
        "— with additional reporting by Al Poe",
        "By Jo Roe and Al Poe Sure, the council said the bridge would close.",
        "RIVERTIMES.COM The mayor said she would stay.",
        # Links and players, live-blog stamps, section labels.
        "Read the council's full letter.pdf",
        "MUST WATCH Harbour bridge opens 04:56",
        "RELATED Mayor opens new bridge",
        "Visit www.example.org for more.",
        "Roe's Al Poe has the full story.",
        "Here's a photo of the family at the beach.",
        "7.42 pm.",
        "RESULTS:",
        "History of the town [ edit ]",
    ],
)
def test_more_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The mayor spoke at a rally in Rome on Saturday.",
        "She said the council would meet on Monday.",
        "He waves goodbye to the team every summer.",
        "The mayor, who attends church on Sunday, said nothing.",
        "'We will fight on,' he said.",
        "It's not clear what happened here.",
        "Read what she wrote, and you will understand.",
        "You can see why the council is worried.",
        "Above all, the council wants to keep the library open.",
        "CLOSE to 200 people came.",
        "The study was made possible by a grant, the authors said.",
        "Update: the council said on Monday that the bridge would reopen within a month.",
        "Read aloud in court, the letter moved the jury.",
        "He read the letter to the council on Monday.",
        "The law was amended on Monday.",
        "She covers her face when she laughs.",
        "Jo Roe covers the story for the paper, she said.",
        "Here's why the council is worried.",
        "The story has been told many times.",
        "Watch out for ice on the roads above the town.",
        "By Tuesday the council had voted.",
        "By Friday Jo Roe had left.",
        "By the time the council met, it was late.",
        "By Jo Roe's count, the council lost.",
    ],
)
def test_prose_stays_furniture_free(line: str) -> None:
    assert not is_furniture(line)


def test_caption_paragraphs_by_their_credit() -> None:
    assert furniture_flags(["The mill on the river.", "(Courtesy of the town archive)"]) == [
        True,
        True,
    ]
    assert furniture_flags(["A heron wades in the river.", "It fishes at dawn.", "Credit: Jo Roe"])
    assert all(
        furniture_flags(["A heron wades in the river.", "It fishes at dawn.", "Credit: Jo Roe"])
    )
    assert furniture_flags(["The parade passes the hall.", "| Getty"]) == [True, True]
    # A credit opening the next sentence: the one before it is the caption.
    flags = credit_after_caption(
        ["The harbour at dawn.", "AP The council said on Monday it would close the port."],
        [False, False],
    )
    assert flags == [True, False]
    prose = ["The council met on Monday to vote on the plan.", "It passed by two votes."]
    assert credit_after_caption(prose, [False, False]) == [False, False]


def test_related_headlines_in_a_run() -> None:
    rows = [
        (0, "Council backs harbour plan"),
        (1, "The council voted on Monday to rebuild the harbour wall."),
        (2, "Roe: The city must act on flooding now"),
        (3, "Ten towns that rebuilt their harbours"),
        (4, "The work starts in May, the mayor said."),
    ]
    assert headline_runs(rows, [False] * 5) == [False, False, True, True, False]
    # One such line alone is a subheading; "Name: ..." alone is a related headline.
    lone = [(0, "Intro"), (1, "The vote passed."), (2, "What happens next"), (3, "It is built.")]
    assert headline_runs(lone, [False] * 4) == [False] * 4
    quoted = [(0, "The vote passed."), (1, "Roe: Council must act now"), (2, "It is built.")]
    assert headline_runs(quoted, [False] * 3) == [False, True, False]
    # Hard-wrapped prose goes on in lower case: no headline.
    wrapped = [
        (0, "The vote passed."),
        (1, "The council said the new wall would be built when the money"),
        (2, "arrives from the region, perhaps next spring"),
        (3, "It is built."),
    ]
    assert headline_runs(wrapped, [False] * 4) == [False] * 4


def test_an_embedded_post_goes_whole() -> None:
    post = ["It's DONE!", "The new bridge opens today!", "— Jo Roe (@joroe) April 1, 2017"]
    assert embedded_post(post, [False, False, True]) == [True, True, True]
    prose = ["The bridge opened.", "Crowds came."]
    assert embedded_post(prose, [False, False]) == [False, False]


def test_segment_marks_runs_and_captions() -> None:
    text = (
        "The council voted on Monday to rebuild the harbour wall.\n\n"
        "Ten towns that rebuilt their harbours\n\n"
        "Why sea walls fail in winter\n\n"
        "The work starts in May, the mayor said."
    )
    seg = segment([Article(id="a", text=text)])
    assert [s.furniture for s in seg.sentences["a"]] == [False, True, True, False]


def test_titles_name_their_story() -> None:
    lead = "The city council closed the harbour bridge on Monday after a crack was found."
    assert names_its_text("Council closes harbour bridge", lead)
    assert not names_its_text("River Valley Law Review", lead)
    assert not names_its_text("Notes from the Newsroom Staff", lead)
    assert names_its_text("Closed", lead)


def test_a_credit_line_is_no_headline() -> None:
    text = "Photograph by Jo Roe\n\nThe city council closed the harbour bridge on Monday.\n\nIt said a crack was found in the deck and repairs would take a month."
    assert clean_article(Article(id="a", text=text)).title != "Photograph by Jo Roe"


def test_a_crawl_collection_notice_is_no_article() -> None:
    notice = "This collection contains web crawls performed by the archive's volunteers."
    assert not_an_article(notice) == "a crawl notice (Internet Archive)"
    outlinks = (
        "A crawl of outlinks from a big encyclopedia began last spring. For this one, the seed "
        "list came from every language. We turned off duplicate detection."
    )
    assert not_an_article(outlinks) == "a crawl notice (Internet Archive)"


# Kinds found reading NeuS and PolNeAR's train articles (issue 14, second round).
@pytest.mark.parametrize(
    "line",
    [
        # A contributor's place line.
        "Jo Roe reported from Harbour Town, N.C.",
        "Al Poe and Jo Roe contributed from Leeds.",
        # A list's lead-in alone.
        "Here’s what you need to know.",
        "Here are five harbour races to watch this spring.",
        "Here are some of the mayor's claims and how they compare with the record.",
        # A slideshow's dated heading.
        "Oct. 31, 2012 The handshake on the pier.",
        "June 16, 2015 Roe joins the race.",
        # A show's promotion.
        "It's time for Episode 4 of the Harbour Hour, our new podcast on the council.",
        "Tune in each week to hear us dive into the numbers.",
        "In this week’s episode, two reporters take you behind the vote.",
        "Plus: what the mayor's budget means for the harbour.",
        # A correction, a comment box's buttons, an agency caption's date and place.
        "Because of an editing error, Monday's report on the ferry vote gave the mayor's name wrongly.",
        "Jo RoeFlagShareLikeReplyAl Poe 5ptsmoderatorFeatured",
        "Mayor Jo Roe signs books for fans at the fair on May 30, 2016 in Leeds, England.",
    ],
)
def test_second_round_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Jo Roe reported from the scene that the bridge had fallen.",
        "Here's why the council is worried.",
        "Here is the realm of the river, older than the town.",
        "Here's how I will pay for it.",
        "Here is the problem: nobody voted.",
        "On Oct. 31, 2012, the mayor shook hands on the pier.",
        "Oct. 31, 2012 was the day the pier opened.",
        "The band plays a new episode of its old show on Friday.",
        "The vote was held on May 30, 2016, in Leeds, England.",
        "The chief told the police he met the mayor on May 7, 2008 in Roe's car.",
        "Due to an error, the council paid twice, the auditor said.",
    ],
)
def test_second_round_prose_stays(line: str) -> None:
    assert not is_furniture(line)


def test_a_correction_paragraph_goes_whole() -> None:
    note = ["Because of an editing error, an article misstated the date.", "It was in May."]
    assert furniture_flags(note) == [True, True]
    assert furniture_flags(
        ["Correction: An earlier map showed the wrong bridge.", "It is in Leeds."]
    ) == [True, True]


def test_an_embed_in_its_markup_goes_whole() -> None:
    post = [
        '<tweet author="joroe" id="1">The bridge is open.',
        "Come and see it</tweet>.",
        "Crowds came.",
    ]
    assert markup_embed(post, [False] * 3) == [True, True, False]
    assert markup_embed(['<tweet tweet-id="12"><tweet/>.', "The vote passed."], [False] * 2) == [
        True,
        False,
    ]
    # An unclosed tag goes alone; a heart or a comparison is no tag.
    assert markup_embed(['<tweet author="jo" date="', "— Cut the tolls."], [False] * 2) == [
        True,
        True,
    ]
    assert markup_embed(["I <3 this town.", "The rate is < 2 percent and > 1."], [False] * 2) == [
        False,
        False,
    ]
    # Its signature with the closing tag glued on.
    assert markup_embed(["— Jo Roe (@joroe) April 1, 2017</tweet>."], [False]) == [True]
    segments = segment(
        [Article(id="a", text='The bridge opened.\n\n<tweet author="jo">Great day</tweet>.')]
    )
    assert [s.furniture for s in segments.sentences["a"]] == [False, True]
