"""Cleaning the cleaned text again until it no longer changes: the fixer's ``settle`` setting.

The fixer writes a file only when it is a fixed point, or the next commit would change it again.
Once a page's menus are gone the article region can move, and a second cleaning takes more: 16%
of the text benchmark's 1,806 raw dev pages change again. By default the fixer leaves such a
file untouched and says so; with ``settle`` it cleans the text again, up to
``SETTLE_MAX_PASSES`` cleanings in all, and writes the text that no longer changes (all but four
of the dev pages settle within four: ``python -m cleaner.bench settle``). Every later pass is an
ordinary cleaning, with its rule ids in the report; the guard counts the prose all of them take.
They judge a page without its menus, though, and take some body the first pass kept
(docs/corpus.md, "When a file does not settle"), so settling is a choice, not the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleaner.model import Result

if TYPE_CHECKING:
    from cleaner.api import Cleaner

SETTLE_MAX_PASSES = 4
"""The most cleanings the fixer runs on one file with ``settle`` on (the first one included)."""


@dataclass(frozen=True, slots=True)
class Passes:
    """The cleanings of one file in a row: each pass's input text and its result."""

    inputs: tuple[str, ...]
    results: tuple[Result, ...]
    settled: bool
    """True when cleaning the last result's text changes nothing."""

    @property
    def text(self) -> str:
        """What the fixer writes: the last pass's title, blank line and body."""
        return self.results[-1].to_text()


def clean_until_settled(cleaner: Cleaner, text: str, first: Result, max_passes: int) -> Passes:
    """Clean ``first``'s text (the cleaning of ``text``) again until it no longer changes.

    At most ``max_passes`` cleanings in all; with 1 this only checks that a second cleaning
    would change nothing.
    """
    inputs, results = [text], [first]
    current = first.to_text()
    while True:
        again = cleaner.clean(current, kind="text")
        if again.to_text() == current:
            return Passes(tuple(inputs), tuple(results), settled=True)
        if len(results) >= max_passes:
            return Passes(tuple(inputs), tuple(results), settled=False)
        inputs.append(current)
        results.append(again)
        current = again.to_text()


def line_in(original: str, removed: str) -> int:
    """Where a later pass's removed segment stands in the file: the 1-based line its first line is on.

    The body is only cut, so the line is there as it was; a paragraph the first pass rejoined from
    a column break is not, and then the finding points at line 1.
    """
    first = removed.strip().split("\n", 1)[0].strip()
    lines = (line.strip() for line in original.split("\n"))
    return next((n for n, line in enumerate(lines, 1) if first and line == first), 1)
