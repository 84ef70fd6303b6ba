"""Compiled conditions (``conditions.compile_groups``) answer exactly as evaluating each condition does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.engine.conditions import OPS, Condition, compile_conditions, compile_groups
from cleaner.features import FEATURES

FEATURE_NAMES = sorted(FEATURES)
values = st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.0, 8.0, -1.0])
conditions = st.builds(Condition, st.sampled_from(FEATURE_NAMES), st.sampled_from(sorted(OPS)), values)
groups = st.lists(st.lists(conditions, max_size=4), max_size=3)
feature_values = st.fixed_dictionaries({name: values for name in FEATURE_NAMES})


@given(groups, feature_values)
def test_compiled_groups_agree_with_each_condition(gs: list[list[Condition]], f: dict[str, float]) -> None:
    expected = any(all(c.holds(f) for c in g) for g in gs)
    assert compile_groups(gs)(f) is expected


@given(st.lists(conditions, max_size=5), feature_values)
def test_compiled_conditions_agree_with_each_condition(cs: list[Condition], f: dict[str, float]) -> None:
    assert compile_conditions(cs)(f) is all(c.holds(f) for c in cs)
