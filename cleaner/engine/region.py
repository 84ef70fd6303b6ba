"""Context features: where the title is, where the article region lies, what repeats a caption.

The body of a page dump is a long, contiguous run of prose; navigation,
menus and footers sit around it. ``best_region`` finds the span with the
highest total score (Kadane's maximum-sum subarray), where prose scores by
its length and short non-prose lines and rule-dropped lines cost a little,
so a short line between two body paragraphs stays inside the region.
"""

from __future__ import annotations

from collections.abc import Sequence

PROSE_WORD_WEIGHT = 0.1
PROSE_MAX_SCORE = 6.0
NEAR_PROSE_SCORE = 0.25
SHORT_LINE_COST = -0.35
DROPPED_LINE_COST = -0.8
MIN_SECOND_REGION_SHARE = 0.25
MAX_FILLED_GAP_BLOCKS = 4
ON_TOPIC_SHARE = 0.5
OFF_TOPIC_SHARE = 0.2
ON_TOPIC_SHORT_COST = -0.1
OFF_TOPIC_SHORT_COST = -0.6


def block_score(features: dict[str, float], dropped: bool) -> float:
    """How much a block argues for being inside the article region."""
    if dropped:
        return DROPPED_LINE_COST
    if features["prose"]:
        return min(PROSE_MAX_SCORE, 0.5 + features["words"] * PROSE_WORD_WEIGHT)
    if features["ends_sentence"] and features["words"] >= 4 and features["stopwords"] > 0:
        return NEAR_PROSE_SCORE
    # A short line that shares the article's words (a subhead, a list item) costs little;
    # one that shares none (a menu item, a teaser headline) costs more.
    if features["topic"] >= ON_TOPIC_SHARE:
        return ON_TOPIC_SHORT_COST
    if features["topic"] < OFF_TOPIC_SHARE:
        return OFF_TOPIC_SHORT_COST
    return SHORT_LINE_COST


def best_region(scores: Sequence[float]) -> tuple[int, int] | None:
    """The [start, end] span (inclusive) with the maximum sum of scores, or None if all are negative."""
    best_sum, best = 0.0, None
    run_sum, run_start = 0.0, 0
    for i, s in enumerate(scores):
        if run_sum <= 0:
            run_sum, run_start = s, i
        else:
            run_sum += s
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, i)
    return best


def region_mask(scores: Sequence[float]) -> list[bool]:
    """Blocks inside the article region: the best span, plus any other span nearly as strong.

    Articles broken by a long ad or gallery block have two strong spans; the
    second one counts when it scores at least ``MIN_SECOND_REGION_SHARE`` of the first.
    """
    n = len(scores)
    mask = [False] * n
    first = best_region(scores)
    if first is None:
        return [True] * n  # no prose anywhere: nothing to anchor on, let the rules decide alone
    a, b = first
    top = sum(scores[a : b + 1])
    for i in range(a, b + 1):
        mask[i] = True
    for lo, hi in ((0, a), (b + 1, n)):
        span = best_region(scores[lo:hi])
        if span and sum(scores[lo + span[0] : lo + span[1] + 1]) >= MIN_SECOND_REGION_SHARE * top:
            start, end = lo + span[0], lo + span[1]
            # A short gap between the two spans (a list, short quotes) is part of the article, not a break
            # in it (found by the property suite: fixture prop-cjk-title).
            gap = range(end + 1, a) if end < a else range(b + 1, start)
            if len(gap) <= MAX_FILLED_GAP_BLOCKS:
                start, end = min(start, gap.start), max(end, gap.stop - 1)
            for i in range(start, end + 1):
                mask[i] = True
            _mark_spans(scores, mask, lo, start, top)
            _mark_spans(scores, mask, end + 1, hi, top)
    return mask


def _mark_spans(scores: Sequence[float], mask: list[bool], lo: int, hi: int, top: float) -> None:
    """Further strong spans between ``lo`` and ``hi`` (an article in three parts), recursively."""
    if hi - lo <= 0:
        return
    span = best_region(scores[lo:hi])
    if not span or sum(scores[lo + span[0] : lo + span[1] + 1]) < MIN_SECOND_REGION_SHARE * top:
        return
    start, end = lo + span[0], lo + span[1]
    for i in range(start, end + 1):
        mask[i] = True
    _mark_spans(scores, mask, lo, start, top)
    _mark_spans(scores, mask, end + 1, hi, top)
