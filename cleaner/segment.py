"""Segmentation: normalised text into blocks.

Scraped text comes in two shapes (see the seeds): one paragraph per line, or
paragraphs separated by blank lines. Both reduce to the same thing here: every
non-blank line is a block, and each block remembers whether a blank line sat
before or after it, which the repairs use to tell a column break from a line
break.
"""

from __future__ import annotations

from cleaner.model import Block


def split_blocks(text: str) -> list[Block]:
    """Every non-blank line becomes a block with its 1-based line number."""
    blocks: list[Block] = []
    lines = text.split("\n")
    blank_run = True  # the start of the document counts as a break
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            blank_run = True
            continue
        blocks.append(Block(index=len(blocks), text=line, start_line=number, end_line=number, blank_before=blank_run))
        blank_run = False
    # blank_after mirrors the next block's blank_before; the last block ends the document.
    last = len(blocks) - 1
    return [
        Block(b.index, b.text, b.start_line, b.end_line, b.blank_before, i == last or blocks[i + 1].blank_before)
        for i, b in enumerate(blocks)
    ]
