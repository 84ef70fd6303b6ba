"""Scaling check (issue 8): clean 1, 10 and 100 MB of text and of HTML and report the time ratios.

Time must grow linearly: 10x the input within ``MAX_RATIO`` (15x) the time. Each size runs in a child
process, so its peak memory is its own (``os.wait4``). This is a benchmark, not a timed test:

    python -m cleaner.bench scaling                 # 1, 10, 100 MB of text and of HTML
    python -m cleaner.bench scaling --sizes 1 10    # quicker
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from typing import Any

MAX_RATIO = 15.0
"""10x the input may take at most this many times as long."""
DEFAULT_SIZES_MB = (1, 10, 100)
_WORD_LIST = (
    "the of and to in a is that for it was on with as by at from his her they said after before storm harbour"
    " boats council village river market school train bridge winter summer report water light road morning"
    " residents minister company figures week month year local plan work people city house night"
)
WORDS = tuple(_WORD_LIST.split())
BOILERPLATE = ("Home > News > Local", "Share this article", "Sign up for our newsletter", "Read more", "Advertisement")


def _paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 6)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 24))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def make_document(kind: str, size_bytes: int, seed: int = 8) -> str:
    """A page of about ``size_bytes``: prose paragraphs with a little boilerplate every few blocks."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size_bytes:
        block = rng.choice(BOILERPLATE) if rng.random() < 0.1 else _paragraph(rng)
        parts.append(f"<p>{block}</p>" if kind == "html" else block)
        total += len(block) + 8
    if kind == "html":
        body = "\n".join(parts)
        return f"<html><head><title>Scaling</title></head><body><article>{body}</article></body></html>"
    return "\n\n".join(parts)


def run_one(kind: str, size_mb: float) -> dict[str, Any]:
    """Clean one generated document in this process and return its size and seconds (cleaning only)."""
    from cleaner.api import Cleaner
    from cleaner.config import Config

    size = int(size_mb * 1_000_000)
    doc = make_document(kind, size)
    c = Cleaner(config=Config(max_input_bytes=4 * size + 1_000_000, max_html_nodes=max(1_000_000, size // 20)))
    start = time.perf_counter()
    result = c.clean(doc, kind="html" if kind == "html" else "text")
    seconds = time.perf_counter() - start
    return {"kind": kind, "bytes": len(doc.encode()), "seconds": seconds, "kept_chars": len(result.text),
            "warnings": list(result.warnings)}


def measure(kind: str, size_mb: float) -> dict[str, Any]:
    """``run_one`` in a child process, with the child's peak RSS."""
    cmd = [sys.executable, "-m", "cleaner.bench.scaling", "--one", kind, str(size_mb)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"scaling run {kind} {size_mb} MB failed with exit code {proc.returncode}")
    row: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    row["peak_mb"] = usage.ru_maxrss / 1024
    return row


def report(sizes: tuple[float, ...], kinds: tuple[str, ...], stream: Any = sys.stdout) -> bool:
    """Print one table per kind with time ratios; True when every 10x step stays within ``MAX_RATIO``."""
    ok = True
    for kind in kinds:
        print(f"\n{kind}: size, seconds, MB/s, peak RSS, ratio to previous size", file=stream, flush=True)
        prev: dict[str, Any] | None = None
        for size in sizes:
            row = measure(kind, size)
            ratio = ""
            if prev is not None:
                t_ratio = row["seconds"] / max(prev["seconds"], 1e-9)
                s_ratio = row["bytes"] / prev["bytes"]
                ratio = f"{s_ratio:.0f}x input -> {t_ratio:.1f}x time"
                ok = ok and t_ratio <= MAX_RATIO * s_ratio / 10
            mbps = row["bytes"] / 1e6 / max(row["seconds"], 1e-9)
            print(f"  {row['bytes'] / 1e6:8.1f} MB  {row['seconds']:8.2f} s  {mbps:6.2f} MB/s  "
                  f"{row['peak_mb']:7.0f} MB  {ratio}", file=stream, flush=True)
            prev = row
    print(f"\nlinear (10x input within {MAX_RATIO:.0f}x time): {'yes' if ok else 'NO'}", file=stream)
    return ok


def add_parser(sub: Any) -> None:
    """Add the ``scaling`` subcommand to ``cleaner bench`` / ``python -m cleaner.bench``."""
    p = sub.add_parser("scaling", help="time 1, 10, 100 MB of text and HTML; 10x input must stay within 15x time")
    p.add_argument("--sizes", type=float, nargs="+", default=list(DEFAULT_SIZES_MB), metavar="MB")
    p.add_argument("--kinds", nargs="+", choices=("text", "html"), default=["text", "html"])
    p.add_argument("--check", action="store_true", help="exit 1 when growth is not linear")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    ok = report(tuple(args.sizes), tuple(args.kinds))
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(run_one(sys.argv[2], float(sys.argv[3]))))
        raise SystemExit(0)
    ap = argparse.ArgumentParser(prog="python -m cleaner.bench.scaling")
    add_parser(ap.add_subparsers(dest="cmd", required=True))
    ns = ap.parse_args(["scaling", *sys.argv[1:]])
    raise SystemExit(ns.func(ns))
