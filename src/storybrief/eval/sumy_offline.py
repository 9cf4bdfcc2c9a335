"""sumy's LexRank and TextRank, made to run offline.

sumy's ``Tokenizer`` builds NLTK's Punkt sentence splitter, whose model must be downloaded
(``nltk.download('punkt_tab')``) and fails with a LookupError where that is impossible.
Here sentences come from storybrief's splitter (blingfire) and words from storybrief's
word pattern, so nothing is fetched at run time; stemming (Snowball) and stop words are
shipped inside nltk and sumy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storybrief.eval.rouge import count_words
from storybrief.text import split_sentences

# sumy keeps only alphabetic words (its ``_WORD_PATTERN``); so do we, in any script.
_WORDLIKE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)


class OfflineTokenizer:
    """What sumy asks of a tokenizer (``language``, ``to_sentences``, ``to_words``)."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORDLIKE.findall(sentence))


class _WordBudget:
    """A sumy "count": takes top-rated sentences until they hold ``words`` words."""

    def __init__(self, words: int) -> None:
        self.words = words

    def __call__(self, infos: Sequence[Any]) -> list[Any]:
        picked, total = [], 0
        for info in infos:
            if total >= self.words:
                break
            picked.append(info)
            total += count_words(str(info.sentence))
        return picked


def _document(documents: Sequence[str], tokenizer: OfflineTokenizer) -> Any:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    paragraphs = []
    for doc in documents:
        sents = [Sentence(s, tokenizer) for s in split_sentences(doc)]
        if sents:
            paragraphs.append(Paragraph(sents))
    return ObjectDocumentModel(paragraphs)


def sumy_summarize(documents: Sequence[str], words: int, *, algorithm: str) -> list[str]:
    """Run sumy's ``lexrank`` or ``textrank`` with English stemming and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}
    summarizer = classes[algorithm](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = OfflineTokenizer("english")
    document = _document(documents, tokenizer)
    if not document.sentences:
        return []
    return [str(s) for s in summarizer(document, _WordBudget(words))]
