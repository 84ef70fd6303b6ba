"""The ``cleaner`` CLI called in-process (``main(argv) -> int``) and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "004_3f0df3139474a3af.txt"


def test_clean_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Putin focuses on trade")
    assert "veryGood" not in out


def test_clean_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["date"] == "2025-04-13T22:27:44"
    assert any(r["rule"] == "LNK001" for r in data["removed"])


def test_explain_marks_rule_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "LNK001" in out and "WID001" in out and "\x1b[" not in out


def test_output_file_and_disable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    assert main(["clean", str(SEED), "-o", str(out), "--format", "json"]) == 0
    assert capsys.readouterr().out == ""
    assert any(r["rule"] == "WID001" for r in json.loads(out.read_text(encoding="utf-8"))["removed"])
    assert main(["clean", str(SEED), "-o", str(out), "--format", "json", "--disable", "WID001"]) == 0
    assert not any(r["rule"] == "WID001" for r in json.loads(out.read_text(encoding="utf-8"))["removed"])


def test_missing_file_one_line_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "no/such/file.txt", str(SEED)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == ["cleaner: error: no/such/file.txt: no such file"]
    assert "Putin" in captured.out  # the other file was still cleaned


def test_directory_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path)]) == 1
    assert "is a directory" in capsys.readouterr().err


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["clean", "--format", "yaml", str(SEED)])
    assert info.value.code == 2
    assert main([]) == 2


def test_empty_file_empty_result(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["clean", str(empty)]) == 0
    assert capsys.readouterr().out == ""


def test_bad_rule_pack_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.toml").write_text("[[rule]]\nid = 'X'\n", encoding="utf-8")
    assert main(["clean", str(SEED), "--rules", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.toml" in err[0] and "X" in err[0]


def test_rules_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "list"]) == 0
    assert "LNK001" in capsys.readouterr().out
    assert main(["rules", "show", "LNK001"]) == 0
    assert "drop-section" in capsys.readouterr().out
    assert main(["rules", "show", "NOPE99"]) == 1
    assert main(["rules", "test"]) == 0
    assert " 0 failed" in capsys.readouterr().out


def test_subprocess_stdin_and_module_entry() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-", "--format", "json"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"].startswith("Putin focuses")


def test_binary_garbage_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 50 + b"\x00" * 5000)
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(junk), "--kind", "text"],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith(f"cleaner: error: {junk}:")
