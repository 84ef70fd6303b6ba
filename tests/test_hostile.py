"""Every hostile file (issue 8) through the API, ``cleaner clean`` and ``cleaner batch``, each in a child process:
no traceback, no hang (time bound scaled to size), a Result or a clear one-line error, peak memory bounded.

Small files are committed in tests/hostile/files/ (``python -m tests.hostile.generate`` rewrites them); the
large ones are written at test time, the huge ones only under ``make test-slow``. Set ``HOSTILE_REPORT=FILE``
to append one JSON line per run, and render the table with ``python -m tests.hostile.report FILE``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile import generate
from tests.hostile.harness import Run, batch_input, check_run, run_api, run_batch, run_cli, time_bound

SMALL_FILES = sorted(generate.FILES_DIR.iterdir())


def _record(name: str, size: int, runs: list[Run], batch_outcome: str) -> None:
    report = os.environ.get("HOSTILE_REPORT")
    if not report:
        return
    with open(report, "a", encoding="utf-8") as fh:
        for r in runs:
            outcome = batch_outcome if r.how == "batch" else r.outcome()
            row = {"file": name, "bytes": size, "how": r.how, "seconds": round(r.seconds, 2),
                   "peak_mb": round(r.peak_mb), "outcome": outcome}
            fh.write(json.dumps(row) + "\n")


def _three_ways(path: Path, tmp: Path) -> list[Run]:
    size = path.stat().st_size
    bound = time_bound(size)
    api = run_api(path, bound)
    check_run(api, size)
    out = tmp / "out.json"
    cli = run_cli(path, out, bound)
    check_run(cli, size)
    if cli.returncode == 0:
        json.loads(out.read_text(encoding="utf-8"))  # the -o file is whole, valid JSON
    jsonl = tmp / "in.jsonl"
    batch_input(path, jsonl)
    batch_out = tmp / "batch.jsonl"
    batch = run_batch(jsonl, batch_out, bound)
    check_run(batch, size)
    errors = tmp / "batch.errors.jsonl"  # OUT.jsonl -> OUT.errors.jsonl
    records = batch_out.read_text(encoding="utf-8").splitlines()
    failed = errors.read_text(encoding="utf-8").splitlines() if errors.exists() else []
    assert len(records) + len(failed) == 1, (records[:1], failed[:1])  # a record or an error record, never nothing
    for line in records + failed:
        json.loads(line)
    runs = [api, cli, batch]
    batch_outcome = "1 record" if records else "error record: " + str(json.loads(failed[0]).get("error"))[:100]
    _record(path.name, size, runs, batch_outcome)
    return runs


@pytest.mark.parametrize("path", SMALL_FILES, ids=[p.name for p in SMALL_FILES])
def test_small_hostile_file(path: Path, tmp_path: Path) -> None:
    _three_ways(path, tmp_path)


@pytest.fixture(scope="session")
def large_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-large")


LARGE_PARAMS = [
    pytest.param(name, marks=[pytest.mark.slow] if slow else [], id=name)
    for name, (_, slow) in generate.LARGE.items()
]


@pytest.mark.parametrize("name", LARGE_PARAMS)
def test_large_hostile_file(name: str, large_dir: Path, tmp_path: Path) -> None:
    path = generate.write_large(name, large_dir)
    try:
        runs = _three_ways(path, tmp_path)
    finally:
        path.unlink(missing_ok=True)  # the tmp dir would otherwise hold a gigabyte by the end of test-slow
    api = json.loads(runs[0].stdout.strip().splitlines()[-1])
    if name.startswith(("nested-", "text-node-")):
        assert generate.LATE in api.get("text_tail", ""), api  # what comes after the trap survives


def test_committed_files_match_the_generator(tmp_path: Path) -> None:
    """tests/hostile/files/ is what generate.py writes (fuzz-* crash files are kept as found)."""
    generate.write_small(tmp_path)
    for path in tmp_path.iterdir():
        assert (generate.FILES_DIR / path.name).read_bytes() == path.read_bytes(), path.name
