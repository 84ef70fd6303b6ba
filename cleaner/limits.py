"""Bounded work on very long lines: rules and features see at most ``max_line_chars`` characters of a block.

A block longer than the limit (a 50 MB single-line dump, a minified page turned to text) is judged on
its first ``max_line_chars`` characters, so per-block feature and pattern work stays bounded, and is
then given back whole: a prose line past the limit is still kept as body text, and ``Result.warnings``
says how many blocks were judged on a prefix (issue 8).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cleaner.config import MAX_LINE_CHARS
from cleaner.model import Block, Decision

__all__ = ["bound_blocks", "restore_blocks"]


def bound_blocks(
    blocks: Sequence[Block], max_line_chars: int = MAX_LINE_CHARS
) -> tuple[list[Block], dict[int, Block], str | None]:
    """Blocks cut to ``max_line_chars`` for judging, the originals by index, and a warning if any was cut."""
    originals: dict[int, Block] = {}
    out: list[Block] = []
    for b in blocks:
        if len(b.text) > max_line_chars > 0:
            originals[b.index] = b
            b = replace(b, text=b.text[:max_line_chars])
        out.append(b)
    if not originals:
        return out, originals, None
    longest = max(len(b.text) for b in originals.values())
    warning = (
        f"text: {len(originals)} line(s) longer than max_line_chars={max_line_chars} (longest {longest} characters)"
        " judged on their first characters and kept whole"
    )
    return out, originals, warning


def restore_blocks(decisions: Sequence[Decision], originals: dict[int, Block]) -> list[Decision]:
    """The decisions with every cut block replaced by its original, whole text."""
    if not originals:
        return list(decisions)
    return [replace(d, block=originals[d.block.index]) if d.block.index in originals else d for d in decisions]
