"""The open issues the property suite found (``known_issues.py``), each pinned by a fixture in ``known/``.

Every fixture holds what a careful human would keep; it runs as a strict xfail, so the day the engine
is fixed the test errors out: move the folder to ``fixtures/`` and delete the ``KnownIssue`` entry.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner
from tests.property.known_issues import KNOWN_ISSUES

KNOWN = Path(__file__).resolve().parent / "known"


def test_every_known_issue_has_its_fixture() -> None:
    assert sorted(k.fixture for k in KNOWN_ISSUES) == sorted(p.name for p in KNOWN.iterdir() if p.is_dir())


@pytest.mark.parametrize(
    "issue",
    [pytest.param(k, marks=pytest.mark.xfail(reason=k.reason, strict=True), id=k.fixture) for k in KNOWN_ISSUES],
)
def test_known_issue_fixture(issue: object) -> None:
    folder = KNOWN / issue.fixture  # type: ignore[attr-defined]
    source = next(folder.glob("input.*"))
    result = cleaner.clean(source.read_bytes(), kind="html" if source.suffix == ".html" else "text")
    assert result.text == (folder / "expected.txt").read_text(encoding="utf-8").rstrip("\n")
    want = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert {k: getattr(result, k) for k in want} == want
