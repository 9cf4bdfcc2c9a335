"""The SQLite story store: ingest, re-ingest, copies, listing, briefs, the CLI commands."""

from __future__ import annotations

import json
import random
import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import shared_path
from tests.storecheck import check_store

from storybrief import brief_story
from storybrief.cli import main
from storybrief.errors import ConfigError, StoreError, UnknownStoryError
from storybrief.model import Article, Rejected
from storybrief.store import IngestReport, open_store
from storybrief.store.schema import SCHEMA_VERSION
from storybrief.stream import ingest_into

_SYL = ["ka", "lo", "mi", "ren", "dus", "ta", "vel", "or", "bri", "sen", "gal", "tho", "ur", "pe"]
_GENERIC = [
    "officials",
    "said",
    "the",
    "plan",
    "would",
    "be",
    "reviewed",
    "by",
    "the",
    "committee",
    "next",
    "week",
    "while",
    "residents",
    "asked",
    "for",
    "more",
    "details",
    "about",
    "costs",
    "and",
    "timing",
    "and",
    "the",
    "local",
    "paper",
    "reported",
    "strong",
    "reactions",
    "from",
    "several",
    "groups",
    "across",
    "the",
    "region",
]
_VERBS = ["announced", "confirmed", "described", "criticised", "welcomed", "questioned"]
_THINGS = ["the bridge", "the budget", "the harbour", "the festival", "the election", "the school"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3))).capitalize()


def corpus(n_stories: int, per_story: int, *, seed: int = 7) -> list[tuple[Article, str]]:
    """Synthetic articles (our own invented words) with their gold story, in arrival order."""
    rng = random.Random(seed)
    stories = []
    for s in range(n_stories):
        people = [f"{_name(rng)} {_name(rng)}" for _ in range(3)]
        place = _name(rng)
        thing = rng.choice(_THINGS)
        day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 10))
        stories.append((f"g{s}", people, place, thing, day))
    out = []
    facts = {
        gold: [
            f"In {place}, {rng.choice(people)} {rng.choice(_VERBS)} {thing} as "
            + " ".join(rng.sample(_GENERIC, 6))
            + "."
            for _ in range(10)
        ]
        for gold, people, place, thing, _ in stories
    }
    for k in range(per_story):
        for gold, people, place, thing, day in stories:
            # Reports of one story share most facts and add a little of their own.
            sentences = rng.sample(facts[gold], 3) + [
                f"{rng.choice(people)} spoke about {thing} as "
                + " ".join(rng.sample(_GENERIC, 8))
                + "."
                for _ in range(3)
            ]
            text = " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:])
            published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
            out.append(
                (
                    Article(
                        id=f"{gold}-{k}",
                        text=text,
                        title=f"{place}: {thing}",
                        published=published,
                        source=f"outlet{k}",
                    ),
                    gold,
                )
            )
    return out


def write_jsonl(path: Path, items: list[tuple[Article, str]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for a, _ in items:
            fh.write(
                json.dumps(
                    {
                        "id": a.id,
                        "text": a.text,
                        "title": a.title,
                        "published": a.published,
                        "source": a.source,
                    }
                )
                + "\n"
            )
    return path


def test_ingest_groups_articles_into_stories(tmp_path: Path) -> None:
    items = corpus(4, 3)
    with open_store(tmp_path / "s.db", batch=5) as store:
        report = ingest_into(store, [a for a, _ in items], progress=False)
        assert report.added == 12 and report.new_stories == 4 and not report.rejected
        stories = store.stories(order="largest")
    gold = {a.id: g for a, g in items}
    assert len(stories) == 4
    for story in stories:
        assert len({gold[a] for a in story.articles}) == 1
        assert story.sources == 3 and story.first_seen and story.last_seen


def test_reingest_changes_nothing(tmp_path: Path) -> None:
    items = [a for a, _ in corpus(3, 2)]
    with open_store(tmp_path / "s.db") as store:
        ingest_into(store, items, progress=False)
        before = _dump(store.db)
        again = ingest_into(store, items, progress=False)
        assert replace(again, outcomes=()) == IngestReport(
            skipped=len(items), seconds=again.seconds
        )
        assert [(o.action, o.id) for o in again.outcomes] == [
            ("already stored", a.id) for a in items
        ]
        # Same text under another id is the same article too.
        renamed = [Article(id=a.id + "-new", text=a.text, title=a.title) for a in items[:2]]
        assert ingest_into(store, renamed, progress=False).skipped == 2
        assert _dump(store.db) == before


def test_near_copy_joins_its_original_and_counts_once(tmp_path: Path) -> None:
    items = [a for a, _ in corpus(2, 2)]
    original = items[0]
    copy = Article(
        id="copy",
        text=original.text.replace("officials", "the officials", 1) + " Copyright the wire.",
        title=original.title,
    )
    with open_store(tmp_path / "s.db") as store:
        ingest_into(store, items, progress=False)
        report = ingest_into(store, [copy], progress=False)
        assert report.copies == 1
        home = next(s for s in store.stories() if original.id in s.articles)
        assert "copy" in home.articles
        assert home.sources == len(home.articles) - 1


def test_a_copy_republished_weeks_later_is_clustered_not_filed_as_a_copy(
    tmp_path: Path,
) -> None:
    # Two outlets' versions of one text: a day apart it is a copy; two months apart the
    # old story is out of the window, so the article is clustered like any other.
    text = (
        "The ferry Northern Lark ran aground off Tallis Point on Friday with 212 passengers "
        "aboard; coastguard boats carried everyone ashore and the operator cancelled sailings."
    )
    first = Article(id="first", text=text, published="2024-03-01")
    near = Article(id="near", text=text + " Reporting by the desk.", published="2024-03-02")
    late = Article(id="late", text=text + " From our archive.", published="2024-05-10")
    with open_store(tmp_path / "s.db") as store:
        ingest_into(store, [first], progress=False)
        assert ingest_into(store, [near], progress=False).copies == 1
        report = ingest_into(store, [late], progress=False)
        assert report.copies == 0 and report.new_stories == 1
        homes = {a: s.id for s in store.stories() for a in s.articles}
    assert homes["near"] == homes["first"] != homes["late"]


def test_rejected_inputs_are_reported_not_fatal(tmp_path: Path) -> None:
    good = [a for a, _ in corpus(1, 2)]
    with open_store(tmp_path / "s.db") as store:
        report = ingest_into(
            store,
            [*good, Article(id="empty", text="   "), Rejected("x.html", "binary")],
            progress=False,
        )
    assert report.added == 2
    assert {r.origin for r in report.rejected} == {"empty", "x.html"}


def test_story_lookup_articles_and_brief(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with open_store(db) as store:
        ingest_into(store, [a for a, _ in corpus(2, 3)], progress=False)
        story = store.stories(order="largest")[0]
        articles = store.articles(story.id)
        assert [a.id for a in articles] == list(story.articles)
        with pytest.raises(UnknownStoryError, match="no story 'nope'"):
            store.story("nope")
    result = brief_story(db, story.id, words=60)
    assert result.story == story.id and result.summary
    with pytest.raises(UnknownStoryError):
        brief_story(db, "nope")


def test_since_filters_and_orders(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        ingest_into(store, [a for a, _ in corpus(5, 2)], progress=False)
        everything = store.stories()
        lasts = [s.last_seen or "" for s in everything]
        assert lasts == sorted(lasts, reverse=True)
        cut = lasts[2]
        recent = store.stories(since=cut)
        assert recent and all((s.last_seen or "") >= cut for s in recent)
        with pytest.raises(ConfigError, match="since must be"):
            store.stories(since="last tuesday")
        with pytest.raises(ConfigError, match="order must be"):
            store.stories(order="oldest")  # type: ignore[arg-type]


def test_missing_store_and_bad_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no story store"):
        open_store(tmp_path / "none.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(junk)
    with pytest.raises(ConfigError, match="unknown store type"):
        open_store(config={"type": "redis"})


def test_store_keeps_its_clustering_parameters(tmp_path: Path) -> None:
    open_store(tmp_path / "s.db", cluster={"threshold": 0.4}).close()
    with pytest.raises(ConfigError, match="keeps its parameters"):
        open_store(tmp_path / "s.db", cluster={"threshold": 0.2})


def test_default_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYBRIEF_DB", str(tmp_path / "env.db"))
    with open_store() as store:
        assert Path(store.path) == tmp_path / "env.db"  # type: ignore[attr-defined]


def test_cli_ingest_stories_cluster(tmp_path: Path) -> None:
    feed = write_jsonl(tmp_path / "feed.jsonl", corpus(3, 2))
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    ok = runner.invoke(main, ["ingest", "--db", db, "--no-progress", str(feed)])
    assert ok.exit_code == 0, ok.output
    partial = runner.invoke(
        main, ["ingest", "--db", db, "--no-progress", str(feed), str(tmp_path / "bad.jsonl")]
    )
    assert partial.exit_code == 1 and "skipped" in partial.output
    listed = runner.invoke(main, ["stories", "--db", db, "--format", "json"])
    data = json.loads(listed.output)
    assert len(data["stories"]) == 3 and data["stories"][0]["size"] == 2
    db2 = str(tmp_path / "jobs.db")
    two = runner.invoke(main, ["ingest", "--db", db2, "--no-progress", "-j", "2", str(feed)])
    assert two.exit_code == 0, two.output
    listed2 = runner.invoke(main, ["stories", "--db", db2, "--format", "json"])
    assert json.loads(listed2.output)["stories"] == data["stories"]
    bad_jobs = runner.invoke(main, ["ingest", "--db", db2, "--jobs", "0", str(feed)])
    assert bad_jobs.exit_code == 2
    md = runner.invoke(main, ["stories", "--db", db, "--order", "largest"])
    assert md.output.startswith("| id | title |")
    one = runner.invoke(main, ["cluster", str(feed), "--format", "json"])
    assert one.exit_code == 0 and len(json.loads(one.output)["stories"]) == 3
    usage = runner.invoke(main, ["stories", "--db", db, "--order", "oldest"])
    assert usage.exit_code == 2
    missing = runner.invoke(main, ["stories", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no story store" in missing.output  # store errors: 2
    for command in ("ingest", "stories", "cluster"):
        assert main.commands[command].help


def _dump(db: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """The store's content, minus wall-clock columns: equal dumps mean equal stores."""
    return {
        "articles": db.execute(
            "SELECT seq, id, hash, story, copy_of, source_group, text, signature "
            "FROM articles ORDER BY seq"
        ).fetchall(),
        "stories": db.execute(
            "SELECT id, created, updated, title, size, sources, first_seen, last_seen, active, "
            "clustered, norm, names_norm, centroid, names FROM stories ORDER BY id"
        ).fetchall(),
        "df": db.execute("SELECT term, n FROM df ORDER BY term").fetchall(),
        "lsh": db.execute("SELECT key, article, ts FROM lsh ORDER BY key, article").fetchall(),
        "meta": db.execute("SELECT key, value FROM meta ORDER BY key").fetchall(),
    }


def test_ingests_in_parts_and_by_two_writers_match_one_ingest(tmp_path: Path) -> None:
    # A store object keeps its clusterer between ingests; another writer in between must
    # make it reload, so every way of splitting the feed ends in the same store.
    items = [a for a, _ in corpus(4, 3)]
    random.Random(3).shuffle(items)
    with open_store(tmp_path / "one.db") as store:
        ingest_into(store, items, progress=False)
        expected = _dump(store.db)
    with open_store(tmp_path / "parts.db") as first:
        ingest_into(first, items[:4], progress=False)
        with open_store(tmp_path / "parts.db") as second:
            ingest_into(second, items[4:8], progress=False)
        ingest_into(first, items[8:], progress=False)
        assert _dump(first.db) == expected


def test_ingest_in_worker_processes_ends_in_the_same_store(tmp_path: Path) -> None:
    # Real articles from two ECB+ topics (seeds of near copies and look-alike events) plus
    # our own, with the cases the writer decides: a repeated id, the same text under
    # another id, a near copy, and an article that cleaning leaves empty.
    path = shared_path("ecbplus", "dev_docs.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:150]
    items: list[Article | Rejected] = [Article(id=r["doc_id"], text=r["text"]) for r in rows]
    items += [a for a, _ in corpus(3, 3)]
    first = items[0]
    assert isinstance(first, Article)
    items += [
        first,
        Article(id="same-text", text=first.text),
        Article(id="near-copy", text=first.text + "\nA line of our own added at the end."),
        Article(id="furniture", text="Share this article\nSign up for our newsletter"),
        Rejected("bad.json", "malformed JSON"),
    ]
    reports, dumps = [], []
    for jobs in (1, 2):
        with open_store(tmp_path / f"jobs{jobs}.db") as store:
            reports.append(ingest_into(store, items, progress=False, jobs=jobs))
            dumps.append(_dump(store.db))
    one, two = reports
    assert (one.added, one.copies, one.skipped, one.new_stories, one.rejected) == (
        two.added,
        two.copies,
        two.skipped,
        two.new_stories,
        two.rejected,
    )
    assert one.skipped == 2 and one.copies >= 1
    assert [r.origin for r in one.rejected][-2:] == ["furniture", "bad.json"]
    assert dumps[0] == dumps[1]


def test_jobs_must_be_a_positive_count(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        for jobs in (0, -1, 1.5, True):
            with pytest.raises(ConfigError, match="jobs"):
                ingest_into(store, [], progress=False, jobs=jobs)  # type: ignore[arg-type]


def test_a_store_of_schema_1_is_upgraded_on_open_and_goes_on_as_a_new_one(tmp_path: Path) -> None:
    items = [a for a, _ in corpus(4, 3)]
    with open_store(tmp_path / "new.db") as store:
        ingest_into(store, items, progress=False)
        expected = _dump(store.db)
    with open_store(tmp_path / "old.db") as store:
        ingest_into(store, items[:7], progress=False)
    # Take the store back to schema 1: LSH rows without dates, indexed by key alone.
    db = sqlite3.connect(tmp_path / "old.db")
    db.executescript(
        "DROP INDEX lsh_key_ts; ALTER TABLE lsh DROP COLUMN ts; "
        "ALTER TABLE articles DROP COLUMN raw_hash; ALTER TABLE articles DROP COLUMN language; "
        "ALTER TABLE articles DROP COLUMN published_source; "
        "ALTER TABLE articles DROP COLUMN extraction; "
        "CREATE INDEX lsh_key ON lsh(key); UPDATE schema_version SET version = 1;"
    )
    db.close()
    with open_store(tmp_path / "old.db", create=False) as store:
        assert store.db.execute("SELECT version FROM schema_version").fetchone() == (
            SCHEMA_VERSION,
        )
        undated = store.db.execute(
            "SELECT count(*) FROM lsh JOIN articles a ON a.id = lsh.article "
            "WHERE lsh.ts IS NOT a.ts"
        ).fetchone()
        assert undated == (0,)
        ingest_into(store, items[7:], progress=False)
        assert _dump(store.db) == expected


def test_html_inputs_extracted_in_workers_end_in_the_same_store(tmp_path: Path) -> None:
    from tests.test_ingest import _html_inputs

    inputs = [str(p) for p in _html_inputs(tmp_path)]
    reports, dumps = [], []
    for jobs in (1, 2):
        with open_store(tmp_path / f"html{jobs}.db") as store:
            reports.append(ingest_into(store, inputs, progress=False, jobs=jobs))
            dumps.append(_dump(store.db))
    assert reports[0].rejected == reports[1].rejected and reports[0].rejected
    assert reports[0].added == reports[1].added > 10
    assert dumps[0] == dumps[1]


def _months_of_news() -> list[Article]:
    """Stories spread over four months (dates 9 days apart per story), in date order, then
    two late arrivals: a copy of the first story's first article dated with it (its story
    long retired), and a fresh copy of the last story's."""
    items = []
    for i, (a, gold) in enumerate(corpus(14, 3, seed=11)):
        g = int(gold[1:])
        day = date(2024, 1, 1) + timedelta(days=9 * g + i % 3)
        items.append(replace(a, published=day.isoformat()))
    items.sort(key=lambda a: (a.published, a.id))
    first, last = items[0], items[-1]
    items.append(replace(first, id="late-copy", text=first.text + " Late."))
    items.append(replace(last, id="fresh-copy", text=last.text + " Fresh."))
    return items


def test_lsh_rows_out_of_reach_are_dropped_without_changing_any_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _months_of_news()
    with open_store(tmp_path / "pruned.db", batch=5) as store:
        ingest_into(store, items, progress=False)
        pruned = _dump(store.db)
        horizon = store.clusterer().horizon  # type: ignore[attr-defined]
        assert horizon is not None
        oldest = store.db.execute("SELECT min(ts) FROM lsh").fetchone()[0]
        assert oldest >= horizon  # the index holds the reachable window only
        assert store.db.execute("SELECT min(ts) FROM articles").fetchone()[0] < horizon
        late = store.db.execute(
            "SELECT copy_of FROM articles WHERE id IN ('late-copy', 'fresh-copy') ORDER BY id"
        ).fetchall()
        assert late == [(items[-3].id,), (None,)]  # fresh-copy found; late-copy out of reach
    with open_store(tmp_path / "parts.db", batch=5) as store:
        for part in (items[:13], items[13:29], items[29:]):
            ingest_into(store, part, progress=False)
        assert _dump(store.db) == pruned  # pruned at other moments, to the same end
    monkeypatch.setattr("storybrief.store.copyindex.SQLiteCopyIndex.prune", lambda self, h: None)
    with open_store(tmp_path / "kept.db", batch=5) as store:
        ingest_into(store, items, progress=False)
        kept = _dump(store.db)
    assert {k: v for k, v in kept.items() if k != "lsh"} == {
        k: v for k, v in pruned.items() if k != "lsh"
    }
    assert len(kept["lsh"]) > len(pruned["lsh"])


def test_an_age_counts_back_from_the_newest_article_in_the_store(tmp_path: Path) -> None:
    # The corpus is dated January 2024: "7d" is the week before its newest article, not
    # before today (which would leave an archive with no recent stories at all).
    with open_store(tmp_path / "s.db") as store:
        ingest_into(store, [a for a, _ in corpus(5, 2)], progress=False)
        everything = store.stories()
        newest = max(s.last_seen or "" for s in everything)
        recent = store.stories(since="1d")
        assert recent and len(recent) <= len(everything)
        cut = (date.fromisoformat(newest) - timedelta(days=1)).isoformat()
        assert all((s.last_seen or "") >= cut for s in recent)
        assert len(store.stories(since="30d")) == len(everything)


def test_articles_come_back_with_their_language_date_source_and_extraction(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge reopens</title>"
        '<meta property="article:published_time" content="2024-03-05"></head><body><article>'
        + "".join(f"<p>{a.text}</p>" for a, _ in corpus(1, 1))
        + "</article></body></html>",
        encoding="utf-8",
    )
    given = Article(id="de1", text=corpus(2, 1)[1][0].text, language="de", published="2024-03-01")
    with open_store(tmp_path / "s.db") as store:
        ingest_into(store, [page, given], progress=False)
        stored = {a.id: a for s in store.stories() for a in store.articles(s.id)}
    html = next(a for a in stored.values() if a.id != "de1")
    assert html.language == "en" and html.extraction and html.published_source == "page"
    assert stored["de1"].language == "de"  # given with the article: kept, not detected


def test_the_online_step_never_files_an_article_under_a_story_of_another_language(
    tmp_path: Path,
) -> None:
    (a, _), (b, _), (c, _) = corpus(1, 3)
    same = [replace(a, language="en"), replace(b, language="en"), replace(c, language=None)]
    mixed = [replace(a, language="en"), replace(b, language="de"), replace(c, language=None)]
    with open_store(tmp_path / "same.db") as store:
        ingest_into(store, same, progress=False)
        assert len(store.stories()) == 1  # one story, as the control
    with open_store(tmp_path / "mixed.db") as store:
        report = ingest_into(store, mixed, progress=False)
        stories = {o.id: o.story for o in report.outcomes}
        assert stories[b.id] != stories[a.id] and [o.new_story for o in report.outcomes][1]
        for story in store.stories():  # the third's language is detected: it joins its own
            assert len({x.language for x in store.articles(story.id)} - {None}) <= 1
    check_store(tmp_path / "mixed.db")


def test_an_article_barred_from_its_best_story_joins_the_next_best_of_its_language(
    tmp_path: Path,
) -> None:
    # Three reports of one story, the second in another language: the third is closest to
    # the second's story, which it may not join, and still close enough to the first's
    # (it used to start a story of its own).
    (a, _), (b, _), (c, _) = corpus(1, 3)
    mixed = [replace(a, language="en"), replace(b, language="de"), replace(c, language="en")]
    with open_store(tmp_path / "mixed.db") as store:
        report = ingest_into(store, mixed, progress=False)
        stories = {o.id: o.story for o in report.outcomes}
        assert stories[b.id] != stories[a.id]
        assert stories[c.id] == stories[a.id]
        assert [o.new_story for o in report.outcomes] == [True, True, False]
    check_store(tmp_path / "mixed.db")
