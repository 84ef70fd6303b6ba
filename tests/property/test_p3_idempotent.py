"""Property 3, idempotent: cleaning ``Result.to_text()`` again gives the same body and title."""

from __future__ import annotations

from hypothesis import given, settings

import cleaner
from cleaner.invariants import check_idempotent
from tests.property.checks import Triage, clean_page
from tests.property.conftest import examples
from tests.property.pages import Page, any_pages


@settings(max_examples=examples())
@given(page=any_pages())
def _idempotent(page: Page, triage: Triage) -> None:
    first = clean_page(page)
    again = cleaner.clean(first.to_text(), kind="text")
    triage.check(page, first, check_idempotent(first, again))


def test_idempotent() -> None:
    triage = Triage()
    _idempotent(triage=triage)
    triage.finish()
