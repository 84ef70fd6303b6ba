"""Markdown tables and the ``--worst`` page listing, written to a text stream."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cleaner.bench.data import Record
from cleaner.bench.metrics import Counts, PageScore, Scorer, Scores, page_scores, shingle_diff, snippet_diff
from cleaner.bench.systems import Run

SNIPPET_CHARS = 160
SPANS_SHOWN = 3
METRIC_NAMES = {
    "zyte": "4-gram shingle overlap, P/R averaged over pages; acc = exact token match",
    "trafilatura": "with/without snippets, summed over pages; acc = (TP+TN)/snippets",
}


def fmt(x: float | None) -> str:
    """Three decimals, or '-' for undefined."""
    return "-" if x is None else f"{x:.3f}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    """A markdown table."""
    out.write("| " + " | ".join(header) + " |\n")
    out.write("|" + "|".join("---" for _ in header) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(row) + " |\n")


def score_row(prefix: Sequence[str], s: Scores) -> list[str]:
    """Table cells for one row of scores (F1 carries its bootstrap std when known)."""
    f1 = fmt(s.f1) if s.f1_std is None else f"{s.f1:.3f} ± {s.f1_std:.3f}"
    return [*prefix, str(s.n), f1, fmt(s.precision), fmt(s.recall), fmt(s.accuracy)]


def run_footer(runs: Sequence[Run], sizes_bytes: Sequence[int], out: TextIO) -> None:
    """One line per system: pages, speed and errors (with the first error's message)."""
    mb = sum(sizes_bytes) / 1e6
    out.write("\n")
    for run in runs:
        n = len(run.outputs)
        speed = f"{n / run.seconds:.1f} docs/s, {mb / run.seconds:.2f} MB/s" if run.seconds > 0 else "-"
        line = f"- {run.system}: {n} docs, {speed}, {run.errors} errors"
        if run.first_error:
            line += f" (first: {run.first_error[:200]})"
        out.write(line + "\n")


def _clip(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _page_line(rank: int, ps: PageScore) -> str:
    r = ps.record
    where = r.get("url") or r.get("file") or ""
    return f"{rank:>3}. R {fmt(ps.recall)}  P {fmt(ps.precision)}  {r['id']}  {r.get('style', '')}  {where}\n"


def _page_detail(scorer: Scorer, ps: PageScore, out: TextIO) -> None:
    if "expected" in ps.record:
        missing, extra = shingle_diff(scorer, ps.record["expected"], ps.output)
        labels = ("missing", "extra")
    else:
        missing, extra = snippet_diff(scorer, ps.record, ps.output)
        labels = ("missed 'with'", "found 'without'")
    for label, items in zip(labels, (missing, extra), strict=True):
        if items:
            shown = " | ".join(f'"{_clip(s)}"' for s in items[:SPANS_SHOWN])
            more = f" (+{len(items) - SPANS_SHOWN} more)" if len(items) > SPANS_SHOWN else ""
            out.write(f"       {label} ({len(items)}): {shown}{more}\n")


def _loss(ps: PageScore, index: int) -> float:
    return ps.counts[index] if len(ps.counts) > index else 0.0


def worst_pages(pages: Sequence[PageScore], n: int, *, by: str) -> list[PageScore]:
    """The ``n`` pages with the lowest recall (``by="recall"``) or precision; perfect and undefined ones skipped."""
    if by == "recall":
        ranked = [p for p in pages if p.recall is not None and p.recall < 1.0]
        ranked.sort(key=lambda p: (p.recall, -_loss(p, 2), p.record["id"]))
    else:
        ranked = [p for p in pages if p.precision is not None and p.precision < 1.0]
        ranked.sort(key=lambda p: (p.precision, -_loss(p, 1), p.record["id"]))
    return ranked[:n]


def print_worst(
    scorer: Scorer,
    records: Sequence[Record],
    run: Run,
    counts: Sequence[Counts],
    n: int,
    out: TextIO,
) -> None:
    """The ``n`` worst pages by recall and by precision for each set, with what went wrong."""
    pages = page_scores(records, run.outputs, counts)
    position = {id(p): i for i, p in enumerate(pages)}
    for set_name in sorted({r["set"] for r in records}, reverse=True):
        in_set = [p for p in pages if p.record["set"] == set_name]
        for by in ("recall", "precision"):
            worst = worst_pages(in_set, n, by=by)
            out.write(f"\n### {set_name}: {len(worst)} pages with the worst {by} ({run.system})\n\n")
            for rank, ps in enumerate(worst, 1):
                out.write(_page_line(rank, ps))
                error = run.error_of(position[id(ps)])
                if error:
                    out.write(f"       error: {_clip(error)}\n")
                _page_detail(scorer, ps, out)


def save_predictions(
    path: str,
    records: Sequence[Record],
    run: Run,
    *,
    with_style: bool = True,
    index: Sequence[int] | None = None,
) -> int:
    """Write ``{"id", "set", "style", "text"}`` lines (read by ``score_text.py --predictions`` and ``score.py``).

    ``index`` gives each record's position in ``run.outputs`` when ``records`` is a subset.
    """
    positions = list(index) if index is not None else list(range(len(records)))
    with Path(path).open("w", encoding="utf-8") as f:
        for r, i in zip(records, positions, strict=True):
            obj = {"id": r["id"], "set": r["set"], "style": r["style"], "text": run.outputs[i]}
            if not with_style:
                del obj["style"]
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return len(records)
