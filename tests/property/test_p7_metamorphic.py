"""Property 7, metamorphic: adding boilerplate around a page, or removing some, never changes its body.

The headline is metadata, not body: when the title search misses it, whether the bare headline line
stays or goes may depend on the boilerplate around it. That is the title's stability, which
property 3 checks; here a paragraph equal to the page's headline is left out of the comparison.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.invariants import normalise_space
from tests.property.checks import Triage, clean_page
from tests.property.conftest import examples
from tests.property.pages import Page, any_pages


def _body(text: str, title: str) -> list[str]:
    return [p for p in text.split("\n\n") if normalise_space(p) != normalise_space(title)]


def _diff(a: list[str], b: list[str]) -> list[str]:
    pa, pb = a, b
    return [f"only without: {normalise_space(p)[:100]!r}" for p in pa if p not in pb] + [
        f"only with: {normalise_space(p)[:100]!r}" for p in pb if p not in pa
    ]


@settings(max_examples=examples())
@given(page=any_pages())
def _adding(page: Page, triage: Triage) -> None:
    bare = clean_page(page.bare())
    full = clean_page(page)
    with_bp, without = _body(full.text, page.title), _body(bare.text, page.title)
    triage.check(page, full, _diff(without, with_bp) if with_bp != without else [], "body changed when boilerplate was added:")


@settings(max_examples=examples())
@given(page=any_pages(), data=st.data())
def _removing(page: Page, data: st.DataObject, triage: Triage) -> None:
    keep = data.draw(st.lists(st.booleans(), min_size=len(page.chunks), max_size=len(page.chunks)), label="keep")
    fewer = page.keep_only(lambda i, _c: keep[i])
    full = clean_page(page)
    less = clean_page(fewer)
    more_bp, less_bp = _body(full.text, page.title), _body(less.text, page.title)
    # Show the page on which the text went missing, with its decisions.
    lost_in_full = any(p not in more_bp for p in less_bp)
    shown, result = (page, full) if lost_in_full else (fewer, less)
    problems = _diff(more_bp, less_bp) if less_bp != more_bp else []
    triage.check(shown, result, problems, "body changed when boilerplate was removed:", origin=page)


def test_adding_boilerplate_keeps_body() -> None:
    triage = Triage()
    _adding(triage=triage)
    triage.finish()


def test_removing_boilerplate_keeps_body() -> None:
    triage = Triage()
    _removing(triage=triage)
    triage.finish()
