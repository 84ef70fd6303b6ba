"""All rule patterns in one RE2 set: one linear-time pass per line tells which rules can match.

Calling each rule's regex on each line costs a Python-to-C round trip per rule;
an ``re2.Set`` answers for every pattern at once, and the individual regex runs
only on the rare lines the set says match (to capture a metadata value).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import re2

from cleaner.engine.packs import Rule, re2_options


class PatternSet:
    """Which rules' patterns occur in a line, in one call."""

    __slots__ = ("_ids", "_set")

    def __init__(self, rules: Sequence[Rule]) -> None:
        with_pattern = [r for r in rules if r.pattern_source is not None]
        self._ids: tuple[str, ...] = tuple(r.id for r in with_pattern)
        self._set: Any = None
        if with_pattern:
            self._set = re2.Set.SearchSet(re2_options())
            for rule in with_pattern:
                self._set.Add(rule.pattern_source)
            self._set.Compile()

    def hits(self, text: str) -> frozenset[str]:
        """Ids of the rules whose pattern is found in ``text``."""
        if self._set is None:
            return frozenset()
        found = self._set.Match(text)
        return frozenset(self._ids[i] for i in found) if found else frozenset()
