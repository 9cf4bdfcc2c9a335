"""Markdown: the brief with [n] citations, the analysis, then the numbered sources."""

from __future__ import annotations

from storybrief.model import Brief
from storybrief.render.common import (
    cited_numbers,
    independent_sources,
    removed_summary,
    shown_quotes,
    source_label,
    source_numbers,
    speaker_label,
    summary_words,
)


def _refs(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def render_markdown(brief: Brief) -> str:
    out: list[str] = [f"# {brief.title or 'Brief'}", ""]
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
        out.append(f"- {s.text} {_refs(cited_numbers(brief, s.citations))}{support}")
    out.append("")
    out += _analysis(brief)
    out += ["## Sources", ""]
    numbers = source_numbers(brief)
    for article in brief.articles:
        line = f"{numbers[article.id]}. {source_label(article)}"
        if article.url:
            line += f" <{article.url}>"
        line += f" ({article.words} words"
        if article.removed_lines:
            line += f"; {len(article.removed_lines)} boilerplate lines removed"
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
        out += [f"- {r.origin}: {r.reason}" for r in brief.rejected]
    return "\n".join(out) + "\n"


def _analysis(brief: Brief) -> list[str]:
    a = brief.analysis
    if a is None:
        return []
    out: list[str] = []
    if a.disagreements:
        out += ["## Where sources disagree", ""]
        for d in a.disagreements:
            out.append(f"- **{d.subject}** ({d.kind}):")
            for side in d.sides:
                out.append(
                    f"  - *{side.value}*: “{side.text}” {_refs(cited_numbers(brief, side.citations))}"
                )
        out.append("")
    if a.quotes:
        out += ["## Who said what", ""]
        shown, more = shown_quotes(brief)
        for q in shown:
            out.append(
                f"- **{speaker_label(q)}**: “{q.text}” {_refs(cited_numbers(brief, q.citations))}"
            )
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
            names = [f"{e.name} ({e.support})" for e in a.entities if e.kind == kind]
            if names:
                out.append(f"- {label}: " + ", ".join(names))
        out += ["", "_(n) = independent sources that mention it._", ""]
    if a.timeline:
        out += ["## Timeline", ""]
        for t in a.timeline:
            out.append(f"- {t.date}: {t.text} {_refs(cited_numbers(brief, t.citations))}")
        out.append("")
    return out
