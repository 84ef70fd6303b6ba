"""``python -m cleaner.bench settle``: how many cleanings each page needs until its text no longer changes.

The pre-commit fixer writes only a fixed point; with ``settle`` it cleans a file again until it
is one (``cleaner.hooks.settle``). This mode runs that on every plain-text benchmark record with
the built-in rules, prints how many records settle after 1, 2, ... cleanings, and scores the
settled text next to one cleaning, pooled per set. It is where the figures in docs/corpus.md
("When a file does not settle") come from.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import Any, TextIO

from cleaner.api import Cleaner
from cleaner.bench.data import SETS, add_record_options, records_of
from cleaner.bench.metrics import Scorer
from cleaner.hooks.settle import SETTLE_MAX_PASSES, clean_until_settled


def add_parser(sub: Any) -> None:
    """Add the ``settle`` subcommand to ``cleaner bench`` / ``python -m cleaner.bench``."""
    p = sub.add_parser("settle", help="cleanings until each text-benchmark record settles; settled vs one cleaning")
    add_record_options(p)
    p.set_defaults(func=run_settle)


def run_settle(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Print the cleanings each record needs and both texts' scores; returns the exit code."""
    out = out or sys.stdout
    data_dir, records = records_of(args)
    cleaner = Cleaner()
    needed: Counter[str] = Counter()
    once: list[str] = []
    settled: list[str] = []
    for rec in records:
        first = cleaner.clean(rec["text"], kind="text")
        passes = clean_until_settled(cleaner, rec["text"], first, SETTLE_MAX_PASSES)
        needed[str(len(passes.results)) if passes.settled else "more"] += 1
        once.append(first.text)
        settled.append(passes.results[-1].text)
    source = f"{len(records)} text records from {data_dir / 'text'}"
    out.write(f"# cleanings until the text no longer changes, on {source}\n\n")
    columns = [str(n) for n in range(1, SETTLE_MAX_PASSES + 1)] + ["more"]
    out.write("| cleanings | " + " | ".join(columns) + " |\n|---|" + "---|" * len(columns) + "\n")
    out.write("| records | " + " | ".join(str(needed[c]) for c in columns) + " |\n\n")
    scorer = Scorer(data_dir)
    out.write("| set | n | one cleaning F1 / P / R | settled F1 / P / R |\n|---|---|---|---|\n")
    for name in SETS:
        picked = [k for k, rec in enumerate(records) if rec["set"] == name]
        if not picked:
            continue
        group = [records[k] for k in picked]
        cells = []
        for texts in (once, settled):
            outputs = [texts[k] for k in picked]
            s = scorer.aggregate(group, outputs, [scorer.doc_counts(r, o) for r, o in zip(group, outputs, strict=True)])
            cells.append(f"{s.f1:.3f} / {s.precision:.3f} / {s.recall:.3f}")
        out.write(f"| {name} | {len(group)} | {cells[0]} | {cells[1]} |\n")
    out.flush()
    return 0
