"""HTML: one self-contained page (inline CSS, no script, no external asset).

Each citation links to the exact cited sentence, shown inside its source's text, so a reader
checks a claim with one click. The page works offline and prints cleanly. Everything from
an article is escaped, only http(s) URLs become links, and the page's own
Content-Security-Policy allows its one stylesheet and no script at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from storybrief.model import Brief, Citation
from storybrief.render.common import (
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
from storybrief.render.safety import page_policy, safe_url, style_hash

CSS = """
body{font:17px/1.55 Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;
padding:0 1rem;color:#1d1d1f;background:#fdfdfb}
h1{font-size:1.9rem;line-height:1.2;margin-bottom:.3rem}
h2{font:600 1.05rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em;
color:#555;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
.meta{font:.9rem system-ui,sans-serif;color:#666}
.brief li{margin:.5rem 0}
a.cite{font:600 .75rem system-ui,sans-serif;text-decoration:none;color:#0b5cad;
vertical-align:super;margin-left:1px}
.support{font:.75rem system-ui,sans-serif;color:#2a7a2a;margin-left:.3rem}
.side{margin:.2rem 0 .2rem 1rem}
.value{font-weight:bold}
.src{margin:.8rem 0}
.src summary{cursor:pointer}
.copy{font:.8rem system-ui,sans-serif;background:#f1ecd9;padding:0 .3rem;border-radius:3px}
.sentences{font-size:.92rem;color:#333}
.sentences span{display:inline}
.sentences span:target{background:#fff3a8}
.tag{font:.8rem system-ui,sans-serif;color:#666}
"""

# The exported page may be opened from a file or served: its policy travels inside it.
POLICY = page_policy(style=style_hash(CSS))


def _links(brief: Brief, citations: Iterable[Citation]) -> str:
    numbers = source_numbers(brief)
    parts = []
    seen = set()
    for c in sorted(citations, key=lambda c: numbers.get(c.article, 0)):
        n = numbers.get(c.article)
        if n is None or n in seen:
            continue
        seen.add(n)
        parts.append(
            f'<a class="cite" href="#s{n}-{c.sentence}" title="source {n}, '
            f'sentence {c.sentence + 1}">[{n}]</a>'
        )
    return "".join(parts)


def render_html(brief: Brief) -> str:
    title = escape(brief.title or "Brief")
    body: list[str] = [f"<h1>{title}</h1>"]
    body.append(
        f'<p class="meta">{len(brief.articles)} articles, {independent_sources(brief)} '
        f"independent sources · brief of {summary_words(brief)} words</p>"
    )
    body.append('<ul class="brief">')
    for s in brief.summary:
        support = (
            f'<span class="support">{s.support} independent sources</span>' if s.support > 1 else ""
        )
        body.append(f"<li>{escape(s.text)}{_links(brief, s.citations)}{support}</li>")
    body.append("</ul>")
    body += _analysis(brief)
    body += _sources(brief)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{title}</title><style>{CSS}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _analysis(brief: Brief) -> list[str]:
    a = brief.analysis
    if a is None:
        return []
    out: list[str] = []
    if a.disagreements:
        out.append("<h2>Where sources disagree</h2><ul>")
        for d in a.disagreements:
            out.append(f"<li><b>{escape(d.subject)}</b> <span class=tag>({escape(d.kind)})</span>")
            for side in d.sides:
                out.append(
                    f'<div class="side"><span class="value">{escape(side.value)}</span>: '
                    f"“{escape(side.text)}”{_links(brief, side.citations)}</div>"
                )
            out.append("</li>")
        out.append("</ul>")
    if a.quotes:
        out.append("<h2>Who said what</h2><ul>")
        shown, more = shown_quotes(brief)
        for q in shown:
            who = escape(speaker_label(q))
            out.append(f"<li><b>{who}</b>: “{escape(q.text)}”{_links(brief, q.citations)}</li>")
        if more:
            out.append(f"<li>… and {more} more quotes in the JSON output.</li>")
        out.append("</ul>")
    if a.entities:
        out.append("<h2>People, places and organisations</h2><ul>")
        for kind, label in (
            ("person", "People"),
            ("place", "Places"),
            ("organization", "Organisations"),
        ):
            shown_of_kind, more_names = shown_names(a.entities, kind)
            names = [
                f"{escape(e.name)} <span class=tag>({e.support})</span>" for e in shown_of_kind
            ]
            if more_names:
                names.append(f"and {more_names} more")
            if names:
                out.append(f"<li>{label}: {', '.join(names)}</li>")
        out.append("</ul>")
    if a.timeline:
        out.append("<h2>Timeline</h2><ul>")
        events, more_events = shown_timeline(brief)
        for t in events:
            out.append(
                f"<li><b>{escape(t.date)}</b>: {escape(t.text)}{_links(brief, t.citations)}</li>"
            )
        if more_events:
            more = plural(more_events, "more dated statement")
            out.append(f"<li>… and {more} in the JSON output.</li>")
        out.append("</ul>")
    return out


def _sources(brief: Brief) -> list[str]:
    numbers = source_numbers(brief)
    out = ["<h2>Sources</h2>"]
    for a in brief.articles:
        n = numbers[a.id]
        label = escape(source_label(a))
        url = safe_url(a.url)
        if url:
            label = f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer nofollow">{label}</a>'
        elif a.url:
            label += f' <span class="tag">{escape(a.url)}</span>'
        notes = []
        for link in brief.copies:
            if link.article == a.id and link.of in numbers:
                if link.kind == "copy":
                    notes.append(f'<span class="copy">copy of [{numbers[link.of]}]</span>')
                else:
                    notes.append(
                        f'<span class="tag">shares {link.containment:.0%} with [{numbers[link.of]}]</span>'
                    )
        removed = (
            f" · {plural(len(a.removed_lines), 'boilerplate line')} removed"
            if a.removed_lines
            else ""
        )
        sentences = " ".join(
            f'<span id="s{n}-{i}">{escape(s)}</span>'
            for i, s in enumerate(brief.sentences.get(a.id, ()))
        )
        out.append(
            f'<details class="src" id="src{n}"><summary>[{n}] {label} {" ".join(notes)}'
            f'<span class="tag"> · {a.word_count} words{removed}</span></summary>'
            f'<p class="sentences">{sentences}</p></details>'
        )
    lines, chars = removed_summary(brief)
    out.append(f'<p class="meta">Boilerplate removed: {lines} lines, {chars} characters.</p>')
    if brief.rejected:
        out.append("<h2>Inputs not used</h2><ul>")
        out += [f"<li>{escape(r.origin)}: {escape(r.reason)}</li>" for r in brief.rejected]
        out.append("</ul>")
    return out
