"""Citations pick the sentence an article states a fact in; relays between articles that
share text count once. Invented sentences and names only."""

from __future__ import annotations

from builders import articles
from storybrief.dedup import find_copies
from storybrief.segment import segment
from storybrief.segment.origins import count_origins, relays
from storybrief.summarize.citations import supporting_rows
from storybrief.summarize.support import FEATURES, SupportModel
from storybrief.summarize.table import build_table


def _no_copies(a: str, b: str) -> bool:
    return False


def test_an_outlet_named_with_an_ampersand_or_watch_is_credited() -> None:
    assert relays("Harbour & Valley Watch reports that the ferry was cancelled.")
    assert relays("The ferry was cancelled, according to Coast Watch.")
    assert not relays("The ferry was cancelled, the harbour master said.")


def test_a_relay_between_articles_sharing_text_counts_once_in_other_words() -> None:
    passages = [
        ("post", "Harbour & Valley Watch reports that the ferry to Olm was cancelled by its crew."),
        ("paper", "The ferry to Olm was cancelled by the crew, its owner added on Monday."),
    ]
    # Most of the shorter passage's words, a credit, and articles that share paragraphs.
    assert count_origins(passages, _no_copies, {frozenset(("post", "paper"))}) == 1
    # Without shared text a credit to some outlet says nothing about the other article.
    assert count_origins(passages, _no_copies) == 2


def test_the_copy_of_the_sentence_is_cited_before_a_looser_one_the_model_prefers() -> None:
    arts = articles(
        "The ferry to Olm Island was cancelled on Friday. Storms closed the harbour.",
        "Island residents waited for news all evening. "
        "The ferry to Olm Island was cancelled on Friday. Shops on the quay shut early.",
    )
    table = build_table(segment(arts, find_copies(arts)))
    row = next(r for r, t in enumerate(table.texts) if t.startswith("The ferry"))
    n = len(FEATURES)
    cosine = FEATURES.index("cosine")
    # A model that, against sense, rates a pair the higher the less the two sentences share.
    model = SupportModel(
        mean=(0.0,) * n,
        scale=(1.0,) * n,
        coef=tuple(-1.0 if i == cosine else 0.0 for i in range(n)),
        intercept=3.0,
    )
    (support,) = supporting_rows(table, [row], model=model, threshold=0.5)
    cited = [table.texts[r] for r in support if table.article[r] == 1]
    assert cited == ["The ferry to Olm Island was cancelled on Friday."]


def test_a_copied_sentence_with_words_changed_is_one_origin() -> None:
    passages = [
        ("a", "The tram now runs between #4 and 9 stops past the harbour in Olm."),
        (
            "b",
            "The tram now runs between No. 4 and No. 9 stops on that line past the harbour in Olm.",
        ),
    ]
    assert count_origins(passages, _no_copies) == 1
