"""Independent origins of a statement: how many sources stand behind some cited passages.

Citations and quotes cite one passage in each of several articles; support counts where
those passages come from. Passages are one origin when

- their articles are copies of one text (dedup's copy group);
- they print one text twice: a run of ``RUN`` words in common (a wire paragraph, a press
  release or a post reprinted inside another article, with or without dedup finding the
  share), one passage of ``QUOTE_WORDS`` words or more whole inside the other (a post
  quoted), one quotation of ``QUOTE_WORDS`` words or more (a statement reproduced), or
  nearly all words of one in the other in the same order (``edited_copy``: a copied
  sentence with words changed, even where dedup finds no share of the articles);
- their articles share a passage (dedup's partial link, or a run of ``RUN`` words in the
  sentences around) and these passages are nearly the same words (``SAME_WORDS``): the
  shared passage with small edits;
- one relays the other: it credits a news outlet ("according to the Associated Press",
  "Reuters reported") and holds nearly all the other's words (``RELAYED_WORDS``), or,
  when their articles share a passage (dedup's partial link, or a run of ``RUN`` words
  in the sentences around), half of them (``RELAYED_SHARED``), the credit also in the
  sentence before or after: a post that reprints an outlet's paragraphs retells the rest;
- one article embeds most of the other (``EMBEDDED``) and the passages share most words:
  a report retelling the release it prints;
- the passage is reprinted elsewhere in the other article (``PRINTED``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

from storybrief.text import words

# Eight words in the same order are a copied passage: independent reports of one event
# share names and phrases, rarely a whole clause. (On the tune split of the trust
# annotation every copied passage a brief cited shared at least this much.)
RUN = 8
QUOTE_WORDS = 6
# Word-set Jaccard of two passages of articles that share text: the edited copy of one
# passage ("request" for "petition", a clause dropped) stays above it.
SAME_WORDS = 0.6
# Share of the shorter passage's words found in the relaying one; where the articles
# share a passage, half: the relaying post retells what it does not reprint (a rewritten
# wire lead, "From Harbour Watch:" under a retold paragraph).
RELAYED_WORDS = 0.8
RELAYED_SHARED = 0.5
# An edited copy: nearly every word of the shorter passage (``EDITED_WORDS`` words or
# more) in the longer one in the same order, the longer at most ``EDITED_LONGER`` times
# as long ("No. 250" for "#250", "on that list" added). Two reports of one fact in their
# own words keep the facts, rarely the order of every word.
EDITED_WORDS = 10
EDITED_ORDER = 0.9
EDITED_LONGER = 1.5
# Dedup's partial link from an article this much contained in the other: the other
# embeds most of it (a press release printed inside the report that retells it).
EMBEDDED = 0.5
# A passage reprinted in another article: this share of its runs in the other's text.
PRINTED = 0.8
# A shared run is a copied passage only with this many words that are not names: "Carrow's
# Prime Minister Alda Voss and Westmark's President Jonas Petrak" opens independent reports
# alike (two wires' leads on the seeds), a clause copied holds the words around the names.
RUN_PROSE = 3
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")

_QUOTED = re.compile(r"[“\"]([^”\"]{20,})[”\"]")
_OUTLET = (
    r"(?:the\s+)?(?:Associated\s+Press|AP|Reuters|AFP|Agence\s+France-Presse|Bloomberg|"
    r"CNN|BBC|NBC|ABC|CBS|Fox\s+News|NPR|Politico|Axios|Salon|"
    r"(?:(?:[A-Z][\w.'’&-]*|&)\s+){0,3}(?:Times|Post|Journal|News|Press|Tribune|Guardian|"
    r"Telegraph|Herald|Gazette|Globe|Magazine|Daily|Mail|Sun|Star|Wire|Radio|TV|Network|"
    r"Watch)|"
    # Broadcast call letters (WKMG, KABC-TV), and an outlet named before: "the station".
    r"[KW][A-Z]{3}(?:-(?:TV|FM|AM|DT))?|the\s+(?:station|newspaper|network|broadcaster))"
)
_RELAY = re.compile(
    rf"\b(?:according\s+to|reported\s+by|as\s+reported\s+by|told|via)\s+{_OUTLET}\b"
    rf"|\b{_OUTLET}\s+(?:reported|reports|said|says|first\s+reported)\b"
    # A post's "From Harbour Watch:" before its extract.
    r"|\bFrom\s+" + _OUTLET + r"\s*:"
)
# A wire's dateline ("OLM (AP) —"): the article is the wire's, no relay of another; where
# two articles share text it tells that the shared text is the wire's.
_DATELINE = re.compile(r"\((?:AP|Reuters|AFP|UPI)\)")


def relays(sentence: str) -> bool:
    """Whether a sentence credits what it says to a news outlet."""
    return _RELAY.search(sentence) is not None


def quotations(sentence: str) -> set[str]:
    """The quoted passages of ``QUOTE_WORDS`` words or more, as normalised word strings."""
    out = set()
    for m in _QUOTED.finditer(sentence):
        ws = words(m.group(1))
        if len(ws) >= QUOTE_WORDS:
            out.add(" ".join(ws))
    return out


def _runs(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    # The same runs as every tuple(tokens[i : i + RUN]), made at C level.
    return set(zip(*(tokens[k:] for k in range(RUN)), strict=False))


def _names(text: str) -> set[str]:
    """The words of ``text`` written with a capital (its names, titles and first word)."""
    return set(words(" ".join(_CAPITALISED.findall(text))))


def _copied(shared: set[tuple[str, ...]], names: set[str]) -> bool:
    """Whether one of the runs two passages share is more than a string of names."""
    return any(sum(w not in names for w in run) >= RUN_PROSE for run in shared)


def _inside(a: Sequence[str], ja: str, b: Sequence[str], jb: str) -> bool:
    """Whether the shorter of two passages, ``QUOTE_WORDS`` words or more, is whole in the
    other (``ja``/``jb``: the words joined, with a space at each end)."""
    if len(a) > len(b):
        a, ja, b, jb = b, jb, a, ja
    return len(a) >= QUOTE_WORDS and ja in jb


def edited_copy(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether word lists ``a`` and ``b`` are one passage with words added or dropped."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) < EDITED_WORDS or len(b) > EDITED_LONGER * len(a):
        return False
    return common_subsequence(a, b) >= EDITED_ORDER * len(a)


def common_subsequence(a: Sequence[str], b: Sequence[str]) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``, by the bit-parallel
    recurrence (Allison and Dix; Hyyrö): one integer holds a row of the classic table, so
    each word of ``b`` costs a few integer operations instead of a loop over ``a``."""
    mask = (1 << len(a)) - 1
    at: dict[str, int] = {}
    for i, x in enumerate(a):
        at[x] = at.get(x, 0) | (1 << i)
    row = mask
    for y in b:
        u = row & at.get(y, 0)
        row = ((row + u) | (row - u)) & mask
    return len(a) - row.bit_count()


def article_runs(sentences: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """Every run of ``RUN`` words of an article (its sentences in order), for
    ``count_origins``' ``printed``."""
    return frozenset(_runs([w for s in sentences for w in words(s)]))


def _printed_in(runs: set[tuple[str, ...]], article: Collection[tuple[str, ...]]) -> bool:
    """Whether most of a passage's runs (``PRINTED`` of them, two or more) are in an
    article's text: the passage reprinted somewhere in it."""
    return len(runs) >= 2 and sum(r in article for r in runs) >= PRINTED * len(runs)


def count_origins(
    passages: Sequence[tuple[str, str]],
    same_source: Callable[[str, str], bool],
    shares_text: Collection[frozenset[str]] = (),
    *,
    context: Sequence[str] | None = None,
    printed: Mapping[str, Collection[tuple[str, ...]]] | None = None,
    versions: Collection[frozenset[str]] = (),
) -> int:
    """Independent origins of ``passages`` (article id, cited text).

    ``same_source(a, b)``: whether two articles are copies of one text (dedup's groups);
    ``shares_text``: the article pairs dedup links as sharing a passage; ``context``: for
    each passage the sentences around it, whose runs shared with the other's are a shared
    passage as dedup's partial link is, and whose credit to an outlet ("..., the station
    reported.") is the passage's where the articles share a passage; ``printed``: each
    article's runs (``article_runs``, read only when needed), to join a passage with an
    article that reprints it elsewhere; ``versions``: article pairs one of which embeds
    most of the other (``EMBEDDED``), whose passages sharing most words (``SAME_WORDS``)
    retell one text.
    """
    n = len(passages)
    if n < 2:
        return n
    tokens = [words(text) for _, text in passages]
    sets = [set(t) for t in tokens]
    runs = [_runs(t) for t in tokens]
    joined = [f" {' '.join(t)} " for t in tokens]
    quoted = [quotations(text) for _, text in passages]
    around = list(context) if context is not None else [""] * n
    relayed = [relays(text) for _, text in passages]
    capitals = [_names(text) for _, text in passages]
    printed = printed or {}
    parent = list(range(n))
    # Measured only for pairs the cheaper tests leave apart.
    near: dict[int, set[tuple[str, ...]]] = {}
    credit: dict[int, bool] = {}

    def near_runs(k: int) -> set[tuple[str, ...]]:
        if k not in near:
            near[k] = runs[k] | _runs(words(around[k])) if around[k] else runs[k]
        return near[k]

    def near_names(k: int) -> set[str]:
        return capitals[k] | _names(around[k]) if around[k] else capitals[k]

    def credited(k: int) -> bool:
        if k not in credit:
            text, c = passages[k][1], around[k]
            credit[k] = relayed[k] or relays(c) or bool(_DATELINE.search(f"{text} {c}"))
        return credit[k]

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i in range(n):
        for j in range(i + 1, n):
            if find(i) == find(j):
                continue
            (a, _), (b, _) = passages[i], passages[j]
            common = len(sets[i] & sets[j])
            jaccard = common / max(1, len(sets[i] | sets[j]))
            contained = common / max(1, min(len(sets[i]), len(sets[j])))
            pair = frozenset((a, b))
            one = (
                a == b
                or same_source(a, b)
                or _copied(runs[i] & runs[j], capitals[i] | capitals[j])
                or _inside(tokens[i], joined[i], tokens[j], joined[j])
                or edited_copy(tokens[i], tokens[j])
                or bool(quoted[i] & quoted[j])
                or ((relayed[i] or relayed[j]) and contained >= RELAYED_WORDS)
                or (pair in versions and contained >= SAME_WORDS)
            )
            if not one and contained >= RELAYED_SHARED:
                shares = pair in shares_text or _copied(
                    near_runs(i) & near_runs(j), near_names(i) | near_names(j)
                )
                # A relay between articles that share text: the relaying one reprints
                # the other's paragraphs around the passage it credits and retells.
                one = shares and (jaccard >= SAME_WORDS or credited(i) or credited(j))
            if not one:
                one = (b in printed and _printed_in(runs[i], printed[b])) or (
                    a in printed and _printed_in(runs[j], printed[a])
                )
            if one:
                parent[find(j)] = find(i)
    return len({find(k) for k in range(n)})


def origins_from_groups(
    passages: Sequence[tuple[str, str]],
    groups: Mapping[str, str],
    shares_text: Collection[frozenset[str]] = (),
) -> int:
    """``count_origins`` with dedup's groups (article id -> its copy group's original)."""
    return count_origins(passages, lambda a, b: groups.get(a, a) == groups.get(b, b), shares_text)
