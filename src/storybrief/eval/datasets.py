"""Loaders for the evaluation data: summarization clusters, ECB+ stories, extraction pages.

The shared data lives beside the project (``../shared/data``) and is read in place; a user
points ``STORYBRIEF_EVAL_DATA`` (or ``--data``) elsewhere. Any JSONL of
``{"documents": [...], "summary": ...}`` is a summarization dataset too.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storybrief.errors import ConfigError, InputError, MalformedInputError

SUMMARY_DATASETS = ("multinews", "neus")
# Default budgets sit near each reference set's median length (Multi-News ~236 words,
# NeuS title + roundup ~65), so no system is judged at a length its reference never has.
DATASET_WORDS = {"multinews": 250, "neus": 70}
# Multi-News joins an article's paragraphs with " \n \n " and, in the original release,
# articles with "|||||"; both become paragraph breaks.
_MN_BREAK = re.compile(r"\s*\n\s*\n\s*|\s*\|\|\|\|\|\s*")


@dataclass(frozen=True)
class Cluster:
    """Documents about one story and the human reference summary."""

    id: str
    documents: tuple[str, ...]
    reference: str


@dataclass(frozen=True)
class Page:
    """One HTML page and its gold: a hand-checked article ``body`` (scrapinghub), or
    snippets the extracted text must (``include``) and must not (``exclude``) contain
    (trafilatura's evaluation set)."""

    id: str
    html: str
    body: str
    url: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def snippets(self) -> bool:
        """Is this page scored by snippets (else by its body)?"""
        return bool(self.include or self.exclude)


@dataclass(frozen=True)
class StoryDoc:
    """One ECB+ article with its gold story (``cluster_id``) and topic."""

    id: str
    text: str
    story: str
    topic: str


def data_root(explicit: str | Path | None = None) -> Path:
    """The shared data folder: ``explicit``, else $STORYBRIEF_EVAL_DATA, else ../shared/data."""
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get("STORYBRIEF_EVAL_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *here.parents):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data"


def _need(path: Path) -> Path:
    if not path.exists():
        raise ConfigError(
            f"evaluation data not found at {path}; set STORYBRIEF_EVAL_DATA or pass --data"
        )
    return path


def multinews_document(text: str) -> str:
    """A Multi-News document with its paragraph breaks as blank lines."""
    return "\n\n".join(p.strip() for p in _MN_BREAK.split(text) if p.strip())


_multinews_doc = multinews_document


def load_clusters(
    dataset: str, *, root: str | Path | None = None, limit: int | None = None
) -> list[Cluster]:
    """``multinews``, ``neus`` or a path to a JSONL file of documents and summary."""
    if limit is not None and limit < 1:
        raise ConfigError(f"limit must be a positive count, got {limit}")
    if dataset == "multinews":
        path = _need(data_root(root) / "multinews" / "validation.jsonl")
        clusters = list(_jsonl_clusters(path, clean=_multinews_doc))
    elif dataset == "neus":
        clusters = list(_neus(_need(data_root(root) / "neus")))
    elif dataset.endswith((".jsonl", ".json")) or Path(dataset).is_file():
        clusters = list(_jsonl_clusters(_need(Path(dataset)), clean=str.strip))
    else:
        raise ConfigError(
            f"unknown dataset {dataset!r}: choose one of {', '.join(SUMMARY_DATASETS)} "
            'or give a path to a .jsonl file of {"documents": [...], "summary": ...}'
        )
    return clusters[:limit] if limit else clusters


def _jsonl_clusters(path: Path, *, clean: object) -> Iterator[Cluster]:
    fix = clean if callable(clean) else str.strip
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                docs = row["documents"]
                summary = row["summary"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise MalformedInputError(
                    f"{path}:{n}", f"expected a JSON object with documents and summary ({exc})"
                ) from exc
            if isinstance(docs, str):
                docs = [docs]
            documents = tuple(d for d in (fix(x) for x in docs) if d)
            yield Cluster(
                id=str(row.get("id", f"{path.stem}-{n}")),
                documents=documents,
                reference=str(summary).strip(),
            )


_NEUS_PART = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<body>.*)", re.DOTALL)


def _neus_text(part: str) -> str:
    """``TITLE=> t ARTICLE=> a`` as a headline paragraph followed by the article."""
    m = _NEUS_PART.match(part.strip())
    if not m:
        return part.strip()
    title, body = m.group("title").strip(), m.group("body").strip()
    return f"{title}\n\n{body}" if title else body


def _neus(folder: Path) -> Iterator[Cluster]:
    sources = _need(folder / "val.source").read_text(encoding="utf-8").splitlines()
    targets = _need(folder / "val.target").read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        raise MalformedInputError(str(folder), "val.source and val.target differ in length")
    for n, (src, tgt) in enumerate(zip(sources, targets, strict=True)):
        docs = tuple(_neus_text(p) for p in src.split(" [SEP] ") if p.strip())
        yield Cluster(id=f"neus-{n}", documents=docs, reference=_neus_text(tgt))


def load_pages(*, root: str | Path | None = None, limit: int | None = None) -> list[Page]:
    """The scrapinghub article-extraction pages, in ground-truth order."""
    folder = _need(data_root(root) / "scrapinghub")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in list(truth)[: limit or None]:
        path = folder / "html" / f"{key}.html.gz"
        try:
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        except OSError as exc:
            raise InputError(str(path), f"cannot read page ({exc})") from exc
        pages.append(
            Page(
                id=key,
                html=html,
                body=truth[key].get("articleBody") or "",
                url=truth[key].get("url"),
            )
        )
    return pages


EXTRACTION_SETS = ("scrapinghub", "trafilatura-eval")


def load_extraction_set(
    name: str, *, root: str | Path | None = None, limit: int | None = None
) -> list[Page]:
    """``scrapinghub`` or ``trafilatura-eval`` pages (the first ``limit`` when given)."""
    if name == "scrapinghub":
        return load_pages(root=root, limit=limit)
    if name == "trafilatura-eval":
        return load_snippet_pages(root=root, limit=limit)
    raise ConfigError(f"unknown extraction set {name!r}: choose from {', '.join(EXTRACTION_SETS)}")


def load_snippet_pages(*, root: str | Path | None = None, limit: int | None = None) -> list[Page]:
    """trafilatura's evaluation pages, in file order, scored by their snippets."""
    path = _need(data_root(root) / "trafilatura-eval" / "pages.jsonl.gz")
    pages: list[Page] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if limit is not None and len(pages) >= limit:
                break
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                page = Page(
                    id=str(row["id"]),
                    html=str(row["html"]),
                    body="",
                    url=row.get("url"),
                    include=tuple(s for s in row.get("with") or () if s),
                    exclude=tuple(s for s in row.get("without") or () if s),
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise MalformedInputError(f"{path}:{n}", f"expected a page record ({exc})") from exc
            pages.append(page)
    return pages


# ECB+ text is tokenized (spaces around punctuation, PTB quotes); undo the common cases
# so a clusterer sees text shaped like the news it will meet.
_DETOK = [
    (re.compile(r" ([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"``\s*|\s*''"), '"'),
]


def detokenize(text: str) -> str:
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def load_story_docs(*, root: str | Path | None = None, topics: int | None = None) -> list[StoryDoc]:
    """ECB+ dev articles (the first ``topics`` topics when given), text detokenized."""
    path = _need(data_root(root) / "ecbplus" / "dev_docs.jsonl")
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                docs.append(
                    StoryDoc(
                        id=str(row["doc_id"]),
                        text=detokenize(row["text"]),
                        story=str(row["cluster_id"]),
                        topic=str(row["topic"]),
                    )
                )
    if topics is not None:
        keep = sorted({d.topic for d in docs}, key=_topic_key)[:topics]
        docs = [d for d in docs if d.topic in keep]
    return docs


def _topic_key(topic: str) -> tuple[int, str]:
    return (int(topic), topic) if topic.isdigit() else (10**9, topic)
