"""Markdown: the brief with [n] citations, the analysis, then the numbered sources.

Article text is untrusted: it passes through ``md_text`` so no HTML, link or image from it
survives into a Markdown viewer, and a source URL is an autolink only when it is http(s).
"""

from __future__ import annotations

from storybrief.model import Brief
from storybrief.render.common import (
    cited_numbers,
    independent_sources,
    plural,
    removed_summary,
    shown_names,
    shown_quotes,
    shown_timeline,
    source_label,
    source_numbers,
    speaker_label,
    summary_words,
)
from storybrief.render.safety import md_text as esc
from storybrief.render.safety import safe_url


def _refs(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def render_markdown(brief: Brief) -> str:
    out: list[str] = [f"# {esc(brief.title or 'Brief')}", ""]
    n_articles = len(brief.articles)
    out.append(
        f"*{n_articles} article{'s' if n_articles != 1 else ''}, "
        f"{independent_sources(brief)} independent source(s); "
        f"brief of {summary_words(brief)} words (budget {brief.words}).*"
    )
    out.append("")
    if not brief.summary:
        out += ["_No sentence could be selected for a brief._", ""]
    for s in brief.summary:
        support = f" *(supported by {s.support} independent sources)*" if s.support > 1 else ""
        out.append(f"- {esc(s.text)} {_refs(cited_numbers(brief, s.citations))}{support}")
    out.append("")
    out += _analysis(brief)
    out += ["## Sources", ""]
    numbers = source_numbers(brief)
    for article in brief.articles:
        line = f"{numbers[article.id]}. {esc(source_label(article))}"
        url = safe_url(article.url)
        if url:
            line += f" <{url}>"
        elif article.url:
            line += f" ({esc(article.url)})"
        line += f" ({article.word_count} words"
        if article.removed_lines:
            line += f"; {plural(len(article.removed_lines), 'boilerplate line')} removed"
        line += ")"
        for link in brief.copies:
            if link.article != article.id or link.of not in numbers:
                continue
            if link.kind == "copy":
                line += f" — copy of [{numbers[link.of]}] (similarity {link.similarity:.2f})"
            else:
                line += f" — shares {link.containment:.0%} of its text with [{numbers[link.of]}]"
        out.append(line)
    lines, chars = removed_summary(brief)
    out += ["", f"Boilerplate removed: {lines} lines, {chars} characters."]
    if brief.rejected:
        out += ["", "## Inputs not used", ""]
        out += [f"- {esc(r.origin)}: {esc(r.reason)}" for r in brief.rejected]
    return "\n".join(out) + "\n"


def _analysis(brief: Brief) -> list[str]:
    a = brief.analysis
    if a is None:
        return []
    out: list[str] = []
    if a.disagreements:
        out += ["## Where sources disagree", ""]
        for d in a.disagreements:
            out.append(f"- **{esc(d.subject)}** ({esc(d.kind)}):")
            for side in d.sides:
                out.append(
                    f"  - *{esc(side.value)}*: “{esc(side.text)}” {_refs(cited_numbers(brief, side.citations))}"
                )
        out.append("")
    if a.quotes:
        out += ["## Who said what", ""]
        shown, more = shown_quotes(brief)
        for q in shown:
            who = esc(speaker_label(q))
            out.append(f"- **{who}**: “{esc(q.text)}” {_refs(cited_numbers(brief, q.citations))}")
        if more:
            out.append(f"- … and {more} more quotes in the JSON output.")
        out.append("")
    if a.entities:
        out += ["## People, places and organisations", ""]
        for kind, label in (
            ("person", "People"),
            ("place", "Places"),
            ("organization", "Organisations"),
        ):
            shown_of_kind, more_names = shown_names(a.entities, kind)
            names = [f"{esc(e.name)} ({e.support})" for e in shown_of_kind]
            if more_names:
                names.append(f"and {more_names} more")
            if names:
                out.append(f"- {label}: " + ", ".join(names))
        out += ["", "_(n) = independent sources that mention it._", ""]
    if a.timeline:
        out += ["## Timeline", ""]
        events, more_events = shown_timeline(brief)
        for t in events:
            out.append(f"- {esc(t.date)}: {esc(t.text)} {_refs(cited_numbers(brief, t.citations))}")
        if more_events:
            out.append(f"- … and {plural(more_events, 'more dated statement')} in the JSON output.")
        out.append("")
    return out
