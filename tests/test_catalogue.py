"""Tests of the rule catalogue itself: ids, summaries, examples, features, docs."""

from __future__ import annotations

import re
from pathlib import Path

from cleaner.engine.catalogue import builtin_rules_dir
from cleaner.engine.packs import load_pack, pack_files
from cleaner.features import FEATURES
from tests.conftest import full_catalogue

ROOT = Path(__file__).resolve().parents[1]
ID_SHAPE = re.compile(r"^[A-Z]{3}\d{3}$")


def test_ids_unique_and_shaped() -> None:
    ids = [r.id for r in full_catalogue().rules]
    assert len(ids) == len(set(ids))
    assert all(ID_SHAPE.match(i) for i in ids), ids


def test_ids_share_a_prefix_per_pack() -> None:
    for path in pack_files(builtin_rules_dir()):
        prefixes = {r.id[:3] for r in load_pack(path).rules}
        assert len(prefixes) == 1, f"{path.name}: rule ids mix prefixes {prefixes}"


def test_summaries_are_one_line() -> None:
    for rule in full_catalogue().rules:
        assert rule.summary and "\n" not in rule.summary and len(rule.summary) <= 120, rule.id


MAX_PROGRAM_SIZE = 60_000
"""RE2 instructions one rule's pattern may compile to (the largest is about 50,000 now)."""


def test_patterns_compile_small() -> None:
    """No pattern bounds a repeat of a Unicode class by a large count ('[\\pL ]{1,40}').

    RE2 writes such a repeat out once per count, in every byte form of the class: LNK001's
    '{1,40}' headers made it 600,000 instructions, and the rule packs then took a second to
    compile and 110 MB more memory on every run of the CLI and the pre-commit hooks. A rule's
    word limit ('words <= 12') bounds a header as well, for nothing: use '+' under it.
    """
    for rule in full_catalogue().rules:
        if rule.pattern is not None:
            assert rule.pattern.programsize <= MAX_PROGRAM_SIZE, (rule.id, rule.pattern.programsize)


def test_every_rule_has_both_kinds_of_example() -> None:
    for rule in full_catalogue().rules:
        kinds = {e.expect for e in rule.examples}
        assert "keep" in kinds and kinds & {"drop", "extract"}, rule.id


def test_conditions_name_real_features() -> None:
    for rule in full_catalogue().rules:
        for cond in (*rule.when, *(c for group in rule.items for c in group)):
            assert cond.feature in FEATURES, (rule.id, cond.feature)


def test_docs_list_every_rule() -> None:
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [r.id for r in full_catalogue().rules if r.id not in doc]
    assert not missing, f"docs/rules.md does not list {missing}; run `make docs`"


def test_site_packs_are_off_by_default() -> None:
    for path in pack_files(builtin_rules_dir()):
        pack = load_pack(path)
        if path.name.startswith("site-"):
            assert not pack.default, f"{path.name} is a site pack and must be off by default"
