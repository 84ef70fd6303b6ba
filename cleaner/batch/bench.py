"""Measure the batch runner: throughput per worker count, and peak memory over growing inputs.

    python -m cleaner.batch.bench throughput            # text and HTML dev sets, 1 and 2 workers
    python -m cleaner.batch.bench rss --docs 10000 100000 --workers 2
    make bench-batch                                    # both

Each measurement runs ``cleaner batch`` in a subprocess, exactly as a user would.
Throughput is the run's own docs/s from ``--stats`` (wall time from start-up of
the workers to the rename of the output). Peak RSS is sampled every few
milliseconds over the whole process tree (main process plus workers) (the sum
of the resident sets of all its processes).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "bench"
RSS_SAMPLE_SECONDS = 0.02

_WORD_TEXT = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they"
    " you were her all she there would their we him been has when who will more no if out so said what up its about"
    " into than them can only other new some could time these two may then do first any my now such like our over"
    " man me even most made after also did many before must through back years where much your way well down should"
    " because each just those people how too little state good very make world still own see men work long get here"
)
_WORDS = tuple(_WORD_TEXT.split())
_BOILERPLATE_TOP = ("Home > News > World", "Skip to content", "Log in | Register", "Menu", "Search")
_BOILERPLATE_BOTTOM = (
    "Share on Facebook",
    "Share on Twitter",
    "Related articles",
    "Subscribe to our newsletter",
    "© 2024 Example Media. All rights reserved.",
    "Privacy Policy | Terms of Use | Cookie settings",
)


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + "."


def generate_doc(rng: random.Random, index: int) -> dict[str, Any]:
    """One synthetic scraped page: navigation, a titled article of a few paragraphs, sharing and footer lines."""
    title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 9))).title()
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 6))) for _ in range(rng.randint(2, 8))]
    lines = [*rng.sample(_BOILERPLATE_TOP, 3), title, *paragraphs, *rng.sample(_BOILERPLATE_BOTTOM, 4)]
    return {"id": f"doc-{index:07d}", "url": f"https://example.com/news/{index}", "text": "\n".join(lines)}


def generate_jsonl(path: str | Path, count: int, *, seed: int = 0, broken_every: int = 0) -> None:
    """Write ``count`` synthetic documents as JSONL; ``broken_every=N`` makes every Nth line invalid JSON."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            if broken_every and i % broken_every == broken_every - 1:
                f.write(f'{{"id": "broken-{i}", "text": "unterminated\n')
                continue
            f.write(json.dumps(generate_doc(rng, i), ensure_ascii=False) + "\n")


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in KiB (0 once it is gone)."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            with open(f"/proc/{p}/task/{p}/children") as f:
                stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_measured(cmd: Sequence[str]) -> dict[str, Any]:
    """Run ``cmd``, sampling the process tree's RSS; return wall time, CPU time and peak memory figures.

    ``cpu_seconds / seconds`` is the parallelism the run really got: on a machine busy with other
    work, two workers cannot go faster than the cores they are given.
    """
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = 0
    while proc.poll() is None:
        peak_tree = max(peak_tree, _tree_rss_kb(proc.pid))
        time.sleep(RSS_SAMPLE_SECONDS)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": time.monotonic() - start, "cpu_seconds": cpu, "peak_tree_rss_kb": peak_tree, "load_before": load}


def _batch_cmd(inputs: Sequence[str], out: str, workers: int, extra: Sequence[str] = ()) -> list[str]:
    stats = f"{out}.stats.json"
    return [sys.executable, "-m", "cleaner", "batch", *inputs, "-o", out, "-j", str(workers), "-q", "--stats", stats,
            *extra]


def throughput(name: str, inputs: Sequence[str], workers: Sequence[int], extra: Sequence[str] = ()) -> dict[str, Any]:
    """docs/s of ``cleaner batch`` over ``inputs`` for each worker count."""
    rows: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in workers:
            out = os.path.join(tmp, f"out{n}.jsonl")
            measured = run_measured(_batch_cmd(inputs, out, n, extra))
            with open(f"{out}.stats.json", encoding="utf-8") as f:
                stats = json.load(f)
            rows[str(n)] = {"docs": stats["docs"], "errors": stats["errors"], "seconds": stats["seconds"],
                            "docs_per_second": stats["docs_per_second"], "wall_seconds": round(measured["seconds"], 2),
                            "cpu_seconds": round(measured["cpu_seconds"], 1),
                            "cores_used": round(measured["cpu_seconds"] / measured["seconds"], 2),
                            "docs_per_cpu_second": round(stats["docs"] / max(measured["cpu_seconds"], 1e-9), 1),
                            "load_average_before": round(measured["load_before"], 2)}
    first = rows[str(workers[0])]["docs_per_second"]
    ratios = {n: round(rows[n]["docs_per_second"] / first, 2) for n in rows}
    return {"set": name, "workers": rows, "ratio_vs_first": ratios}


def rss(counts: Sequence[int], workers: int) -> dict[str, Any]:
    """Peak memory of ``cleaner batch`` over ``counts`` synthetic documents each."""
    rows: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            src = os.path.join(tmp, f"gen{n}.jsonl")
            generate_jsonl(src, n)
            out = os.path.join(tmp, f"out{n}.jsonl")
            measured = run_measured(_batch_cmd([src], out, workers))
            rows[str(n)] = {"input_mb": round(os.path.getsize(src) / 1e6, 1), "seconds": round(measured["seconds"], 1),
                            "peak_tree_rss_mb": round(measured["peak_tree_rss_kb"] / 1024, 1)}
            os.unlink(src)
            os.unlink(out)
    peaks = [r["peak_tree_rss_mb"] for r in rows.values()]
    return {"workers": workers, "runs": rows, "max_over_min": round(max(peaks) / min(peaks), 3)}


def _html_inputs(html_dir: Path) -> list[str]:
    return [str(html_dir / "zyte"), str(html_dir / "trafilatura")]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``throughput`` or ``rss``; prints JSON."""
    p = argparse.ArgumentParser(prog="python -m cleaner.batch.bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    t = sub.add_parser("throughput", help="docs/s on the dev sets for each worker count")
    t.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    t.add_argument("--bench-dir", type=Path, default=BENCH_DIR, help="the shared bench folder (read only)")
    t.add_argument("--sets", nargs="+", choices=("text", "html"), default=["text", "html"])
    r = sub.add_parser("rss", help="peak RSS over growing synthetic inputs")
    r.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    r.add_argument("--workers", type=int, default=2)
    args = p.parse_args(argv)
    if args.what == "throughput":
        results = []
        if "text" in args.sets:
            texts = sorted(glob.glob(str(args.bench_dir / "text" / "*.jsonl")))
            results.append(throughput("text", texts, args.workers, ["--kind", "text"]))
        if "html" in args.sets:
            results.append(throughput("html", _html_inputs(args.bench_dir / "html"), args.workers))
        print(json.dumps(results, indent=2))
    else:
        print(json.dumps(rss(args.docs, args.workers), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
