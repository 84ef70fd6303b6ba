"""The safety invariants of cleaning, stated once as code.

1. **Body kept**: every body paragraph appears in the output, whitespace-normalised and in order.
2. **Idempotent**: cleaning the rendered output (``Result.to_text()``) again gives the same title and body.
3. **Nothing invented**: every output paragraph is an input line, or input lines in input order joined
   with one space by the documented join repair (the earlier line does not end a sentence, or the
   later one starts with closing punctuation), and the output paragraphs use the input lines in
   input order.

The property suite (``tests/property``) checks these on generated pages; with the environment variable
``CLEANER_DEBUG_INVARIANTS=1`` the pipeline checks them on every document it cleans and raises
``InvariantViolation`` when one fails. Each ``check_*`` function returns a list of human-readable
problems (empty when the invariant holds), so tests can show all of them at once.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from cleaner.adapters.text import normalise_newlines

if TYPE_CHECKING:
    from cleaner.engine.catalogue import Catalogue
    from cleaner.model import Result

DEBUG_ENV = "CLEANER_DEBUG_INVARIANTS"
MAX_TRACE_LINES = 20_000
"""Documents with more non-blank lines than this are not traced in debug mode (the trace is quadratic)."""

# The join repair (cleaner.segment, cleaner.repairs) may join a line to the one before it only when
# that one does not end a sentence or clause, or when the line starts with closing punctuation (a
# converter put "," or "?" on its own line). Stated here on its own, not imported from the engine,
# so a broken repair cannot also break its own check.
_ENDS_CLAUSE = re.compile(r"[.!?…。！？:;|][\"'”’»)\]]*$")
_STARTS_CLOSING = re.compile(r"^[,.;:!?)\]}»”’%]")
_SPACE = re.compile(r"\s+")
_checking: ContextVar[bool] = ContextVar("cleaner_invariants_checking", default=False)


class InvariantViolation(AssertionError):
    """A cleaning invariant does not hold: a bug in the engine, never a problem with the input."""


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


def input_lines(text: str) -> list[str]:
    """The input as the engine segments it: normalised line breaks, no BOM, stripped lines (blank ones kept)."""
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    return [line.strip() for line in text.split("\n")]


def output_paragraphs(body: str) -> list[str]:
    """The paragraphs of ``Result.text`` (separated by blank lines)."""
    return [p for p in body.split("\n\n") if p.strip()]


def check_body_kept(paragraphs: Sequence[str], body: str) -> list[str]:
    """Each of ``paragraphs`` occurs in ``body`` whitespace-normalised, in order, on word boundaries.

    A paragraph may sit inside a longer output paragraph (the join repair); it may not be cut.
    """
    flat = normalise_space(body)
    problems: list[str] = []
    pos = 0
    for i, para in enumerate(paragraphs):
        want = normalise_space(para)
        if not want:
            continue
        at = _find_on_boundaries(flat, want, pos)
        if at < 0:
            where = "out of order" if _find_on_boundaries(flat, want, 0) >= 0 else "missing"
            problems.append(f"body paragraph {i} {where}: {_short(want)}")
            continue
        pos = at + len(want)
    return problems


def _find_on_boundaries(haystack: str, needle: str, start: int) -> int:
    at = haystack.find(needle, start)
    while at >= 0:
        end = at + len(needle)
        if (at == 0 or haystack[at - 1] == " ") and (end == len(haystack) or haystack[end] == " "):
            return at
        at = haystack.find(needle, at + 1)
    return -1


def _index_lines(lines: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
    """Non-blank input lines by their first word: (line, line number) in input order."""
    index: dict[str, list[tuple[str, int]]] = {}
    for n, line in enumerate(lines):
        if line:
            index.setdefault(line.split(" ", 1)[0], []).append((line, n))
    return index


def trace_lines(source: str, body: str) -> list[list[int]] | None:
    """For every output paragraph, the 0-based input line numbers it is made of; None if one can't be traced.

    Lines must be used in increasing order across the whole output (the body keeps input order); a
    paragraph made of several lines must be those lines joined with single spaces.
    """
    index = _index_lines(input_lines(source))
    traced: list[list[int]] = []
    last = -1
    for para in output_paragraphs(body):
        parts = _trace_paragraph(para, index, last)
        if parts is None:
            return None
        traced.append(parts)
        last = parts[-1]
    return traced


def _trace_paragraph(para: str, index: dict[str, list[tuple[str, int]]], after: int) -> list[int] | None:
    """The earliest-ending chain of input lines (all after line ``after``) whose space-join is ``para``."""
    # best[pos] = the chain covering para[:pos] that ends on the smallest line number; a smaller last
    # line leaves more room for the rest, so keeping one chain per position is exact.
    best: dict[int, list[int]] = {0: []}
    for start in [0] + [m.end() for m in re.finditer(" ", para)]:
        chain = best.get(start)
        if chain is None:
            continue
        prev = chain[-1] if chain else after
        first_word = para[start:].split(" ", 1)[0]
        for line, n in index.get(first_word, ()):
            end = start + len(line)
            if n <= prev or not para.startswith(line, start) or (end < len(para) and para[end] != " "):
                continue
            nxt = end + 1 if end < len(para) else end
            if nxt not in best or best[nxt][-1] > n:
                best[nxt] = [*chain, n]
    return best.get(len(para))


def check_nothing_invented(source: str, body: str) -> list[str]:
    """Every output paragraph is an input line or an in-order join of input lines made by the join repair."""
    traced = trace_lines(source, body)
    if traced is None:
        bad = _first_untraceable(source, body)
        return [f"output paragraph is not an input line or a join of input lines: {_short(bad)}"]
    lines = input_lines(source)
    problems = []
    for parts in traced:
        for a, b in itertools.pairwise(parts):
            if _ENDS_CLAUSE.search(lines[a]) and not _STARTS_CLOSING.match(lines[b]):
                problems.append(f"joined after a line that ends a sentence: {_short(lines[a])} + {_short(lines[b])}")
    return problems


def _first_untraceable(source: str, body: str) -> str:
    index = _index_lines(input_lines(source))
    for para in output_paragraphs(body):
        if _trace_paragraph(para, index, -1) is None:
            return para
    return "(paragraphs are all input text, but out of input order)"


def check_idempotent(first: Result, again: Result) -> list[str]:
    """Cleaning the output again changed neither the title nor the body."""
    problems = []
    if again.title != first.title:
        problems.append(f"title changed on re-cleaning: {first.title!r} -> {again.title!r}")
    if again.text != first.text:
        lost = [p for p in output_paragraphs(first.text) if p not in output_paragraphs(again.text)]
        detail = f"; lost {_short(lost[0])}" if lost else ""
        problems.append(f"body changed on re-cleaning{detail}")
    return problems


def _short(text: str, limit: int = 100) -> str:
    text = normalise_space(text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def debug_enabled() -> bool:
    """True when ``CLEANER_DEBUG_INVARIANTS`` is set to something other than empty or ``0``."""
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


@contextmanager
def _nested() -> Iterator[None]:
    token = _checking.set(True)
    try:
        yield
    finally:
        _checking.reset(token)


def debug_check(source: str, catalogue: Catalogue, result: Result) -> Result:
    """In debug mode, raise ``InvariantViolation`` unless ``result`` keeps the invariants; return it unchanged.

    The body the engine itself marked as kept (``Result.segments`` with role ``body``) must reach the
    text, nothing may be invented, and (for text input) cleaning the output again must give the same
    title and body.
    """
    if not debug_enabled() or _checking.get():
        return result
    kept = [s.text for s in result.segments if s.kept]
    problems = check_body_kept(kept, result.text)
    if sum(1 for line in input_lines(source) if line) <= MAX_TRACE_LINES:
        problems += check_nothing_invented(source, result.text)
    if result.kind == "text":  # HTML metadata (the title) comes from markup the re-cleaned text no longer has
        from cleaner.pipeline import clean_text  # the pipeline imports this module

        with _nested():
            again = clean_text(result.to_text(), catalogue)
        problems += check_idempotent(result, again)
    if problems:
        raise InvariantViolation("cleaning invariants violated:\n- " + "\n- ".join(problems))
    return result
