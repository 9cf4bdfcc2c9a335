"""Junk of issue 14 that must never reach a brief, a title or a timeline: placeholder
pages (rejected whole, with the reason), captions, credits, contributor and contact lines,
corrections, read-more and widget lines, fragments; and what a real headline is. Invented
lines shaped like the real ones, with the prose next to them that must stay."""

from __future__ import annotations

import pytest

from storybrief.clean.junk import not_an_article
from storybrief.segment import is_furniture, is_headline
from storybrief.segment.furniture import furniture_flags


@pytest.mark.parametrize(
    "line",
    [
        # Captions: who stands where, a place and date with no "on", a credit alone.
        "Actor Jo Roe, right, speaks during a press conference for the film at the festival.",
        "Jo Roe (left) had flown to Carrow to visit her sister.",
        "From left, actors Jo Roe and Al Poe pose as they arrive for the screening.",
        "Jo Roe, a sailor from Carrow, speaks to reporters at an inn in Port Evelyn, Westmark May 30, 2016.",
        "Image taken by Jo Roe showing what divers think is the bell of the sunken ferry.",
        "Slideshow (14 Images)",
        "See full-size image here",
        # Contributor, editing, contact, provenance.
        "Edited and translated by Jo Roe, People's Daily Online",
        "Contact Jo Roe: 313-222-8851 or jroe@example.com.",
        "Original article on River Weekly.",
        "This story was originally published with the title The Quiet Harbour.",
        "Directed by Jo Roe.",
        # Links, widgets, players, asides.
        "MORE 7 Charts That Explain How Ferries Changed Towns",
        "Related Watch the Bridge Engineer Explain How the Span Was Lifted",
        "[More on the match, plus video of the goal]",
        "You will need an HTML5 capable browser to watch this video.",
        "Want to add to this story? Tell us.",
        "Please check back for regular updates on this story.",
        "NBC10's Jo Roe has the details.",
        "© 2014 Axanar Productions.",
        "Summary and Introduction",
        "Replay Play with sound Play with",
        "We accept PayPal!",
        "HARBOUR HOUR and all related marks and names belong to Roe Studios.",
        "A Roe Pictures release of a Poe Films presentation of a Doe production.",
        "More information",
        # A fragment cut at its start by the page.
        "volunteers, and so much to see that it will easily fill your whole weekend.",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The law took effect on May 30, 2016.",
        "More than 50 people died in the fire, officials said.",
        "Related to this, the mayor said the budget would be cut.",
        "Texas Gov. Rick Perry (R) has not really been vetted, she said.",
        "This new view of the harbour's history will take years to piece together.",
        "iPhone sales rose by a tenth in the quarter.",
        "The results of the study were published in Nature.",
        "He was seen leaving the house at 9 p.m. on Friday.",
        "The studio said the release of the film would be delayed by a month.",
        "Police asked anyone with more information to call them.",
        "She played the recording with sound turned down.",
    ],
)
def test_prose_stays(line: str) -> None:
    assert not is_furniture(line)


def test_a_caption_paragraph_goes_whole() -> None:
    # The credit closes the paragraph; or the paragraph opens as a caption.
    assert furniture_flags(["Jo Roe speaks in Kathmandu.", "REUTERS/Al Poe"]) == [True, True]
    assert furniture_flags(["The actor took the stage.", "(Al Poe/AP)"]) == [True, True]
    assert furniture_flags(
        [
            "Image copyright Town Police Image caption Jo Roe was seen near the harbour.",
            "He was 27.",
        ]
    ) == [True, True]
    assert furniture_flags(["What are the true risks of cannabis?", "Read more"]) == [True, True]
    assert furniture_flags(["Jo Roe said it rained.", "It rained all day."]) == [False, False]


def test_headlines() -> None:
    assert is_headline("Band's Jo Roe Dead at 52")
    assert is_headline("Farm caucus, moderates to back water bill")
    assert not is_headline("The Riverside Aquarium gift shop is absolutely")
    assert not is_headline("Tolls tolls tolls Roe's Toll Speech Drew Mixed Replies")
    assert not is_headline("Video Advertisement Continue reading the main story")
    assert not is_headline("Summary and Introduction")


def test_placeholder_pages_are_no_articles() -> None:
    # Two kinds of placeholder on one page add up.
    mixed = (
        "this content is currently not publicly available.\n\n"
        "Since 1996 the crawler has given its data to the Internet Archive; the data reach "
        "the Wayback Machine some months later.\n\nSorry, this page could not be "
        "found.\n\nIf you followed a bookmark, the address of the page may have "
        "changed.\n\nPlease pick a section from the menu at the top of this page."
    )
    assert not_an_article(mixed) in ("an error page", "a crawl notice (Internet Archive)")
    horoscope = (
        "Stars\n\nYou can expect a busy week ahead and whatever comes your way you will "
        "handle it well. Do not hold back this time. This is your season and you have the "
        "power to choose where it goes."
    )
    assert not_an_article(horoscope) == "a page addressed to the reader"
    # A short report that quotes someone speaking to "you" is a report.
    quoted = (
        '"You can expect delays, and you should plan your trip," the mayor said on Monday. '
        "The bridge closes for your safety, the city said."
    )
    assert not_an_article(quoted) is None
