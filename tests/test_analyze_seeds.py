"""The analyze stage on the five real seed pages (../shared/data/seeds, read in place).

Expectations are speakers, counts, article ids and short values only: no seed text is
copied here. Article ids are the file names' three-digit prefixes; 000 and 001 are one
wire story (copies), so the five pages are four independent sources.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storybrief.analyze import analyze
from storybrief.analyze.spacy_ner import load_spacy
from storybrief.dedup import find_copies
from storybrief.model import Analysis, Article
from storybrief.segment import segment

PUTIN, KIM = "Vladimir Putin", "Kim Jong-un"


def _load(seeds_dir: Path, ner: str) -> tuple[Analysis, dict[str, tuple[str, ...]]]:
    articles = [Article(id=p.stem[:3], text=p.read_text(encoding="utf-8"))
                for p in sorted(seeds_dir.glob("*.txt"))]  # fmt: skip
    try:
        from storybrief.clean import clean_article

        articles = [clean_article(a) for a in articles]
    except ImportError:  # cleaning not in this build: the raw pages still work
        pass
    segments = segment(articles, find_copies(articles))
    return analyze(segments, ner=ner), segments.texts()


@pytest.fixture(scope="module", params=["rules", "spacy"])
def seeds(request: pytest.FixtureRequest) -> tuple[Analysis, dict[str, tuple[str, ...]]]:
    from conftest import shared_path

    if request.param == "spacy" and load_spacy() is None:
        pytest.skip("spaCy English model not installed")
    return _load(shared_path("seeds"), request.param)


def _articles(q: object) -> set[str]:
    return {c.article for c in q.citations}  # type: ignore[attr-defined]


def test_quotes_attributed_and_merged_across_sources(seeds) -> None:  # type: ignore[no-untyped-def]
    result, _ = seeds
    speakers = {q.speaker for q in result.quotes}
    assert speakers == {PUTIN, KIM}
    by_speaker = {s: [q for q in result.quotes if q.speaker == s] for s in speakers}
    # Each leader's main remark, in three independent sources with different wordings
    # (one source's is a different translation; one attributes by title).
    for s in (PUTIN, KIM):
        top = by_speaker[s][0]
        assert _articles(top) == {"002", "003", "004"}
        assert top.support == 3
    # "he added" after each leader's quote in 004 resolves to that leader.
    in_004 = {q.speaker for q in result.quotes if "004" in _articles(q)}
    assert in_004 == {PUTIN, KIM}
    assert sum(1 for q in result.quotes if "004" in _articles(q)) == 4


def test_main_actors_first_counted_by_independent_sources(seeds) -> None:  # type: ignore[no-untyped-def]
    result, _ = seeds
    top = result.entities[:2]
    assert {e.name for e in top} == {PUTIN, KIM}
    assert all(e.kind == "person" and e.support == 4 for e in top)
    trump = next(e for e in result.entities if e.name == "Donald Trump")
    assert trump.support == 4  # "Trump" alone and with his title are one person
    assert any(e.name == "Vladivostok" and e.kind == "place" for e in result.entities)


def test_the_duration_disagreement_is_found_with_both_sides(seeds) -> None:  # type: ignore[no-untyped-def]
    result, sents = seeds
    (d,) = [d for d in result.disagreements if d.kind == "duration"]
    values = sorted(s.value for s in d.sides)
    assert len(values) == 2 and "month" in values[1] and "two months" in values[0]
    assert {c.article for s in d.sides for c in s.citations} == {"003", "004"}
    for s in d.sides:
        assert s.value in sents[s.citations[0].article][s.citations[0].sentence]
    assert "summit" in d.subject


def test_no_false_alarm_on_agreeing_statements(seeds) -> None:  # type: ignore[no-untyped-def]
    result, _ = seeds
    # Only the duration is disputed: the 2011 meeting, the sixth leader, the Hanoi summit
    # in February and the copies of the wire story all agree.
    assert [d.kind for d in result.disagreements] == ["duration"]
