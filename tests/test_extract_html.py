"""HTML extraction that degrades gracefully, dates found on the page, gentle cleaning.

The pages here are written for these tests: each shows one shape of real pages (an
article laid out in table cells, a page with no article, a dateline).
"""

from __future__ import annotations

import pytest

from storybrief.clean import clean_article, clean_text
from storybrief.errors import NoArticleError
from storybrief.ingest.dates import dateline_date, publication_date, sane_date, url_date
from storybrief.ingest.extract import extract_html
from storybrief.ingest.formats import from_html

PARAGRAPHS = [
    "The river authority closed the old footbridge on Monday after inspectors found cracks "
    "in two of its supports, and said repairs would take at least six weeks.",
    "Engineers will replace the supports one at a time so that the crossing can reopen to "
    "walkers before the summer festival, the authority said in a statement.",
    "Residents on the east bank must use the road bridge two kilometres downstream until "
    "then, which adds about twenty minutes to a walk into the town centre.",
    "The bridge was built in 1911 and last repaired in 1987, when its deck was replaced "
    "after a flood carried away part of the railing and damaged the central span.",
]


def _table_page() -> str:
    cells = "".join(f"<tr><td><p>{p}</p></td></tr>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Footbridge closed for repairs</title></head><body>"
        "<table><tr><td><a href='/'>Home</a> | <a href='/news'>News</a></td></tr>"
        f"{cells}</table></body></html>"
    )


def test_article_in_table_cells_is_found() -> None:
    found = extract_html(_table_page(), origin="table.html")
    for para in PARAGRAPHS:
        assert para in found.text
    assert found.method in ("precision", "balanced", "recall", "baseline")


def test_page_without_article_names_the_methods_tried() -> None:
    page = "<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>"
    with pytest.raises(NoArticleError, match=r"no article prose .*tried precision"):
        from_html(page, id="x", origin="menu.html")


def test_broken_markup_is_one_line_error_naming_the_input() -> None:
    with pytest.raises(NoArticleError) as err:
        from_html("<<<>>>\x00\x00", id="x", origin="broken.html")
    assert str(err.value).startswith("broken.html: ") and "\n" not in str(err.value)


def test_extraction_records_method_and_dates() -> None:
    article = from_html(
        _table_page(), id="x", origin="p.html", url="https://n.example/2021/05/06/x"
    )
    assert article.extraction is not None
    assert article.published == "2021-05-06" and article.published_source in ("page", "url")


def test_dates_are_sanity_checked() -> None:
    assert sane_date("1989-03-01") is None  # before the web
    assert sane_date("2999-01-01") is None  # in the future
    assert sane_date("2019-02-30") is None
    assert sane_date("2019-02-28") == "2019-02-28"
    assert url_date("https://x.example/story-20190314-a.html") == "2019-03-14"
    assert url_date("https://x.example/id/1234567890") is None


def test_dateline_in_the_article_language() -> None:
    assert dateline_date("BERLIN, 14. März 2024 (dpa) – Der Rat", "de") == "2024-03-14"
    assert dateline_date("MADRID, 5 de marzo de 2021. El", "es") == "2021-03-05"
    assert dateline_date("WASHINGTON, March 14, 2024 -- The", None) == "2024-03-14"
    assert publication_date(page="2020-01-02", url="https://x/2019/01/01/") == (
        "2020-01-02",
        "page",
    )
    assert publication_date(page="1970-01-01", url="https://x/2019/01/01/") == ("2019-01-01", "url")
    assert publication_date(text="no date here") == (None, None)


BODY_WITH_STRUCTURE = "\n".join(
    [
        PARAGRAPHS[0],
        "What should walkers do now?",
        "Three ways across",
        "1. Take the road bridge downstream.",
        "2. Use the ferry at the old quay.",
        "- Wait for the reopening in June",
        PARAGRAPHS[1],
        "Share this article",
        "Sign up for our newsletter",
    ]
)


def test_extracted_text_keeps_lists_headings_and_questions() -> None:
    result = clean_text(BODY_WITH_STRUCTURE, extracted=True)
    for kept in ("What should walkers do now?", "Three ways across", "1. Take the road",
                 "2. Use the ferry", "- Wait for the reopening"):  # fmt: skip
        assert kept in result.text
    assert "Share this article" in result.removed
    assert "Sign up for our newsletter" in result.removed


def test_chinese_and_arabic_lines_are_prose() -> None:
    zh = "市议会星期二决定明年春天关闭这座旧桥进行维修，工程师说修理至少需要六个星期。"
    ar = "-قرر المجلس البلدي يوم الثلاثاء إغلاق الجسر القديم للإصلاح في الربيع المقبل بعد فحص"
    for line in (zh, ar):
        assert line.lstrip("-") in clean_text(f"{PARAGRAPHS[0]}\n{line}\n{PARAGRAPHS[1]}").text


def test_full_width_punctuation_survives_cleaning() -> None:
    zh = "工程师说，修理至少需要六个星期：先换支柱，再修桥面。"
    assert zh in clean_text(f"{zh}\n{zh[:-1]}还有。").text


def test_clean_article_detects_language() -> None:
    article = from_html(_table_page(), id="x", origin="p.html")
    assert clean_article(article).language == "en"


@pytest.mark.parametrize(
    "line",
    [
        "Lea también: Otra noticia del día",
        "Lesen Sie auch: Die Bahn streikt",
        "NOTAS RELACIONADAS",
        "Czytaj także: Inny artykuł",
        "MIRA: Otra noticia",
    ],  # fmt: skip
)
def test_read_also_labels_in_other_languages_go(line: str) -> None:
    assert line in clean_text(f"{PARAGRAPHS[0]}\n{line}\n{PARAGRAPHS[1]}", extracted=True).removed


def test_a_first_name_before_a_colon_stays() -> None:
    line = "Lea: Ich finde, die Brücke hätte man schon vor Jahren reparieren müssen."
    assert line in clean_text(f"{PARAGRAPHS[0]}\n{line}\n{PARAGRAPHS[1]}", extracted=True).text


STANDFIRST = (
    "Walkers face a six-week detour while engineers replace two cracked supports of the "
    "town's oldest crossing"
)


def _page_with_standfirst(*, shown: bool, description: str = STANDFIRST) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    dek = f"<div class='dek'>{STANDFIRST}</div>" if shown else ""
    return (
        "<html><head><title>Footbridge closed</title>"
        f"<meta property='og:description' content=\"{description}\"></head><body>"
        f"<header><h1>Footbridge closed for repairs</h1>{dek}</header>"
        f"<article>{paragraphs}</article></body></html>"
    )


def test_standfirst_shown_under_the_headline_leads_the_text() -> None:
    text = extract_html(_page_with_standfirst(shown=True), origin="dek.html").text
    assert text.count(STANDFIRST) == 1
    assert text.index(STANDFIRST) < text.index(PARAGRAPHS[0])


def test_description_only_in_the_head_or_cut_short_stays_out() -> None:
    hidden = extract_html(_page_with_standfirst(shown=False), origin="head.html").text
    assert STANDFIRST not in hidden and PARAGRAPHS[0] in hidden
    cut = extract_html(
        _page_with_standfirst(shown=True, description=STANDFIRST[:60] + "..."), origin="cut.html"
    ).text
    assert STANDFIRST[:60] + "..." not in cut


def test_an_archived_page_gives_its_article_not_the_archive_notice() -> None:
    """A real page saved by the Internet Archive (trafilatura's evaluation set): one
    extraction method returns the archive's crawl notice around it, which must not win
    over the article the others find (the page once came back empty)."""
    from conftest import shared_path
    from storybrief.eval.datasets import load_snippet_pages
    from storybrief.eval.extractors import storybrief_extract

    shared_path("trafilatura-eval", "pages.jsonl.gz")
    pages = load_snippet_pages()
    page = next(p for p in pages if p.id == "archive.ordnungsrausch.com.orga-life.html")
    text = storybrief_extract(page)
    assert "crawl data" not in text
    assert all(" ".join(s.split()) in " ".join(text.split()) for s in page.include)


def test_written_dates_are_parsed_in_storybriefs_languages_only() -> None:
    """htmldate's last-resort parser is limited to storybrief's languages (its first call
    would otherwise compile every locale dateparser knows), and still reads them."""
    import htmldate.extractors

    from storybrief.ingest.dates import DATE_LANGUAGES
    from storybrief.lang import LANGUAGES

    prose = "<p>" + "The council voted on the budget after a long debate in the chamber. " * 8
    from_html(f"<html><body><article>{prose}</p></article></body></html>", id="a", origin="a")
    parser = htmldate.extractors.get_external_parser()
    assert sorted(parser.languages) == sorted(DATE_LANGUAGES)
    assert set(LANGUAGES) <= set(DATE_LANGUAGES)
    for written in ("5 febbraio 2020", "5 февраля 2020", "5 de fevereiro de 2020"):
        assert parser.get_date_data(written)["date_obj"].date().isoformat() == "2020-02-05"


def test_a_copyright_year_is_not_a_publication_date() -> None:
    """htmldate's extensive search falls back to a footer's copyright year as 1 January;
    that is a year, not the day the article was published."""
    prose = "<p>" + "The council voted on the budget after a long debate in the chamber. " * 8
    page = f"<html><body><article>{prose}</p></article><footer>© 2017 Town Herald</footer></body></html>"
    article = from_html(page, id="a", origin="a")
    assert article.published is None and article.published_source is None
    dated = page.replace("<footer>", "<p class='date'>Published 14 March 2019</p><footer>")
    assert from_html(dated, id="b", origin="b").published == "2019-03-14"


def test_every_method_leaves_the_parsed_page_as_it_was() -> None:
    # The metadata and the standfirst are read from the tree after the methods ran on it.
    import trafilatura
    from lxml import etree

    from storybrief.ingest.extract import METHODS, _run

    tree = trafilatura.load_html(_table_page().replace("<body>", "<body><nav>Menu</nav>"))
    before = etree.tostring(tree)
    for method in METHODS:
        assert _run(method, tree, None)
        assert etree.tostring(tree) == before


def test_shown_text_skips_scripts_and_the_bodys_own_leading_text() -> None:
    import trafilatura

    from storybrief.ingest.extract import _shown_text

    page = (
        "<html><body>lead-in<p>One <b>two</b> three</p><script>var x = 1;</script>after"
        "<noscript><p>hidden</p>gone</noscript><div>four</div>five</body></html>"
    )
    body = trafilatura.load_html(page).find(".//body")
    assert _shown_text(body) == "One two three after four five"


@pytest.mark.parametrize(
    "page",
    [
        _table_page(),
        "<!DOCTYPE html>\n<html><body><p>One line only.</p></body></html>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared.</p></body></html>',
        "<p>a fragment, not a page</p>",
        "plain words and no markup at all",
        "",
    ],
)
def test_page_tree_is_the_one_trafilatura_would_parse(page: str) -> None:
    import trafilatura
    from lxml import etree

    from storybrief.ingest.htmltree import load_html

    ours, theirs = load_html(page), trafilatura.load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
