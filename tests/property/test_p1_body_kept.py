"""Property 1, body kept: every generated body paragraph appears in ``Result.text``, whitespace-normalised, in order."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.invariants import check_body_kept
from tests.property.checks import Triage, clean_html_page, clean_page
from tests.property.conftest import examples
from tests.property.pages import HTML_STYLES, Page, any_pages
from tests.property.prose import Story, credit_chunks, prose_paragraphs, stories, titles


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


FOOTERS = ("Newspapers in English", "Terms of Service", "Contact us", "About")


@settings(max_examples=examples(0.5))
@given(story=stories(lang="en"), data=st.data())
def _credit_kept(story: Story, data: st.DataObject, triage: Triage) -> None:
    """The wire credit closing an article survives the footer rules that claim short lines after the body.

    Body protection (BDY001) is what keeps 'Reporting by ...; Editing by ...' here: MST004 alone
    would take it (a short line without a full stop after the last paragraph).
    """
    title = data.draw(titles(story), label="title")
    paragraphs = [data.draw(prose_paragraphs(story), label="prose") for _ in range(2)]
    assume(paragraphs[0].lines != paragraphs[1].lines)  # a paragraph printed twice is kept once (STR006)
    credit = data.draw(credit_chunks(story), label="credit")
    footer = data.draw(st.lists(st.sampled_from(FOOTERS), min_size=1, max_size=3, unique=True), label="footer")
    body = [line for chunk in (*paragraphs, credit) for line in chunk.lines]
    result = cleaner.clean("\n".join([title, *body, *footer]), kind="text")
    problems = check_body_kept(body, result.text)
    if problems:
        raise AssertionError("\n".join(problems) + "\n\n" + result.text)
    triage.examples += 1


def test_credit_after_body_kept() -> None:
    triage = Triage()
    _credit_kept(triage=triage)
    triage.finish()
