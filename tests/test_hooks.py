"""The pre-commit hooks called directly, as pre-commit-hooks tests its hooks: ``main(argv) -> int``."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from cleaner.api import Cleaner
from cleaner.hooks import cleaner_check, cleaner_fix, runner
from cleaner.hooks.guard import measure_prose_loss, prose_flags
from cleaner.model import Result

BODY = [
    "The city council voted on Tuesday to approve a new budget for public parks, the first increase in a decade.",
    "Council members said the budget would pay for new playgrounds, better lighting and more staff in the parks.",
    "Residents who spoke at the meeting mostly welcomed the plan, although some asked for more spending in the north.",
    "The mayor said that work on the first of the new playgrounds would begin in the spring, weather permitting.",
]
TITLE = "City council approves new budget for public parks"
NO_THE = "Council members said a budget would pay for new playgrounds, better lighting and more staff in parks."
"""A prose line the over-broad rule below leaves alone."""
GUARDED = "\n".join([TITLE, *BODY, NO_THE]) + "\n"
DIRTY = "\n".join([TITLE, *BODY, "Newspapers in English", "Newspapers from United States"]) + "\n"
FINDING = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<code>[A-Z]+\d*) (?P<message>.+)$")

OVERBROAD_PACK = """\
[pack]
name = "overbroad"

[[rule]]
id = "BAD001"
summary = "A careless rule that removes every sentence with 'the' in it."
action = "drop"
strength = "strong"
pattern = '(?i)\\bthe\\b'

[[rule.example]]
expect = "drop"
text = "The end."

[[rule.example]]
expect = "keep"
text = "Body."
"""


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def findings(out: str) -> list[re.Match[str]]:
    """Every output line, each of which must have the ``path:line: CODE message`` shape."""
    matches = [FINDING.match(line) for line in out.splitlines() if line.strip()]
    assert all(matches), out
    return [m for m in matches if m]


@pytest.fixture(autouse=True)
def _isolated_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()  # config discovery stops here
    monkeypatch.chdir(tmp_path)


def test_fix_rewrites_then_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "doc.txt", DIRTY)
    assert cleaner_fix.main(["doc.txt"]) == 1
    expected = Cleaner().clean(DIRTY, kind="text").to_text()
    assert doc.read_text(encoding="utf-8") == expected
    assert "Newspapers in English" not in expected and BODY[-1] in expected
    lines = findings(capsys.readouterr().out)
    assert lines[0]["code"] == "FIX" and lines[0]["path"] == "doc.txt"
    assert any(m["code"] not in ("FIX", "GUARD", "ERROR") and m["line"] == "6" for m in lines)
    before = doc.stat().st_mtime_ns
    assert cleaner_fix.main(["doc.txt"]) == 0
    assert capsys.readouterr().out == ""
    assert doc.stat().st_mtime_ns == before


def test_check_reports_rule_ids_and_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "doc.txt", DIRTY)
    assert cleaner_check.main(["doc.txt"]) == 1
    lines = findings(capsys.readouterr().out)
    assert [(m["path"], m["line"]) for m in lines] == [("doc.txt", "6")]  # the footer; not the title or body
    assert re.fullmatch(r"[A-Z]{3}\d{3}", lines[0]["code"])
    assert "Newspapers in English" in lines[0]["message"]
    assert doc.read_text(encoding="utf-8") == DIRTY


def test_check_passes_clean_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "doc.txt", Cleaner().clean(DIRTY, kind="text").to_text())
    write(tmp_path / "empty.txt", "")
    assert cleaner_check.main(["doc.txt", "empty.txt"]) == 0
    assert capsys.readouterr().out == ""


def test_guard_refuses_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "rules" / "overbroad.toml", OVERBROAD_PACK)
    doc = write(tmp_path / "doc.txt", GUARDED)
    assert cleaner_fix.main(["--rules", "rules", "doc.txt"]) == 1
    assert doc.read_text(encoding="utf-8") == GUARDED
    lines = findings(capsys.readouterr().out)
    guard = [m for m in lines if m["code"] == "GUARD"]
    assert len(guard) == 1
    assert "remove 4 of 5 prose-like lines (80% > guard 20%); not rewritten" in guard[0]["message"]  # BODY, not NO_THE
    assert guard[0]["line"] == "2"  # the first prose line it would lose
    assert "BAD001" in {m["code"] for m in lines}
    # A person who accepts the loss raises the threshold for this run:
    assert cleaner_fix.main(["--rules", "rules", "--guard-prose-share", "1", "doc.txt"]) == 1
    fixed = doc.read_text(encoding="utf-8")
    assert NO_THE in fixed and BODY[0] not in fixed


def test_guard_threshold_from_config_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "rules" / "overbroad.toml", OVERBROAD_PACK)
    write(tmp_path / "pyproject.toml", '[tool.cleaner]\nrules = ["rules"]\nguard-prose-share = 0.6\n')
    doc = write(tmp_path / "corpus" / "doc.txt", f"{BODY[0]}\n{NO_THE}\n")  # loses 1 of 2 prose lines: 50%
    assert cleaner_fix.main([str(doc)]) == 1
    assert "FIX" in capsys.readouterr().out
    assert doc.read_text(encoding="utf-8").strip() == NO_THE


def test_guard_refuses_to_empty_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Newspapers in English\nNewspapers from United States\n"
    doc = write(tmp_path / "footer.txt", text)
    assert Cleaner().clean(text, kind="text").text == ""
    assert cleaner_fix.main(["footer.txt"]) == 1
    assert "GUARD cleaning would leave no body text" in capsys.readouterr().out
    assert doc.read_text() == text


def test_html_is_checked_never_rewritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"<html><head><title>{TITLE}</title></head><body><nav><a href='/'>Home</a></nav><article><h1>{TITLE}</h1>{paras}</article></body></html>"
    doc = write(tmp_path / "page.html", html)
    code = cleaner_fix.main(["page.html"])
    assert doc.read_text(encoding="utf-8") == html
    out = capsys.readouterr().out
    assert "FIX" not in out
    assert code == (1 if out else 0)


def test_a_failing_file_is_left_alone_and_the_rest_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = write(tmp_path / "bad.txt", DIRTY)
    good = write(tmp_path / "good.txt", DIRTY)
    real = Cleaner.clean

    def flaky(self: Cleaner, content: str | bytes, **kw: object) -> Result:
        if isinstance(content, str) and content == DIRTY and "bad" in flaky.current:  # type: ignore[attr-defined]
            raise RuntimeError("engine exploded\nwith a second line")
        return real(self, content, **kw)  # type: ignore[arg-type]

    original_process = runner.FileCleaner.process

    def process(self: runner.FileCleaner, path: str, *, fix: bool) -> runner.FileOutcome:
        flaky.current = path  # type: ignore[attr-defined]
        return original_process(self, path, fix=fix)

    monkeypatch.setattr(Cleaner, "clean", flaky)
    monkeypatch.setattr(runner.FileCleaner, "process", process)
    assert cleaner_fix.main(["bad.txt", "good.txt"]) == 1
    lines = findings(capsys.readouterr().out)
    errors = [m for m in lines if m["code"] == "ERROR"]
    assert [m["path"] for m in errors] == ["bad.txt"]
    assert "RuntimeError: engine exploded with a second line" in errors[0]["message"]
    assert bad.read_text(encoding="utf-8") == DIRTY
    assert good.read_text(encoding="utf-8") != DIRTY


def test_not_idempotent_cleaning_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    class Shrinking:
        """Drops the first line every time: honest text, but never a fixed point."""

        def clean(self, content: str | bytes, *, kind: str = "auto") -> Result:
            text = content if isinstance(content, str) else content.decode()
            return Result(text="\n\n".join([line for line in text.split("\n") if line.strip()][1:]))

    doc = write(tmp_path / "doc.txt", DIRTY)
    files = runner.FileCleaner(runner.ConfigResolver())
    files._cleaners[files.resolver.config_for(doc)] = Shrinking()  # type: ignore[assignment]
    outcome = files.process(str(doc), fix=True)
    assert outcome.status == "error" and "not idempotent" in outcome.findings[0].message
    assert doc.read_text(encoding="utf-8") == DIRTY


def test_line_endings_bom_and_permissions_are_kept(tmp_path: Path) -> None:
    crlf = write(tmp_path / "crlf.txt", DIRTY.replace("\n", "\r\n").encode())
    bom = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + DIRTY.encode())
    os.chmod(crlf, 0o640)
    assert cleaner_fix.main(["crlf.txt", "bom.txt"]) == 1
    data = crlf.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert stat.S_IMODE(crlf.stat().st_mode) == 0o640
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf")
    assert cleaner_fix.main(["crlf.txt", "bom.txt"]) == 0


def test_non_utf8_text_is_never_rewritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = DIRTY.replace("decade", "d\xe9cade").encode("cp1252")
    doc = write(tmp_path / "latin.txt", raw)
    assert cleaner_fix.main(["latin.txt"]) == 1
    assert doc.read_bytes() == raw
    assert "not UTF-8" in capsys.readouterr().out


def test_config_disable_and_file_patterns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "doc.txt", DIRTY)
    assert cleaner_check.main(["doc.txt"]) == 1
    (rule,) = {m["code"] for m in findings(capsys.readouterr().out)}
    write(tmp_path / ".cleaner.toml", f'disable = ["{rule}"]\n')
    cleaner_check.main(["doc.txt"])
    assert rule not in capsys.readouterr().out
    assert cleaner_check.main(["--isolated", "doc.txt"]) == 1
    assert rule in capsys.readouterr().out
    write(tmp_path / ".cleaner.toml", 'file-patterns = ["corpus/*.txt"]\n')
    assert cleaner_fix.main(["doc.txt"]) == 0  # outside the configured patterns: skipped
    assert doc.read_text(encoding="utf-8") == DIRTY


def test_bad_config_is_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / ".cleaner.toml", "colour = 'red'\n")
    write(tmp_path / "doc.txt", DIRTY)
    assert cleaner_check.main(["doc.txt"]) == 2
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1 and "unknown setting 'colour'" in out


def test_missing_file_is_an_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cleaner_check.main(["nope.txt"]) == 1
    (m,) = findings(capsys.readouterr().out)
    assert m["code"] == "ERROR" and m["path"] == "nope.txt"


def test_prose_loss_measure() -> None:
    text = "\n".join([TITLE, *BODY, "Home | News"])
    assert prose_flags([TITLE, *BODY, "Home | News"]) == [False, True, True, True, True, False]
    result = Cleaner().clean(text, kind="text")
    loss = measure_prose_loss(text, result)
    assert loss.prose_lines == 4 and loss.lost_prose_lines == 0 and not loss.exceeds(0.2)


def test_layout_only_rewrite_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = Cleaner().clean(DIRTY, kind="text").to_text()
    doc = write(tmp_path / "doc.txt", clean.rstrip("\n"))  # the same text without its final newline
    assert cleaner_check.main(["doc.txt"]) == 0
    assert cleaner_fix.main(["doc.txt"]) == 1
    assert "layout only" in capsys.readouterr().out
    assert doc.read_text(encoding="utf-8") == clean


def test_invented_text_is_never_written(tmp_path: Path) -> None:
    class Inventing:
        def clean(self, content: str | bytes, *, kind: str = "auto") -> Result:
            return Result(text="A sentence that was never in the file, made up by a broken repair.")

    doc = write(tmp_path / "doc.txt", DIRTY)
    files = runner.FileCleaner(runner.ConfigResolver())
    files._cleaners[files.resolver.config_for(doc)] = Inventing()  # type: ignore[assignment]
    outcome = files.process(str(doc), fix=True)
    assert outcome.status == "error" and "nothing invented" in outcome.findings[0].message
    assert doc.read_text(encoding="utf-8") == DIRTY
