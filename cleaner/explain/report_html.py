"""HTML of the explain report: the page, the rule summary and each document rendered from ``Result.segments``.

Markup contract (the browser test and anyone scripting the report rely on it):

- each document is ``<section class="doc" id="doc-N" data-name=...>``;
- each segment is one ``<p>`` with ``data-role`` (body|title|author|date|removed) and ``data-l``
  (its line span); removed ones also carry ``data-rule`` and ``title="RULE — reason"``, a visible
  margin label ``<span class="lab">`` and their text in ``<del>``;
- body paragraphs carry nothing else: no label, no ``<del>``, no rule.

No script and no external asset; a Content-Security-Policy forbids both, so a
report opened from disk can't fetch anything, whatever the scraped text holds.
Segments are grouped into chunks with ``content-visibility: auto`` so a
100,000-line document lays out only what is on screen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from html import escape
from importlib import resources
from typing import TYPE_CHECKING

from cleaner.explain.report_svg import histogram_chart, share_chart
from cleaner.explain.terminal import sanitize
from cleaner.model import Segment

if TYPE_CHECKING:
    from cleaner.explain.report import Collected, DocEntry

CHUNK_ROWS = 250  # segments per content-visibility chunk
ROW_ESTIMATE_PX = 26  # placeholder height per segment before a chunk is laid out
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
RULES_SHOWN_IN_TABLE = 4


@cache
def stylesheet() -> str:
    """The report's CSS, shipped beside this module."""
    return resources.files("cleaner.explain").joinpath("report.css").read_text(encoding="utf-8")


def text(value: str) -> str:
    """Scraped text made safe and visible for HTML (escaped; control characters shown as escapes)."""
    return escape(sanitize(value), quote=True)


def iter_page(collected: Collected, *, title: str) -> Iterator[str]:
    """The whole page, piece by piece."""
    anchors = {e.index: f"doc-{e.index + 1}" for e in collected.shown}
    yield (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#documents">Skip to the documents</a>\n'
        f'<main>\n<header id="top">\n<h1>{text(title)}</h1>\n'
    )
    yield _overview(collected)
    yield _legend()
    yield "</header>\n"
    yield _rule_table(collected)
    yield _charts(collected, anchors)
    yield _doc_table(collected.shown, anchors)
    yield '<div id="documents">\n'
    for entry in collected.shown:
        yield from iter_document(entry, anchors[entry.index])
    yield "</div>\n</main>\n</body>\n</html>\n"


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "0.0%"


def _overview(c: Collected) -> str:
    if c.sampled:
        n_sample = sum(1 for e in c.shown if e.why == "sample")
        n_out = len(c.shown) - n_sample
        shown = (f"Showing a reproducible sample of {n_sample:,} documents (seed {c.seed})"
                 + (f" and the {n_out:,} that lost the most text" if n_out else "")
                 + f", out of {c.docs_seen:,}. The tables and the histogram count all {c.docs_seen:,}.")
    elif c.drawn_from is not None and c.drawn_from > c.docs_seen:
        shown = (f"Showing a reproducible sample of {c.docs_seen:,} of {c.drawn_from:,} documents "
                 f"(seed {c.seed}); the tables and charts count the sample.")
    else:
        shown = f"Showing all {c.docs_seen:,} document{'s' if c.docs_seen != 1 else ''}."
    return (
        f'<p class="overview">{shown} Removed: <strong>{c.chars_removed:,}</strong> of {c.chars_total:,} '
        f"characters ({_pct(c.chars_removed, c.chars_total)}) by {len(c.rules):,} "
        f"rule{'s' if len(c.rules) != 1 else ''}.</p>\n"
    )


def _legend() -> str:
    return (
        '<div class="legend" aria-label="How to read this report">'
        '<p class="k" data-role="example">Kept text is shown plain.</p>'
        '<p class="r" data-role="example"><span class="lab"><b>RULE01</b> the reason</span>'
        "<del>Removed text is struck through and grey, with the rule id and reason beside it "
        "(further lines removed by the same rule show the rule id; hover any line for its reason).</del></p>"
        '<p class="m" data-role="example"><span class="lab">title</span>'
        '<span class="t">Title, author and date lines are labelled with what was extracted.</span></p>'
        "</div>\n"
    )


def _rule_table(c: Collected) -> str:
    rows = sorted(c.rules.items(), key=lambda kv: (-kv[1].chars, kv[0]))
    out = ['<section class="summary" aria-labelledby="rules-h">\n<h2 id="rules-h">Rules</h2>\n']
    if not rows:
        out.append("<p>No rule removed anything.</p>\n</section>\n")
        return "".join(out)
    out.append(
        '<div class="scroll"><table class="rules">\n<thead><tr><th scope="col">rule</th>'
        '<th scope="col">reason</th><th scope="col" class="n">documents</th><th scope="col" class="n opt">'
        'segments</th><th scope="col" class="n opt">lines</th><th scope="col" class="n">chars removed</th>'
        '<th scope="col" class="n">share of all text</th></tr></thead>\n<tbody>\n'
    )
    for rule, t in rows:
        out.append(
            f'<tr data-rule="{text(rule)}"><th scope="row"><code>{text(rule)}</code></th>'
            f'<td class="wide">{text(t.reason)}</td><td class="n" data-label="documents">{t.docs:,}</td>'
            f'<td class="n opt" data-label="segments">{t.segments:,}</td>'
            f'<td class="n opt" data-label="lines">{t.lines:,}</td><td class="n" data-label="chars">{t.chars:,}</td>'
            f'<td class="n" data-label="share">{_pct(t.chars, c.chars_total)}</td></tr>\n'
        )
    out.append("</tbody></table></div>\n</section>\n")
    return "".join(out)


def _charts(c: Collected, anchors: dict[int, str]) -> str:
    if c.docs_seen < 2:
        return ""
    out = ['<section class="charts" aria-labelledby="chart-h">\n<h2 id="chart-h">Share of text removed</h2>\n']
    if c.sampled:
        out.append(f"<h3>All {c.docs_seen:,} documents</h3>\n<figure>{histogram_chart(c.histogram)}"
                   "<figcaption>Documents by share of their text removed (%)"
                   + (f"; {c.docs_empty:,} empty documents not counted" if c.docs_empty else "")
                   + ".</figcaption></figure>\n<h3>Documents in this report</h3>\n")
    out.append(f"<figure>{share_chart(c.shown, anchors)}<figcaption>Share of each document's text removed, "
               "largest first; the line marks the median. Select a bar to jump to the document.</figcaption>"
               "</figure>\n</section>\n")
    return "".join(out)


def _doc_table(shown: Sequence[DocEntry], anchors: dict[int, str]) -> str:
    out = [
        '<section class="summary" aria-labelledby="docs-h">\n<h2 id="docs-h">Documents</h2>\n'
        '<div class="scroll"><table class="docs">\n<thead><tr><th scope="col" class="n">#</th>'
        '<th scope="col">document</th><th scope="col" class="n">lines</th><th scope="col" class="n">chars</th>'
        '<th scope="col" class="n">removed</th><th scope="col">main rules</th></tr></thead>\n<tbody>\n'
    ]
    for e in shown:
        anchor = anchors[e.index]
        tag = ' <span class="tag">outlier</span>' if e.why == "outlier" else ""
        out.append(
            f'<tr><td class="n">{e.index + 1}</td><td class="wide"><a href="#{anchor}">{text(e.name)}</a>{tag}</td>'
            f'<td class="n" data-label="lines">{_line_count(e):,}</td>'
            f'<td class="n" data-label="chars">{e.chars_total:,}</td>'
            f'<td class="n" data-label="removed">{e.share_removed:.1%}</td>'
            f'<td class="wide">{_rules_brief(e.result.segments)}</td></tr>\n'
        )
    out.append("</tbody></table></div>\n</section>\n")
    return "".join(out)


def _line_count(e: DocEntry) -> int:
    segs = e.result.segments
    return segs[-1].end_line - segs[0].start_line + 1 if segs else 0


def _rule_counts(segments: Sequence[Segment]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for s in segments:
        if s.role == "removed":
            counts[s.rule or "?"] = counts.get(s.rule or "?", 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _rules_brief(segments: Sequence[Segment]) -> str:
    counts = _rule_counts(segments)
    shown = ", ".join(f"<code>{text(r)}</code>&nbsp;×{n}" for r, n in counts[:RULES_SHOWN_IN_TABLE])
    more = len(counts) - RULES_SHOWN_IN_TABLE
    return shown + (f", +{more} more" if more > 0 else "") if counts else "—"


def iter_document(entry: DocEntry, anchor: str) -> Iterator[str]:
    """One document: heading, extracted metadata, removal numbers, then every segment in order."""
    r = entry.result
    tag = ' <span class="tag">outlier</span>' if entry.why == "outlier" else ""
    yield (
        f'<section class="doc" id="{anchor}" data-name="{text(entry.name)}" '
        f'data-share="{entry.share_removed:.4f}" aria-labelledby="{anchor}-h">\n'
        f'<h2 id="{anchor}-h"><span class="num">{entry.index + 1}.</span> {text(entry.name)}{tag}</h2>\n'
        '<dl class="meta">'
    )
    for name, value in (("title", r.title), ("author", r.author), ("date", r.date), ("site", r.site_name),
                        ("url", r.url)):
        if value or name in ("title", "author", "date"):
            shown = text(value) if value else '<span class="none">none found</span>'
            yield f'<div><dt>{name}</dt><dd data-meta="{name}">{shown}</dd></div>'
    removed_lines = sum(s.end_line - s.start_line + 1 for s in r.segments if s.role == "removed")
    yield (
        f'<div><dt>removed</dt><dd>{entry.share_removed:.1%} of the text ({entry.chars_removed:,} of '
        f"{entry.chars_total:,} characters; {removed_lines:,} of {_line_count(entry):,} lines)</dd></div>"
        f"<div><dt>rules</dt><dd>{_rules_brief(r.segments)}</dd></div>"
        + "</dl>\n"
    )
    if r.warnings:
        yield '<ul class="warnings">' + "".join(f"<li>{text(w)}</li>" for w in r.warnings) + "</ul>\n"
    if not r.segments:
        yield '<p class="empty">No segments: nothing to show.</p>\n'
    yield '<div class="text">\n'
    previous_end: int | None = None
    previous: Segment | None = None
    segments = r.segments
    for start in range(0, len(segments), CHUNK_ROWS):
        chunk = segments[start:start + CHUNK_ROWS]
        estimate = sum(s.text.count("\n") + 1 for s in chunk) * ROW_ESTIMATE_PX
        parts = [f'<div class="chunk" style="contain-intrinsic-size:auto {estimate}px">\n']
        for s in chunk:
            gap = previous_end is not None and s.start_line > previous_end + 1
            repeat = (previous is not None and previous.role == "removed" and s.role == "removed"
                      and previous.rule == s.rule and previous.reason == s.reason)
            parts.append(render_segment(s, gap, repeat=repeat))
            previous_end, previous = s.end_line, s
        parts.append("</div>\n")
        yield "".join(parts)
    yield '</div>\n<p class="back"><a href="#top">Back to the summary</a></p>\n</section>\n'


def render_segment(s: Segment, gap: bool = False, *, repeat: bool = False) -> str:
    """One segment as one ``<p>``: plain when kept, labelled and struck through when removed.

    ``repeat`` (same rule and reason as the removed segment just above) keeps the reason in the
    label for screen readers and on hover but shows only the rule id, so a run of 30 removed
    teaser lines doesn't repeat one sentence 30 times.
    """
    lines = f"{s.start_line}" if s.end_line == s.start_line else f"{s.start_line}-{s.end_line}"
    g = " g" if gap else ""
    if s.role == "body":
        return f'<p class="k{g}" data-role="body" data-l="{lines}">{text(s.text)}</p>\n'
    if s.role == "removed":
        rule = text(s.rule or "?")
        reason = text(s.reason or "")
        return (
            f'<p class="r{g}" data-role="removed" data-rule="{rule}" data-l="{lines}" '
            f'title="{rule} — {reason}"><span class="lab"><b>{rule}</b> '
            f'<span class="{"why sr" if repeat else "why"}">{reason}</span></span>'
            f"<del>{text(s.text)}</del></p>\n"
        )
    return (
        f'<p class="m{g}" data-role="{s.role}" data-l="{lines}"><span class="lab">{s.role}</span>'
        f'<span class="t">{text(s.text)}</span></p>\n'
    )
