"""``cleaner-fix``: rewrite text files in place as their cleaned text (title, blank line, body).

Exits 1 when it rewrote a file (as pre-commit fixers do), when the guard
refused a rewrite, when a file could not be cleaned, or when an HTML file
(checked, never rewritten) holds boilerplate; 0 when every file was already
clean; 2 when the configuration or a rule pack is invalid.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.hooks.runner import run_hook


def main(argv: Sequence[str] | None = None) -> int:
    """Run the fixer on the files in ``argv``; return the exit code."""
    return run_hook(argv, prog="cleaner-fix", description=__doc__.splitlines()[0] if __doc__ else "", fix=True)


if __name__ == "__main__":
    raise SystemExit(main())
