"""The analysis's fast paths give what the plain code they replaced gave (issue 17).

Each test holds a reference (the former, plain implementation) and compares on invented
text that reaches every branch.
"""

from __future__ import annotations

from storybrief.analyze.attribution import outside_quotes
from storybrief.analyze.docs import Doc
from storybrief.analyze.mentions import Mention
from storybrief.analyze.ner import rule_mentions
from storybrief.analyze.tokens import _SUFFIXES, _SYNONYMS, Context, suffix_stem

TEXTS = [
    "",
    "No quotes at all.",
    '"Every word," she said, "is inside."',
    "“Curly” marks and a ”stray close and “an open that runs on",
    'Mixed “open then straight" and "straight then curly” ends',
    '"',
    "He said ‘single’ marks stay.",
]


def _outside_quotes_reference(text: str) -> str:
    out, inside = [], False
    for ch in text:
        if ch in '“”"':
            inside = (not inside) if ch == '"' else ch == "“"
            out.append(" ")
            continue
        out.append(" " if inside else ch)
    return "".join(out)


def test_outside_quotes_matches_the_character_loop() -> None:
    for text in TEXTS:
        assert outside_quotes(text) == _outside_quotes_reference(text), text
    assert outside_quotes('say "no" now') == "say      now"


def _suffix_stem_reference(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for _ in range(2):
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        else:
            break
    return _SYNONYMS.get(w, w)


def test_suffix_stem_matches_the_whole_suffix_list() -> None:
    words = [
        "relationships", "relations", "nationalities", "killed", "deaths", "talks",
        "movements", "hopefully", "reportedly", "Governor’s", "dies", "", "s", "ship",
        "friendships", "operations", "wonderful", "creativity", "editions",
    ]  # fmt: skip
    for w in words:
        assert suffix_stem(w) == _suffix_stem_reference(w), w


def _key(m: Mention) -> tuple:
    return (m.article, m.sentence, m.surface, m.title, sorted(m.votes.items()))


def _doc() -> Doc:
    doc = Doc(
        id="a",
        group="a",
        order=0,
        sentences=(
            "Regional governor Elena Marsh said the Ministry of Health would act.",
            "Marsh, speaking in Tampere on Monday, met the president.",
            "“We will rebuild,” Marsh told Reuters.",
            "Officials in the Korean peninsula and the United Nations disagreed with Kim Jong-un.",
            "The spokesman",
        ),
        paragraph=(0, 0, 1, 1, 2),
        published=None,
    )
    return doc


def test_rule_mentions_same_with_the_context_memo() -> None:
    doc = _doc()
    plain = [_key(m) for m in rule_mentions([doc])]
    # What the rules found before the span-start fast path (the plain token loop).
    assert plain == [
        ("a", 0, "Elena Marsh", ("regional", "governor"), [("person", 3.0)]),
        ("a", 0, "Ministry of Health", (), []),
        ("a", 1, "Marsh", (), []),
        ("a", 1, "Tampere", (), [("place", 1.0)]),
        ("a", 2, "Marsh", (), [("person", 1.0)]),
        ("a", 2, "Reuters", (), [("organization", 2.0)]),
        ("a", 3, "United Nations", (), []),
        ("a", 3, "Kim Jong-un", (), []),
    ]
    memo = Context().tokenizer.words
    assert [_key(m) for m in rule_mentions([doc], memo)] == plain
    assert memo(doc.sentences[0]) is memo(doc.sentences[0])  # tokenised once


def test_negation_gate_lets_every_negator_through() -> None:
    from storybrief.analyze.negation import _NEG_RX
    from storybrief.analyze.negation import negation as _negation

    ctx = Context()
    negated = [
        "He was not injured.",
        "She NEVER signed it.",
        "They cannot leave.",
        "He didn't resign.",
        "It won’t reopen.",
        "No one was hurt.",
        "The mayor said there was no deal.",
    ]
    for text in negated:
        assert _NEG_RX.search(text), text
        assert _negation(ctx, text) is not None, text
    # Gated out (no "no", "never", "n't"), or through the gate with no negator word.
    for text in ["He was injured on Monday.", "Notably, the nose of the plane broke."]:
        assert _negation(ctx, text) is None, text


def _words_of_reference(text: str) -> list[str]:
    """``attribution.words_of`` before its phrasal pre-check (issue 17)."""
    from storybrief.analyze.attribution import (
        ABBREVIATED,
        DOMAINS,
        INITIALS,
        PARTY_STATE,
        PHRASAL,
        STATE,
    )
    from storybrief.analyze.tokens import Tokenizer

    out: list[str] = []
    toks = Tokenizer.words(text)
    for n, t in enumerate(toks):
        if (
            t == "."
            and out
            and (
                out[-1].lower() in ABBREVIATED
                or (len(out[-1]) == 1 and out[-1].isupper())
                or PARTY_STATE.fullmatch(out[-1]) is not None
                or (
                    toks[n + 1 : n + 2] == [","]
                    and STATE.fullmatch(out[-1] + ".") is not None
                    and out[-2:-1] == [","]
                )
            )
        ):
            out[-1] += "."
            if len(out) > 1 and INITIALS.fullmatch(out[-2]) and len(out[-1]) == 2:
                out[-2:] = [out[-2] + out[-1]]
        elif t in DOMAINS and out[-1:] == ["."] and len(out) > 1 and out[-2].isalnum():
            out[-2:] = [out[-2] + "." + t]
        elif (
            out
            and (out[-1].lower(), t.lower()) in PHRASAL
            and (t.lower() != "on" or not toks[n + 1 : n + 2] or not toks[n + 1][:1].isalpha())
        ):
            out[-1] += " " + t
        else:
            out.append(t)
    return out


def test_words_of_matches_the_plain_loop() -> None:
    from storybrief.analyze.attribution import words_of

    texts = [
        *TEXTS,
        "Gov. Jo Brinkley SHOT BACK on Friday, and Sen. Al Roe, R-Ky., went on.",
        "Roe went on, as if nothing happened; she Pointed Out the U.S. figures at acme.com.",
        "The council goes on recess in Dunmore, Mo., Mayor Jo Brinkley said.",
        "He chimed in. She fires back. They wrote back to D.C. officials.",
        "No verb here at all, only words.",
    ]
    for text in texts:
        assert words_of(text) == _words_of_reference(text), text


def test_word_starts_match_the_whole_scan() -> None:
    from storybrief.analyze.values import _WORD_START, _word_starts

    long_word = "Supercalifragilisticexpialidocious" * 3
    texts = [
        "The council said on Monday that as many as 12 people were hurt.",
        f"{long_word} {long_word} 12 people",
        f"a {long_word}12 people",
        "x" * 200 + " nearly 40",
        "12",
        "Roe, Brinkley and Dunmore officials, more than 300 residents",
    ]
    for text in texts:
        for done in range(0, len(text) + 1, 7):
            for p in range(done, len(text) + 1, 3):
                whole = [w.start() for w in _WORD_START.finditer(text, done, p)][-3:]
                assert _word_starts(text, done, p) == whole, (text, done, p)
