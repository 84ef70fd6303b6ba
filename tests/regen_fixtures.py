"""Regenerate ``fixtures/*/expected.*`` from the current engine: ``make fixtures``, then review ``git diff fixtures/``.

Pass case names to regenerate only those: ``python -m tests.regen_fixtures seed-000``.
"""

from __future__ import annotations

import sys

from tests.fixture_cases import cases, write_expected


def main(argv: list[str]) -> int:
    chosen = set(argv)
    for case in cases():
        if chosen and case.name not in chosen:
            continue
        write_expected(case)
        print(f"wrote {case.folder}/expected.txt and expected.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
