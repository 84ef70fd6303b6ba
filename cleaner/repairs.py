"""Repairs: the only places the body is changed other than by cutting.

1. Rejoin a paragraph that a column or page break split mid-sentence
   (seed 000: "Such a trip “will" / "demonstrate to the whole world ...").
   Two kept body blocks are joined with one space when the first does not end
   a sentence and the second starts with a lower-case letter.
2. Dropping a caption that repeats another is a rule (``CAP`` pack, feature
   ``caption_repeat``), so it is explained like every other removal.

Every output paragraph is therefore an input line or a join of input lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.model import Decision
from cleaner.segment import ends_clause, ends_unfinished, starts_lower_word

JOIN_MIN_WORDS = 6


def should_join(prev: Decision, nxt: Decision) -> bool:
    """True when ``nxt`` continues the sentence that ``prev`` broke off."""
    if prev.features.get("words", 0) < JOIN_MIN_WORDS or ends_clause(prev.block.text):
        return False
    return starts_lower_word(nxt.block.text) or ends_unfinished(prev.block.text)


def body_paragraphs(decisions: Sequence[Decision]) -> list[tuple[str, list[Decision]]]:
    """The kept body blocks as output paragraphs, with split paragraphs rejoined."""
    paragraphs: list[tuple[str, list[Decision]]] = []
    for d in decisions:
        if d.role != "body":
            continue
        if paragraphs and should_join(paragraphs[-1][1][-1], d):
            text, parts = paragraphs[-1]
            paragraphs[-1] = (f"{text} {d.block.text}", [*parts, d])
        else:
            paragraphs.append((d.block.text, [d]))
    return paragraphs
