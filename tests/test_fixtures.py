"""Every ``fixtures/<case>/`` folder: the input must clean to ``expected.txt`` (and ``expected.json``).

Regenerate with ``make fixtures`` and review the diff by hand.
"""

from __future__ import annotations

import json

import pytest

import cleaner
from tests.fixture_cases import Case, cases, expected_meta


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_fixture(case: Case) -> None:
    result = case.run()
    expected = (case.folder / "expected.txt").read_text(encoding="utf-8")
    assert result.text.split("\n") == expected.rstrip("\n").split("\n") if expected.strip() else result.text == ""
    meta_file = case.folder / "expected.json"
    if meta_file.exists():
        want = json.loads(meta_file.read_text(encoding="utf-8"))
        got = expected_meta(result)
        assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_fixture_idempotent(case: Case) -> None:
    first = case.run()
    if case.kind == "html":
        pytest.skip("idempotence of HTML is checked on its text output")
    again = cleaner.clean(first.to_text(), kind="text")
    assert (again.title, again.text) == (first.title, first.text)
