"""cleaner batch: record format, inputs, error records, stats, resume (in process; see test_batch_interrupt.py for signals)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner.batch import records as records_mod
from cleaner.batch.bench import generate_doc, generate_jsonl
from cleaner.cli.main import main

PAGE = "Home > News\nA sentence of the article that says something useful.\nShare on Facebook"
OTHER = "Menu\nAnother real paragraph of text, written by a person who cares.\nSubscribe to our newsletter"


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_output_record_fields_and_passthrough(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "lang": "en", "meta": {"k": [1, 2]}, "text": PAGE}])
    assert main(["batch", str(src), "-o", str(tmp_path / "out.jsonl"), "-j", "1", "-q"]) == 0
    [rec] = _lines(tmp_path / "out.jsonl")
    expected = cleaner.clean(PAGE, kind="text")
    assert rec["id"] == "a" and rec["lang"] == "en" and rec["meta"] == {"k": [1, 2]}
    assert rec["text"] == expected.text
    assert (rec["title"], rec["author"], rec["date"], rec["kind"]) == (
        expected.title, expected.author, expected.date, "text")
    assert rec["removed"] == {r: {"chars": c["chars"], "lines": c["lines"]} for r, c in expected.removed_counts().items()}
    assert rec["removed"], "the page has boilerplate, so some rule removed something"
    assert "removed_segments" not in rec
    assert (tmp_path / "out.errors.jsonl").read_text() == ""
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob("*.resume.json"))


def test_keep_removed_and_drop_input_field(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "body": PAGE}])
    out = tmp_path / "out.jsonl"
    args = ["batch", str(src), "-o", str(out), "--text-field", "body", "--keep-removed", "--drop-input-field", "-q"]
    assert main(args) == 0
    [rec] = _lines(out)
    assert "body" not in rec and rec["id"] == 1
    assert rec["removed_segments"] == [r.to_dict() for r in cleaner.clean(PAGE, kind="text").removed]


def test_html_field_wins_when_present(tmp_path: Path) -> None:
    html = "<html><head><title>T</title></head><body><nav>Home</nav><p>%s</p></body></html>" % ("Words here. " * 30)
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": "h", "html": html, "text": "x"}, {"id": "t", "text": PAGE}])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--html-field", "html", "-q"]) == 0
    recs = _lines(out) + _lines(tmp_path / "out.errors.jsonl")
    by_id = {r["id"]: r for r in recs}
    assert by_id["t"]["kind"] == "text"
    # the HTML path may still be in progress; either way the record is accounted for, as html
    assert by_id["h"].get("kind", "html") == "html"


def test_broken_lines_become_error_records_for_exactly_those_lines(tmp_path: Path) -> None:
    good = [json.dumps({"id": f"g{i}", "text": PAGE if i % 2 else OTHER}).encode() for i in range(8)]
    lines = [
        good[0],
        b'{"id": "bad-json", "text": ',  # line 2: invalid JSON
        good[1],
        b"",  # line 4: blank, not a record
        b'{"id": "no-text", "body": "x"}',  # line 5: missing field
        good[2],
        b'{"id": "bytes", "text": "caf\xe9"}',  # line 7: undecodable bytes
        good[3],
        b"[1, 2, 3]",  # line 9: not an object
        b'{"id": "null-text", "text": null}',  # line 10: missing (null) field
        good[4],
        b'{"id": "num", "text": 42}',  # line 12: not a string
        *good[5:],
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "-j", "2", "-q"]) == 0
    errors = _lines(tmp_path / "out.errors.jsonl")
    assert [e["line"] for e in errors] == [2, 5, 7, 9, 10, 12]
    assert [e["id"] for e in errors] == [None, "no-text", None, None, "null-text", "num"]
    assert all(e["source"] == str(src) and e["error"] for e in errors)
    assert errors[0]["error"].startswith("invalid JSON")
    assert errors[1]["error"].startswith("missing field")
    assert errors[2]["error"].startswith("undecodable bytes")
    recs = _lines(out)
    assert [r["id"] for r in recs] == [f"g{i}" for i in range(8)]
    assert [r["text"] for r in recs] == [cleaner.clean(PAGE if i % 2 else OTHER, kind="text").text for i in range(8)]
    assert main(["batch", str(src), "-o", str(out), "-q", "--strict"]) == 1


def test_exception_inside_cleaning_is_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = cleaner.Cleaner.clean

    def flaky(self: cleaner.Cleaner, content: str | bytes, **kw: Any) -> cleaner.Result:
        if "EXPLODE" in str(content):
            raise RuntimeError("engine bug")
        return real(self, content, **kw)

    monkeypatch.setattr(cleaner.Cleaner, "clean", flaky)
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": PAGE}, {"id": 2, "text": "EXPLODE"}, {"id": 3, "text": OTHER}])
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "elsewhere.jsonl"
    assert main(["batch", str(src), "-o", str(out), "-j", "1", "-q", "--errors", str(errors)]) == 0
    assert [r["id"] for r in _lines(out)] == [1, 3]
    assert _lines(errors) == [{"source": str(src), "line": 2, "id": 2, "error": "RuntimeError: engine bug"}]


def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    src = tmp_path / "gen.jsonl"
    generate_jsonl(src, 300, broken_every=37)
    for j in ("1", "2"):
        assert main(["batch", str(src), "-o", str(tmp_path / f"out{j}.jsonl"), "-j", j, "-q"]) == 0
    assert (tmp_path / "out1.jsonl").read_bytes() == (tmp_path / "out2.jsonl").read_bytes()
    assert (tmp_path / "out1.errors.jsonl").read_bytes() == (tmp_path / "out2.errors.jsonl").read_bytes()
    assert len(_lines(tmp_path / "out1.jsonl")) == 300 - 300 // 37


def test_gzip_dirs_and_globs(tmp_path: Path) -> None:
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress((json.dumps({"id": "z", "text": PAGE}) + "\n").encode()))
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "b.txt").write_text(OTHER)
    (docs / "sub" / "a.txt").write_bytes(gzip.compress(PAGE.encode()))
    (docs / "sub" / "a.txt").rename(docs / "sub" / "a.txt.gz")
    (docs / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text(PAGE)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(gz), str(docs), str(tmp_path / "*.txt"), "-o", str(out), "-q"]) == 0
    recs = _lines(out)
    assert [r["id"] for r in recs] == ["z", str(docs / "b.txt"), str(docs / "sub" / "a.txt.gz"), str(tmp_path / "c.txt")]
    assert [r["text"] for r in recs] == [cleaner.clean(t, kind="text").text for t in (PAGE, OTHER, PAGE, PAGE)]


def test_missing_input_is_a_usage_level_error(tmp_path: Path) -> None:
    assert main(["batch", str(tmp_path / "nope-*.jsonl"), "-o", str(tmp_path / "o.jsonl"), "-q"]) == 1
    assert not (tmp_path / "o.jsonl").exists()


def test_stats_file(tmp_path: Path) -> None:
    src = tmp_path / "gen.jsonl"
    generate_jsonl(src, 50, broken_every=10)
    stats_path = tmp_path / "stats.json"
    assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "-q", "--stats", str(stats_path)]) == 0
    stats = json.loads(stats_path.read_text())
    assert (stats["docs"], stats["errors"], stats["ok"]) == (50, 5, 45)
    assert 0 < stats["chars_out"] < stats["chars_in"]
    assert 0 < len(stats["top_rules"]) <= 10
    chars = [r["chars"] for r in stats["top_rules"]]
    assert chars == sorted(chars, reverse=True)


def test_stdin_to_stdout_with_errors_on_stderr() -> None:
    rows = [json.dumps({"id": 1, "text": PAGE}), "not json", json.dumps({"id": 2, "text": OTHER})]
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "batch", "-", "-o", "-", "-j", "1", "-q"],
        input="\n".join(rows).encode(), capture_output=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert [json.loads(x)["id"] for x in proc.stdout.decode().splitlines()] == [1, 2], proc.stderr.decode()
    err_records = [json.loads(x) for x in proc.stderr.decode().splitlines() if x.startswith("{")]
    assert [(e["source"], e["line"]) for e in err_records] == [("-", 2)]


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    real = records_mod.process_record
    calls = 0

    def stop(*args: Any) -> records_mod.Outcome:
        nonlocal calls
        calls += 1
        if calls > n:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr("cleaner.batch.runner.process_record", stop)


def test_resume_drops_torn_line_and_matches_uninterrupted_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "gen.jsonl"
    generate_jsonl(src, 120, broken_every=9)
    ref = tmp_path / "ref.jsonl"
    assert main(["batch", str(src), "-o", str(ref), "-j", "1", "-q"]) == 0
    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as m:
        _interrupt_after(m, 50)
        assert main(["batch", str(src), "-o", str(out), "-j", "1", "-q"]) == 130
    partial = tmp_path / "out.jsonl.partial"
    assert not out.exists() and partial.exists()
    assert partial.read_bytes().endswith(b"\n")
    with partial.open("ab") as f:  # as if killed in the middle of a write
        f.write(b'{"id":"doc-9999","text":"half a rec')
    assert main(["batch", str(src), "-o", str(out), "-j", "2", "-q", "--resume"]) == 0
    assert out.read_bytes() == ref.read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (tmp_path / "ref.errors.jsonl").read_bytes()
    assert not partial.exists() and not (tmp_path / "out.jsonl.resume.json").exists()
    # resuming a finished run is a no-op
    assert main(["batch", str(src), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_bytes() == ref.read_bytes()


def test_resume_refuses_different_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    src = tmp_path / "gen.jsonl"
    generate_jsonl(src, 30)
    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as m:
        _interrupt_after(m, 10)
        assert main(["batch", str(src), "-o", str(out), "-j", "1", "-q"]) == 130
    assert main(["batch", str(src), "-o", str(out), "-q", "--resume", "--keep-removed"]) == 1
    assert "different inputs or options" in capsys.readouterr().err
    assert not out.exists()


def test_resume_needs_a_file_output() -> None:
    assert main(["batch", "-", "-o", "-", "--resume", "-q"]) == 1


def test_help_has_examples(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["batch", "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    for needle in ("examples:", "--workers", "--resume", "--html-field", "--errors", "--stats", "-o -"):
        assert needle in text


def test_generated_docs_are_deterministic() -> None:
    import random

    assert generate_doc(random.Random(1), 3) == generate_doc(random.Random(1), 3)
    assert os.path.basename(__file__).startswith("test_batch")


def test_a_document_that_kills_its_worker_is_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = cleaner.Cleaner.clean

    def crashy(self: cleaner.Cleaner, content: str | bytes, **kw: Any) -> cleaner.Result:
        if "SEGFAULT" in str(content):
            os._exit(11)
        return real(self, content, **kw)

    monkeypatch.setattr(cleaner.Cleaner, "clean", crashy)  # inherited by the forked workers
    rows = [{"id": i, "text": "SEGFAULT" if i == 2 else PAGE} for i in range(6)]
    src = _write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "-j", "2", "-q"]) == 0
    assert [r["id"] for r in _lines(out)] == [0, 1, 3, 4, 5]
    [err] = _lines(tmp_path / "out.errors.jsonl")
    assert (err["line"], err["error"]) == (3, "worker process died while cleaning this document")


def test_progress_bar_line() -> None:
    import io

    from cleaner.batch.stats import Progress

    stream = io.StringIO()
    bar = Progress(stream, total_bytes=1000)
    bar.started -= 2.0  # two seconds in
    bar.update(50, 250)
    line = stream.getvalue()
    assert "50 docs" in line and "25 docs/s" in line and "25.0%" in line and "ETA 0:00:06" in line
    bar.clear()
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: Any) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": PAGE}])
    assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "1 documents" in err  # the summary, but no bar


def test_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [json.dumps({"id": i, "text": PAGE}) for i in range(3)]
    src.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode() + b"\r\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "-j", "1", "-q"]) == 0
    assert [r["id"] for r in _lines(out)] == [0, 1, 2]
    assert (tmp_path / "out.errors.jsonl").read_text() == ""


def test_sigterm_handler_is_restored(tmp_path: Path) -> None:
    import signal

    before = signal.getsignal(signal.SIGTERM)
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": PAGE}])
    assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "-j", "1", "-q"]) == 0
    assert signal.getsignal(signal.SIGTERM) is before
