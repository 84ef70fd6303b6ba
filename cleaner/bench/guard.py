"""``python -m cleaner.bench guard``: how many benchmark pages the pre-commit guard would stop.

The hooks refuse to rewrite a file when cleaning would lose more than a share
of its prose-like lines (``cleaner.hooks.guard``). This mode measures that
share on every plain-text benchmark record with the built-in rules and prints,
for a few thresholds, how many records the guard would stop, pooled and per
set and style. It is where the default's justification in docs/corpus.md comes
from.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from cleaner.api import Cleaner
from cleaner.bench.data import SETS, STYLES, add_record_options, records_of
from cleaner.config import GUARD_PROSE_SHARE as DEFAULT_SHARE
from cleaner.hooks.guard import ProseLoss, measure_prose_loss
from cleaner.model import Result

THRESHOLDS = (0.1, 0.2, 0.3, 0.5)


def add_parser(sub: Any) -> None:
    """Add the ``guard`` subcommand to ``cleaner bench`` / ``python -m cleaner.bench``."""
    p = sub.add_parser("guard", help="how many text-benchmark records the pre-commit guard stops per threshold")
    add_record_options(p)
    p.set_defaults(func=run_guard)


def run_guard(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Print the share of records the guard stops at each threshold; returns the exit code."""
    out = out or sys.stdout
    data_dir, records = records_of(args)
    cleaner = Cleaner()
    rows: list[tuple[str, str, ProseLoss]] = []
    lost = in_body = 0  # on stopped records with a whole expected body (the Zyte set)
    for rec in records:
        result = cleaner.clean(rec["text"], kind="text")
        loss = measure_prose_loss(rec["text"], result)
        rows.append((rec["set"], rec["style"], loss))
        if loss.exceeds(DEFAULT_SHARE) and rec.get("expected"):
            texts = _lost_prose(result, loss)
            expected = " ".join(str(rec["expected"]).split())
            lost += len(texts)
            in_body += sum(1 for t in texts if t[:80] in expected)
    out.write(f"# pre-commit guard on {len(rows)} text records from {data_dir / 'text'} (built-in rules)\n\n")
    untouched = sum(1 for r in rows if r[2].lost_prose_lines == 0)
    out.write(f"no prose-like line lost: {untouched} ({untouched / len(rows):.1%})\n\n")
    header = "| records | n | " + " | ".join(f"stopped at {t}" for t in THRESHOLDS) + " |\n"
    out.write(header + "|---|---|" + "---|" * len(THRESHOLDS) + "\n")
    groups = [("all", rows)] + [
        (f"{s} / {st}", [r for r in rows if r[0] == s and r[1] == st]) for s in SETS for st in STYLES
    ]
    for name, group in groups:
        if group:
            cells = " | ".join(f"{sum(r[2].exceeds(t) for r in group) / len(group):.1%}" for t in THRESHOLDS)
            out.write(f"| {name} | {len(group)} | {cells} |\n")
    if lost:
        out.write(
            f"\nat {DEFAULT_SHARE}, records with an expected body: {in_body} of the {lost} prose-like lines "
            "the stopped records would lose are in it (real body loss the guard caught)\n"
        )
    out.flush()
    return 0


def _lost_prose(result: Result, loss: ProseLoss) -> list[str]:
    # The lost prose-like blocks the guard counted, by their first line (one segment starts there).
    by_line = {seg.start_line: seg.text for seg in result.segments}
    return [" ".join(by_line[n].split()) for n in loss.lost_lines]
