"""atheris fuzz target: arbitrary bytes through the HTML path and auto detection (see docs/hostile.md)."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["cleaner"]):
    from _common import check, get_cleaner

    import cleaner.adapters.html  # noqa: F401 - lazily imported by Cleaner.clean; instrument it too


def test_one_input(data: bytes) -> None:
    """One fuzz input: the HTML path must return a Result or raise a CleanerError."""
    check(data, "html")
    if data[:1] == b"<":
        check(data, "auto")


def main() -> None:
    """Entry point: libFuzzer flags (``-max_total_time``, ``-timeout``, corpus dirs) pass through."""
    get_cleaner()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
