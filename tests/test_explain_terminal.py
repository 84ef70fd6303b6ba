"""The terminal ``--explain`` view renders ``Result.segments``: every removed line marked with its rule id."""

from __future__ import annotations

import io

from cleaner.explain.terminal import color_enabled, render_terminal, sanitize
from cleaner.model import Result, Segment

SEGMENTS = (
    Segment("Current:Home > Contact", 1, 1, "removed", "NAV001", "breadcrumb navigation"),
    Segment("Putin focuses on trade", 2, 2, "title"),
    Segment("View\nShare", 3, 4, "removed", "BTN002", "button label"),
    Segment("Date:2025-04-13", 5, 5, "date"),
    Segment("BEIJING (AP) — Russian President Vladimir Putin focused on trade.", 7, 7, "body"),
    Segment("Second paragraph.", 9, 9, "body"),
)
RESULT = Result(text="", title="Putin focuses on trade", date="2025-04-13", segments=SEGMENTS)


def _rows(text: str) -> dict[int, str]:
    rows: dict[int, str] = {}
    for line in text.splitlines():
        head = line.split("|", 1)[0].split()
        if head and head[0].isdigit():
            rows[int(head[0])] = line
    return rows


def test_plain_view_marks_every_removed_line_with_its_rule() -> None:
    out = render_terminal(RESULT, color=False)
    assert "\x1b" not in out
    rows = _rows(out)
    assert rows[1].split("|")[0].split() == ["1", "-", "NAV001"]
    assert rows[3].split("|")[0].split() == ["3", "-", "BTN002"]
    assert rows[4].split("|")[0].split() == ["4", "-", "BTN002"]
    assert rows[4].endswith("| Share")
    assert rows[2].split("|")[0].split() == ["2", "T", "title"]
    assert rows[5].split("|")[0].split() == ["5", "D", "date"]


def test_kept_lines_and_blank_lines_are_unmarked_and_in_order() -> None:
    rows = _rows(render_terminal(RESULT, color=False))
    assert sorted(rows) == list(range(1, 10))
    assert rows[7].split("|")[0].split() == ["7"]
    assert rows[7].endswith("| " + SEGMENTS[4].text)
    assert rows[6].split("|")[0].split() == ["6"]


def test_legend_gives_each_rule_its_reason_and_the_metadata() -> None:
    out = render_terminal(RESULT, color=False)
    legend = out.split("\n\n")[-1]
    assert "removed 3 lines by 2 rules:" in legend
    assert any(line.split()[0] == "BTN002" and line.endswith("button label") for line in legend.splitlines()
               if line.startswith("  "))
    assert "title: Putin focuses on trade" in legend
    assert "date: 2025-04-13" in legend
    assert "author: -" in legend


def test_colour_view_strikes_removed_text_and_keeps_body_plain() -> None:
    out = render_terminal(RESULT, color=True)
    assert "\x1b[2;9mCurrent:Home > Contact\x1b[0m" in out
    body_row = next(line for line in out.splitlines() if SEGMENTS[4].text in line)
    assert "\x1b[2;9m" not in body_row
    assert body_row.endswith(" " + SEGMENTS[4].text)


def test_escape_sequences_in_the_document_are_shown_not_obeyed() -> None:
    evil = Segment("hi \x1b]0;pwned\x07 \u202eevil", 1, 1, "body")
    out = render_terminal(Result(text="", segments=(evil,)), color=True)
    assert "\x1b]0" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07" in out and "\\u202e" in out
    assert sanitize("tab\tkept") == "tab\tkept"


def test_joined_multiline_block_numbers_its_first_line() -> None:
    seg = Segment("one line joined from three", 4, 6, "removed", "X001", "why")
    rows = _rows(render_terminal(Result(text="", segments=(seg,)), color=False))
    assert list(rows) == [4]


def test_no_segments() -> None:
    assert render_terminal(Result(text="x"), color=False) == "(no segments to explain)\n"


def test_color_enabled_follows_tty_and_no_color() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert color_enabled(Tty(), environ={})
    assert not color_enabled(Tty(), environ={"NO_COLOR": "1"})
    assert not color_enabled(Tty(), environ={"TERM": "dumb"})
    assert not color_enabled(io.StringIO(), environ={})
    assert not color_enabled(None, environ={})
