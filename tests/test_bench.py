"""The benchmark face: C4 rules, metric wiring and end-to-end runs on a few real pages."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner.bench import cli
from cleaner.bench.c4 import c4_filter, count_sentences
from cleaner.bench.data import data_candidates, find_data_dir
from cleaner.bench.metrics import Scorer, page_precision_recall, unmatched_spans
from cleaner.bench.progress import Progress
from cleaner.bench.report import worst_pages
from cleaner.bench.systems import guess_language, lines_as_html, run_system
from cleaner.errors import InputError
from cleaner.model import Result

try:
    DATA: Path | None = find_data_dir()
except InputError:
    DATA = None
needs_data = pytest.mark.skipif(DATA is None, reason="../shared/bench not present")

ARTICLE = (
    "The council met on Tuesday to discuss the new budget. It approved the plan after a long debate.\n"
    "Members said the vote was close and that more work remains to be done.\n"
)


def _keep_everything(content: str | bytes, **kw: Any) -> Result:
    return Result(text=content if isinstance(content, str) else content.decode("utf-8", "replace"))


# ------------------------------------------------------------------- C4 rules
def test_c4_keeps_sentences_and_drops_menu_lines() -> None:
    page = "Home\nNews | Sport\n" + ARTICLE + "Share this\n"
    r = c4_filter(page)
    assert r.text == ARTICLE.strip()
    assert r.kept_lines == 2 and r.page_reason is None
    assert r.line_reasons["no_endmark"] == 3


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Only four words here.", "too_short"),
        ("Please enable JavaScript in your browser to continue.", "javascript"),
        ("By using this site you agree to our Terms of Use.", "policy"),
        ("We use cookies to improve your experience on this site.", "policy"),
        ("And then the story went on and on...", "no_endmark"),
        ("A line that ends without any terminal punctuation mark", "no_endmark"),
        ("A word " + "x" * 1001 + " that is far too long.", "too_long_word"),
    ],
)
def test_c4_line_rules(line: str, reason: str) -> None:
    r = c4_filter(ARTICLE + line + "\n")
    assert r.text == ARTICLE.strip()
    assert r.line_reasons[reason] == 1


def test_c4_end_quote_counts_as_terminal() -> None:
    line = 'She said it was "the best day of the year"'
    assert line in c4_filter(ARTICLE + line + '"\n').text


def test_c4_removes_citation_markers() -> None:
    r = c4_filter(ARTICLE + "The river is the longest in the region.[1]\n")
    assert r.text.endswith("The river is the longest in the region.")


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "loremipsum"),
        ("The function returns { a value } when it is called.", "squigglybracket"),
    ],
)
def test_c4_page_rules(extra: str, reason: str) -> None:
    r = c4_filter(ARTICLE + extra + "\n")
    assert r.text == "" and r.page_reason == reason


def test_c4_page_needs_three_sentences() -> None:
    assert c4_filter("This is the only sentence on the page.\n").page_reason == "too_few_sentences"
    assert c4_filter("One sentence is here now. Two sentences are here now. Three of them.\n").page_reason is None


def test_count_sentences() -> None:
    assert count_sentences("One is here. Two is here! Three? Yes.") == 4
    assert count_sentences("It costs 3.5 dollars, e.g. cheap.") == 1
    assert count_sentences("") == 0


# -------------------------------------------------------------------- metrics
@needs_data
def test_shingle_metric_known_values() -> None:
    assert DATA is not None
    sc = Scorer(DATA)
    recs = [{"id": "a", "expected": "a b c d e"}, {"id": "b", "expected": "one two three four"}]
    outs = ["a b c d x", ""]
    counts = [sc.doc_counts(r, o) for r, o in zip(recs, outs, strict=True)]
    assert counts[0] == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    s = sc.aggregate(recs, outs, counts)
    assert (s.precision, s.recall) == pytest.approx((0.5, 0.25))
    assert s.f1 == pytest.approx(1 / 3)
    assert s.accuracy == 0.0
    assert page_precision_recall(recs[1], counts[1]) == (None, 0.0)
    exact = sc.aggregate(recs[:1], ["a, b. c d e!"], [sc.doc_counts(recs[0], "a, b. c d e!")])
    assert (exact.f1, exact.accuracy) == (1.0, 1.0)


@needs_data
def test_snippet_metric_known_values() -> None:
    assert DATA is not None
    sc = Scorer(DATA)
    rec = {"id": "t", "with": ["alpha beta", "gamma"], "without": ["menu"]}
    c = sc.doc_counts(rec, "alpha   beta\nmenu")
    assert c == (1, 1, 1, 0)
    s = sc.aggregate([rec], ["alpha   beta\nmenu"], [c])
    assert (s.f1, s.precision, s.recall) == pytest.approx((0.5, 0.5, 0.5))
    assert s.accuracy == pytest.approx(1 / 3)


def test_unmatched_spans() -> None:
    ref = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"]
    assert unmatched_spans(ref, ref[:5]) == ["over the lazy dog"]
    assert unmatched_spans(ref[:5], ref) == []
    changed = [*ref[:4], "cat", *ref[5:]]
    assert unmatched_spans(ref, changed) == ["jumps"]
    assert unmatched_spans(["a", "b"], []) == ["a b"]


def test_worst_pages_skips_perfect_and_undefined() -> None:
    from cleaner.bench.metrics import PageScore

    pages = [
        PageScore({"id": "p"}, "", (0.0, 0.0, 1.0), None, 0.0),
        PageScore({"id": "q"}, "", (0.5, 0.0, 0.5), 1.0, 0.5),
        PageScore({"id": "r"}, "", (1.0, 0.0, 0.0), 1.0, 1.0),
    ]
    assert [p.record["id"] for p in worst_pages(pages, 5, by="recall")] == ["p", "q"]
    assert worst_pages(pages, 5, by="precision") == []


# -------------------------------------------------------------------- systems
def test_guess_language_and_html_wrapping() -> None:
    german = "Die Regierung hat am Dienstag beschlossen, dass die Steuern nicht erhöht werden und der Plan gilt."
    assert guess_language(german) == "German"
    assert guess_language("the cat sat on the mat and it was happy") == "English"
    assert lines_as_html("a < b\n\nc").count("<p>") == 2
    assert "a &lt; b" in lines_as_html("a < b")


def test_run_system_counts_errors() -> None:
    def fn(x: str) -> str:
        if x == "bad":
            raise NotImplementedError("not yet")
        return x.upper()

    run = run_system("sys", fn, ["a", "bad", "c"])
    assert run.outputs == ("A", "", "C")
    assert run.errors == 1 and run.error_index == (1,)
    assert run.first_error == "NotImplementedError: not yet"
    assert run.error_of(1) == "NotImplementedError: not yet" and run.error_of(0) is None


def test_progress_is_silent_off_tty() -> None:
    buf = io.StringIO()
    with Progress("x", 3, stream=buf) as bar:
        bar.advance(3)
    assert buf.getvalue() == ""


# ---------------------------------------------------------------- data and CLI
def test_missing_data_dir_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["text", "--data", str(tmp_path / "nope")]) == 1
    assert "benchmark data not found" in capsys.readouterr().err


def test_env_variable_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLEANER_BENCH_DATA", str(tmp_path))
    assert data_candidates() == [tmp_path]
    assert data_candidates("x") == [Path("x")]


def test_no_subcommand_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "text" in capsys.readouterr().err


@needs_data
def test_text_end_to_end_with_stub(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(cleaner, "clean", _keep_everything)
    preds = tmp_path / "preds.jsonl"
    assert cli.main(["text", "--limit", "2", "--baselines", "--worst", "1", "--save", str(preds)]) == 0
    out = capsys.readouterr().out
    assert "## zyte" in out and "## trafilatura" in out
    pooled = [line for line in out.splitlines() if line.startswith("| pooled | ")]
    assert len(pooled) == 10  # 5 systems x 2 sets
    # the stub keeps everything, so its scores equal the keep-everything baseline's
    mine = [r.split("|")[3:] for r in pooled if r.startswith("| pooled | cleaner |")]
    keep = [r.split("|")[3:] for r in pooled if r.startswith("| pooled | keep-everything |")]
    assert mine == keep
    assert "worst recall" in out and "worst precision" in out
    saved = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines()]
    assert len(saved) == 12 and {"id", "style", "text"} <= set(saved[0])


@needs_data
def test_text_end_to_end_real_cleaner(capsys: pytest.CaptureFixture[str]) -> None:
    from cleaner.cli.main import main as cleaner_main

    assert cleaner_main(["bench", "text", "--limit", "1", "--set", "zyte", "--style", "inscriptis"]) == 0
    out = capsys.readouterr().out
    assert "| pooled | cleaner | 1 |" in out and "cleaner: 1 docs" in out and ", 0 errors" in out


@needs_data
def test_html_end_to_end_counts_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken(content: str | bytes, **kw: Any) -> Result:
        raise NotImplementedError("html path not written yet")

    monkeypatch.setattr(cleaner, "clean", broken)
    assert cli.main(["html", "--limit", "1", "--worst", "1", "--save", str(tmp_path / "p.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "| cleaner | 1 | 0.000 ± 0.000 |" in out
    assert "2 errors (first: NotImplementedError: html path not written yet)" in out
    assert "       error: NotImplementedError: html path not written yet" in out
    assert (tmp_path / "p.zyte.jsonl").is_file() and (tmp_path / "p.trafilatura.jsonl").is_file()


@needs_data
def test_speed_end_to_end(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cleaner, "clean", _keep_everything)
    assert cli.main(["speed", "--limit", "1", "--rounds", "1", "--set", "zyte", "--memory"]) == 0
    out = capsys.readouterr().out
    assert "ratio cleaner/c4 (MB/s)" in out and "peak RSS" in out
    assert cli.main(["speed", "--html", "--limit", "1", "--rounds", "1", "--set", "zyte", "--check"]) in (0, 1)
    assert "ratio cleaner/trafilatura (docs/s)" in capsys.readouterr().out


@needs_data
def test_guard_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["guard", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "# pre-commit guard on 6 text records" in out
    assert "| all | 6 |" in out and "stopped at 0.2" in out


@needs_data
def test_settle_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["settle", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "on 6 text records" in out and "| cleanings | 1 | 2 | 3 | 4 | more |" in out
    assert "| zyte | 3 |" in out and "| trafilatura | 3 |" in out
