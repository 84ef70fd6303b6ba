"""Child process of property 5: clean the JSON list of documents on stdin, print the results as JSON.

Run by ``test_p5_deterministic`` under different ``PYTHONHASHSEED`` values. Honours ``CLEANER_MUTANT``
so a mutant that depends on hash order is caught here too.
"""

from __future__ import annotations

import json
import os
import sys


def main() -> int:
    mutant = os.environ.get("CLEANER_MUTANT")
    if mutant:
        from tests.property.mutants import apply_mutant

        apply_mutant(mutant)
    import cleaner

    docs = json.load(sys.stdin)
    out = [cleaner.clean(d["content"], kind=d["kind"]).to_dict(segments=True) for d in docs]
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
