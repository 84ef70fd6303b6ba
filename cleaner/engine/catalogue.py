"""The catalogue: every rule pack in force, compiled once, with disabled rules removed."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.config import Config
from cleaner.engine.matcher import PatternSet
from cleaner.engine.packs import Pack, Rule, load_pack, pack_files
from cleaner.errors import RulePackError


def builtin_rules_dir() -> Path:
    """Where the shipped packs live: inside the wheel (``cleaner/packs``) or the repo's ``rules/``."""
    installed = Path(__file__).resolve().parents[1] / "packs"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The rules in force, in pack order, grouped by action for the engine."""

    packs: tuple[Pack, ...]
    rules: tuple[Rule, ...]
    patterns: PatternSet = field(default_factory=lambda: PatternSet(()), compare=False)

    @classmethod
    def build(cls, packs: tuple[Pack, ...], rules: tuple[Rule, ...]) -> Catalogue:
        """A catalogue with its pattern set compiled."""
        return cls(packs, rules, PatternSet(rules))

    def by_id(self, rule_id: str) -> Rule | None:
        """The rule with this id, if it is in force."""
        return self._index().get(rule_id)

    def _index(self) -> dict[str, Rule]:
        return _index_of(self.rules)

    def of_action(self, action: str) -> tuple[Rule, ...]:
        """Rules with the given action, in catalogue order."""
        return tuple(r for r in self.rules if r.action == action)

    def only(self, rule_ids: set[str]) -> Catalogue:
        """A catalogue with just these rules (used to test a rule alone)."""
        return Catalogue.build(self.packs, tuple(r for r in self.rules if r.id in rule_ids))


@functools.lru_cache(maxsize=64)
def _index_of(rules: tuple[Rule, ...]) -> dict[str, Rule]:
    return {r.id: r for r in rules}


@functools.lru_cache(maxsize=256)
def _load_cached(path: str, mtime_ns: int) -> Pack:
    return load_pack(Path(path))


def load_pack_cached(path: Path) -> Pack:
    """Load a pack, reusing the parsed result while the file is unchanged."""
    return _load_cached(str(path.resolve()), path.stat().st_mtime_ns)


def load_catalogue(config: Config) -> Catalogue:
    """Load the built-in packs (default ones, plus those enabled by name) and the user's packs."""
    packs: list[Pack] = []
    if config.builtin_rules:
        for path in pack_files(builtin_rules_dir()):
            pack = load_pack_cached(path)
            if pack.default or pack.name in config.enable_packs:
                packs.append(pack)
    for location in config.rules:
        packs.extend(load_pack_cached(p) for p in pack_files(Path(location)))
    seen: dict[str, str] = {}
    rules: list[Rule] = []
    disabled = set(config.disable)
    for pack in packs:
        for rule in pack.rules:
            if rule.id in seen:
                raise RulePackError(pack.path, f"rule id already defined in {seen[rule.id]}", rule.id)
            seen[rule.id] = pack.path
            if rule.id not in disabled:
                rules.append(rule)
    return Catalogue.build(tuple(packs), tuple(rules))
