"""``cleaner-fix --settle``: a file whose cleaned text would change again is cleaned until it no longer does."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.hooks import cleaner_fix, runner
from cleaner.hooks.guard import ProseLoss, combined_loss
from cleaner.hooks.settle import SETTLE_MAX_PASSES, line_in
from cleaner.model import Result
from tests.test_hooks import findings, write

PARAGRAPH = (
    "The city council voted on Tuesday to approve a new budget that doubles the money set aside for public parks "
    "over the next five years. Council members said the plan would pay for new playgrounds, longer opening hours "
    "at the city's pools and the repair of several footbridges. The mayor called the vote a turning point for the "
    "neighbourhoods that have waited longest for it."
)
QUOTE = "You cannot cross the sea merely by standing and staring at the water (Rabindranath Tagore)"
PROMPT = "Enter your email address to subscribe to this blog and receive notifications of new posts by email."
UNSETTLED = f"{PARAGRAPH}\n{QUOTE}\n{PROMPT}\n"
"""The prompt goes first (PRM002); with it gone the quote stands after the article's last paragraph (STR004)."""


@pytest.fixture(autouse=True)
def _isolated_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()  # config discovery stops here
    monkeypatch.chdir(tmp_path)


def test_the_example_needs_two_cleanings() -> None:
    once = cleaner.clean(UNSETTLED, kind="text").to_text()
    twice = cleaner.clean(once, kind="text")
    assert QUOTE in once and [r.rule for r in twice.removed] == ["STR004"]
    assert cleaner.clean(twice.to_text(), kind="text").to_text() == twice.to_text()


def test_without_settle_the_file_is_left_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "doc.txt", UNSETTLED)
    assert cleaner_fix.main(["doc.txt"]) == 1
    (error,) = findings(capsys.readouterr().out)
    assert error["code"] == "ERROR" and "not idempotent" in error["message"] and "--settle" in error["message"]
    assert doc.read_text(encoding="utf-8") == UNSETTLED


def test_settle_writes_the_text_that_no_longer_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(tmp_path / "doc.txt", UNSETTLED)
    assert cleaner_fix.main(["--settle", "doc.txt"]) == 1
    lines = findings(capsys.readouterr().out)
    assert [m["code"] for m in lines] == ["FIX", "PRM002", "STR004"]
    assert "in 2 cleanings" in lines[0]["message"]
    assert lines[2]["line"] == "2" and "(pass 2)" in lines[2]["message"]  # where the quote is in the file
    assert doc.read_text(encoding="utf-8") == f"{PARAGRAPH}\n"
    assert cleaner_fix.main(["--settle", "doc.txt"]) == 0  # a fixed point: the next commit finds nothing
    assert cleaner_fix.main(["doc.txt"]) == 0


def test_settle_from_the_configuration_file(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", "settle = true\n")
    doc = write(tmp_path / "doc.txt", UNSETTLED)
    assert cleaner_fix.main(["doc.txt"]) == 1
    assert doc.read_text(encoding="utf-8") == f"{PARAGRAPH}\n"


def test_a_file_that_never_settles_is_left_untouched(tmp_path: Path) -> None:
    class Shrinking:
        """Drops the first line every time: honest text, but never a fixed point."""

        def clean(self, content: str | bytes, *, kind: str = "auto") -> Result:
            text = content if isinstance(content, str) else content.decode()
            return Result(text="\n\n".join([line for line in text.split("\n") if line.strip()][1:]))

    text = "".join(f"Line {n} of a file that loses its first line to every cleaning.\n" for n in range(10))
    doc = write(tmp_path / "doc.txt", text)
    files = runner.FileCleaner(runner.ConfigResolver(overrides={"settle": True}))
    files._cleaners[files.resolver.config_for(doc)] = Shrinking()  # type: ignore[assignment]
    outcome = files.process(str(doc), fix=True)
    assert outcome.status == "error"
    assert f"still changes after {SETTLE_MAX_PASSES} cleanings" in outcome.findings[0].message
    assert doc.read_text(encoding="utf-8") == text


def test_the_guard_counts_the_prose_every_cleaning_takes() -> None:
    first = ProseLoss(prose_lines=10, lost_prose_lines=1, lost_lines=(3,), body_left=True)
    second = ProseLoss(prose_lines=9, lost_prose_lines=2, lost_lines=(1, 4), body_left=True)
    both = combined_loss(first, [second], [7, 12])
    assert (both.prose_lines, both.lost_prose_lines, both.lost_lines) == (10, 3, (3, 7, 12))
    assert not first.exceeds(0.2) and both.exceeds(0.2)
    gone = ProseLoss(prose_lines=9, lost_prose_lines=0, lost_lines=(), body_left=False)
    assert not combined_loss(first, [gone], []).body_left


def test_a_later_removal_is_placed_on_its_line_in_the_file() -> None:
    original = "Title\n\nFirst paragraph.\n  A quote (Someone)\nA prompt.\n"
    assert line_in(original, "A quote (Someone)\n") == 4
    assert line_in(original, "Half of a paragraph the first pass rejoined") == 1


def test_help_teaches_settle(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cleaner_fix.main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "--settle" in out and "examples:" in out and "exit codes:" in out and "``" not in out
