"""Unmarked list items after a lead line: kept while they share one shape, and only then."""

from __future__ import annotations

from pathlib import Path

import cleaner
from cleaner.engine.lists import item_shape

FIXTURE = Path(__file__).parent.parent / "fixtures" / "list-after-lead-unmarked" / "input.txt"


def test_item_shape_is_kinds_and_separators() -> None:
    assert item_shape("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL") == (("word", "number"), {"--"})
    assert item_shape("Aug. 8 -- Casino Amphitheatre - Chicago, IL") == (("word", "number"), {"--", "-"})
    assert item_shape("200 g Zucker") == (("number", "word"), frozenset())


def test_uninformative_shapes_are_no_list() -> None:
    assert item_shape("Jobs in Dessau") is None  # two words and no separator: any short line looks so
    assert item_shape("June 9") is None  # fewer than three words
    assert item_shape("1. Startseite der Region") is None  # numbered: the marked-list pass follows it
    assert item_shape("* August 2011 archive") is None  # bulleted: likewise


def test_tour_dates_after_lead_stay() -> None:
    out = cleaner.clean(FIXTURE.read_text(encoding="utf-8"), kind="text").text
    assert "June 9 -- Coral Sky Amphitheatre" in out
    assert "Aug. 30 -- Pepsi Center, Denver, CO" in out
    assert "Privacy Policy" not in out


def test_two_lines_after_lead_are_no_list() -> None:
    # Only MIN_UNMARKED_ITEMS lines of one shape make a list: two dated footer lines after the
    # lead stay as the layout rules left them.
    text = FIXTURE.read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index("June 10 -- Credit Union Amphitheatre, Tampa, FL")
    short = "\n".join(lines[:start] + lines[start + 5 :]) + "\n"
    with_list = {s.text for s in cleaner.clean(text, kind="text").segments if s.role == "body"}
    without = {s.text for s in cleaner.clean(short, kind="text").segments if s.role == "body"}
    assert "Aug. 30 -- Pepsi Center, Denver, CO" in with_list
    assert "Aug. 30 -- Pepsi Center, Denver, CO" not in without
