"""Find and read configuration files: ``[tool.cleaner]`` in ``pyproject.toml`` or a ``.cleaner.toml``.

Discovery walks up from each file's directory, as ruff and black do. In each
directory ``.cleaner.toml`` (settings at its top level) wins over
``pyproject.toml`` (settings under ``[tool.cleaner]``); a ``pyproject.toml``
without that table is passed over. The walk stops at the first directory that
holds a configuration, or after the root of the repository (a directory with
``.git`` or ``.hg``), so a corpus never picks up settings from outside itself.

Precedence: defaults, then the file, then command-line options
(``apply_overrides``): scalar options replace the file's value, ``rules`` and
``disable`` from the command line are added to the file's lists.

>>> from pathlib import Path
>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / ".cleaner.toml").write_text("disable = ['LNK001']\\nguard-prose-share = 0.1\\n")
>>> cfg = ConfigResolver().config_for(d / "doc.txt")
>>> cfg.disable, cfg.guard_prose_share
(('LNK001',), 0.1)
"""

from __future__ import annotations

import functools
import logging
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from cleaner.config import Config, config_from_table
from cleaner.errors import ConfigError

__all__ = [
    "CONFIG_FILE_NAMES",
    "ConfigResolver",
    "FoundConfig",
    "apply_overrides",
    "find_config",
    "load_config_file",
    "matches_patterns",
]

log = logging.getLogger(__name__)

DOT_CONFIG_NAME = ".cleaner.toml"
PYPROJECT_NAME = "pyproject.toml"
CONFIG_FILE_NAMES = (DOT_CONFIG_NAME, PYPROJECT_NAME)
"""Looked for in this order in each directory."""
REPO_ROOT_MARKERS = (".git", ".hg")


@dataclass(frozen=True, slots=True)
class FoundConfig:
    """A configuration read from a file: the built ``Config`` and what the file set explicitly."""

    config: Config
    path: Path | None = None
    explicit: frozenset[str] = field(default_factory=frozenset)
    """Config field names the file set (``file-patterns`` becomes ``file_patterns``)."""

    @property
    def base_dir(self) -> Path | None:
        """The directory holding the file: relative paths in it are taken from here."""
        return self.path.parent if self.path else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name == PYPROJECT_NAME:
        table = data.get("tool", {}).get("cleaner")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.cleaner] must be a table")
        return table
    return data


def _explicit_fields(table: dict[str, Any]) -> frozenset[str]:
    return frozenset(key.replace("-", "_") for key in table)


def load_config_file(path: str | Path) -> FoundConfig:
    """Read one configuration file (``.cleaner.toml``, ``pyproject.toml`` or any TOML of settings)."""
    path = Path(path).resolve()
    table = _table_of(path, _read_toml(path))
    if table is None:
        raise ConfigError(f"{path}: no [tool.cleaner] table")
    config = config_from_table(table, source=str(path), base_dir=path.parent)
    log.info("configuration from %s", path)
    return FoundConfig(config=config, path=path, explicit=_explicit_fields(table))


def _config_in_dir(directory: Path) -> Path | None:
    dot = directory / DOT_CONFIG_NAME
    if dot.is_file():
        return dot
    pyproject = directory / PYPROJECT_NAME
    if pyproject.is_file() and _table_of(pyproject, _read_toml(pyproject)) is not None:
        return pyproject
    return None


def _is_repo_root(directory: Path) -> bool:
    return any((directory / marker).exists() for marker in REPO_ROOT_MARKERS)


def find_config(start: str | Path) -> Path | None:
    """The configuration file that governs ``start`` (a file or directory), or None."""
    here = Path(start).resolve()
    return _find_from_dir(here if here.is_dir() else here.parent)


def _find_from_dir(directory: Path) -> Path | None:
    for candidate in (directory, *directory.parents):
        found = _config_in_dir(candidate)
        if found is not None or _is_repo_root(candidate):
            return found
    return None


class ConfigResolver:
    """Finds the configuration for each file, reading every directory and file at most once.

    ``config_file`` skips discovery and uses that file for everything;
    ``isolated`` uses the defaults only. ``overrides`` (from the command line)
    are applied on top of whatever was found.
    """

    def __init__(
        self,
        *,
        config_file: str | Path | None = None,
        isolated: bool = False,
        overrides: dict[str, Any] | None = None,
    ) -> None:
        self._fixed: FoundConfig | None = None
        if config_file is not None:
            self._fixed = load_config_file(config_file)
        elif isolated:
            self._fixed = FoundConfig(config=Config())
        self._overrides = dict(overrides or {})
        self._by_dir = functools.lru_cache(maxsize=None)(self._resolve_dir)
        self._by_file = functools.lru_cache(maxsize=None)(self._load)

    def _with_overrides(self, found: FoundConfig) -> FoundConfig:
        if not self._overrides:
            return found
        config = apply_overrides(found.config, **self._overrides)
        return FoundConfig(config=config, path=found.path, explicit=found.explicit | frozenset(self._overrides))

    def _load(self, path: Path | None) -> FoundConfig:
        return self._with_overrides(load_config_file(path) if path is not None else FoundConfig(config=Config()))

    def _resolve_dir(self, directory: Path) -> FoundConfig:
        if self._fixed is not None:
            return self._with_overrides(self._fixed)
        return self._by_file(_find_from_dir(directory))

    def found_for(self, path: str | Path) -> FoundConfig:
        """The ``FoundConfig`` (config, file, explicit settings) for one document path."""
        return self._by_dir(Path(path).resolve().parent)

    def config_for(self, path: str | Path) -> Config:
        """The ``Config`` for one document path."""
        return self.found_for(path).config

    def group(self, paths: Iterable[str | Path]) -> dict[FoundConfig, list[str]]:
        """Group document paths by the configuration that governs them, keeping their order."""
        groups: dict[FoundConfig, list[str]] = {}
        for path in paths:
            groups.setdefault(self.found_for(path), []).append(str(path))
        return groups


def apply_overrides(
    config: Config,
    *,
    rules: Sequence[str] | None = None,
    disable: Sequence[str] | None = None,
    enable_packs: Sequence[str] | None = None,
    **replace: Any,
) -> Config:
    """Command-line options on top of a file's config: lists are added to, other settings replaced."""
    extended: dict[str, Any] = {}
    if rules:
        extended["rules"] = tuple(config.rules) + tuple(str(Path(r).resolve()) for r in rules)
    if disable:
        extended["disable"] = tuple(config.disable) + tuple(disable)
    if enable_packs:
        extended["enable_packs"] = tuple(config.enable_packs) + tuple(enable_packs)
    return config.merged(**extended, **replace)


def matches_patterns(path: str | Path, patterns: Sequence[str], *, base_dir: Path | None = None) -> bool:
    """True when ``path`` matches one of the glob ``patterns`` (``*.txt`` matches at any depth)."""
    resolved = Path(path).resolve()
    rel: PurePath = resolved
    if base_dir is not None:
        try:
            rel = resolved.relative_to(base_dir.resolve())
        except ValueError:
            rel = resolved
    return any(rel.match(pattern) for pattern in patterns)
