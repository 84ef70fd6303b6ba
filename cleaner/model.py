"""Plain data passed between the stages: blocks, decisions, removed segments, results.

Everything here is a frozen, slotted dataclass so a stage can only produce new
values, never mutate an earlier stage's output.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["text", "html"]
Role = Literal["body", "title", "author", "date", "removed"]


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the input: a line (or a joined run of lines) with its 1-based line span."""

    index: int
    text: str
    start_line: int
    end_line: int
    blank_before: bool = False
    blank_after: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """What the engine decided for one block, and why.

    ``first`` is the label of the first (per-line) pass, ``role`` the final
    one, so an explanation can show where context changed a decision.
    """

    block: Block
    role: Role
    first: Role
    rule: str | None = None
    reason: str | None = None
    features: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Removed:
    """A removed segment of the input with the rule that removed it."""

    text: str
    start_line: int
    end_line: int
    rule: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "text": self.text,
            "start_line": self.start_line,
            "end_line": self.end_line,
            "rule": self.rule,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of the explanation: an input span, its final role and the rule behind it.

    The terminal ``--explain`` view, the JSON output and the HTML report all
    render this same list.
    """

    text: str
    start_line: int
    end_line: int
    role: Role
    rule: str | None = None
    reason: str | None = None

    @property
    def kept(self) -> bool:
        """True when the segment is part of the body."""
        return self.role == "body"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "text": self.text,
            "start_line": self.start_line,
            "end_line": self.end_line,
            "role": self.role,
            "rule": self.rule,
            "reason": self.reason,
        }


@dataclass(slots=True)
class RuleTotals:
    """What one rule removed over many documents (batch summaries and the report's rule table)."""

    docs: int = 0
    segments: int = 0
    lines: int = 0
    chars: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Result:
    """The cleaned document: body text, metadata and the record of every removal."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    kind: Kind = "text"
    removed: tuple[Removed, ...] = ()
    segments: tuple[Segment, ...] = ()
    url: str | None = None
    site_name: str | None = None
    warnings: tuple[str, ...] = ()

    def to_text(self) -> str:
        """The title, a blank line, then the body (just the body when there is no title)."""
        if self.title and self.text:
            return f"{self.title}\n\n{self.text}\n"
        if self.title:
            return f"{self.title}\n"
        return f"{self.text}\n" if self.text else ""

    def removed_counts(self) -> dict[str, dict[str, int]]:
        """Per rule id: how many segments, lines and characters it removed."""
        counts: dict[str, dict[str, int]] = {}
        for r in self.removed:
            c = counts.setdefault(r.rule, {"segments": 0, "lines": 0, "chars": 0})
            c["segments"] += 1
            c["lines"] += r.end_line - r.start_line + 1
            c["chars"] += len(r.text)
        return counts

    def to_dict(self, *, segments: bool = False) -> dict[str, Any]:
        """JSON-ready form; ``segments=True`` adds the full explanation."""
        d: dict[str, Any] = {
            "text": self.text,
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "kind": self.kind,
            "url": self.url,
            "site_name": self.site_name,
            "removed": [r.to_dict() for r in self.removed],
            "warnings": list(self.warnings),
        }
        if segments:
            d["segments"] = [s.to_dict() for s in self.segments]
        return d
