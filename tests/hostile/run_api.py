"""Clean one file through the Python API and print one JSON line (run as a child so its memory is its own).

    python -m tests.hostile.run_api FILE [--kind auto|text|html] [--rules PACK]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import cleaner
from cleaner.errors import CleanerError


def main(argv: list[str] | None = None) -> int:
    """Print ``{"outcome": "ok"|"error", ...}``; any other exception escapes with its traceback."""
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--kind", default="auto", choices=("auto", "text", "html"))
    ap.add_argument("--rules")
    args = ap.parse_args(argv)
    data = args.file.read_bytes()
    c = cleaner.Cleaner(rules=args.rules)
    start = time.perf_counter()
    try:
        r = c.clean(data, kind=args.kind)
        out = {"outcome": "ok", "chars": len(r.text), "warnings": list(r.warnings), "text_tail": r.text[-200:]}
    except CleanerError as exc:
        out = {"outcome": "error", "error": f"{type(exc).__name__}: {exc}"}
    out["seconds"] = round(time.perf_counter() - start, 3)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
