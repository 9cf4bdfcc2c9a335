"""The sentence table: every sentence of a story with the features the summarizers use.

Built once per brief. ``vectors`` is an L2-normalised TF-IDF matrix (one row a sentence)
fitted on the story itself, so a term's weight reflects how specific it is to this story's
sentences, not to some outside corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import snowballstemmer
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from storybrief.model import Segments
from storybrief.text import STOPWORDS, words

# A brief sentence should be a full statement: very short lines are headings or captions,
# very long ones are usually run-on lists or scraped navigation.
MIN_WORDS = 6
MAX_WORDS = 70
# A question mark at the end, before any closing quotes and one added full stop.
_QUESTION_END = re.compile(r"\?[\"'”’]*\.?[\"'”’]*\s*$")

# Snowball's English stemmer (the C build, PyStemmer, when installed): "added"/"add",
# "plans"/"plan" must match for citations and redundancy to see the same statement.
_STEMMER = snowballstemmer.stemmer("english")


def analyzer(text: str) -> list[str]:
    return _STEMMER.stemWords([w for w in words(text) if w not in STOPWORDS and len(w) > 1])


@dataclass
class SentenceTable:
    """Parallel arrays over all sentences of a story (row ``k`` is one sentence)."""

    article_ids: list[str]
    sentences: dict[str, tuple[str, ...]]  # article id -> its sentence list (citation frame)
    texts: list[str]
    article: np.ndarray  # article index of each row
    index: np.ndarray  # sentence index within its article
    position: np.ndarray  # relative position in the article, 0 = first sentence
    paragraph: np.ndarray
    n_words: np.ndarray
    group: np.ndarray  # independent-source group of the row's article
    vectors: sparse.csr_matrix
    candidate: np.ndarray  # bool: may appear in the brief

    @property
    def n_groups(self) -> int:
        return int(self.group.max()) + 1 if len(self.group) else 0


def build_table(segments: Segments) -> SentenceTable:
    ids = [a.id for a in segments.articles]
    group_index: dict[str, int] = {}
    texts: list[str] = []
    art, idx, pos, para, nw, grp, cand = [], [], [], [], [], [], []
    for a_i, a_id in enumerate(ids):
        rows = segments.sentences[a_id]
        g = group_index.setdefault(segments.groups[a_id], len(group_index))
        n = max(1, len(rows))
        for s in rows:
            k = len(s.text.split())
            texts.append(s.text)
            art.append(a_i)
            idx.append(s.index)
            pos.append(s.index / n)
            para.append(s.paragraph)
            nw.append(k)
            grp.append(g)
            cand.append(_is_candidate(s.text, k))
    if texts:
        vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, dtype=np.float32)
        try:
            vectors = vectorizer.fit_transform(texts).tocsr()
        except ValueError:  # no content word at all
            vectors = sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    else:
        vectors = sparse.csr_matrix((0, 1), dtype=np.float32)
    return SentenceTable(
        article_ids=ids,
        sentences=segments.texts(),
        texts=texts,
        article=np.array(art, dtype=np.int32),
        index=np.array(idx, dtype=np.int32),
        position=np.array(pos, dtype=np.float32),
        paragraph=np.array(para, dtype=np.int32),
        n_words=np.array(nw, dtype=np.int32),
        group=np.array(grp, dtype=np.int32),
        vectors=vectors,
        candidate=np.array(cand, dtype=bool),
    )


def _is_candidate(sentence: str, n_words: int) -> bool:
    if not MIN_WORDS <= n_words <= MAX_WORDS:
        return False
    # A statement ends like one; a headline or caption does not.
    if sentence[-1] not in ".!\"'”’)" and not sentence.endswith("..."):
        return False
    # Questions rarely summarise; they tease. A headline with a full stop added after its
    # question mark ("Is the President at Risk?.") is still a question.
    return _QUESTION_END.search(sentence) is None
