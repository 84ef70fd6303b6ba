"""Property 2, boilerplate removed: no injected line of a family the packs claim reaches ``Result.text``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.property.checks import Triage, clean_html_page, clean_page, leaked_boilerplate, leaked_boilerplate_html
from tests.property.conftest import examples
from tests.property.pages import HTML_STYLES, Page, any_pages


@settings(max_examples=examples(2))
@given(page=any_pages())
def _boilerplate_removed(page: Page, triage: Triage) -> None:
    result = clean_page(page)
    triage.check(page, result, leaked_boilerplate(page, result))


def test_boilerplate_removed() -> None:
    triage = Triage()
    _boilerplate_removed(triage=triage)
    triage.finish()


@settings(max_examples=examples(0.5))
@given(page=any_pages(), style=st.sampled_from(HTML_STYLES))
def _boilerplate_removed_html(page: Page, style: str, triage: Triage) -> None:
    result = clean_html_page(page, style)
    triage.check(page, result, leaked_boilerplate_html(page, result), f"HTML ({style})")


def test_boilerplate_removed_html() -> None:
    triage = Triage()
    _boilerplate_removed_html(triage=triage)
    triage.finish()
