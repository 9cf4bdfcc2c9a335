"""Clean: real seed pages lose their boilerplate and keep their prose; the rules generalise.

Seed expectations are line numbers (1-based, of the file as stored), never seed text: the
text lives in ../shared/data and is not copied here.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import ftfy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builders import article
from conftest import shared_path
from storybrief.clean import clean_article, clean_text, repair
from storybrief.clean import furniture as furniture_mod
from storybrief.clean import layout as layout_mod
from storybrief.clean import lexicon as lx
from storybrief.clean.lines import is_terminal
from storybrief.errors import NoArticleError
from storybrief.ingest import read_articles
from storybrief.model import Article

repair_mod = sys.modules["storybrief.clean.repair"]  # the package exports a function by this name

# Lines of article prose per seed file (1-based line numbers). Every other non-blank line is
# boilerplate: title line, captions, bylines, sign-offs, price plans, comment forms, etc.
SEED_PROSE = {
    "000": [3, 7, 9, 11, 13, 15, 17, 19, 21, 23],
    "001": list(range(7, 26, 2)),
    "002": [10, 12, 14, 16, 18, 20, 22, 25, 27, 29, 31, 33, 35, 37, 39],
    "003": list(range(1, 9)),
    "004": list(range(7, 30, 2)),
}
# Seeds whose first line is the headline (taken as the title by ingest).
SEED_TITLED = {"001", "002", "004"}


def kept_line_numbers(raw: str, cleaned: str) -> list[int]:
    """Map each output line back to its input line number (output lines are repaired input)."""
    repaired = repair(raw).split("\n")
    numbers, start = [], 0
    for line in (x for x in cleaned.split("\n") if x):
        index = repaired.index(line, start)  # raises if cleaning had invented a line
        numbers.append(index + 1)
        start = index + 1
    return numbers


def seed_files() -> list[Path]:
    return sorted(shared_path("seeds").glob("*.txt"))


@pytest.mark.parametrize("prefix", sorted(SEED_PROSE))
def test_seed_keeps_exactly_its_prose(prefix: str) -> None:
    (path,) = [p for p in seed_files() if p.name.startswith(prefix)]
    articles, rejected = read_articles([path])
    assert rejected == []
    cleaned = clean_article(articles[0])
    assert (cleaned.title is not None) == (prefix in SEED_TITLED)
    assert kept_line_numbers(path.read_text(encoding="utf-8"), cleaned.text) == SEED_PROSE[prefix]
    # paragraphs stay separated by blank lines
    assert "\n\n".join(p for p in cleaned.text.split("\n\n")) == cleaned.text
    assert all("\n" not in p for p in cleaned.text.split("\n\n"))


def test_seed_counts() -> None:
    """Totals over the five seeds, as reported: kept prose lines vs dropped furniture."""
    kept = dropped = 0
    for path in seed_files():
        articles, _ = read_articles([path])
        cleaned = clean_article(articles[0])
        kept += len([x for x in cleaned.text.split("\n") if x])
        dropped += len(cleaned.removed_lines)
    assert kept == sum(len(v) for v in SEED_PROSE.values()) == 55
    assert dropped == 61  # plus 3 headlines taken as titles: 119 non-blank lines


def test_seed_repairs_escaped_quotes() -> None:
    (path,) = [p for p in seed_files() if p.name.startswith("000")]
    cleaned = clean_text(path.read_text(encoding="utf-8"))
    assert "\\'" not in cleaned.text and "\\’" not in cleaned.text
    assert all("\\" not in line for line in cleaned.removed)


# --- handwritten boilerplate from imagined other sites -----------------------------------

FURNITURE = [
    "Sign up for our weekly newsletter and get the best stories in your inbox.",
    "Already a subscriber? Log in here.",
    "Click here to read the full report.",
    "Share on WhatsApp",
    "Tweet",
    "Advertisement",
    "Story continues below advertisement",
    "Photo: Lena Ortiz / Harbour Times",
    "Updated: 3:42 PM EDT, Tue June 6, 2023",
    "Posted 2 hours ago",
    "By Harriet Osei and Karl Lind",
    "By: Staff Reporter",
    "(Reuters)",
    "— AP",
    "mjr/dtb",
    "$1 for 6 months",
    "€9.99 / month",
    "Save 40%",
    "12 Months",
    "Support independent journalism. Become a member today!",
    "Don't miss out: download our app for breaking news alerts.",
    "Read more: Mayor unveils new cycling plan",
    "Tags: transport, council, budget",
    "Copyright 2023 Harbour Times. All rights reserved.",
    "Disclaimer: This article was generated from a syndicated feed.",
    "We use cookies to give you the best experience. By using this site you accept our cookie policy.",
    "You have reached your limit of free articles this month. Subscribe for unlimited access.",
    "Please enable JavaScript to view the comments.",
    "Follow us on Instagram",
    "Join the conversation",
]

PROSE_LINES = [
    "The harbour authority said the new ferry terminal would open in the spring.",
    "Sign language interpreters stood beside the mayor during the announcement.",
    "Share prices in the port operator fell 3% on Monday after the delay was announced.",
    "The streaming service said its subscribers rose to 12 million in the quarter.",
    "“Join us in rebuilding this town,” she told the crowd on Saturday.",
    "By the end of the year, the council expects the terminal to handle 40 trains a day.",
    "Follow-up talks between the unions and the operator are planned for May.",
    "It was the first time the two ministers had met since the election.",
    "He said he would not stand again.",
    "Download speeds in rural areas remain far below the national average, the regulator found.",
    "Our correspondent in the capital said the streets were quiet on Sunday evening.",
    "Support for the plan has grown among voters, according to a poll published on Friday.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_unseen_furniture_goes(line: str) -> None:
    text = "\n\n".join([PROSE_LINES[0], line, PROSE_LINES[7], PROSE_LINES[2]])
    result = clean_text(text)
    assert line not in result.text.split("\n")
    assert line.strip() in result.removed


@pytest.mark.parametrize("line", PROSE_LINES)
def test_prose_with_ui_words_stays(line: str) -> None:
    before = "The minister arrived at the port shortly after nine on Wednesday morning."
    after = "Officials expect the first passengers to board the new ferries in April."
    assert line in clean_text(f"{before}\n\n{line}\n\n{after}").text.split("\n")


def test_generic_unseen_layout() -> None:
    page = "\n".join(
        [
            "We value your privacy. We and our partners use cookies to personalise content and ads.",
            "Accept all cookies",
            "Manage preferences",
            "Home | World | Business | Sport",
            "Rail strike called off after late-night deal",
            "Thursday 8 June 2023 06:12 BST",
            "",
            "A national rail strike planned for Friday has been called off after unions and "
            "train operators reached a deal in talks that ran past midnight.",
            "",
            "The agreement includes a pay rise of 5% this year, the union said.",
            "",
            "RELATED: Commuters face a week of disruption",
            "",
            "Passengers were advised to check their journeys before travelling, as some services "
            "would take a day to return to normal.",
            "",
            "Get our morning briefing",
            "The news you need, straight to your inbox every weekday. Enter your email address:",
            "Subscribe",
            "",
            "Related:",
            "Ferry fares to rise in autumn",
            "Bus lanes approved for city centre",
            "",
            "© 2023 Daily Ledger Media Ltd. All rights reserved.",
        ]
    )
    result = clean_text(page, title="Rail strike called off after late-night deal")
    assert result.text.split("\n\n") == [
        "A national rail strike planned for Friday has been called off after unions and train "
        "operators reached a deal in talks that ran past midnight.",
        "The agreement includes a pay rise of 5% this year, the union said.",
        "Passengers were advised to check their journeys before travelling, as some services "
        "would take a day to return to normal.",
    ]


def test_subheading_between_paragraphs_stays() -> None:
    text = f"{PROSE_LINES[0]}\n\nWhat happens next\n\n{PROSE_LINES[5]}"
    assert "What happens next" in clean_text(text).text


def test_hard_wrapped_text_is_judged_by_paragraph() -> None:
    text = (
        "The council voted on Tuesday to close the old library on Mill Street and\n"
        "move its collection to the new civic centre, which opens in the autumn of\n"
        "next year after two years of building work.\n"
        "\n"
        "Residents who objected to the plan said the new building was too far from\n"
        "the town centre for older readers to reach on foot or by bus.\n"
        "\n"
        "Subscribe to our newsletter\n"
    )
    result = clean_text(text)
    wrapped = text.split("\n")
    assert result.text == "\n".join(wrapped[0:3]) + "\n\n" + "\n".join(wrapped[4:6])
    assert result.removed == ("Subscribe to our newsletter",)


# --- repair -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("the mayor\\'s office", "the mayor's office"),
        ('he said \\"no\\"', 'he said "no"'),
        ("Korea\\’s leader", "Korea’s leader"),
        ("donâ€™t stop", "don’t stop"),
        ("fish &amp; chips &#8212; cheap", "fish & chips — cheap"),
        ("fish &amp;amp; chips", "fish & chips"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("non\u00a0breaking   space ", "non breaking space"),
    ],
)
def test_repair(raw: str, fixed: str) -> None:
    assert repair(raw) == fixed
    assert repair(fixed) == fixed


# --- articles ---------------------------------------------------------------------------


def test_clean_article_records_what_it_removed() -> None:
    raw = f"Advertisement\n\n{PROSE_LINES[0]}\n\nShare this article\n\nComments (12)"
    cleaned = clean_article(article(raw, title="Terminal to open \\'in spring\\'"))
    assert cleaned.text == PROSE_LINES[0]
    assert cleaned.removed_lines == ("Advertisement", "Share this article", "Comments (12)")
    assert cleaned.removed_chars == sum(map(len, cleaned.removed_lines))
    assert cleaned.title == "Terminal to open 'in spring'"


def test_clean_article_without_prose_raises() -> None:
    with pytest.raises(NoArticleError) as info:
        clean_article(article("Subscribe\nLog in\nFollow us on Facebook", origin="feed.jsonl:4"))
    assert info.value.origin == "feed.jsonl:4"


# --- properties -------------------------------------------------------------------------

lines = st.one_of(
    st.sampled_from(FURNITURE + PROSE_LINES + ["", "", "Image", "• a list item", "ksk"]),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"),
        max_size=60,
    ),
)
texts = st.lists(lines, max_size=25).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_cleaning_never_adds_text(text: str) -> None:
    result = clean_text(text)
    source = Counter(x for x in repair(text).split("\n") if x)
    out = Counter(x for x in result.text.split("\n") if x)
    assert not out - source  # every output line is a repaired input line (with multiplicity)
    assert out + Counter(result.removed) == source  # and every input line is kept or removed


@settings(max_examples=200, deadline=None)
@given(texts)
# One line printed three times is repetition, not hard-wrapped prose (joining it broke this).
@example("0\n0:0:0:a\ud7fca\n0:0:0:a\ud7fca\n0:0:0:a\ud7fca")
# A call to action among short lines was joined to the next line as wrapped prose, kept,
# and then dropped by a second cleaning.
@example(
    "::A\n:::A\nA\nSign up for our weekly newsletter and get the best stories in your inbox.\nA»"
)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_repair_is_idempotent(text: str) -> None:
    assert repair(repair(text)) == repair(text)


# --- speed shortcuts: each must give what the plain computation gives --------------------

# Text that reads like news with debris: words of the lexicons, phrases, quotes, mojibake, and
# the characters that case-insensitive matching equates with ASCII letters (İ ı ſ K).
FRAGMENTS = sorted(lx.UI_WORDS | lx.CTA_VERBS | lx.MARKETING_WORDS) + [
    *furniture_mod._UI_PHRASE_NEEDLES, *lx.ATTRIBUTION_NEEDLES, *lx.CREDIT_NEEDLES, "Sign Up",
    "READ MORE", "(Photo by AP)", "Getty Images", "ſaid", "İmage", "phıto", "\u212aeep", "sIgn ıN",
    "donâ€™t", "Ã©", "’", "“", "”", "—", "…", '"', "«", "!", ".", ":", ")", " ", "\n", "é", "\x1b",
]  # fmt: skip
debris = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join) | st.text(max_size=80)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60)
       | st.text(alphabet="a Z.,'\"\n" + repair_mod.PLAIN_PUNCTUATION, max_size=60))  # fmt: skip
def test_ftfy_leaves_plain_lines_alone(text: str) -> None:
    """repair skips ftfy on such lines; a new ftfy that changed them would break that."""
    assert ftfy.fix_text(text, repair_mod._FTFY) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(debris, max_size=8).map("\n".join))
def test_ftfy_by_line_is_ftfy(text: str) -> None:
    assert repair_mod._fix_text(text) == ftfy.fix_text(text, repair_mod._FTFY)


@settings(max_examples=300, deadline=None)
@given(debris)
def test_prefilters_never_miss_a_match(text: str) -> None:
    low = text.lower()
    if lx.ATTRIBUTION.search(text):
        assert furniture_mod._attributed(text, low)
    if lx.CREDIT.search(text):
        assert lx.may_match(text, low, lx.CREDIT_NEEDLES)
    if furniture_mod._UI_PHRASES.search(text):
        assert lx.may_match(text, low, furniture_mod._UI_PHRASE_NEEDLES)


@settings(max_examples=300, deadline=None)
@given(debris | st.text(alphabet=".!?…:;\"'”’»)] a\n", max_size=8))
def test_is_terminal_matches_its_regex(text: str) -> None:
    closers = r"[\"'”’»)\]」』）“«]"
    regex = re.compile(rf"[.!?…。！？؟।](?:{closers}+)?$|[:;；：](?:{closers}+)?$")
    assert is_terminal(text) == bool(regex.search(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab ", max_size=8).map(lambda k: f" {k} "), max_size=12))
def test_containment_index_matches_pairwise_test(keys: list[str]) -> None:
    longer = layout_mod._LongerKeys(keys)
    for k in keys:
        assert longer.contain(k) == any(len(p) > len(k) and k in p for p in keys)


HEADLINED = (
    "http://example.org/2031/04/02/harbour-crane-collapse\n"
    "Harbour crane collapses onto cargo ship in Port Ellery\n"
    "April 2, 2031\n"
    "A container crane at the eastern terminal of Port Ellery collapsed on Tuesday morning, "
    "landing across the deck of a moored cargo ship.\n"
    "No one was hurt, the port authority said, but loading was halted for the rest of the day."
)


def test_an_untitled_article_takes_its_headline_from_the_dropped_header() -> None:
    cleaned = clean_article(Article(id="a", text=HEADLINED))
    assert cleaned.title == "Harbour crane collapses onto cargo ship in Port Ellery"
    assert cleaned.text.startswith("A container crane")  # the headline stays out of the text
    assert "Harbour crane collapses onto cargo ship in Port Ellery" in cleaned.removed_lines
    # A given title wins; a link, a date, a byline or a caption sentence is never a headline.
    titled = clean_article(Article(id="b", text=HEADLINED, title="Crane down"))
    assert titled.title == "Crane down"
    body = HEADLINED.split("\n", 3)[3]
    for header in (
        "http://example.org/2031/04/02/harbour-crane-collapse",
        "April 2, 2031",
        "By Mara Quill and Tomas Venn",
        "The crane lies across the deck of the ship after the collapse on Tuesday.",
    ):
        cleaned = clean_article(Article(id="c", text=header + "\n" + body))
        assert cleaned.title is None, header


def test_a_listing_whose_items_end_with_their_sites_is_an_article() -> None:
    from storybrief.clean.junk import not_an_article

    items = [
        f"VISIT the {name} fair on the river meadows, where growers show {crop} and local "
        f"bands play every evening until late in the month; www.{name.lower()}-fair.example."
        for name, crop in (
            ("Ashford", "apples"),
            ("Belton", "pears"),
            ("Corley", "plums"),
            ("Dunmore", "quinces"),
        )
    ]
    assert not_an_article("\n".join(items)) is None
    promo = [
        "Follow us on www.example.org",
        "Subscribe to our letters",
        "Like us @paper",
        "Sign up at https://paper.example/join",
    ]
    assert not_an_article("\n".join(promo)) == "links and sign-up lines"
