"""Run summary (documents, characters in and out, errors, the most active rules) and the progress bar."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, TextIO

from cleaner.batch.records import Outcome
from cleaner.model import RuleTotals

TOP_RULES = 10
PROGRESS_INTERVAL_SECONDS = 0.2
"""Redraw the progress bar at most this often."""


@dataclass(slots=True)
class BatchStats:
    """Counters for the documents processed in this run (a resumed run also reports what it skipped)."""

    docs: int = 0
    errors: int = 0
    chars_in: int = 0
    chars_out: int = 0
    resumed_docs: int = 0
    resumed_errors: int = 0
    rules: dict[str, RuleTotals] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    def add(self, outcome: Outcome) -> None:
        """Count one record."""
        self.docs += 1
        if not outcome.ok:
            self.errors += 1
            return
        self.chars_in += outcome.chars_in
        self.chars_out += outcome.chars_out
        for rule, segments, lines, chars in outcome.rules:
            t = self.rules.get(rule)
            if t is None:
                t = self.rules[rule] = RuleTotals()
            t.docs += 1
            t.segments += segments
            t.lines += lines
            t.chars += chars

    @property
    def seconds(self) -> float:
        """Wall time of the run so far (or in total, once finished)."""
        return (self.finished or time.monotonic()) - self.started

    @property
    def total_errors(self) -> int:
        """Error records in the output, including those of a resumed earlier run."""
        return self.errors + self.resumed_errors

    def top_rules(self, n: int = TOP_RULES) -> list[tuple[str, RuleTotals]]:
        """The ``n`` rules that removed the most characters."""
        return sorted(self.rules.items(), key=lambda kv: (-kv[1].chars, kv[0]))[:n]

    def to_dict(self) -> dict[str, Any]:
        """The ``--stats`` JSON."""
        secs = self.seconds
        return {
            "docs": self.docs,
            "ok": self.docs - self.errors,
            "errors": self.errors,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "seconds": round(secs, 3),
            "docs_per_second": round(self.docs / secs, 1) if secs > 0 else None,
            "resumed": {"docs": self.resumed_docs, "errors": self.resumed_errors},
            "top_rules": [
                {"rule": rule, "docs": t.docs, "segments": t.segments, "lines": t.lines, "chars": t.chars}
                for rule, t in self.top_rules()
            ],
        }

    def render(self) -> str:
        """The human summary printed at the end of a run."""
        secs = self.seconds
        rate = f"{self.docs / secs:,.1f} docs/s" if secs > 0 else "-"
        share = f" ({self.chars_out / self.chars_in:.0%} kept)" if self.chars_in else ""
        lines = [
            f"{self.docs:,} documents in {secs:,.1f} s ({rate}), {self.errors:,} errors",
            f"characters: {self.chars_in:,} in, {self.chars_out:,} out{share}",
        ]
        if self.resumed_docs:
            lines.append(f"resumed: {self.resumed_docs:,} documents ({self.resumed_errors:,} errors) already done")
        top = self.top_rules()
        if top:
            lines.append("most active rules (chars removed, documents):")
            lines.extend(f"  {rule:<12} {t.chars:>14,} {t.docs:>10,}" for rule, t in top)
        return "\n".join(lines)


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """A one-line progress bar on a terminal: documents, documents per second, percentage and ETA."""

    def __init__(self, stream: TextIO | None, total_bytes: int | None, start_bytes: int = 0) -> None:
        self.stream = stream
        self.total = total_bytes
        self.start_bytes = start_bytes
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.drawn = False

    def update(self, docs: int, offset: int, *, skipped: int = 0) -> None:
        """Redraw (rate-limited) after ``docs`` documents (``skipped`` of them resumed), ``offset`` bytes read."""
        if self.stream is None:
            return
        now = time.monotonic()
        if now - self.last_draw < PROGRESS_INTERVAL_SECONDS:
            return
        self.last_draw = now
        elapsed = now - self.started
        rate = (docs - skipped) / elapsed if elapsed > 0 else 0.0
        parts = [f"{docs:,} docs", f"{rate:,.0f} docs/s"]
        if self.total:
            frac = min(offset / self.total, 1.0)
            parts.append(f"{frac:6.1%}")
            done = offset - self.start_bytes
            if done > 0:
                parts.append(f"ETA {_clock(elapsed * (self.total - offset) / done)}")
        self.stream.write("\r\x1b[2K" + " | ".join(parts))
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        """Erase the bar (before other output, and at the end)."""
        if self.stream is not None and self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn = False
            self.last_draw = 0.0
