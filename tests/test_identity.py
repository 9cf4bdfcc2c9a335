"""Article identity: nothing is lost because two inputs got the same id.

An article is its text (the digest of the cleaned text) plus where it came from. The same
text again changes nothing; a different text under an id already stored is kept under a
new id, with a notice; the report says what became of every input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storybrief.cli import main
from storybrief.model import Article
from storybrief.store import open_store
from storybrief.stream import ingest_into

DAY1 = [
    "The Holm river ferry restarted on Monday after a month of engine repairs, its operator said.",
    "Lindqvist Bay's northern pier reopened after eleven months of storm repairs on Tuesday.",
]
DAY2 = [
    "A chess club in Ostrava Dol marked its hundredth year with a tournament on Saturday.",
    "The council of Merrowby approved a new bus route to the hospital on Wednesday evening.",
]


def _jsonl(texts: list[str], **extra: str) -> str:
    return "".join(json.dumps({"text": t, **extra}) + "\n" for t in texts)


def _ids(db: Path) -> list[str]:
    with open_store(db, create=False) as store:
        return [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY seq")]  # type: ignore[attr-defined]


def test_two_stdin_ingests_of_different_days_keep_both(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    for day in (DAY1, DAY2):
        result = runner.invoke(
            main, ["ingest", "--db", db, "--no-progress", "-"], input=_jsonl(day)
        )
        assert result.exit_code == 0, result.output
        assert "2 added" in result.stderr
    assert len(_ids(tmp_path / "s.db")) == 4
    again = runner.invoke(main, ["ingest", "--db", db, "--no-progress", "-"], input=_jsonl(DAY1))
    assert "0 added" in again.stderr and "2 already stored" in again.stderr
    assert len(_ids(tmp_path / "s.db")) == 4


def test_same_named_files_in_two_folders_are_both_stored(tmp_path: Path) -> None:
    for site, text in (("siteA", DAY1[0]), ("siteB", DAY2[0])):
        (tmp_path / "feed" / site).mkdir(parents=True)
        (tmp_path / "feed" / site / "article.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    with open_store(db) as store:
        report = ingest_into(store, [tmp_path / "feed"], progress=False)
    assert report.added == 2
    assert _ids(db) == ["feed/siteA/article.txt", "feed/siteB/article.txt"]


def test_a_different_text_under_a_stored_id_is_kept_under_a_new_id(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with open_store(db) as store:
        ingest_into(store, [Article(id="story", text=DAY1[0])], progress=False)
        report = ingest_into(
            store,
            [Article(id="story", text=DAY2[0]), Article(id="story", text=DAY2[1])],
            progress=False,
        )
    assert report.added == 2 and report.renamed == 2
    first, second = report.outcomes
    assert first.renamed_from == "story" and first.id and first.id.startswith("story~")
    assert second.id != first.id
    assert [n.message for n in report.notices] == [
        f"id 'story' is taken by another text; stored as {o.id!r}" for o in report.outcomes
    ]
    assert _ids(db) == ["story", first.id, second.id]
    # The same texts again, under their first id: stored already, nothing changes.
    with open_store(db) as store:
        again = ingest_into(store, [Article(id="story", text=DAY2[0])], progress=False)
    assert again.skipped == 1 and again.outcomes[0].of == first.id
    assert len(_ids(db)) == 3


def test_jsonl_lines_without_ids_beside_a_file_of_the_same_stem(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.txt").write_text(DAY1[0], encoding="utf-8")
    (tmp_path / "in" / "news.jsonl").write_text(_jsonl(DAY2), encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = ingest_into(store, [tmp_path / "in"], progress=False)
    assert report.added == 3 and not report.renamed


def test_the_report_says_what_became_of_every_input(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": DAY1[0], "published": "2024-05-01"}),
        json.dumps(
            {"id": "b", "text": DAY1[0] + " Reporting by the desk.", "published": "2024-05-01"}
        ),
        json.dumps({"id": "c", "text": DAY1[0], "published": "2024-05-01"}),
        json.dumps({"id": "d", "text": DAY2[0], "published": "not a date"}),
        "{broken",
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            "--db",
            str(tmp_path / "s.db"),
            "--no-progress",
            "--report",
            str(out),
            str(feed),
        ],
    )
    assert result.exit_code == 1  # one line rejected, the rest stored
    assert f"storybrief: warning: {feed}:4: published 'not a date' is not a date" in result.stderr
    outcomes = json.loads(out.read_text(encoding="utf-8"))["outcomes"]
    assert [(o["origin"], o["action"]) for o in outcomes] == [
        (f"{feed}:1", "added"),
        (f"{feed}:2", "copy"),
        (f"{feed}:3", "already stored"),
        (f"{feed}:4", "added"),
        (f"{feed}:5", "rejected"),
    ]
    assert outcomes[0]["new_story"] and outcomes[1]["of"] == "a" and outcomes[2]["of"] == "a"
    assert "malformed JSON" in outcomes[4]["reason"]


def test_two_post_ingest_without_ids_keep_both(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storybrief.service import ServiceSettings, create_app

    client = TestClient(create_app(tmp_path / "s.db", settings=ServiceSettings(writes=True)))
    for texts in (DAY1, DAY2):
        r = client.post("/ingest", json={"articles": [{"text": t} for t in texts]})
        assert r.status_code == 200, r.text
        assert r.json()["added"] == 2
    ids = _ids(tmp_path / "s.db")
    assert len(ids) == 4 and all(i.startswith("text-") for i in ids)  # ids from the texts
