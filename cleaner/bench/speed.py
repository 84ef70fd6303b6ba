"""``bench speed``: cleaner against its peers, interleaved page by page in the same run.

Each round runs every system on each page in turn (the order of systems rotates
from round to round), so machine noise hits all systems alike; the reported speed
is the median round. Text: MB/s against the C4 line filter (target ratio >= 0.8).
HTML (``--html``): documents/s against trafilatura's default extract (target >= 1.0).
Text runs end with the share of each pipeline stage (``speed_stages``).
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from cleaner.bench.c4 import c4_clean
from cleaner.bench.data import SETS, STYLES, find_data_dir, load_html_pages, load_text_records
from cleaner.bench.progress import Progress
from cleaner.bench.report import table
from cleaner.bench.speed_stages import print_stages
from cleaner.bench.systems import cleaner_html, cleaner_text, justext_text, trafilatura_html, trafilatura_text

Item = str | bytes
TEXT_TARGET_RATIO = 0.8
HTML_TARGET_RATIO = 1.0
DEFAULT_ROUNDS = 3


@dataclass(frozen=True, slots=True)
class Timing:
    """One system's time per round over all items, its errors and (optionally) peak allocation."""

    system: str
    round_seconds: tuple[float, ...]
    errors: int
    peak_alloc_bytes: int | None = None

    @property
    def median_seconds(self) -> float:
        """The median round time."""
        return statistics.median(self.round_seconds)


def _as_text(item: Item) -> str:
    return item if isinstance(item, str) else item.decode("utf-8", "replace")


def text_systems(peers: str) -> dict[str, Callable[[Item], str]]:
    """cleaner and C4 (plus jusText and trafilatura with ``peers="all"``) on plain text."""
    systems: dict[str, Callable[[Item], str]] = {
        "cleaner": lambda t: cleaner_text(_as_text(t)),
        "c4": lambda t: c4_clean(_as_text(t)),
    }
    if peers == "all":
        systems["justext"] = lambda t: justext_text(_as_text(t))
        systems["trafilatura"] = lambda t: trafilatura_text(_as_text(t))
    return systems


def html_systems() -> dict[str, Callable[[Item], str]]:
    """cleaner's HTML path and trafilatura's default extract."""
    return {"cleaner": lambda h: cleaner_html(h), "trafilatura": lambda h: trafilatura_html(h)}


def _call(fn: Callable[[Item], str], item: Item) -> bool:
    try:
        fn(item)
    except Exception:  # a failing page is counted, the timing goes on
        return False
    return True


def time_interleaved(
    systems: dict[str, Callable[[Item], str]], items: Sequence[Item], rounds: int
) -> dict[str, tuple[list[float], int]]:
    """Per system: the seconds of each round and the error count of the last round."""
    names = list(systems)
    seconds = {n: [0.0] * rounds for n in names}
    errors = dict.fromkeys(names, 0)
    for n in names:  # warm-up: imports, compiled patterns, caches
        _call(systems[n], items[0])
    for k in range(rounds):
        order = names[k % len(names) :] + names[: k % len(names)]
        errors = dict.fromkeys(names, 0)
        gc.collect()
        with Progress(f"round {k + 1}/{rounds}", len(items)) as bar:
            for item in items:
                for n in order:
                    t0 = time.perf_counter()
                    ok = _call(systems[n], item)
                    seconds[n][k] += time.perf_counter() - t0
                    errors[n] += not ok
                bar.advance()
    return {n: (seconds[n], errors[n]) for n in names}


def peak_alloc(fn: Callable[[Item], str], items: Sequence[Item]) -> int:
    """The largest Python allocation peak (tracemalloc) while processing one item."""
    worst = 0
    tracemalloc.start()
    try:
        for item in items:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            _call(fn, item)
            worst = max(worst, tracemalloc.get_traced_memory()[1] - base)
    finally:
        tracemalloc.stop()
    return worst


def measure(
    systems: dict[str, Callable[[Item], str]], items: Sequence[Item], rounds: int, *, memory: bool = False
) -> list[Timing]:
    """Time every system interleaved; with ``memory`` also trace each one's peak allocation."""
    timed = time_interleaved(systems, items, rounds)
    return [
        Timing(n, tuple(secs), errs, peak_alloc(systems[n], items) if memory else None)
        for n, (secs, errs) in timed.items()
    ]


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def print_speed(timings: Sequence[Timing], items: Sequence[Item], *, html: bool, out: TextIO) -> float:
    """The speed table and the cleaner/peer ratio line; returns the ratio."""
    mb = sum(len(i.encode("utf-8")) if isinstance(i, str) else len(i) for i in items) / 1e6
    rows = []
    for t in timings:
        med = t.median_seconds
        spread = f"{mb / max(t.round_seconds):.2f}–{mb / min(t.round_seconds):.2f}" if med > 0 else "-"
        row = [t.system, f"{mb / med:.2f}" if med > 0 else "-", spread, f"{len(items) / med:.1f}" if med else "-"]
        row += [str(t.errors)]
        if t.peak_alloc_bytes is not None:
            row.append(f"{t.peak_alloc_bytes / 1e6:.1f}")
        rows.append(row)
    header = ["system", "MB/s (median)", "MB/s (range)", "docs/s", "errors"]
    if any(t.peak_alloc_bytes is not None for t in timings):
        header.append("peak alloc/doc MB")
    table(header, rows, out)
    by_name = {t.system: t for t in timings}
    peer, target = ("trafilatura", HTML_TARGET_RATIO) if html else ("c4", TEXT_TARGET_RATIO)
    mine = by_name["cleaner"]
    ratio = by_name[peer].median_seconds / mine.median_seconds if mine.median_seconds else 0.0
    unit = "docs/s" if html else "MB/s"
    verdict = "ok" if ratio >= target else "BELOW TARGET"
    out.write(f"\nratio cleaner/{peer} ({unit}): {ratio:.3f} (target >= {target}) {verdict}\n")
    if mine.errors:
        out.write(f"warning: cleaner raised on {mine.errors} of {len(items)} items: its speed is not meaningful\n")
    out.write(f"peak RSS of the whole run: {peak_rss_mb():.0f} MB\n")
    return ratio


def run_speed(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run the ``speed`` subcommand; returns the exit code (1 with ``--check`` below target)."""
    out = out or sys.stdout
    data_dir = find_data_dir(args.data)
    sets = (args.set,) if args.set else SETS
    items: list[Item]
    if args.html:
        items = [p.content for p in load_html_pages(data_dir, sets=sets, limit=args.limit)]
        systems = html_systems()
    else:
        styles = (args.style,) if args.style else STYLES
        items = [r["text"] for r in load_text_records(data_dir, sets=sets, styles=styles, limit=args.limit)]
        systems = text_systems(args.peers)
    kind = "HTML pages" if args.html else "text records"
    out.write(f"# cleaner speed ({len(items)} {kind}, {args.rounds} interleaved rounds, median)\n\n")
    timings = measure(systems, items, args.rounds, memory=args.memory)
    ratio = print_speed(timings, items, html=args.html, out=out)
    if not args.html:
        print_stages([_as_text(i) for i in items], out)
    out.flush()
    target = HTML_TARGET_RATIO if args.html else TEXT_TARGET_RATIO
    return 1 if args.check and ratio < target else 0
