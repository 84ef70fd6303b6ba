"""Shared pytest setup: every rule example becomes its own test with a readable id (``LNK001[drop-1]``)."""

from __future__ import annotations

import pytest

from cleaner.config import Config
from cleaner.engine.catalogue import builtin_rules_dir, load_catalogue
from cleaner.engine.packs import load_pack, pack_files


def full_catalogue():  # type: ignore[no-untyped-def]
    """Every built-in pack, including the off-by-default ones."""
    names = tuple(load_pack(p).name for p in pack_files(builtin_rules_dir()))
    return load_catalogue(Config(enable_packs=names))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "rule_example" in metafunc.fixturenames:
        catalogue = full_catalogue()
        params, ids = [], []
        for rule in catalogue.rules:
            for i, ex in enumerate(rule.examples, start=1):
                params.append((rule.id, i))
                ids.append(f"{rule.id}[{ex.expect}-{i}]")
        metafunc.parametrize("rule_example", params, ids=ids)
