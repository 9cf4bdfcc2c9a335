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
        "Jo Roe (left) had come to London to be with her fiance.",
        "From left, actors Jo Roe and Al Poe pose as they arrive for the screening.",
        "Jo Roe, a climber from Ohio, speaks to the media at a hotel in Kathmandu, Nepal May 30, 2016.",
        "Image taken by Jo Roe showing what the team believes is a valve wheel on the ship.",
        "Slideshow (2 Images)",
        "Full-size image here",
        # Contributor, editing, contact, provenance.
        "Edited and translated by Jo Roe, People's Daily Online",
        "Contact Jo Roe: 313-222-8851 or jroe@example.com.",
        "Original article on Live Science.",
        "This article was originally published with the title A Signal for Solitude.",
        "Directed by Jo Roe.",
        # Links, widgets, players, asides.
        "MORE 5 Photos That Show How King Kong Changed Movies",
        "Related Watch 'Pokemon Go' Creator Explain Origins of the Game",
        "[More on the match, plus video of the goal]",
        "You'll need an HTML5 capable browser to see this content.",
        "Want to add to this story?",
        "Please make sure you check back for regular updates.",
        "NBC10's Jo Roe has the details.",
        "© 2014 Axanar Productions.",
        "Abstract and Introduction",
        "Play Replay with sound Play with",
        "We accept PayPal!",
        "GALAXY QUEST and all related marks, logos and characters are owned by Roe Studios.",
        "A Roe Pictures release of a Poe Films presentation of a Doe production.",
        "More information",
        # A fragment cut at its start by the page.
        "staff, and so much to do that it will easily take up your entire day.",
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
        "This new picture of reality will take a long time to put together.",
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
        ["Image copyright Met Police Image caption Jo Roe was known to police.", "He was 27."]
    ) == [True, True]
    assert furniture_flags(["What are the true risks of cannabis?", "Read more"]) == [True, True]
    assert furniture_flags(["Jo Roe said it rained.", "It rained all day."]) == [False, False]


def test_headlines() -> None:
    assert is_headline("LFO's Devin Lima Dead at 41")
    assert is_headline("Black Caucus, progressives to oppose debt deal")
    assert not is_headline("The San Diego Zoo Safari Park is absolutely")
    assert not is_headline("jobs jobs jobs Obama's Jobs Speech Prompted Some Reactions")
    assert not is_headline("Photo Advertisement Continue reading the main story")
    assert not is_headline("Abstract and Introduction")


def test_placeholder_pages_are_no_articles() -> None:
    # Two kinds of placeholder on one page add up.
    mixed = (
        "this data is currently not publicly accessible.\n\n"
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
        "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
        "embargo period.\n\nSorry, the page you requested could not be found.\n\n"
        "If you are trying to reach a page from a bookmark, the page URL may have changed.\n\n"
        "Please choose a community from the navigation at the top of this page."
    )
    assert not_an_article(mixed) in ("an error page", "a crawl notice (Internet Archive)")
    horoscope = (
        "Stars\n\nYou can expect some amazing things to occur over the next 48 hours and "
        "whatever they happen to be you will be at the center of them. Don't be too passive "
        "though. This is your time of year and you have the power to set the agenda."
    )
    assert not_an_article(horoscope) == "a page addressed to the reader"
    # A short report that quotes someone speaking to "you" is a report.
    quoted = (
        '"You can expect delays, and you should plan your trip," the mayor said on Monday. '
        "The bridge closes for your safety, the city said."
    )
    assert not_an_article(quoted) is None
