"""Inline SVG charts for the HTML report: share of text removed per document, and its histogram.

Geometry is in percent of the chart's width, so the charts follow the window
down to phone size while their text keeps its size; every value is also
printed as text (and in the documents table), so nothing depends on colour.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaner.explain.report import DocEntry

ROW_HEIGHT_PX = 22
BAR_HEIGHT_PX = 14
TOP_PX = 22
LABEL_END_PCT = 45.0
BAR_SPAN_PCT = 44.0
LABEL_MAX_CHARS = 22  # fits the 45 % label column down to a 360 px window
HISTOGRAM_HEIGHT_PX = 110


def short_name(name: str, limit: int = LABEL_MAX_CHARS) -> str:
    """``name`` cut to ``limit`` characters, keeping its end (the file name is the telling part)."""
    return name if len(name) <= limit else "…" + name[-(limit - 1):]


def share_chart(entries: Sequence[DocEntry], anchors: dict[int, str]) -> str:
    """Horizontal bars, one per shown document, largest share removed first; each bar links to its document."""
    rows = sorted(entries, key=lambda e: (-e.share_removed, e.index))
    height = TOP_PX + ROW_HEIGHT_PX * len(rows) + 6
    median = statistics.median([e.share_removed for e in rows]) if rows else 0.0
    median_x = LABEL_END_PCT + median * BAR_SPAN_PCT
    out = [
        f'<svg class="chart share" width="100%" height="{height}" role="img" '
        f'aria-labelledby="share-title share-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="share-title">Share of text removed per document</title>',
        f'<desc id="share-desc">{len(rows)} documents, largest share first; median {median:.0%}. '
        'Each bar links to its document.</desc>',
        f'<text class="axis" x="{LABEL_END_PCT}%" y="14">0%</text>',
        f'<text class="axis" x="{LABEL_END_PCT + BAR_SPAN_PCT}%" y="14" text-anchor="end">100%</text>',
    ]
    for i, e in enumerate(rows):
        y = TOP_PX + i * ROW_HEIGHT_PX
        width = e.share_removed * BAR_SPAN_PCT
        label = escape(short_name(e.name))
        out.append(
            f'<a href="#{anchors[e.index]}" data-doc="{anchors[e.index]}">'
            f"<title>{escape(e.name)}: {e.share_removed:.1%} of the text removed</title>"
            f'<text class="lbl" x="0" y="{y + 14}">{label}</text>'
            f'<rect class="track" x="{LABEL_END_PCT}%" y="{y + 3}" width="{BAR_SPAN_PCT}%" height="{BAR_HEIGHT_PX}"/>'
            f'<rect class="bar{" out" if e.why == "outlier" else ""}" x="{LABEL_END_PCT}%" y="{y + 3}" '
            f'width="{width:.2f}%" height="{BAR_HEIGHT_PX}"/>'
            f'<text class="pct" x="100%" y="{y + 14}" text-anchor="end">{e.share_removed:.0%}</text></a>'
        )
    if rows:  # drawn last so it shows over the bars
        out.append(f'<line class="median" x1="{median_x:.2f}%" x2="{median_x:.2f}%" y1="{TOP_PX - 4}" '
                   f'y2="{height - 2}"/><text class="axis" x="{median_x:.2f}%" y="{height - 2}" dx="3">median</text>')
    out.append("</svg>")
    return "".join(out)


def histogram_chart(bins: Sequence[int]) -> str:
    """Vertical bars: how many documents lost 0–10 %, 10–20 %, … of their text."""
    n = len(bins)
    peak = max(bins) if bins and max(bins) else 1
    height = HISTOGRAM_HEIGHT_PX + 36
    step = 100.0 / n
    out = [
        f'<svg class="chart hist" width="100%" height="{height}" role="img" '
        f'aria-labelledby="hist-title hist-desc" xmlns="http://www.w3.org/2000/svg">',
        "<title id=\"hist-title\">Documents by share of text removed</title>",
        '<desc id="hist-desc">' + "; ".join(
            f"{round(i * step)}–{round((i + 1) * step)}%: {c}" for i, c in enumerate(bins)) + "</desc>",
    ]
    for i, count in enumerate(bins):
        bar = HISTOGRAM_HEIGHT_PX * count / peak
        x = i * step
        top = 16 + HISTOGRAM_HEIGHT_PX - bar
        out.append(
            f'<g><title>{count} documents lost {round(x)}–{round(x + step)}% of their text</title>'
            f'<rect class="bar" x="{x + step * 0.08:.2f}%" y="{top:.1f}" width="{step * 0.84:.2f}%" '
            f'height="{bar:.1f}"/>'
            f'<text class="pct" x="{x + step / 2:.2f}%" y="{top - 3:.1f}" text-anchor="middle">{count}</text>'
            f'<text class="axis" x="{x + step / 2:.2f}%" y="{height - 4}" text-anchor="middle">'
            f"{round(x)}–{round(x + step)}</text></g>"
        )
    out.append("</svg>")
    return "".join(out)
