"""``bench text``: cleaner (and baselines) on the plain-text dev sets, scored as score_text.py does."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from cleaner.bench.data import SETS, STYLES, Record, find_data_dir, load_text_records
from cleaner.bench.metrics import Counts, Scorer
from cleaner.bench.report import METRIC_NAMES, print_worst, run_footer, save_predictions, score_row, table
from cleaner.bench.systems import Run, TextFn, cleaner_text, run_system, text_baselines

POOLED = "pooled"


def score_runs(scorer: Scorer, records: Sequence[Record], runs: Sequence[Run]) -> dict[str, list[Counts]]:
    """Per-page metric counts of every run, by system name."""
    return {run.system: [scorer.doc_counts(r, o) for r, o in zip(records, run.outputs, strict=True)] for run in runs}


def print_text_tables(
    scorer: Scorer,
    records: Sequence[Record],
    runs: Sequence[Run],
    counts: dict[str, list[Counts]],
    out: TextIO,
) -> None:
    """One markdown table per set: every style and the pooled styles, one row per system."""
    for set_name in sorted({r["set"] for r in records}, reverse=True):
        idx = [i for i, r in enumerate(records) if r["set"] == set_name]
        styles = [s for s in STYLES if any(records[i]["style"] == s for i in idx)]
        out.write(f"\n## {set_name} ({METRIC_NAMES[set_name]})\n\n")
        rows: list[list[str]] = []
        for style in [*styles, POOLED]:
            sel = [i for i in idx if style == POOLED or records[i]["style"] == style]
            for run in runs:
                s = scorer.aggregate(
                    [records[i] for i in sel], [run.outputs[i] for i in sel], [counts[run.system][i] for i in sel]
                )
                rows.append(score_row([style, run.system], s))
        table(["style", "system", "docs", "F1", "P", "R", "acc"], rows, out)


def run_text(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run the ``text`` subcommand; returns the exit code."""
    out = out or sys.stdout
    data_dir = find_data_dir(args.data)
    scorer = Scorer(data_dir)
    records = load_text_records(
        data_dir,
        sets=(args.set,) if args.set else SETS,
        styles=(args.style,) if args.style else STYLES,
        limit=args.limit,
    )
    systems: dict[str, TextFn] = {"cleaner": cleaner_text}
    if args.baselines:
        systems.update(text_baselines(args.lang))
    texts = [r["text"] for r in records]
    runs = [run_system(name, fn, texts) for name, fn in systems.items()]
    counts = score_runs(scorer, records, runs)
    out.write(f"# cleaner text benchmark ({len(records)} records from {data_dir / 'text'})\n")
    print_text_tables(scorer, records, runs, counts, out)
    run_footer(runs, [len(t.encode("utf-8")) for t in texts], out)
    if args.save:
        n = save_predictions(args.save, records, runs[0])
        out.write(f"\nsaved {n} cleaner predictions to {args.save}\n")
    if args.worst:
        print_worst(scorer, records, runs[0], counts[runs[0].system], args.worst, out)
    out.flush()
    return 0
