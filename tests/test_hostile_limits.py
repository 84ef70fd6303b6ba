"""The limits of issue 8 (max_input_bytes, max_line_chars, max_html_depth, max_html_nodes) and the known
traps of the stack, each with a test: a Result with a warning, or one clear error, never a silent loss."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleaner
from cleaner.config import Config
from cleaner.errors import LimitExceeded, RulePackError
from tests.hostile import generate
from tests.hostile.harness import CLEANER, REPO

PARA = generate.PARA
LATE = generate.LATE


def _timed(c: cleaner.Cleaner, content: str | bytes, kind: str = "auto") -> tuple[cleaner.Result, float]:
    start = time.perf_counter()
    result = c.clean(content, kind=kind)  # type: ignore[arg-type]
    return result, time.perf_counter() - start


def test_long_prose_line_is_kept_whole_with_a_warning() -> None:
    c = cleaner.Cleaner(config=Config(max_line_chars=2_000))
    line = (PARA + " ") * 200  # 20,000 characters on one line
    result = c.clean(f"Menu\nHome\n{line}\nShare this\n", kind="text")
    assert line.strip() in result.text
    assert any("max_line_chars=2000" in w for w in result.warnings)


def test_long_line_in_html_is_kept_whole_with_a_warning() -> None:
    c = cleaner.Cleaner(config=Config(max_line_chars=2_000))
    result = c.clean(f"<html><body><article><p>{(PARA + ' ') * 100}</p></article></body></html>", kind="html")
    assert result.text.count("harbour master") == 100
    assert any("max_line_chars" in w for w in result.warnings)


def test_lines_under_the_limit_give_no_warning() -> None:
    assert not any("max_line_chars" in w for w in cleaner.clean(PARA + "\n" + PARA).warnings)


@pytest.mark.parametrize("kind", ["text", "html"])
def test_input_over_max_input_bytes_is_a_clear_error(kind: str) -> None:
    c = cleaner.Cleaner(config=Config(max_input_bytes=1_000))
    with pytest.raises(LimitExceeded, match="max_input_bytes"):
        c.clean(("<p>" + PARA + "</p>") * 50, kind=kind)  # type: ignore[arg-type]
    with pytest.raises(LimitExceeded, match="max_input_bytes"):
        c.clean((PARA * 50).encode(), kind=kind)  # type: ignore[arg-type]


def test_tree_over_max_html_nodes_is_a_clear_error() -> None:
    c = cleaner.Cleaner(config=Config(max_html_nodes=500))
    with pytest.raises(LimitExceeded, match="max_html_nodes"):
        c.clean("<html><body>" + "<p>x</p>" * 1_000 + "</body></html>", kind="html")


def test_tree_over_max_html_depth_keeps_the_text_with_a_warning() -> None:
    c = cleaner.Cleaner(config=Config(max_html_depth=50))
    page = generate._page(f"<p>{PARA}</p>" * 3 + "<div>" * 120 + f"<p>{PARA}</p>" + "</div>" * 120 + f"<p>{LATE}</p>")
    result = c.clean(page, kind="html")
    assert LATE in result.text
    assert any("nested deeper than" in w for w in result.warnings)


def _config_file(tmp: Path, **settings: int) -> Path:
    path = tmp / ".cleaner.toml"
    path.write_text("".join(f"{k.replace('_', '-')} = {v}\n" for k, v in settings.items()), encoding="utf-8")
    return path


def test_cli_limit_is_one_line_and_exit_1(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PARA * 100, encoding="utf-8")
    conf = _config_file(tmp_path, max_input_bytes=1_000)
    proc = subprocess.run([CLEANER, "clean", str(page), "--config", str(conf)], capture_output=True, text=True,
                          timeout=120, cwd=REPO)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "max_input_bytes" in lines[0] and "Traceback" not in proc.stderr


def test_batch_limit_is_an_error_record_and_the_run_goes_on(tmp_path: Path) -> None:
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"id": "big", "text": PARA * 100}) + "\n" + json.dumps({"id": "ok", "text": PARA})
                     + "\n", encoding="utf-8")
    conf = _config_file(tmp_path, max_input_bytes=1_000)
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([CLEANER, "batch", str(jsonl), "-o", str(out), "-j", "1", "-q", "--config", str(conf)],
                          capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["ok"]
    errors = [json.loads(x) for x in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert len(errors) == 1 and "max_input_bytes" in json.dumps(errors[0])


# --- the known traps of the stack (issue 8) ---


def test_lxml_depth_256_stop_does_not_lose_later_paragraphs() -> None:
    """300 unclosed <font> tags: libxml2 stops at depth 256 and silently drops the rest of the page."""
    page = (generate.FILES_DIR / "font-300-unclosed.html").read_bytes()
    result = cleaner.clean(page, kind="html")
    assert LATE in result.text and "harbour master" in result.text


def test_many_sibling_paragraphs_stay_linear_with_a_warning(tmp_path: Path) -> None:
    """trafilatura takes ~9 s on 50,000 sibling <p> and has no timeout in its library: cleaner caps the tree."""
    path = tmp_path / "s.html"
    generate.siblings(50_000)(path)
    result, seconds = _timed(cleaner.Cleaner(), path.read_bytes(), "html")
    assert "49999. " + PARA in result.text
    assert any("trafilatura skipped" in w for w in result.warnings)
    assert seconds < 90


@pytest.mark.slow
def test_single_text_node_over_10_mb_keeps_the_body(tmp_path: Path) -> None:
    """libxml2 refuses a text node over 10 MB without huge_tree; most extractors then return nothing."""
    path = tmp_path / "node.html"
    generate.text_node(11)(path)
    result, _ = _timed(cleaner.Cleaner(), path.read_bytes(), "html")
    assert len(result.text) > 10_000_000 and LATE in result.text
    assert result.warnings


def _evil_pack(tmp: Path, pattern: str) -> Path:
    path = tmp / "evil.toml"
    path.write_text(
        '[pack]\nname = "evil"\nsummary = "A user pack with a hostile pattern."\n\n'
        f'[[rule]]\nid = "EVL001"\nname = "hostile"\nsummary = "Hostile pattern."\naction = "drop"\n'
        f"pattern = '{pattern}'\n\n"
        '[[rule.example]]\nexpect = "drop"\ntext = "aaaaaaaa"\n\n'
        f'[[rule.example]]\nexpect = "keep"\ntext = "{PARA}"\n',
        encoding="utf-8",
    )
    return path


def test_catastrophic_backtracking_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    """``^(a+)+$`` takes seconds on 25 characters in Python's re; RE2 runs it in linear time."""
    c = cleaner.Cleaner(rules=str(_evil_pack(tmp_path, "^(a+)+$")))
    doc = "\n".join(["a" * 50_000 + "!", PARA, "a" * 5_000 + "!", "a" * 30])
    result, seconds = _timed(c, doc, "text")
    assert PARA in result.text and seconds < 30
    assert any(r.rule == "EVL001" for r in result.removed)


@pytest.mark.parametrize("pattern", [r"(a)\1+", r"(?=a)a", r"(?<=a)b"])
def test_patterns_re2_cannot_run_are_rejected_at_load(tmp_path: Path, pattern: str) -> None:
    with pytest.raises(RulePackError, match="EVL001"):
        cleaner.Cleaner(rules=str(_evil_pack(tmp_path, pattern)))


def test_cli_reports_a_rejected_pattern_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PARA, encoding="utf-8")
    proc = subprocess.run([CLEANER, "clean", str(page), "--rules", str(_evil_pack(tmp_path, r"(a)\1")), "--isolated"],
                          capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1 and "EVL001" in proc.stderr


def test_fuzz_targets_import(tmp_path: Path) -> None:
    """The fuzz harness runs one input without atheris (its check function is plain Python)."""
    sys.path.insert(0, str(REPO / "fuzz"))
    try:
        from _common import check  # type: ignore[import-not-found]

        for name in ("fuzz-html-control-char.html", "font-300-unclosed.html"):
            check((generate.FILES_DIR / name).read_bytes(), "html")
        check(b"\x00\xff<p>a\x0c", "text")
    finally:
        sys.path.remove(str(REPO / "fuzz"))
