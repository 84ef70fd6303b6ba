"""``bench html``: cleaner's HTML path and trafilatura's default extract on the HTML dev pages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from cleaner.bench.data import SETS, Page, Record, find_data_dir, load_html_pages
from cleaner.bench.metrics import Counts, Scorer
from cleaner.bench.report import METRIC_NAMES, print_worst, run_footer, save_predictions, score_row, table
from cleaner.bench.systems import cleaner_html, run_system, trafilatura_html

BOOTSTRAP_SAMPLES = 1000


def _cleaner_page(page: Page) -> str:
    return cleaner_html(page.content, page.record.get("url") or None)


def _trafilatura_page(page: Page) -> str:
    return trafilatura_html(page.content)


HTML_SYSTEMS: dict[str, Callable[[Page], str]] = {"cleaner": _cleaner_page, "trafilatura": _trafilatura_page}


def save_paths(path: str, records: Sequence[Record]) -> dict[str, list[int]]:
    """Where to save each set's predictions: ``path`` for one set, ``<stem>.<set><suffix>`` for two."""
    sets = sorted({r["set"] for r in records}, reverse=True)
    if len(sets) == 1:
        return {path: list(range(len(records)))}
    p = Path(path)
    return {
        str(p.with_name(f"{p.stem}.{s}{p.suffix}")): [i for i, r in enumerate(records) if r["set"] == s] for s in sets
    }


def run_html(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run the ``html`` subcommand; returns the exit code."""
    out = out or sys.stdout
    data_dir = find_data_dir(args.data)
    scorer = Scorer(data_dir)
    pages = load_html_pages(data_dir, sets=(args.set,) if args.set else SETS, limit=args.limit)
    records = [p.record for p in pages]
    runs = [run_system(name, fn, pages) for name, fn in HTML_SYSTEMS.items()]
    out.write(f"# cleaner HTML benchmark ({len(pages)} pages from {data_dir / 'html'})\n")
    cleaner_counts: list[Counts] = [()] * len(pages)
    for set_name in sorted({r["set"] for r in records}, reverse=True):
        idx = [i for i, r in enumerate(records) if r["set"] == set_name]
        rows: list[list[str]] = []
        for run in runs:
            scores, per_doc = scorer.html_scores(
                [records[i] for i in idx], [run.outputs[i] for i in idx], n_bootstrap=BOOTSTRAP_SAMPLES
            )
            empty = sum(1 for i in idx if not run.outputs[i].strip())
            failed = set(run.error_index)
            errors = sum(1 for i in idx if i in failed)
            rows.append([*score_row([run.system], scores), str(empty), str(errors)])
            if run is runs[0]:
                for i, c in zip(idx, per_doc, strict=True):
                    cleaner_counts[i] = c
        out.write(f"\n## {set_name} ({METRIC_NAMES[set_name]}; ± = bootstrap std, score.py)\n\n")
        table(["system", "pages", "F1", "P", "R", "acc", "empty", "errors"], rows, out)
    run_footer(runs, [p.size_bytes for p in pages], out)
    if args.save:
        for path, idx in save_paths(args.save, records).items():
            n = save_predictions(path, [records[i] for i in idx], runs[0], with_style=False, index=idx)
            out.write(f"\nsaved {n} cleaner predictions to {path} (score.py format)\n")
    if args.worst:
        print_worst(scorer, records, runs[0], cleaner_counts, args.worst, out)
    out.flush()
    return 0
