"""A minimal progress bar on stderr, drawn only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

BAR_WIDTH_CHARS = 30
REDRAW_INTERVAL_S = 0.1


class Progress:
    """``with Progress("cleaner", n) as bar: ... bar.advance()``; silent when not on a tty."""

    def __init__(self, label: str, total: int, *, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = max(total, 0)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self._last_draw = 0.0
        self._start = time.perf_counter()

    def __enter__(self) -> Progress:
        """Start drawing."""
        self._draw(force=True)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Erase the bar."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items done."""
        self.done += n
        self._draw(force=self.done >= self.total)

    def _draw(self, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self._last_draw < REDRAW_INTERVAL_S:
            return
        self._last_draw = now
        frac = self.done / self.total if self.total else 1.0
        filled = int(frac * BAR_WIDTH_CHARS)
        bar = "#" * filled + "-" * (BAR_WIDTH_CHARS - filled)
        elapsed = now - self._start
        self.stream.write(f"\r{self.label:<16} [{bar}] {self.done}/{self.total} {elapsed:5.1f}s")
        self.stream.flush()
