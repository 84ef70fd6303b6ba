"""The one configuration object: defaults, then a config file, then CLI flags.

``Config`` is frozen; ``Config.merged(**overrides)`` returns a new one. The
Python API, the CLI, the batch runner and the pre-commit hooks all build
this same object.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from cleaner.errors import ConfigError

MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_LINE_CHARS = 100_000
MAX_HTML_DEPTH = 2_000
MAX_HTML_NODES = 1_000_000
GUARD_PROSE_SHARE = 0.2  # measured on the text benchmark: see cleaner/hooks/guard.py
DEFAULT_FILE_PATTERNS = ("*.txt", "*.md", "*.text")


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting cleaner reads, with safe defaults."""

    rules: tuple[str, ...] = ()
    """Extra rule-pack files or directories, loaded after the built-in packs."""
    disable: tuple[str, ...] = ()
    """Rule ids switched off."""
    enable_packs: tuple[str, ...] = ()
    """Off-by-default packs (site packs) switched on, by pack name."""
    builtin_rules: bool = True
    """Load the packs that ship with cleaner."""
    guard_prose_share: float = GUARD_PROSE_SHARE
    """Pre-commit guard: refuse to rewrite a file that would lose more than this share of its prose lines."""
    settle: bool = False
    """Pre-commit fixer: clean a file whose cleaned text would change again until it no longer does."""
    file_patterns: tuple[str, ...] = DEFAULT_FILE_PATTERNS
    max_input_bytes: int = MAX_INPUT_BYTES
    max_line_chars: int = MAX_LINE_CHARS
    max_html_depth: int = MAX_HTML_DEPTH
    max_html_nodes: int = MAX_HTML_NODES

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given non-None fields replaced."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        clean = {k: (tuple(v) if isinstance(v, list) else v) for k, v in overrides.items() if v is not None}
        return replace(self, **clean)  # type: ignore[arg-type]


def config_from_table(table: dict[str, Any], *, source: str, base_dir: Path | None = None) -> Config:
    """Build a Config from a ``[tool.cleaner]`` table, naming ``source`` in errors."""
    known = {f.name.replace("_", "-"): f.name for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = known.get(key) or (key if key in known.values() else None)
        if name is None:
            raise ConfigError(f"{source}: unknown setting {key!r}")
        if name == "rules" and base_dir is not None:
            value = [str((base_dir / v).resolve()) for v in value]
        values[name] = value
    try:
        return Config().merged(**values)
    except (TypeError, ValueError) as exc:  # pragma: no cover - defensive
        raise ConfigError(f"{source}: {exc}") from exc
