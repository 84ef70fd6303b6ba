"""Known engine issues the property suite finds and no small fix closes yet.

Each one has a fixture folder (``fixtures/<name>/``) whose expected output is what a careful human
would keep; ``test_known_issue_fixtures`` runs those as strict xfails, so a fix turns them into
errors that ask for the entry to be deleted. The property tests match a failing example against
these narrow predicates: a match is counted and, once the whole run is done, the test reports
xfail naming the fixture; any other failure fails the test at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cleaner.features import count_sentences
from cleaner.invariants import normalise_space
from cleaner.model import Result
from tests.property.pages import Page


@dataclass(frozen=True)
class KnownIssue:
    """One open engine issue: its fixture, why it is open, and which failures it explains."""

    fixture: str
    reason: str
    matches: Callable[[Page, Result, list[str]], bool]


_QUOTED = re.compile(r"^(?:link-farm \(LNK001\) kept|only with|only without): (['\"])(.*)\1$")


def _teaser_shares_a_word(page: Page, result: Result, problems: list[str]) -> bool:
    """A farm's teaser of two or more sentences went back to the body (it shares a word with the article)."""
    teasers = [
        normalise_space(line)
        for chunk in page.chunks
        if chunk.family == "link-farm"
        for line in chunk.lines
        if count_sentences(line) >= 2
    ]
    for problem in problems:
        m = _QUOTED.match(problem)
        quoted = m.group(2).rstrip("…") if m else ""
        if not quoted or not any(t.startswith(quoted) for t in teasers):
            return False
    return bool(problems)


KNOWN_ISSUES: tuple[KnownIssue, ...] = (
    KnownIssue(
        "prop-teaser-shares-a-word",
        "a link farm's teaser of two or more short sentences that shares a word with the article ('Tax filing "
        "opens today. …' and 'filing') goes back to the body: recall first, the give-back can't tell it "
        "from the article's own short paragraph (boilerplate kept, no body lost)",
        _teaser_shares_a_word,
    ),
)


def known_issue(page: Page, result: Result, problems: list[str]) -> KnownIssue | None:
    """The known issue that explains all of ``problems``, if any."""
    return next((k for k in KNOWN_ISSUES if k.matches(page, result, problems)), None)
