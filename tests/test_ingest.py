"""Ingest: every input kind, every bad-input kind, and a batch that never stops at one."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from tests.conftest import shared_path

from storybrief.errors import ConfigError
from storybrief.ingest import (
    DEFAULT_MAX_BYTES,
    Unextracted,
    iter_articles,
    iter_inputs,
    read_articles,
)
from storybrief.ingest.dates import normalize_date
from storybrief.ingest.formats import content_id
from storybrief.model import Article, Rejected

ROOT = Path(__file__).resolve().parents[1]

PROSE = (
    "The ferry to Hollin Island returned to service on Monday after a month in dry dock. "
    "Its owners said the hull had been repainted and the engines overhauled."
)


def page(title: str = "Ferry back in service", *, body: str = PROSE, extra: str = "") -> str:
    """A small but realistic HTML page that trafilatura can extract."""
    paras = "".join(
        f"<p>{body} Paragraph {i} adds one more detail to the story.</p>" for i in range(4)
    )
    return (
        "<html><head><meta charset='utf-8'>"
        f"<title>{title}</title><meta property='og:site_name' content='Island Courier'>"
        "<meta property='article:published_time' content='2023-06-05'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paras}</article>"
        f"{extra}<footer>Copyright Island Courier</footer></body></html>"
    )


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_article(inputs: object, **kw: object) -> Article:
    articles, rejected = read_articles(inputs, **kw)  # type: ignore[arg-type]
    assert rejected == [] and len(articles) == 1, rejected
    return articles[0]


def only_rejection(inputs: object, **kw: object) -> Rejected:
    articles, rejected = read_articles(inputs, **kw)  # type: ignore[arg-type]
    assert articles == [] and len(rejected) == 1, (articles, rejected)
    return rejected[0]


# --- input kinds --------------------------------------------------------------------------


def test_txt_with_headline_title(tmp_path: Path) -> None:
    path = write(tmp_path / "ferry-news.txt", f"Ferry back in service\n\n{PROSE}\n")
    article = only_article([path])
    assert article.id == "ferry-news.txt"  # a file named itself: its name
    assert article.title == "Ferry back in service"
    assert article.text.strip() == PROSE
    assert article.origin == str(path)


@pytest.mark.parametrize(
    "first_line",
    [
        "The ferry returned to service on Monday.",  # ends with a period: a sentence
        "Ferry back in service",  # no blank line after it (see below)
    ],
)
def test_txt_without_title(tmp_path: Path, first_line: str) -> None:
    sep = "\n\n" if first_line.endswith(".") else "\n"
    path = write(tmp_path / "a.txt", f"{first_line}{sep}{PROSE}\n")
    article = only_article(path)
    assert article.title is None
    assert article.text.startswith(first_line)


def test_html_extracts_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "courier.html", page())
    article = only_article([path])
    assert article.id == "courier.html"
    assert article.title == "Ferry back in service"
    assert article.source == "Island Courier"
    assert article.published == "2023-06-05"
    assert "Hollin Island" in article.text
    assert "Home" not in article.text.split("\n")  # the menu is not article text


def test_htm_and_gzipped_html(tmp_path: Path) -> None:
    write(tmp_path / "one.htm", page())
    (tmp_path / "two.html.gz").write_bytes(gzip.compress(page().encode("utf-8")))
    articles, rejected = read_articles([tmp_path])
    assert rejected == []
    assert [a.id for a in articles] == [f"{tmp_path.name}/one.htm", f"{tmp_path.name}/two.html.gz"]


def test_html_with_declared_legacy_charset(tmp_path: Path) -> None:
    html = page(body=PROSE + " The café reopened too.").replace(
        "charset='utf-8'", "charset='windows-1252'"
    )
    path = write(tmp_path / "legacy.html", html.encode("cp1252"))
    assert "café" in only_article(path).text


def test_json_object_and_list(tmp_path: Path) -> None:
    one = write(
        tmp_path / "single.json",
        json.dumps(
            {
                "text": PROSE,
                "title": "T",
                "url": "https://www.example.org/x",
                "published": "5 June 2023",
            }
        ),
    )
    many = write(tmp_path / "many.json", json.dumps([{"id": "k1", "text": PROSE}, {"text": PROSE}]))
    articles, rejected = read_articles([one, many])
    assert rejected == []
    assert [a.id for a in articles] == ["single.json", "k1", content_id(PROSE)]
    assert articles[0].source == "example.org"  # from the url when no source is given
    assert articles[0].published == "2023-06-05"
    assert articles[2].origin == f"{many}[1]"


def test_json_record_with_html(tmp_path: Path) -> None:
    path = write(tmp_path / "r.json", json.dumps({"id": 7, "html": page(), "source": "Courier"}))
    article = only_article(path)
    assert article.id == "7"
    assert article.source == "Courier"  # the record's metadata wins over the page's
    assert article.title == "Ferry back in service"


def test_jsonl_ids_and_origins(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "first", "text": PROSE}), "", json.dumps({"text": PROSE})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, rejected = read_articles([path])
    assert rejected == []
    assert [(a.id, a.origin) for a in articles] == [
        ("first", f"{path}:1"),
        (content_id(PROSE), f"{path}:3"),  # the text's id, never a line number
    ]


def test_stdin_jsonl() -> None:
    stream = io.StringIO(
        json.dumps({"text": PROSE}) + "\n" + json.dumps({"id": "b", "text": PROSE})
    )
    articles, rejected = read_articles(["-"], stdin=stream)
    assert rejected == []
    assert [(a.id, a.origin) for a in articles] == [
        (content_id(PROSE), "<stdin>:1"),
        ("b", "<stdin>:2"),
    ]


def test_directory_is_recursive_sorted_and_skips_unknown(tmp_path: Path) -> None:
    write(tmp_path / "b" / "z.txt", PROSE)
    write(tmp_path / "a.txt", PROSE)
    write(tmp_path / "b" / "notes.md", PROSE)
    write(tmp_path / ".hidden" / "c.txt", PROSE)
    articles, rejected = read_articles(tmp_path)  # a single path works too
    assert rejected == []
    assert [a.id for a in articles] == [f"{tmp_path.name}/a.txt", f"{tmp_path.name}/b/z.txt"]


def test_iter_articles_streams() -> None:
    lines = (json.dumps({"text": PROSE}) for _ in range(3))
    stream = io.StringIO("\n".join(lines))
    items = iter_articles(["-"], stdin=stream)
    assert isinstance(next(items), Article)


def test_bundled_examples_read_cleanly() -> None:
    articles, rejected = read_articles([ROOT / "examples"])
    assert rejected == []
    assert len(articles) == 7  # five about the bridge, two about the ferry
    assert len({a.id for a in articles}) == 7


# --- bad inputs ---------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in only_rejection(write(tmp_path / "e.txt", "")).reason
    assert "no text" in only_rejection(write(tmp_path / "w.txt", "  \n\n ")).reason


def test_binary_file(tmp_path: Path) -> None:
    rej = only_rejection(write(tmp_path / "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20))
    assert "binary" in rej.reason
    rej = only_rejection(write(tmp_path / "r.txt", bytes(range(128, 256)) * 10))
    assert "binary" in rej.reason


def test_not_utf8(tmp_path: Path) -> None:
    rej = only_rejection(write(tmp_path / "l.txt", ("Le café est fermé. " * 5).encode("cp1252")))
    assert "not UTF-8" in rej.reason and "offset" in rej.reason


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    assert only_article(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + PROSE.encode())).text == PROSE


def test_too_large(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", PROSE * 10)
    assert "size limit" in only_rejection(path, max_bytes=100).reason
    assert only_article(path, max_bytes=DEFAULT_MAX_BYTES)
    gz = tmp_path / "big.html.gz"
    gz.write_bytes(gzip.compress(page().encode()))
    assert "decompressed" in only_rejection(gz, max_bytes=200).reason


def test_too_large_jsonl_line_loses_only_that_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": PROSE * 20}), json.dumps({"text": PROSE})]
    path = write(tmp_path / "f.jsonl", "\n".join(lines))
    articles, rejected = read_articles(path, max_bytes=1000)
    assert [a.origin for a in articles] == [f"{path}:2"]
    assert [r.origin for r in rejected] == [f"{path}:1"]


def test_html_without_article(tmp_path: Path) -> None:
    html = "<html><body><nav><a href='/'>Home</a></nav><div></div></body></html>"
    assert "no article" in only_rejection(write(tmp_path / "n.html", html)).reason


def test_bad_gzip(tmp_path: Path) -> None:
    assert "gzip" in only_rejection(write(tmp_path / "x.html.gz", b"not gzip at all")).reason


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    rej = only_rejection(write(tmp_path / "m.json", '{\n  "text": "x",\n  oops\n}'))
    assert "line 3" in rej.reason
    path = write(tmp_path / "m.jsonl", json.dumps({"text": PROSE}) + "\n{not json}\n")
    articles, rejected = read_articles(path)
    assert len(articles) == 1
    assert rejected[0].origin == f"{path}:2" and "line 2" in rejected[0].reason


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"title": "no body"}, "neither 'text' nor 'html'"),
        ({"text": ["a", "list"]}, "must be a string"),
        ({"text": "   "}, "empty"),
        ("just a string", "expected a JSON object"),
    ],
)
def test_bad_records(tmp_path: Path, record: object, words: str) -> None:
    path = write(tmp_path / "r.jsonl", json.dumps(record) + "\n")
    assert words in only_rejection(path).reason


def test_missing_path_and_unknown_type(tmp_path: Path) -> None:
    assert "no such file" in only_rejection(tmp_path / "nope.txt").reason
    assert "unsupported" in only_rejection(write(tmp_path / "a.pdf", "%PDF")).reason


def test_one_bad_input_loses_nothing_else(tmp_path: Path) -> None:
    good = [write(tmp_path / f"g{i}.txt", PROSE) for i in range(3)]
    bad = [
        write(tmp_path / "empty.txt", ""),
        write(tmp_path / "bin.txt", b"\x00\x01\x02" * 50),
        write(tmp_path / "broken.json", "{"),
        tmp_path / "missing.txt",
    ]
    inputs = [good[0], bad[0], bad[1], good[1], bad[2], bad[3], good[2]]
    articles, rejected = read_articles(inputs)
    assert [a.id for a in articles] == ["g0.txt", "g1.txt", "g2.txt"]
    assert [r.origin for r in rejected] == [str(p) for p in bad]
    assert all("\n" not in r.reason for r in rejected)


def test_stdin_not_utf8_is_rejected() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b'{"text": "ok text here"}\n\xff\xfe{"text"\n'), "utf-8")
    items = list(iter_articles(["-"], stdin=stream))
    assert any(isinstance(i, Rejected) and "not UTF-8" in i.reason for i in items)


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "10"])
def test_max_bytes_is_validated(value: object) -> None:
    with pytest.raises(ConfigError, match="max_bytes"):
        list(iter_articles([], max_bytes=value))  # type: ignore[arg-type]


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023-06-05", "2023-06-05"),
        ("2023-06-05T10:15:00Z", "2023-06-05T10:15:00+00:00"),
        ("Mon, 05 Jun 2023 10:15:00 +0000", "2023-06-05T10:15:00+00:00"),
        ("June 5, 2023", "2023-06-05"),
        ("Apr 25 2019 | 10:15 AM", "2019-04-25T10:15:00"),
        ("3 hours ago", "3 hours ago"),  # relative: kept as given, never resolved to today
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value: object, iso: str | None) -> None:
    assert normalize_date(value) == iso


def _html_inputs(tmp_path: Path) -> list[Path]:
    """Real pages (read in place) and records of our own: HTML with metadata that must win
    over the page's, HTML with no article, a text record."""
    pages = sorted(shared_path("scrapinghub", "html").glob("*.html.gz"))[:12]
    page = """<html><head><title>Page title</title></head><body><article><h1>Page title</h1>
<p>The council approved the new footbridge over the canal on Tuesday evening after a long
debate about its cost and about the trees that will have to be moved.</p>
<p>Work is expected to begin in the spring and to last about eight months.</p>
</article></body></html>"""
    records = [
        {"id": "h1", "html": page, "title": "Record title", "published": "2024-03-05"},
        {"id": "h2", "html": page, "url": "https://news.example.org/a/1"},
        {"id": "h3", "html": "<html><body><script>var a = 1;</script></body></html>"},
        {"id": "t1", "text": "A plain text record.", "source": "Example"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [*pages, feed]


def test_deferred_html_extracts_to_what_reading_at_once_gives(tmp_path: Path) -> None:
    inputs = _html_inputs(tmp_path)
    direct = list(iter_articles(inputs))
    deferred = list(iter_inputs(inputs, defer_html=True))
    assert sum(isinstance(x, Unextracted) for x in deferred) >= 14  # every page waits
    resolved: list[Article | Rejected] = []
    for item in deferred:
        if isinstance(item, Unextracted):
            try:
                item = item.extract()
            except Exception as exc:  # noqa: BLE001 - compared with the direct rejection
                item = Rejected(exc.origin, exc.reason)  # type: ignore[attr-defined]
        resolved.append(item)
    assert resolved == direct
    by_id = {a.id: a for a in direct if isinstance(a, Article)}
    assert by_id["h1"].title == "Record title" and by_id["h1"].published == "2024-03-05"
    assert by_id["h2"].source == "news.example.org"
    assert any(isinstance(r, Rejected) and r.origin.endswith(":3") for r in direct)
