"""Nothing lost (issue 8): a ``cleaner clean -o``, ``cleaner batch`` or ``cleaner-fix`` killed with SIGKILL
mid-write leaves the old file intact (temporary file + atomic rename, cleaner/io_safe.py, cleaner/batch/output.py).

The kill is made deterministic with a ``sitecustomize`` that stalls the child in ``os.fsync``, i.e. after the
new bytes are in the temporary file and before the rename; a second test kills at random moments.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile import generate
from tests.hostile.harness import CLEANER, REPO

BIN = Path(sys.executable).parent
OLD = "OLD CONTENT: must survive a killed writer.\n"
STALL = """
import os, time
_marker = os.environ.get("CLEANER_TEST_STALL_FSYNC")
if _marker:
    _real = os.fsync
    def _stall(fd):
        _real(fd)
        with open(_marker, "a") as fh:
            fh.write("fsync\\n")
        time.sleep(120)
    os.fsync = _stall
"""


def _spawn(cmd: list[str], tmp: Path, stall: bool) -> tuple[subprocess.Popen[bytes], Path]:
    hook = tmp / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(STALL, encoding="utf-8")
    marker = tmp / "stalled"
    env = {**os.environ, "PYTHONPATH": f"{hook}{os.pathsep}{REPO}"}
    if stall:
        env["CLEANER_TEST_STALL_FSYNC"] = str(marker)
    proc = subprocess.Popen(cmd, cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    return proc, marker


def _kill_when_stalled(proc: subprocess.Popen[bytes], marker: Path, timeout: float = 120) -> None:
    start = time.monotonic()
    while not marker.exists():
        assert proc.poll() is None, f"child exited ({proc.returncode}) before it reached the write"
        assert time.monotonic() - start < timeout, "child never reached fsync"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _input(tmp: Path) -> Path:
    page = tmp / "page.txt"
    page.write_text("Home > News > World\n\n" + "".join(f"{i}. {generate.PARA}\n\n" for i in range(2000)),
                    encoding="utf-8")
    return page


def test_clean_output_survives_a_kill_mid_write(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text(OLD, encoding="utf-8")
    cmd = [CLEANER, "clean", str(_input(tmp_path)), "-o", str(out), "--format", "json", "--isolated"]
    proc, marker = _spawn(cmd, tmp_path, stall=True)
    _kill_when_stalled(proc, marker)
    assert out.read_text(encoding="utf-8") == OLD
    # and without the stall the same command replaces it whole
    proc, _ = _spawn(cmd, tmp_path, stall=False)
    assert proc.wait(timeout=120) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["text"]


def test_batch_output_survives_a_kill_mid_run_and_resumes(tmp_path: Path) -> None:
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{i}. {generate.PARA}"}) + "\n" for i in range(300)),
                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(OLD, encoding="utf-8")
    cmd = [CLEANER, "batch", str(jsonl), "-o", str(out), "-j", "1", "-q"]
    proc, marker = _spawn(cmd, tmp_path, stall=True)
    _kill_when_stalled(proc, marker)
    assert out.read_text(encoding="utf-8") == OLD
    proc, _ = _spawn([*cmd, "--resume"], tmp_path, stall=False)
    assert proc.wait(timeout=300) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"d{i}" for i in range(300)]


def test_cleaner_fix_survives_a_kill_mid_write(tmp_path: Path) -> None:
    page = _input(tmp_path)
    before = page.read_bytes()
    proc, marker = _spawn([str(BIN / "cleaner-fix"), "--isolated", str(page)], tmp_path, stall=True)
    _kill_when_stalled(proc, marker)
    assert page.read_bytes() == before


@pytest.mark.parametrize("seed", range(4))
def test_clean_output_is_old_or_whole_new_at_any_kill(tmp_path: Path, seed: int) -> None:
    """Kill at a random moment (loading, cleaning or writing): the file is the old one or the complete new one."""
    out = tmp_path / "out.json"
    out.write_text(OLD, encoding="utf-8")
    cmd = [CLEANER, "clean", str(_input(tmp_path)), "-o", str(out), "--format", "json", "--isolated"]
    proc, _ = _spawn(cmd, tmp_path, stall=False)
    time.sleep(random.Random(seed).uniform(0.3, 4.0))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    text = out.read_text(encoding="utf-8")
    assert text == OLD or json.loads(text)["text"]
