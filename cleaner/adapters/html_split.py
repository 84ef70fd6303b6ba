"""Undo trafilatura's one-line fallback: a short page's paragraphs joined into a single line.

When trafilatura finds too little text it falls back to the page's whole text on one line
(the headline, the paragraphs and a figure caption run together). The text engine then sees
one "paragraph", so a caption inside it can neither be removed nor told apart from the body
(property-suite fixture prop-html-one-paragraph). The page's own blocks say where the breaks
were: when a line holds two or more of them, in order, it is cut at their edges. Text is only
ever split at block boundaries, never changed or dropped; what no block covers stays a piece.
"""

from __future__ import annotations

from cleaner.dom.density import LEAF_BLOCK_TAGS, TextBlock

MAX_JOINED_LINES = 2
"""Only an extraction of this many lines or fewer is checked (the fallback returns one)."""


def split_joined(paragraphs: list[str], blocks: list[TextBlock]) -> list[str]:
    """``paragraphs`` with each line that joins several of the page's blocks split back into them."""
    if not paragraphs or len(paragraphs) > MAX_JOINED_LINES:
        return paragraphs
    out: list[str] = []
    for line in paragraphs:
        parts = _blocks_in(line, blocks)
        out.extend(parts if parts else [line])
    return out


def _blocks_in(line: str, blocks: list[TextBlock]) -> list[str]:
    """``line`` cut at the edges of the page blocks it holds, in order; [] unless it holds two or more.

    Text between the blocks found (if any) stays as its own piece, so nothing of the line is lost.
    """
    pieces: list[str] = []
    found_blocks = 0
    at = 0
    for b in blocks:
        if b.tag not in LEAF_BLOCK_TAGS:
            continue  # a container's loose text repeats what its inline children hold
        found = line.find(b.text, at)
        if found < 0:
            continue
        gap = line[at:found].strip()
        if gap:
            pieces.append(gap)
        pieces.append(b.text)
        found_blocks += 1
        at = found + len(b.text)
    rest = line[at:].strip()
    if rest:
        pieces.append(rest)
    return pieces if found_blocks >= 2 else []
