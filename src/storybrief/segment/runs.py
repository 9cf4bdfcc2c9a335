"""Furniture told by its neighbours, not by its own words: a run of headline-shaped lines
inside an article (the headlines of related stories, a list of links), a caption whose
credit opens the next sentence ("The harbour at dawn. AP The council said ..."), a
social post split into several sentences above its signature, and an embed still in its
markup ("<tweet author=...>First line. Second line</tweet>").

Each rule reads the sentences of an article as segmentation splits them, paragraph by
paragraph, and only adds furniture flags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A headline-shaped paragraph: one sentence, no closing stop, a few words.
_STOPS = tuple('.!?…:;"”’')
RUN_WORDS = (3, 16)
# Related-story headlines come two or more in a row; one such line alone is a subheading.
RUN_LENGTH = 2
# An agency credit left at the start of the sentence after its caption ("AP The council
# said ...", "| AP Photo Council reaches deal ...").
_CREDIT_LEAD = re.compile(
    r"(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA)\s+(?=[A-Z])"
    r"|\|\s*(?:AP|AFP|Reuters|REUTERS|Getty|EPA)\b"
)
CAPTION_WORDS = 20
# Sentences of a caption (or a pull quote) before such a credit.
CAPTION_SENTENCES = 2
# A related story's headline alone between paragraphs: "Name: what the person said",
# without a closing stop ("Roe: Council must act now").
_QUOTE_HEADLINE = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}: [A-Z\"'‘“]")


def _headline_shaped(text: str) -> bool:
    bare = text.rstrip(")]' ")
    n = len(text.split())
    return RUN_WORDS[0] <= n <= RUN_WORDS[1] and not bare.endswith(_STOPS)


def headline_runs(rows: Sequence[tuple[int, str]], flags: list[bool]) -> list[bool]:
    """``flags`` with every run of ``RUN_LENGTH`` or more headline-shaped one-sentence
    paragraphs marked, where the run follows the article's first paragraph (the page's own
    headline and standfirst stay: summarize reads them as it always did)."""
    if not rows:
        return flags
    sizes: dict[int, int] = {}
    for paragraph, _ in rows:
        sizes[paragraph] = sizes.get(paragraph, 0) + 1
    shaped = [
        sizes[p] == 1
        and p != rows[0][0]
        and _headline_shaped(text)
        # Hard-wrapped prose ("... when the vote came" / "a week later ..."): a line that
        # goes on in lower case in the next paragraph is no headline.
        and not text[:1].islower()
        and not (k + 1 < len(rows) and rows[k + 1][1][:1].islower())
        for k, (p, text) in enumerate(rows)
    ]
    out = list(flags)
    k = 0
    while k < len(rows):
        if not shaped[k]:
            k += 1
            continue
        j = k
        while j < len(rows) and shaped[j]:
            j += 1
        if j - k >= RUN_LENGTH or (j - k == 1 and _QUOTE_HEADLINE.match(rows[k][1])):
            out[k:j] = [True] * (j - k)
        k = j
    return out


def credit_after_caption(paragraph: Sequence[str], flags: list[bool]) -> list[bool]:
    """``flags`` of one paragraph with its first sentences (one or two, short) marked when
    the next one opens with an agency's credit: they are the picture's caption."""
    for k in range(1, min(len(paragraph), CAPTION_SENTENCES + 1)):
        if _CREDIT_LEAD.match(paragraph[k]):
            if sum(len(s.split()) for s in paragraph[:k]) <= CAPTION_WORDS * k:
                return [True] * k + flags[k:]
            break
    return flags


# A social post's signature closes its paragraph: "— Jo Roe (@joroe) April 1, 2017".
_EMBED_END = re.compile(r"—\s*[^—]{1,60}\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$")
# A post is short (280 characters and its signature): a paragraph this long is no post.
EMBED_CHARS = 400


def embedded_post(paragraph: Sequence[str], flags: list[bool]) -> list[bool]:
    """All of a short paragraph that ends in a social post's signature (however many
    sentences the post's exclamations split it into)."""
    if (
        len(paragraph) > 1
        and sum(map(len, paragraph)) <= EMBED_CHARS
        and _EMBED_END.search(paragraph[-1])
    ):
        return [True] * len(paragraph)
    return flags


# Markup left in the text: an embed's tags ("<tweet id=...>", "</tweet>", "<tweet/>"), an
# anchor ("<a href=..."). Prose writes no tag; "<3" or "a < b" are not one.
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s+[\w:-]+=[\"']|\s*/?>)")
_OPEN = re.compile(r"<([A-Za-z][\w-]*)(?:\s[^<>]*)?(?<!/)>|<([A-Za-z][\w-]*)\s+[\w:-]+=[\"'][^>]*$")
# An embed spans a few sentences of its paragraph at most.
EMBED_SENTENCES = 6


def markup_embed(paragraph: Sequence[str], flags: list[bool]) -> list[bool]:
    """``flags`` of one paragraph with every sentence holding a tag marked, and the
    sentences of an embed between its opening tag and its closing one."""
    if not any("<" in s for s in paragraph):
        return flags
    out = list(flags)
    k = 0
    while k < len(paragraph):
        if not _TAG.search(paragraph[k]):
            k += 1
            continue
        out[k] = True
        opened = _OPEN.search(paragraph[k])
        name = opened and (opened.group(1) or opened.group(2))
        rest = paragraph[k][opened.end() :] if opened else ""
        if name and f"</{name}" not in rest and f"<{name}/>" not in rest:
            j = k + 1
            while j < len(paragraph) and j - k < EMBED_SENTENCES:
                out[j] = True
                if f"</{name}" in paragraph[j] or f"<{name}/>" in paragraph[j]:
                    break
                j += 1
            k = j
        k += 1
    return out
