"""Every example of every rule, run alone and with the whole catalogue (see cleaner/engine/examples.py)."""

from __future__ import annotations

from cleaner.engine.examples import check_example
from tests.conftest import full_catalogue

CATALOGUE = full_catalogue()


def test_rule_example(rule_example: tuple[str, int]) -> None:
    rule_id, index = rule_example
    rule = CATALOGUE.by_id(rule_id)
    assert rule is not None
    failure = check_example(rule, index, rule.examples[index - 1], CATALOGUE)
    assert failure is None, str(failure)
