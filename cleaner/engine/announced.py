"""What a paragraph announces below itself: a roundup's deal boxes, a table of statistics.

'Check out our picks for the 10 best deals below.' / (feature bullets, prices, 'Buy Now') / the next
paragraph of the article. Short lines score against the region, so a long table or a run of product
boxes splits the article in two, and the layout rules cut the middle as lines outside the region.
When a kept paragraph points below and the article's region resumes after the run, the run is the
article's: the lines a layout rule removed from it come back. Lines a pattern rule removed (an
advertisement, a share bar, a link farm) stay removed. A run holding the site's own furniture (two
or more lines of navigation, prompts or link farms: a comment form, a sidebar's menus) is the page
below the article, not what the article announced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.engine.lists import uses_layout
from cleaner.engine.work import Work
from cleaner.feature_table import FeatureTable
from cleaner.model import Block

MAX_ANNOUNCED_BLOCKS = 150
"""The longest run a paragraph can announce; beyond it the article does not resume, a page does."""
MAX_FURNITURE_LINES = 1
"""Lines of site furniture an announced run may hold ('Don't Miss' above a roundup's deal boxes)."""
FURNITURE_PACKS = frozenset({"navigation", "prompts", "linkfarms"})
_POINTS_BELOW = re.compile(
    r"(?i)\b(?:below|the following|unten|nachfolgend|im folgenden|a continuación|abajo|abaixo|a seguir|ci-dessous)\b"
)


def keep_announced(blocks: Sequence[Block], table: FeatureTable, work: list[Work]) -> None:
    """Give the lines between a paragraph pointing below and the region's next paragraph back to the body."""
    values = table.values
    n = len(blocks)
    i = 0
    while i < n:
        if not (work[i].role == "body" and values[i]["prose"] and _POINTS_BELOW.search(blocks[i].text)):
            i += 1
            continue
        end = min(n, i + MAX_ANNOUNCED_BLOCKS + 1)
        j = next((k for k in range(i + 1, end) if _resumes(values[k], work[k])), None)
        if j is None or _furniture(work[i + 1 : j]) > MAX_FURNITURE_LINES:
            i += 1
            continue
        for w in work[i + 1 : j]:
            if w.role == "removed" and w.rule is not None and uses_layout(w.rule):
                w.role, w.rule = "body", None
        i = j


def _resumes(features: dict[str, float], w: Work) -> bool:
    return w.role == "body" and bool(features["prose"]) and bool(features["in_region"])


def _furniture(run: Sequence[Work]) -> int:
    return sum(1 for w in run if w.role == "removed" and w.rule is not None and w.rule.pack in FURNITURE_PACKS)
