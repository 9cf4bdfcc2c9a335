"""A greedy extractive oracle: the ceiling for any system that copies whole sentences.

It adds, one at a time, the sentence that most raises ROUGE-1 F1 + ROUGE-2 F1 against the
reference, until the budget is spent or no sentence helps (the usual greedy oracle of
extractive summarization). N-grams are counted per sentence, so a bigram across a
sentence boundary is not credited while choosing; the final score is rouge-score's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storybrief.eval.rouge import UnicodeTokenizer, count_words, truncate_words
from storybrief.text import split_sentences


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, pred: int, ref: int) -> float:
    if overlap == 0 or pred == 0 or ref == 0:
        return 0.0
    p, r = overlap / pred, overlap / ref
    return 2 * p * r / (p + r)


def _gain(
    sel: Counter[tuple[str, ...]], cand: Counter[tuple[str, ...]], ref: Counter[tuple[str, ...]]
) -> int:
    """How many more reference n-grams the selection matches once ``cand`` is added."""
    more = 0
    for g, c in cand.items():
        r = ref.get(g, 0)
        if r:
            have = sel.get(g, 0)
            more += min(have + c, r) - min(have, r)
    return more


def greedy_oracle(
    documents: Sequence[str],
    reference: str,
    words: int,
    *,
    tokenizer: UnicodeTokenizer | None = None,
) -> list[str]:
    """Sentences of ``documents`` chosen greedily to maximise ROUGE-1 + ROUGE-2 F1."""
    tok = tokenizer or UnicodeTokenizer(use_stemmer=True)
    ref_tokens = tok.tokenize(reference)
    refs = (_ngrams(ref_tokens, 1), _ngrams(ref_tokens, 2))
    ref_totals = (max(len(ref_tokens), 0), max(len(ref_tokens) - 1, 0))
    seen: set[str] = set()
    cands: list[tuple[str, int, list[str], list[Counter[tuple[str, ...]]]]] = []
    for doc in documents:
        for sent in split_sentences(doc):
            if sent not in seen:
                seen.add(sent)
                toks = tok.tokenize(sent)
                if toks:
                    cands.append(
                        (sent, count_words(sent), toks, [_ngrams(toks, 1), _ngrams(toks, 2)])
                    )
    chosen: list[str] = []
    sel: list[Counter[tuple[str, ...]]] = [Counter(), Counter()]
    overlap = [0, 0]
    totals = [0, 0]
    used: set[int] = set()
    budget_left = words
    best_score = 0.0
    while budget_left > 0:
        best: tuple[float, int, list[Counter[tuple[str, ...]]], list[int]] | None = None
        for i, (sent, n_words, toks, grams) in enumerate(cands):
            if i in used:
                continue
            if n_words > budget_left:  # score the sentence as the shared cut would leave it
                toks = tok.tokenize(" ".join(truncate_words([sent], budget_left)))
                grams = [_ngrams(toks, 1), _ngrams(toks, 2)]
            new_overlap = [overlap[k] + _gain(sel[k], grams[k], refs[k]) for k in (0, 1)]
            new_totals = [totals[0] + len(toks), totals[1] + max(len(toks) - 1, 0)]
            score = sum(_f1(new_overlap[k], new_totals[k], ref_totals[k]) for k in (0, 1))
            if score > best_score and (best is None or score > best[0]):
                best = (score, i, grams, new_totals)
        if best is None:
            break
        best_score, i, grams, totals = best
        used.add(i)
        for k in (0, 1):
            overlap[k] += _gain(sel[k], grams[k], refs[k])
            sel[k].update(grams[k])
        chosen.append(cands[i][0])
        budget_left -= cands[i][1]
    return truncate_words(chosen, words)
