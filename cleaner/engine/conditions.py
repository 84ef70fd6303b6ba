"""Feature conditions: the tiny language of a rule's ``when`` and ``items`` lists.

A condition is ``"<feature> <op> <number>"`` with op one of < <= > >= == !=,
for example ``"words <= 12"`` or ``"prose == 0"``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cleaner.features import FEATURES

OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
}
_SYNTAX = re.compile(r"^\s*([a-z_]+)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True, slots=True)
class Condition:
    """One comparison of a block feature with a number."""

    feature: str
    op: str
    value: float

    def holds(self, features: dict[str, float]) -> bool:
        """Evaluate against a block's features."""
        return OPS[self.op](features[self.feature], self.value)

    def __str__(self) -> str:
        return f"{self.feature} {self.op} {self.value:g}"


Test = Callable[[dict[str, float]], bool]


def compile_groups(groups: Sequence[Sequence[Condition]]) -> Test:
    """One function for "any group holds, where a group holds when all its conditions do".

    The engine asks this of every block for every condition-only rule, so it is one generated
    expression (``f['words'] <= 12.0 and f['prose'] == 0.0``) rather than a call per condition.
    Generating it is safe: a feature name is a known identifier, an op one of ``OPS`` and a value a
    float, all checked by ``parse_condition``.
    """
    terms = [" and ".join(f"f[{c.feature!r}] {c.op} {c.value!r}" for c in group) or "True" for group in groups]
    source = " or ".join(f"({t})" for t in terms) or "False"
    test: Test = eval(f"lambda f: {source}", {"__builtins__": {}})  # noqa: S307 - checked terms, see above
    return test


def compile_conditions(conditions: Sequence[Condition]) -> Test:
    """One function for "every condition holds" (True for none)."""
    return compile_groups([conditions])


def parse_condition(source: object) -> Condition:
    """Parse ``"feature op number"``; raise ValueError naming what is wrong."""
    if not isinstance(source, str):
        raise ValueError(f"condition must be a string like 'words <= 12', not {source!r}")
    m = _SYNTAX.match(source)
    if not m:
        raise ValueError(f"bad condition {source!r}: expected '<feature> <op> <number>'")
    feature, op, value = m.groups()
    if feature not in FEATURES:
        raise ValueError(f"condition {source!r} names unknown feature {feature!r}")
    return Condition(feature, op, float(value))
