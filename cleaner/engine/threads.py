"""The thread pass: a page's reader comments, from their first mark to the end of the page.

A comment thread is prose, often more of it than the article, so neither the region nor the
prose test can tell it from the body; its marks can: a count header ('34 responses to
“Title”') and one line per commenter ('thelastchargersfan says:'). A rule with
``action = "drop-thread"`` matches such a mark. One mark proves nothing (an article may print
'The mayor says:'), so the pass acts only on the page's last run of marks (a count header and
one more mark, or three commenter lines), below the article's prose and in the page's lower
part, unless the run is full (a count header and three commenter lines, or six commenter
lines). It removes everything from the run's start (its count header, else its first mark) to
the end: below a thread come only its reply form and the page footer (fixture comment-thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from cleaner.engine.packs import Rule
from cleaner.engine.work import Hits, Work
from cleaner.feature_table import FeatureTable
from cleaner.model import Block

COUNT_HEADER_NAME = "comment-count-header"
"""The name of the rule whose mark is the thread's count header (a thread starts there)."""

MIN_COMMENTER_MARKS = 3
"""Commenter lines needed to believe a thread that has no count header."""
MAX_MARK_GAP = 12
"""Blocks between two marks of one thread (a comment is a few paragraphs at most).

Only the blocks earlier passes kept count: a comment's date line and 'Reply' prompt, already
removed, would otherwise hold two marks apart on the page and not in its cleaned text, and
cleaning the cleaned text would find the thread the first cleaning missed."""
MIN_THREAD_START = 0.3
"""A thread starts in the lower part of the page: below this share of the blocks that stayed.

Counted like ``MAX_MARK_GAP``: a long menu above and a long footer below move a thread's place
on the page, not in its cleaned text. A full thread (``_is_full``) needs no such place: five
comments under a one-paragraph post fill most of the page
(test_a_full_thread_under_a_one_paragraph_post)."""
LONG_THREAD_MARKS = 6
"""Commenter lines that make a thread full without a count header: ninety comments under an
article start well above the page's lower part, and cleaning the cleaned text (the page without
its menus) would find them there."""
MIN_PROSE_ABOVE = 1
"""Prose blocks of the article that must come before the thread's first mark."""
_CLOSING_QUOTES = frozenset("”“\"»«’‘\'")
"""How a count header quoting the post's title ends ('… on “Title”', '… zu „Title“', '… sur « Title »')."""


def thread_pass(
    blocks: Sequence[Block], table: FeatureTable, rules: Sequence[Rule], work: list[Work], hits: Hits
) -> None:
    """Remove a confirmed comment thread: its first mark and every block after it."""
    if not rules:
        return
    marks: list[_Mark] = []
    kept = 0  # blocks earlier passes kept, before this one (see MAX_MARK_GAP)
    for i, b in enumerate(blocks):
        rule = next((r for r in rules if r.matches(b.text, table.values[i], hits[i])), None)
        if rule is not None:
            marks.append(_Mark(i, kept, rule))
        if work[i].role == "body":
            kept += 1
    run = _last_run(marks)
    start = _thread_start(run, blocks)
    if start is None:
        return
    first, rule = start.block, start.rule
    above = zip(table.values[:first], work[:first], strict=True)
    prose_above = sum(1 for f, w in above if f["prose"] and w.role == "body")
    if prose_above < MIN_PROSE_ABOVE or (start.kept_before < MIN_THREAD_START * kept and not _is_full(run)):
        return
    for w in work[first:]:
        if w.role == "body":
            w.role, w.rule = "removed", rule


class _Mark(NamedTuple):
    """A block a drop-thread rule matched."""

    block: int
    kept_before: int
    """Blocks earlier passes kept above it: where it sits in the text cleaning leaves."""
    rule: Rule


def _last_run(marks: Sequence[_Mark]) -> Sequence[_Mark]:
    """The page's last run of marks at most ``MAX_MARK_GAP`` blocks apart: its thread, if it has one.

    A comment longer than the gap splits a thread in two; a run above it of ``MIN_COMMENTER_MARKS``
    marks or more is a thread on its own and joins it, as a second cleaning (whose blocks are
    fewer) would find it joined.
    """
    runs: list[list[_Mark]] = []
    for m in marks:
        if runs and m.kept_before - runs[-1][-1].kept_before <= MAX_MARK_GAP:
            runs[-1].append(m)
        else:
            runs.append([m])
    if not runs:
        return []
    run = runs.pop()
    while runs and len(runs[-1]) >= MIN_COMMENTER_MARKS:
        run = runs.pop() + run
    return run


def _is_full(run: Sequence[_Mark]) -> bool:
    """A count header and ``MIN_COMMENTER_MARKS`` commenter lines below it, or ``LONG_THREAD_MARKS`` of them."""
    headers = [i for i, m in enumerate(run) if _is_header(m.rule)]
    if headers:
        return len(run) - headers[0] - 1 >= MIN_COMMENTER_MARKS
    return len(run) >= LONG_THREAD_MARKS


def _thread_start(run: Sequence[_Mark], blocks: Sequence[Block]) -> _Mark | None:
    """The first mark of a run: its count header if it has one, else its first commenter line.

    A name line above the count header ('The mayor says:' in the article) is not part of the
    thread (fixture comment-thread). A count header with no other mark starts a thread when it
    ends on the quoted title of the post ('6 thoughts on “How to Adopt a Mindset”', whose
    commenters' names carry no 'says:'); a sentence ('Two responses to the plan came from the
    school board.') or a subhead ('Three thoughts on the budget') does not.
    """
    if not run:
        return None
    headers = [m for m in run if _is_header(m.rule)]
    if headers:
        quoted = blocks[headers[0].block].text.rstrip()[-1:] in _CLOSING_QUOTES
        return headers[0] if len(run) >= 2 or quoted else None
    return run[0] if len(run) >= MIN_COMMENTER_MARKS else None


def _is_header(rule: Rule) -> bool:
    return rule.name == COUNT_HEADER_NAME
