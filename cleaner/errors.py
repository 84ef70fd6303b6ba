"""One error family for everything cleaner raises on purpose."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class: every error cleaner raises deliberately derives from it."""


class RulePackError(CleanerError):
    """A rule pack failed to load: bad TOML, unknown field, or a pattern RE2 rejects.

    The message always names the file and, where known, the rule id.
    """

    def __init__(self, path: str, message: str, rule: str | None = None) -> None:
        self.path = path
        self.rule = rule
        where = f"{path}: rule {rule}" if rule else path
        super().__init__(f"{where}: {message}")


class InputError(CleanerError):
    """The input cannot be read or decoded."""


class ConfigError(CleanerError):
    """A configuration file or value is invalid."""


class LimitExceeded(CleanerError):
    """The input is past a configured limit (size, depth, node count)."""
