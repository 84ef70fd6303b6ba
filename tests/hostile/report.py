"""Render the HOSTILE_REPORT JSON lines of tests/test_hostile.py as the Markdown table of docs/hostile.md.

    HOSTILE_REPORT=/tmp/h.jsonl pytest tests/test_hostile.py -m "slow or not slow" -n 2
    python -m tests.hostile.report /tmp/h.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict


def render(lines: list[str]) -> str:
    """One row per file: size, then time / peak memory / outcome for API, CLI and batch."""
    rows: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    sizes: dict[str, int] = {}
    for line in lines:
        row = json.loads(line)
        rows[str(row["file"])][str(row["how"])] = row
        sizes[str(row["file"])] = int(row["bytes"])
    out = [
        "| input | size | API s / MB | API outcome | CLI s / MB | CLI outcome | batch s / MB | batch outcome |",
        "| --- | ---: | ---: | --- | ---: | --- | ---: | --- |",
    ]
    for name in sorted(rows, key=lambda n: (sizes[n], n)):
        cells = [name, f"{sizes[name] / 1e6:.2f} MB" if sizes[name] >= 100_000 else f"{sizes[name]} B"]
        for how in ("api", "cli", "batch"):
            r = rows[name].get(how)
            if r is None:
                cells += ["", ""]
                continue
            outcome = str(r["outcome"]).replace("|", "/")
            cells += [f"{r['seconds']} / {r['peak_mb']}", outcome]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        print(render(fh.read().splitlines()))
