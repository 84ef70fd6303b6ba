"""Known engine issues the property suite finds and no small fix closes yet.

Each one has a fixture folder (``fixtures/<name>/``) whose expected output is what a careful human
would keep; ``test_known_issue_fixtures`` runs those as strict xfails, so a fix turns them into
errors that ask for the entry to be deleted. The property tests match a failing example against
these narrow predicates: a match is counted and, once the whole run is done, the test reports
xfail naming the fixture; any other failure fails the test at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cleaner.model import Result
from tests.property.pages import Page


@dataclass(frozen=True)
class KnownIssue:
    """One open engine issue: its fixture, why it is open, and which failures it explains."""

    fixture: str
    reason: str
    matches: Callable[[Page, Result, list[str]], bool]


KNOWN_ISSUES: tuple[KnownIssue, ...] = ()  # none open; prop-html-masthead was fixed (fixtures/prop-html-masthead)


def known_issue(page: Page, result: Result, problems: list[str]) -> KnownIssue | None:
    """The known issue that explains all of ``problems``, if any."""
    return next((k for k in KNOWN_ISSUES if k.matches(page, result, problems)), None)
