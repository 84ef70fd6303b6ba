"""Undo trafilatura's one-line fallback: a short page's paragraphs joined into a single line.

When trafilatura finds too little text it falls back to the page's whole text on one line
(the headline, the paragraphs and a figure caption run together). The text engine then sees
one "paragraph", so a caption inside it can neither be removed nor told apart from the body
(property-suite fixture prop-html-one-paragraph). The page's own blocks say where the breaks
were: when a line holds two or more of them, in order, it is cut at their edges. Text is only
ever split at block boundaries, never changed or dropped; what no block covers stays a piece.
That leftover is then cut at the loose text of the page's containers (a teaser box written as
``<div>`` text, no ``<p>``), so a "Top stories" box after the article reaches the text rules
as its own lines, where the link-farm rules can see it (fixture html-fallback-teasers).
"""

from __future__ import annotations

from cleaner.dom.density import CONTAINER_TAGS, LEAF_BLOCK_TAGS, TextBlock

MAX_JOINED_LINES = 2
"""Only an extraction of this many lines or fewer is checked (the fallback returns one)."""


def split_joined(paragraphs: list[str], blocks: list[TextBlock]) -> list[str]:
    """``paragraphs`` with each line that joins several of the page's blocks split back into them."""
    if not paragraphs or len(paragraphs) > MAX_JOINED_LINES:
        return paragraphs
    leaves = [b.text for b in blocks if b.tag in LEAF_BLOCK_TAGS]
    # a container's loose text repeats what its inline children hold: it only cuts what no leaf covers
    loose = [b.text for b in blocks if b.tag in CONTAINER_TAGS and b.tag not in LEAF_BLOCK_TAGS]
    out: list[str] = []
    for line in paragraphs:
        parts = _blocks_in(line, leaves)
        if len(parts) < 2 or sum(1 for _, is_block in parts if is_block) < 2:
            out.append(line)
            continue
        for piece, is_block in parts:
            out.extend([piece] if is_block else [p for p, _ in _blocks_in(piece, loose)])
    return out


def _blocks_in(line: str, texts: list[str]) -> list[tuple[str, bool]]:
    """``line`` cut at the edges of the block ``texts`` it holds, in order, each piece marked block or not.

    Text between the blocks found (if any) stays as its own piece, so nothing of the line is lost.
    """
    pieces: list[tuple[str, bool]] = []
    at = 0
    for text in texts:
        found = line.find(text, at)
        if found < 0:
            continue
        gap = line[at:found].strip()
        if gap:
            pieces.append((gap, False))
        pieces.append((text, True))
        at = found + len(text)
    rest = line[at:].strip()
    if rest:
        pieces.append((rest, False))
    return pieces
