"""The terminal ``--explain`` view: the document, each removed line marked with its rule id.

One row per input line::

       1 - NAV001 | Current:Home > Contact ...
       2 T title  | Putin focuses on trade ...
       3          |
       4          | BEIJING (AP) — Russian President ...

The marker column says what happened to the line (``-`` removed, ``T``/``A``/``D``
title/author/date, blank for kept body), the label column names the rule (or the
metadata role), and a legend after the document gives each rule's reason. With
``color=True`` removed lines are dim and struck through and their rule ids red;
without it the view is plain ASCII apart from the document's own text, so it
reads the same in a pipe, a log file or a terminal without colour.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import TextIO

from cleaner.model import Result, Role, Segment

MARKERS: Mapping[Role, str] = {"body": " ", "removed": "-", "title": "T", "author": "A", "date": "D"}
MIN_LABEL_WIDTH = 6
MAX_REASONS_SHOWN = 3

# SGR sequences; reset after every styled piece so a cut line never bleeds colour.
_RESET = "\x1b[0m"
_DIM = "\x1b[2m"
_STRUCK = "\x1b[2;9m"
_RULE = "\x1b[1;31m"
_META = "\x1b[36m"
_TITLE_TEXT = "\x1b[1m"

# Scraped text can carry terminal escapes or bidi overrides; show them, never obey them.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def color_enabled(stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """True when ``stream`` is a terminal and neither ``NO_COLOR`` nor ``TERM=dumb`` asks for plain output."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("TERM") == "dumb":
        return False
    if stream is None:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render_terminal(result: Result, *, color: bool) -> str:
    """The document with every removed line marked and labelled with its rule id, then a legend of reasons."""
    segments = result.segments
    if not segments:
        return "(no segments to explain)\n"
    number_width = len(str(max(s.end_line for s in segments)))
    label_width = max([MIN_LABEL_WIDTH, *(len(_label(s)) for s in segments)])
    out: list[str] = []
    previous_end = segments[0].start_line - 1
    for segment in segments:
        for blank in range(previous_end + 1, segment.start_line):
            out.append(_row(blank, " ", "", "", number_width, label_width, color, None))
        for line_no, line in _numbered_lines(segment):
            out.append(_row(line_no, MARKERS[segment.role], _label(segment), line, number_width, label_width,
                            color, segment.role))
        previous_end = max(previous_end, segment.end_line)
    out.append("")
    out.extend(_legend(result, color))
    return "\n".join(out) + "\n"


def _label(segment: Segment) -> str:
    if segment.role == "removed":
        return segment.rule or "?"
    return "" if segment.role == "body" else segment.role


def _numbered_lines(segment: Segment) -> Iterable[tuple[int | None, str]]:
    lines = segment.text.split("\n")
    if len(lines) == segment.end_line - segment.start_line + 1:
        return zip(range(segment.start_line, segment.end_line + 1), lines, strict=True)
    # A block whose text was joined or reflowed: number its first line only.
    return [(segment.start_line if i == 0 else None, line) for i, line in enumerate(lines)]


def _row(
    line_no: int | None,
    marker: str,
    label: str,
    text: str,
    number_width: int,
    label_width: int,
    color: bool,
    role: Role | None,
) -> str:
    number = "" if line_no is None else str(line_no)
    text = sanitize(text)
    gutter = f"{number:>{number_width}} {marker} {label:<{label_width}} |"
    if not color:
        return f"{gutter} {text}".rstrip()
    number_part = f"{_DIM}{number:>{number_width}}{_RESET}"
    label_part = f"{label:<{label_width}}"
    if role == "removed":
        head = f"{number_part} {_RULE}{marker} {label_part}{_RESET} {_DIM}|{_RESET}"
        return f"{head} {_STRUCK}{text}{_RESET}" if text else head
    if role in ("title", "author", "date"):
        head = f"{number_part} {_META}{marker} {label_part}{_RESET} {_DIM}|{_RESET}"
        style = _TITLE_TEXT if role == "title" else ""
        return f"{head} {style}{text}{_RESET}" if style and text else f"{head} {text}".rstrip()
    head = f"{number_part} {marker} {label_part} {_DIM}|{_RESET}"
    return f"{head} {text}".rstrip()


def sanitize(text: str) -> str:
    """``text`` with control characters and bidi overrides shown as ``\\xNN``/``\\uNNNN`` escapes."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _legend(result: Result, color: bool) -> list[str]:
    """Per rule: how many lines and characters it removed and why; then the extracted metadata."""
    reasons: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    chars: dict[str, int] = {}
    for s in result.segments:
        if s.role != "removed":
            continue
        rule = s.rule or "?"
        seen = reasons.setdefault(rule, [])
        if s.reason and s.reason not in seen:
            seen.append(s.reason)
        lines[rule] = lines.get(rule, 0) + s.end_line - s.start_line + 1
        chars[rule] = chars.get(rule, 0) + len(s.text)
    out: list[str] = []
    total_lines = sum(lines.values())
    out.append(f"removed {total_lines} line{'s' if total_lines != 1 else ''} by {len(reasons)} "
               f"rule{'s' if len(reasons) != 1 else ''}" + (":" if reasons else ""))
    width = max((len(r) for r in reasons), default=0)
    for rule in sorted(reasons, key=lambda r: (-lines[r], r)):
        shown = reasons[rule][:MAX_REASONS_SHOWN]
        more = len(reasons[rule]) - len(shown)
        why = "; ".join(sanitize(r) for r in shown) + (f" (+{more} more)" if more > 0 else "")
        rule_text = f"{_RULE}{rule:<{width}}{_RESET}" if color else f"{rule:<{width}}"
        n = lines[rule]
        out.append(f"  {rule_text}  {n:>4} line{'s' if n != 1 else ' '} {chars[rule]:>6} chars  {why}".rstrip())
    for name, value in (("title", result.title), ("author", result.author), ("date", result.date)):
        out.append(f"{name}: {sanitize(value) if value else '-'}")
    return out
