"""Property 1, body kept: every generated body paragraph appears in ``Result.text``, whitespace-normalised, in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.invariants import check_body_kept
from tests.property.checks import Triage, clean_html_page, clean_page
from tests.property.conftest import examples
from tests.property.pages import HTML_STYLES, Page, any_pages


@settings(max_examples=examples(2))
@given(page=any_pages())
def _body_kept(page: Page, triage: Triage) -> None:
    result = clean_page(page)
    triage.check(page, result, check_body_kept(page.body(), result.text))


def test_body_kept() -> None:
    triage = Triage()
    _body_kept(triage=triage)
    triage.finish()


@settings(max_examples=examples(0.5))
@given(page=any_pages(), style=st.sampled_from(HTML_STYLES))
def _body_kept_html(page: Page, style: str, triage: Triage) -> None:
    result = clean_html_page(page, style)
    triage.check(page, result, check_body_kept(page.body(html=True), result.text), f"HTML ({style})")


def test_body_kept_html() -> None:
    triage = Triage()
    _body_kept_html(triage=triage)
    triage.finish()
