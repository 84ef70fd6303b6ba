"""Run a hostile file through the API, the ``clean`` CLI and the ``batch`` command in a child process,
with a time bound and the child's own peak memory (``measure.py``: ``os.wait4`` rusage from a small parent)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CLEANER = str(BIN / "cleaner") if (BIN / "cleaner").exists() else "cleaner"
MEASURE = Path(__file__).with_name("measure.py")

BASE_SECONDS = 60.0
"""Every run gets this much (interpreter start, rule packs, a loaded CI machine) ..."""
SECONDS_PER_MB = 20.0
"""... plus this much per MB of input: about 10x the measured cost, so only a hang or a blow-up fails."""
BASE_RSS_MB = 400.0
"""Peak memory of any run stays under this ..."""
RSS_PER_INPUT_MB = 150.0
"""... plus this many MB per MB of input (a block costs a few hundred bytes of Python objects: a 3 MB table of 120,000 cells peaks at 450 MB)."""


@dataclass(frozen=True, slots=True)
class Run:
    """One child process: how it ended, how long it took and its peak memory."""

    how: str
    returncode: int
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str

    def outcome(self) -> str:
        """A short label for the table: ok, error (with its first words) or exit N."""
        if self.how == "api" and self.returncode == 0:
            data = json.loads(self.stdout.strip().splitlines()[-1])
            if data["outcome"] == "ok":
                return f"ok, {data['chars']} chars" + (f", {len(data['warnings'])} warning(s)" if data["warnings"] else "")
            return str(data["error"])[:100]
        if self.returncode == 0:
            return "ok"
        last = (self.stderr.strip().splitlines() or ["?"])[-1]
        return f"exit {self.returncode}: {last.rsplit(': ', 1)[-1][:100]}"


def time_bound(size_bytes: int) -> float:
    """Seconds allowed for an input of ``size_bytes``."""
    return BASE_SECONDS + SECONDS_PER_MB * size_bytes / 1e6


def memory_bound(size_bytes: int) -> float:
    """Peak RSS (MB) allowed for an input of ``size_bytes``."""
    return BASE_RSS_MB + RSS_PER_INPUT_MB * size_bytes / 1e6


def run_measured(how: str, cmd: list[str], timeout: float, cwd: Path = REPO) -> Run:
    """Run ``cmd`` under ``measure.py``; kill its process group and raise ``TimeoutError`` past ``timeout``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss.json"
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONFAULTHANDLER": "1"}
        wrapped = [sys.executable, "-I", str(MEASURE), str(rss_file), "--", *cmd]
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd, env=env,
                                start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise TimeoutError(f"{how}: {' '.join(cmd)} still running after {timeout:.0f}s") from None
        seconds = time.perf_counter() - start
        peak_kb = json.loads(rss_file.read_text())["maxrss_kb"] if rss_file.exists() else 0
        out.seek(0)
        err.seek(0)
        return Run(how, proc.returncode, seconds, peak_kb / 1024, out.read().decode(errors="replace"),
                   err.read().decode(errors="replace"))


def kind_of(path: Path) -> str:
    """``html`` for .html files, ``text`` otherwise."""
    return "html" if path.suffix == ".html" else "text"


def run_api(path: Path, timeout: float) -> Run:
    """The Python API in a child process."""
    cmd = [sys.executable, "-m", "tests.hostile.run_api", str(path), "--kind", kind_of(path)]
    return run_measured("api", cmd, timeout)


def run_cli(path: Path, out: Path, timeout: float) -> Run:
    """``cleaner clean FILE -o OUT``."""
    cmd = [CLEANER, "clean", str(path), "-o", str(out), "--kind", kind_of(path), "--isolated", "--format", "json"]
    return run_measured("cli", cmd, timeout)


def batch_input(path: Path, jsonl: Path) -> None:
    """One JSONL record holding the file (bytes decoded as UTF-8 with replacement: JSON carries text)."""
    field = "html" if kind_of(path) == "html" else "text"
    record = {"id": path.name, field: path.read_bytes().decode("utf-8", errors="replace")}
    jsonl.write_text(json.dumps(record) + "\n", encoding="utf-8")


def run_batch(jsonl: Path, out: Path, timeout: float) -> Run:
    """``cleaner batch IN -o OUT -j 1`` (errors go to OUT.errors.jsonl)."""
    cmd = [CLEANER, "batch", str(jsonl), "-o", str(out), "-j", "1", "-q", "--drop-input-field", "--html-field", "html"]
    return run_measured("batch", cmd, timeout)


def check_run(run: Run, size_bytes: int) -> None:
    """No traceback, a Result or a clear one-line error, memory under the bound."""
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.peak_mb < memory_bound(size_bytes), f"{run.how}: peak {run.peak_mb:.0f} MB"
    if run.how == "api":
        assert run.returncode == 0, run.stderr[-2000:]
        data = json.loads(run.stdout.strip().splitlines()[-1])
        assert data["outcome"] in ("ok", "error")
        if data["outcome"] == "error":
            assert "\n" not in data["error"] and len(data["error"]) < 300
    elif run.how == "cli":
        assert run.returncode in (0, 1), run.stderr[-2000:]
        if run.returncode == 1:
            lines = run.stderr.strip().splitlines()
            assert len(lines) == 1 and len(lines[0]) < 300, run.stderr[-2000:]
    else:
        assert run.returncode == 0, run.stderr[-2000:]
