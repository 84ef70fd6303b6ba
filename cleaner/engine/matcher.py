"""All rule patterns in two RE2 sets: one linear-time pass per set and line tells which rules can match.

Calling each rule's regex on each line costs a Python-to-C round trip per rule;
an ``re2.Set`` answers for every pattern in it at once, and the individual regex
runs only on the rare lines the set says match (to capture a metadata value).

Patterns anchored at the line start (``^Share this:$``) and unanchored ones
(``all rights reserved``) sit in separate sets. In one set, every unanchored
pattern multiplies the states the combined automaton needs, which overflowed
RE2's state cache and made a set match cost about 5 µs per line on the bench
texts; the anchored set dies after a line's first characters, and the two
together cost about a quarter of that. The grouping only affects speed: the
hits of each pattern are the same whichever set it is in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import re2

from cleaner.engine.packs import Rule, pattern_text, re2_options

_FLAGS = re.compile(r"^\(\?[a-zA-Z]+\)")
_NO_HITS: frozenset[str] = frozenset()
_LIST_MARKS = "*•·+-–"
_LIST_MARK = re.compile(r"[*•·+\-–]\s+(?=\S)")
"""A list item's mark as converters print it ('* ', '- ', '• '): one of ``_LIST_MARKS``, then space."""
MAX_CACHED_COMBINATIONS = 4096
"""Distinct combinations of rule hits kept for reuse; real pages show a few dozen."""


def _has_top_level_alternation(source: str) -> bool:
    """True when ``|`` splits the whole pattern (outside every group and character class)."""
    depth, in_class, i = 0, False, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if source.startswith("]", i + 1) or source.startswith("^]", i + 1):
                i += 2 if source[i + 1] == "]" else 3  # a "]" right after "[" or "[^" is a literal
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def anchored_at_start(source: str) -> bool:
    """True when every match of the pattern starts at the start of the text (``^...`` or ``(?i)^...``).

    A heuristic that may say False for an anchored pattern; it only chooses a pattern's set.
    """
    body = _FLAGS.sub("", source, count=1)
    return body.startswith("^") and not _has_top_level_alternation(body)


def _no_match(data: bytes) -> None:
    return None


def _compile_set(sources: Sequence[str]) -> Callable[[bytes], list[int] | None]:
    """The ``Match`` of an RE2 set of these patterns: indexes of the patterns found, or None."""
    if not sources:
        return _no_match
    pattern_set = re2.Set.SearchSet(re2_options())
    for source in sources:
        pattern_set.Add(source)
    pattern_set.Compile()
    match: Callable[[bytes], list[int] | None] = pattern_set.Match
    return match


class PatternSet:
    """Which rules' patterns occur in a line, in one call."""

    __slots__ = ("_cache", "_ids", "_match_anchored", "_match_other", "_offset")

    def __init__(self, rules: Sequence[Rule]) -> None:
        with_pattern = [r for r in rules if r.pattern_source is not None]
        anchored = [r for r in with_pattern if anchored_at_start(str(r.pattern_source))]
        other = [r for r in with_pattern if not anchored_at_start(str(r.pattern_source))]
        self._ids: tuple[str, ...] = tuple(r.id for r in (*anchored, *other))
        self._offset = len(anchored)
        self._match_anchored = _compile_set([str(r.pattern_source) for r in anchored])
        self._match_other = _compile_set([str(r.pattern_source) for r in other])
        # The few distinct hit combinations, shared: one frozenset per combination, not per line.
        self._cache: dict[tuple[int, ...], frozenset[str]] = {}

    def hits(self, text: str) -> frozenset[str]:
        """Ids of the rules whose pattern is found in ``text``, or in it without a leading list mark.

        A converter prints a menu or a footer as a list ('* Impressum', '+ Next post'): the label
        is the same line the rules know without the mark.
        """
        text = pattern_text(text)
        found = self._hits(text)
        item = _LIST_MARK.match(text) if text[:1] in _LIST_MARKS else None  # most lines: no regex call
        if item is None:
            return found
        inner = self._hits(text[item.end() :])
        return found | inner if found else inner

    def _hits(self, text: str) -> frozenset[str]:
        data = text.encode("utf-8")
        first = self._match_anchored(data)
        more = self._match_other(data)
        if first is None and more is None:
            return _NO_HITS
        key = tuple(sorted([*(first or ()), *(self._offset + i for i in more or ())]))
        ids = self._cache.get(key)
        if ids is None:
            ids = frozenset(self._ids[i] for i in key)
            if len(self._cache) < MAX_CACHED_COMBINATIONS:
                self._cache[key] = ids
        return ids
