"""``cleaner-check``: report boilerplate in text and HTML files with the rule ids, changing nothing.

Prints ``path:line: RULEID reason: "snippet"`` for every segment cleaning
would remove and exits 1 if there is any (or a file could not be read or
cleaned); 0 when every file is clean; 2 when the configuration or a rule pack
is invalid.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.hooks.runner import run_hook


def main(argv: Sequence[str] | None = None) -> int:
    """Run the checker on the files in ``argv``; return the exit code."""
    return run_hook(argv, prog="cleaner-check", description=__doc__.splitlines()[0] if __doc__ else "", fix=False)


if __name__ == "__main__":
    raise SystemExit(main())
