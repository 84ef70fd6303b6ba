"""Lists the layout rules may not cut off: the article's items stay with the line that leads into them.

The region's edge and the footer rules are guesses about a page's layout; a list the article
announces ("The plan includes:", "Tour dates:") is the article's whatever its items look like.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.engine.packs import Rule
from cleaner.engine.work import Work
from cleaner.feature_table import FeatureTable
from cleaner.features import LAYOUT_FEATURES
from cleaner.model import Block

MIN_UNMARKED_ITEMS = 3
MIN_LEAD_WORDS = 4
NEAR_LEAD_BLOCKS = 15
MAX_QUANTITY_WORDS = 8
_QUANTITY_START = frozenset("0123456789½¼¾⅓⅔⅛")
Shape = tuple[tuple[str, ...], frozenset[str]]


def uses_layout(rule: Rule) -> bool:
    """True for a rule that reasons about the page's layout (region, masthead, footer)."""
    return any(c.feature in LAYOUT_FEATURES for c in rule.when)


def continue_lists(blocks: Sequence[Block], table: FeatureTable, work: list[Work]) -> None:
    """An item of the article's own list stays with it: the region's edge is a guess, not a rule.

    A bulleted or numbered line right after a kept line that announces a list ("The plan includes:"), or
    after a kept item with the same marker of a list that starts inside the region, continues
    that list; a layout rule (region, footer) may not cut it off (fixtures
    prop-linkfarm-between-farms, prop-list-at-region-edge).
    """
    inside = False  # the previous line is an item of a list that starts inside the region
    lead = False  # the previous line is kept body that announces a list ("The plan includes:")
    previous = ""
    for b, f, w in zip(blocks, table.values, work, strict=True):
        marker = _numbered(b.text) or (_marker(b.text) if f["bullet"] else "")
        item = bool(marker) and (lead or inside and marker == previous)
        if item and w.role == "removed" and w.rule is not None and uses_layout(w.rule):
            w.role, w.rule = "body", None
        inside = bool(marker) and w.role == "body" and (bool(f["in_region"]) or item)
        lead = w.role == "body" and announces_list(b.text) and not marker
        previous = marker


def continue_unmarked_lists(blocks: Sequence[Block], table: FeatureTable, work: list[Work]) -> None:
    """Items without a marker after a kept lead line stay with it while they share one shape.

    'Tour dates:' / 'June 9 -- Coral Sky, FL' / 'June 10 -- …': at least ``MIN_UNMARKED_ITEMS`` lines
    of the same shape right after the lead (fixture list-after-lead-unmarked); a layout rule (region,
    footer) may not cut them off. One line after a lead ('Weather:' / 'Enter your zip code') is no list.
    A short lead just outside the region ('Zutaten:') keeps only items that start with an amount
    ('300 g Mehl', fixture quantity-list-beside-region); a recipe's lists under one another ('Teig:',
    'Belag:', 'Guss:') count as near while each one's items run on to the next kept lead (fixture
    recipe-lists-chain).
    """
    n = len(blocks)
    below = n  # the nearest lead below whose quantities were kept: a recipe's lists run on to the region
    for i in range(n - 2, -1, -1):
        lead = table.values[i]
        if work[i].role != "body" or not announces_list(blocks[i].text):
            continue
        if lead["in_region"] and lead["words"] >= MIN_LEAD_WORDS:
            shape = item_shape(blocks[i + 1].text)
            end = i + 1
            while shape is not None and end < n and not table.values[end]["prose"]:
                if not _same_list(shape, item_shape(blocks[end].text)):
                    break
                end += 1
        else:
            # 'Zutaten:' / '300 g Mehl' / '1 TL Backpulver': a short lead just outside the region
            # announces the article's list only when its items are quantities.
            end = i + 1
            while end < n and not table.values[end]["prose"] and _quantity(blocks[end].text):
                end += 1
            if lead["region_distance"] > NEAR_LEAD_BLOCKS and end < below:
                continue  # 'Archiv:' or 'Teilen mit:' away from the article announce menus, not its list
        if end - (i + 1) < MIN_UNMARKED_ITEMS:
            continue
        if not lead["in_region"]:
            below = i
        for w in work[i + 1 : end]:
            if w.role == "removed" and w.rule is not None and uses_layout(w.rule):
                w.role, w.rule = "body", None


def _quantity(text: str) -> bool:
    """An item that starts with an amount: '300 g Mehl', '1 TL Backpulver', '½ cup sugar', '2-3 Eier'."""
    words = text.split()
    return 2 <= len(words) <= MAX_QUANTITY_WORDS and words[0][0] in _QUANTITY_START and not text.endswith(".")


def _same_list(first: Shape, item: Shape | None) -> bool:
    """The item starts like the list's first item and has its separators (and maybe one more:
    'Aug. 8 -- Casino Amphitheatre - Chicago, IL' after 'June 9 -- Coral Sky, FL')."""
    return item is not None and item[0] == first[0] and first[1] <= item[1]


def item_shape(text: str) -> Shape | None:
    """What the items of one unmarked list share: the kind of their first two words and their separators.

    'June 9 -- Coral Sky, FL' -> (('word', 'number'), {'--'}); None for a line of fewer than three words
    or one with a list marker (``continue_lists`` follows those).
    """
    words = text.split()
    if len(words) < 3 or _numbered(text) or not text.lstrip()[0].isalnum():
        return None
    kinds = tuple("number" if w[0].isdigit() else "word" for w in words[:2])
    separators = frozenset(w for w in words if not any(c.isalnum() for c in w))
    if kinds == ("word", "word") and not separators:
        return None  # 'Jobs in Dessau' / 'Kontakt zur Redaktion': any short line has this shape
    return kinds, separators


def announces_list(text: str) -> bool:
    """A line that leads into a list ends with a colon ('The plan includes:', 'Tour dates:')."""
    return text.rstrip().endswith((":", "："))


def _numbered(text: str) -> str:
    # '1. ', '2) ': a numbered item; every number is the same marker ('#').
    head = text.lstrip()[:4]
    digits = len(head) - len(head.lstrip("0123456789"))
    return "#" if 0 < digits <= 2 and head[digits : digits + 1] in (".", ")") else ""


def _marker(text: str) -> str:
    return text.lstrip()[:1]
