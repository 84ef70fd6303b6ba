"""Property 6, nothing invented: every output paragraph is an input line or a join of input lines.

Joins are the documented repair only: input lines in input order, one space between them, and only
where the earlier line does not end a sentence (or the later one starts with closing punctuation).
Checked on generated pages and on arbitrary line soup.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.invariants import check_nothing_invented
from tests.property.checks import Triage, clean_page
from tests.property.conftest import examples
from tests.property.pages import Page, any_pages
from tests.property.soup import line_soup


@settings(max_examples=examples())
@given(page=any_pages())
def _nothing_invented(page: Page, triage: Triage) -> None:
    result = clean_page(page)
    triage.check(page, result, check_nothing_invented(page.render(), result.text))


def test_nothing_invented_on_pages() -> None:
    triage = Triage()
    _nothing_invented(triage=triage)
    triage.finish()


@settings(max_examples=examples())
@given(st.one_of(line_soup(), st.text()))
def test_nothing_invented_on_soup(text: str) -> None:
    result = cleaner.clean(text, kind="text")
    problems = check_nothing_invented(text, result.text)
    assert not problems, f"{problems}\ninput: {text!r}\noutput: {result.text!r}"
