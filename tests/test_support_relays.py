"""Citations pick the sentence an article states a fact in; relays between articles that
share text count once. Invented sentences and names only."""

from __future__ import annotations

from builders import articles
from storybrief.analyze import analyze
from storybrief.dedup import find_copies
from storybrief.model import Article
from storybrief.segment import segment
from storybrief.segment.origins import article_runs, count_origins, relays
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


def test_a_credit_in_the_next_sentence_counts_where_the_articles_share_text() -> None:
    passages = [
        ("post", "The crew cancelled the Olm ferry late on Friday night."),
        ("paper", "On Friday the ferry to Olm was cancelled by its crew, the owner added."),
    ]
    context = ["Harbour Valley Watch reports that the crew walked off.", "Storms closed the quay."]
    shared = {frozenset(("post", "paper"))}
    assert count_origins(passages, _no_copies, shared) == 2
    assert count_origins(passages, _no_copies, shared, context=context) == 1
    # A credit next to the passage says nothing where the articles share no text.
    assert count_origins(passages, _no_copies, context=context) == 2


def test_a_broadcast_credit_in_a_neighbour_does_not_make_a_relay_of_an_own_report() -> None:
    passages = [
        ("a", "Pell Orrin, head of the Olm Harbour Council, said boats sank."),
        (
            "b",
            "Pell Orrin, the Olm Harbour Council head, said on Sunday that at least two of the "
            "fishing boats had sunk in the storm.",
        ),
    ]
    # Nearly all words of one in the other, and a credit in the sentence before: that
    # credit is the sentence before's, and the articles share no text.
    context = ["Nine boats were lost at sea, the TV reported.", "Rain fell on the coast."]
    assert count_origins(passages, _no_copies, context=context) == 2


def test_neighbours_reprinted_word_for_word_are_a_shared_passage() -> None:
    passages = [
        ("a", "Council chief Tova Renn confirmed the closure to reporters on Monday."),
        ("b", "On Monday council chief Tova Renn confirmed the closure."),
    ]
    context = [
        "The bridge over the Pell river will stay shut until the spring thaw.",
        "Officials said the bridge over the Pell river will stay shut until the spring thaw.",
    ]
    assert count_origins(passages, _no_copies) == 2
    assert count_origins(passages, _no_copies, context=context) == 1


def test_a_passage_the_other_article_reprints_elsewhere_is_one_origin() -> None:
    release = "Brenmoor Mills will open a second plant in Olm next spring, hiring four hundred."
    report = [
        "The mill owner plans a new factory in Olm that should employ hundreds.",
        "The company's statement read: " + release,
    ]
    passages = [("release", release), ("report", report[0])]
    assert count_origins(passages, _no_copies) == 2
    printed = {"report": article_runs(report), "release": article_runs([release])}
    assert count_origins(passages, _no_copies, printed=printed) == 1


def test_a_question_quoted_with_its_credit_split_off_counts_once() -> None:
    a = '"Is the ferry running at all?" commuter Ada Fenn asked.'
    b = 'Queues grew. "Is the ferry running at all?" commuter Ada Fenn asked, according to the AP.'
    (q,) = analyze(segment([Article("a", a), Article("b", b)], ()), ner="rules").quotes
    assert q.support == 1


def test_call_letters_a_wire_dateline_and_an_extract_credit_an_outlet() -> None:
    assert relays("A man was arrested after the parade, WQRX reported.")
    assert relays("The driver told KPLM-TV that the brakes failed.")
    assert relays("From Harbour & Valley Watch:")
    assert relays("The bridge will stay shut, the station reported.")
    # Four capitals that are no call letters, and three-letter agencies, credit no outlet.
    assert not relays("The WHO said cases rose, and NATO said the drills went on.")
    assert not relays("Cases rose, according to the paper the researchers wrote.")


def test_a_report_retelling_a_release_it_embeds_counts_once() -> None:
    passages = [
        ("release", "The crew cancelled the Olm ferry late on Friday night."),
        ("report", "On Friday the ferry to Olm was cancelled by its crew, the owner added."),
    ]
    pair = {frozenset(("release", "report"))}
    # Sharing some text is not enough for two wordings; embedding most of the other is.
    assert count_origins(passages, _no_copies, pair) == 2
    assert count_origins(passages, _no_copies, pair, versions=pair) == 1


def test_the_table_keeps_partial_links_of_an_article_mostly_inside_the_other() -> None:
    from storybrief.model import CopyLink

    arts = articles("The ferry was cancelled. Storms hit.", "Storms hit Olm. The quay shut.")
    links = [CopyLink("a1", "a0", "partial", 0.3, 0.6)]
    table = build_table(segment(arts, links))
    assert table.versions == table.partial == frozenset({(0, 1)})
    table = build_table(segment(arts, [CopyLink("a1", "a0", "partial", 0.2, 0.3)]))
    assert table.versions == frozenset() and table.partial == frozenset({(0, 1)})


def test_a_relay_sharing_text_needs_half_the_shorter_passages_words() -> None:
    shared = {frozenset(("post", "paper"))}
    relay = ("post", "Harbour Watch reports that the crew cancelled the Olm ferry on Friday.")
    retold = ("paper", "The Olm ferry was cancelled on Friday as storms hit the coast.")
    other = ("paper", "The owners said no boat would sail on Friday as storms hit the coast.")
    assert count_origins([relay, retold], _no_copies, shared) == 1
    assert count_origins([relay, other], _no_copies, shared) == 2


def test_a_wire_dateline_is_no_relay_but_tells_whose_shared_text_it_is() -> None:
    wire = ("wire", "OLM (AP) — Storms cancelled the Olm ferry on Friday, stranding tourists.")
    own = ("paper", "Storms cancelled the ferry to Olm on Friday.")
    assert not relays(wire[1])
    # The paper's own lead in nearly the wire's words: no credit, no shared text.
    assert count_origins([wire, own], _no_copies) == 2
    retold = ("paper", "Tourists were stranded when the Olm ferry was cancelled on Friday.")
    assert count_origins([wire, retold], _no_copies, {frozenset(("wire", "paper"))}) == 1


def test_a_shared_string_of_names_and_titles_is_no_copied_passage() -> None:
    # Two reports open with the same names and titles, then say different things.
    names = "Westland Prime Minister Leo Brandt and Eastmark President Ana Duval"
    passages = [
        ("wire-a", f"{names} met for the first time in Porto Vell on Monday."),
        ("wire-b", f"{names} vowed closer trade ties at their summit, Harbour Watch reported."),
    ]
    assert count_origins(passages, _no_copies) == 2
    # A clause copied around the names is a copied passage.
    copied = [
        ("wire-a", f"{names} then entered the old customs hall where the talks will be held."),
        ("site", f"After lunch {names} then entered the old customs hall where the talks go on."),
    ]
    assert count_origins(copied, _no_copies) == 1
