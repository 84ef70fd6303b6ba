"""Property 4, total: arbitrary text and arbitrary bytes never raise; ``clean`` returns a ``Result``.

The one documented refusal is pinned, not tolerated blindly: bytes that look binary (a tenth or more
NUL bytes) raise ``InputError``, a ``CleanerError`` the batch runner records per document.
"""

from __future__ import annotations

from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.errors import InputError
from cleaner.model import Result
from tests.property.conftest import examples
from tests.property.pages import Page, pages
from tests.property.soup import line_soup

Kind = Literal["auto", "text", "html"]
KINDS: tuple[Kind, ...] = ("auto", "text", "html")


def _check(result: object, content: str | bytes) -> None:
    assert isinstance(result, Result)
    assert isinstance(result.text, str)
    assert all(isinstance(s.text, str) for s in result.segments)
    assert result.to_text() == "" or result.to_text().endswith("\n")
    if isinstance(content, str) and not content.strip():
        assert result.text == ""


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(0.5))
@given(text=st.one_of(st.text(), line_soup()))
def test_total_on_text(kind: Kind, text: str) -> None:
    _check(cleaner.clean(text, kind=kind), text)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(0.5))
@given(data=st.one_of(st.binary(), line_soup().map(lambda s: s.encode("utf-8", "surrogatepass")), st.text().map(lambda s: s.encode("utf-16"))))
def test_total_on_bytes(kind: Kind, data: bytes) -> None:
    try:
        result = cleaner.clean(data, kind=kind)
    except InputError:
        assert data.count(b"\x00") > len(data) // 10, f"InputError on bytes that don't look binary: {data[:80]!r}"
        return
    _check(result, data)


@settings(max_examples=examples(0.25))
@given(pages(), st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "cp1252")))
def test_total_on_encoded_pages(page: Page, encoding: str) -> None:
    data = page.render().encode(encoding, errors="replace")
    _check(cleaner.clean(data), data)
