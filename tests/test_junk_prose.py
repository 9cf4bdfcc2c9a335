"""Lines that are no prose by their shape (issue 14, general markers): interview labels,
lines in capitals, live-blog stamps, credits in brackets or glued to the first sentence,
paid notices, poll footnotes, visitor reviews, pointers and player buttons. Invented
lines, with the prose next to them that must stay."""

from __future__ import annotations

import pytest

from storybrief.clean.junk import not_an_article
from storybrief.segment import is_headline
from storybrief.segment.furniture import furniture_flags
from storybrief.segment.prose import non_prose, player_paragraph


@pytest.mark.parametrize(
    "line",
    [
        # Interview labels.
        "Q: What will the council do about the harbour bridge?",
        "A: We will close it for a month.",
        "MAYOR JO ROE: Thank you all for coming.",
        "ROEBUCK: Well, the ferry runs on Sundays.",
        '"JO ROE: I never said that.',
        "Reporter: The bridge has been closed since Monday.",
        # A line in capitals.
        "A LOCAL BAKER IS THE TOWN'S NEWEST MILLIONAIRE AFTER A LUCKY TICKET.",
        "CHANNEL 9 REPORTED ON THIS WINNER BEFORE.",
        # A live blog's time-stamped entry.
        "11:40 am — Police name the driver of the ferry.",
        "6:45 pm – The mayor arrives at the harbour.",
        "4:40 p.m.:",
        # Credit lines, a video's lead-in, a page's message, a stylesheet.
        "Submitted photo.",
        "Image from the Harbour Town ferry campaign.",
        "Jo Roe/Handout via REUTERS",
        "Al Poe/Reuters.",
        "Jo Roe reports.",
        "Jo Roe, RIVER TIMES",
        "Jo Roe and Al Poe, Harbour Gazette | harbourgazette.com",
        "Video provided by River News",
        "This image show the old ferry at the quay in Harbour Town.",
        "Size 100% 150% 200% 1 $12,140 18,210 24,280 2 $16,460 24,690 32,920",
        "Please try again later.",
        ".image-wrap {",
        "You can receive this harbour digest each weekday via email!",
        "The harbour's news that matters, delivered weekday mornings.",
        # Credits: in brackets inside a caption run on, and "Name, Outlet" glued on.
        "Crowds gather on the quay at dawn [Reuters] The harbour master said the ferry had sunk.",
        "Jo Roe, River Times The council is buying the old ferry for $2 million.",
        # A paid notice, a poll's footnote, a visitor's review.
        "Paid Notice: Deaths ROE, JO.",
        "Margin of error +/- 4 percentage points.",
        "Would highly recommend her as a guide.",
        "The boat trip was lovely and worth every single penny.",
        # A pointer, a player's and a gallery's buttons.
        "For more about ferry safety, visit the coast guard's website.",
        "Watch the full interview with the harbour master below:",
        "Like the page:",
        "(See the ferry's full timetable here.)",
        "Visit roeferries.com for ticket information.",
        "Embed Ferry Sinks Off Harbour Town 2:11 autoplay autoplay Copy this code to your site",
        "Hide Caption 3 of 12 Photos: The harbour The quay at dawn.",
    ],
)
def test_non_prose_lines(line: str) -> None:
    assert non_prose(line)
    assert furniture_flags([line]) == [True]


@pytest.mark.parametrize(
    "line",
    [
        "The CDC said the ferry was safe.",
        "CDC: Ferries are safe to ride again.",  # a headline: an acronym, not a speaker
        "NASA and the FAA will review the launch.",
        "Jo Roe, River Times reporter, said the ferry had sunk.",
        "Jo Roe, a River Times reporter, covered the trial.",
        "The Carrow poll carries a margin of error of three points either way.",
        "The mayor said she would recommend the plan to the council.",
        "At 11:40 am police named the driver.",
        "9:27 am: I wake up to the sound of the ferry horn.",
        "The photo was submitted to the council on Monday.",
        "Images from the harbour camera showed the ferry listing.",
        "The Harbour Times reports that the ferry sank.",
        "Please, the mayor begged, let the ferry run.",
        "She said the ferry would run via Harbour Town.",
        "The letters were delivered every Monday by the ferry.",
        "The video shows the ferry listing before it sank.",
        "This is what the photo shows, the captain said.",
        "The ferry carried 120 people, 14 cars and 3 trucks on 2 decks in 2019.",
        "Jo Roe, Al Poe and Ann Doe.",  # a list of names with its stop
        "Jo Roe, the ferry's captain, was rescued",
        "The crew cited leaking pipes and dirty floors. [Reuters]",  # a source at its end
        "For more than a decade, the ferry has run at a loss, officials said.",
        "The council said the video of the ferry showed the captain at the helm.",
        "Three of the 12 passengers were rescued.",
        "Watch for the ferry to return next week, the mayor said.",
        '"Watch the harbour closely," she told the crew on Monday.',
        "Read more widely, the council urged its staff at the library.",
        "A statement from the US Coast Guard said the crew had been rescued.",
    ],
)
def test_prose_stays(line: str) -> None:
    assert not non_prose(line)


def test_headlines_are_not_judged_by_these_rules() -> None:
    # A page's headline in capitals or "Name: what was said" stays a headline.
    assert is_headline("FERRY SINKS OFF HARBOUR TOWN")
    assert is_headline("Roe: Council must rebuild the bridge")


def test_a_shop_page_with_scare_quotes_is_addressed_to_the_reader() -> None:
    # Scare quotes quote no one; a short quotation with "said" still does.
    shop = (
        'Shop or "Pause" Your box is always your choice! Log into your account to "Pause '
        'the Box" by the 3rd and you will not be charged.\n\nGold Club Points If you do '
        'not shop or "Pause the Box" by the 3rd, your card will be charged $29 on the 4th.'
    )
    assert not_an_article(shop) == "a page addressed to the reader"
    quoted = 'The mayor said "you can expect delays" and your trains will run late.'
    assert not_an_article(quoted) is None


def test_a_player_paragraph_goes_whole() -> None:
    blurb = [
        "CLOSE The council voted on Monday to close the harbour bridge.",
        "Here is how the vote went.",
        "Jo Roe, River Times",
    ]
    assert furniture_flags(blurb) == [True, True, True]
    caption = [
        "Buy Photo Jo Roe at the quay.",
        "She ran the ferry for 20 years. (Photo: Al Poe)Buy Photo",
    ]
    assert furniture_flags(caption) == [True, True]
    prose = ["Close to 100 people came to the quay.", "The ferry left at noon."]
    assert not player_paragraph(prose)
    assert furniture_flags(prose) == [False, False]


def test_player_crawl_and_map_pages_are_no_articles() -> None:
    player = (
        # stock wording: a video site's player messages, matched as written
        "Rating is available when the video has been rented.\n\nThis feature is not "
        "available right now. Please try again later."
    )
    assert not_an_article(player) == "a media player message"
    crawl = (
        "The seed for Wide00099 was:\n\n- Slash pages from each site our last run reached:\n\n-- "
        "sorted by the inter-domain links pointing at them\n\n-- up to 50 URLs per domain"
    )
    assert not_an_article(crawl) == "a crawl notice (Internet Archive)"
    disclaimer = (
        # stock wording: the standard map disclaimer's phrase, matched as written
        "The lines on this chart do not imply the expression of any opinion by the "
        "Westmark survey office about where one county ends and the next begins."
    )
    assert not_an_article(disclaimer) == "a map's disclaimer"
    report = "Please try again later, the harbour master told ferry passengers on Monday."
    assert not_an_article(report) is None


def test_a_paid_page_is_no_article() -> None:
    notice = (
        "Paid Notice: Deaths ROE, JO ANN.\n\nROE--Jo Ann, 91, of Harbour Town, passed away "
        "on Friday. She ran the ferry for 40 years and is survived by two sons."
    )
    assert not_an_article(notice) == "a paid notice"
    report = (
        "Paid notices in the local paper rose by a third, the publisher said.\n\nThe paper "
        "prints them on Sundays."
    )
    assert not_an_article(report) is None
