"""Run a command and write its peak RSS (KB) to a file: ``python -I measure.py OUT -- CMD...``.

A child's ``ru_maxrss`` starts at its parent's RSS at fork time (Linux keeps the high-water mark across
exec), so a pytest worker that already cleaned a big page would inflate every measurement. This wrapper
imports nothing but the standard library and forks from a ~10 MB process, so the figure is the command's own.
"""

import json
import os
import sys


def main() -> int:
    """Fork, exec the command, wait, write ``{"maxrss_kb": N}`` and exit with the command's status."""
    out, cmd = sys.argv[1], sys.argv[3:]
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"maxrss_kb": usage.ru_maxrss}, fh)
    code = os.waitstatus_to_exitcode(status)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
