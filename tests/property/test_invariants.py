"""The invariants module itself (``cleaner/invariants.py``) and the pipeline's debug mode that asserts it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import cleaner
import cleaner.pipeline
from cleaner.invariants import (
    DEBUG_ENV,
    InvariantViolation,
    check_body_kept,
    check_idempotent,
    check_nothing_invented,
    trace_lines,
)
from cleaner.model import Result
from tests.property.checks import Triage
from tests.property.conftest import examples
from tests.property.pages import Page, pages

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def test_body_kept_in_order_on_word_boundaries() -> None:
    body = "First paragraph here.\n\nSecond one, which was split across lines."
    assert check_body_kept(["First paragraph here.", "Second one, which was split\n across lines."], body) == []
    assert check_body_kept(["Second one,", "First paragraph here."], body) == [
        "body paragraph 1 out of order: 'First paragraph here.'"
    ]
    assert check_body_kept(["paragraph"], "paragraphs") == ["body paragraph 0 missing: 'paragraph'"]


def test_trace_and_joins() -> None:
    source = "Title\nSuch a trip “will\n ?? caption\ndemonstrate the strength of ties.\nNext one."
    assert trace_lines(source, "Such a trip “will demonstrate the strength of ties.\n\nNext one.") == [[1, 3], [4]]
    assert check_nothing_invented(source, "Such a trip “will demonstrate the strength of ties.") == []
    assert check_nothing_invented(source, "Next one.\n\nTitle") != []  # out of input order
    assert check_nothing_invented(source, "Such a trip") != []  # a cut line is invented text
    joined = check_nothing_invented("He left.\neBay said so.", "He left. eBay said so.")
    assert joined and "joined after a line that ends a sentence" in joined[0]
    assert check_nothing_invented("The mayor\n, said Smith.", "The mayor , said Smith.") == []


def test_idempotent_check() -> None:
    a = Result(text="Body.", title="T")
    assert check_idempotent(a, Result(text="Body.", title="T")) == []
    assert len(check_idempotent(a, Result(text="Other.", title=None))) == 2


def test_debug_mode_passes_on_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DEBUG_ENV, "1")
    for seed in SEEDS:
        assert cleaner.clean(seed.read_bytes(), kind="text").text


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(lambda ds: [(p + " (invented)", parts) for p, parts in _orig(ds)], id="invented-text"),
        pytest.param(lambda ds: _orig(ds)[:-1], id="kept-block-lost"),
    ],
)
def test_debug_mode_catches_a_broken_pipeline(monkeypatch: pytest.MonkeyPatch, broken: Any) -> None:
    monkeypatch.setenv(DEBUG_ENV, "1")
    monkeypatch.setattr(cleaner.pipeline, "body_paragraphs", broken)
    with pytest.raises(InvariantViolation):
        cleaner.clean(SEEDS[0].read_bytes(), kind="text")


def test_debug_mode_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DEBUG_ENV, raising=False)
    monkeypatch.setattr(cleaner.pipeline, "body_paragraphs", lambda ds: [("invented", [])])
    assert cleaner.clean("Some text that is long enough to be a paragraph of prose, he said.").text == "invented"


def _orig(decisions: Any) -> Any:
    from cleaner.repairs import body_paragraphs

    return body_paragraphs(decisions)


@settings(max_examples=examples(0.25))
@given(page=pages())
def _debug_mode_on_pages(page: Page, triage: Triage) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DEBUG_ENV, "1")
        try:
            cleaner.clean(page.render(), kind="text")
        except InvariantViolation as violation:
            problems = [line[2:] for line in str(violation).splitlines() if line.startswith("- ")]
            mp.delenv(DEBUG_ENV)
            triage.check(page, cleaner.clean(page.render(), kind="text"), problems)


def test_debug_mode_on_generated_pages() -> None:
    triage = Triage()
    _debug_mode_on_pages(triage=triage)
    triage.finish()
