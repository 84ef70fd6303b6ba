"""The rewrite guard: refuse to rewrite a file when cleaning would remove too much of its prose.

A rule that misfires on a corpus (an over-broad learned pattern, a site pack
on the wrong site) shows up as prose disappearing. Boilerplate is mostly
short lines (menus, share buttons, "Newspapers in English"); prose-like lines
(``cleaner.features.is_prose``: long, with sentence punctuation and function
words) are what a person wrote. So the hooks count the prose-like lines of a
file (the engine's blocks: a line, or the fragments of one sentence it
joined) and how many of them the cleaned file would lose; above
``Config.guard_prose_share`` the file is left alone and reported.

The default share, 0.2, comes from ``python -m cleaner.bench guard`` on the
dev half of the text benchmark (1,806 raw scraped page dumps, the heaviest
boilerplate a corpus holds): it stops 4.9% of them (0.1 would stop 12.4%,
0.3 2.2%), and about half of the prose-like lines lost on the stopped Zyte
pages are article body, so the review it asks for is worth a person's time,
while a misfiring rule that eats an article loses far more than a fifth of it
and is always stopped (docs/corpus.md, "The guard").
One lost prose-like line never trips the share alone
(``GUARD_MIN_LOST_LINES``): that is one caption or disclaimer in a short
article, not a rule eating the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.features import is_prose, line_stats
from cleaner.language import guess_language, stopwords_for
from cleaner.model import Result

GUARD_MIN_LOST_LINES = 2
"""The share test applies only when at least this many prose-like lines would go."""
LOST_ROLES = frozenset({"removed", "author", "date"})
"""Segment roles that ``Result.to_text()`` leaves out (the title stays, above the body)."""
CJK_LINE_SHARE = 1 / 3
"""A document is read as Chinese/Japanese/Korean when more than this share of its lines hold such characters."""
LANGUAGE_SAMPLE_CHARS = 20_000
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True, slots=True)
class ProseLoss:
    """How many prose-like lines a file has and how many the cleaned text would lose."""

    prose_lines: int
    lost_prose_lines: int
    lost_lines: tuple[int, ...]
    """1-based first line numbers of the lost prose-like blocks."""
    body_left: bool

    @property
    def share(self) -> float:
        """Lost prose-like lines as a share of all prose-like lines (0.0 when there are none)."""
        return self.lost_prose_lines / self.prose_lines if self.prose_lines else 0.0

    def exceeds(self, limit: float) -> bool:
        """True when the rewrite should be refused: too much prose lost, or no body left at all."""
        too_much = self.share > limit and self.lost_prose_lines >= GUARD_MIN_LOST_LINES
        return too_much or not self.body_left

    def describe(self, limit: float) -> str:
        """One line for the report."""
        if not self.body_left:
            return "cleaning would leave no body text; not rewritten, please review"
        return (
            f"cleaning would remove {self.lost_prose_lines} of {self.prose_lines} prose-like lines "
            f"({self.share:.0%} > guard {limit:.0%}); not rewritten, please review"
        )


def prose_flags(texts: Sequence[str]) -> list[bool]:
    """For each block text of one document: does it read like body prose (in the document's language)?"""
    stopwords = stopwords_for(guess_language("\n".join(texts)[:LANGUAGE_SAMPLE_CHARS]))
    cjk = sum(1 for t in texts if _CJK.search(t)) > len(texts) * CJK_LINE_SHARE
    return [is_prose(line_stats(t, stopwords), cjk=cjk) for t in texts]


def measure_prose_loss(text: str, result: Result) -> ProseLoss:
    """How much of the prose of ``text`` its cleaning ``result`` would lose, judged on the result's segments.

    The segments are the engine's blocks (a line, or fragments of one
    sentence joined), each with its final role, so the guard sees exactly
    what the rules saw.
    """
    segments = result.segments
    flags = prose_flags([seg.text for seg in segments])
    prose = [seg for seg, flag in zip(segments, flags, strict=True) if flag]
    lost = [seg for seg in prose if seg.role in LOST_ROLES]
    has_content = any(line.strip() for line in text.split("\n"))
    return ProseLoss(
        prose_lines=len(prose),
        lost_prose_lines=len(lost),
        lost_lines=tuple(seg.start_line for seg in lost),
        body_left=bool(result.text.strip()) or not has_content,
    )


def combined_loss(first: ProseLoss, later: Sequence[ProseLoss], later_lines: Sequence[int]) -> ProseLoss:
    """The prose several cleanings in a row lose, against the file's own prose-like lines.

    ``later`` are the losses of the passes after the first, each on the text the pass before it
    left; ``later_lines`` are their lost blocks' line numbers in the file. Body is left when the
    last pass leaves some.
    """
    return ProseLoss(
        prose_lines=first.prose_lines,
        lost_prose_lines=first.lost_prose_lines + sum(loss.lost_prose_lines for loss in later),
        lost_lines=first.lost_lines + tuple(later_lines),
        body_left=(later[-1] if later else first).body_left,
    )
