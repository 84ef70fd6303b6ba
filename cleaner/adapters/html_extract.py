"""Body extraction on the pruned tree: trafilatura first, then the recall safeguard.

Recall policy (a few rules, easy to audit): trafilatura's paragraphs are the base.
A block of the page that trafilatura left out is put back, in its place, when it
looks like prose, not furniture -- a link share below ``MAX_GAP_LINK_DENSITY``, it
occurs once on the page, and it is a paragraph-like block (``RECOVERABLE_TAGS``) or
the loose text of a container (``LOOSE_TEXT_TAGS``, at least ``LOOSE_TEXT_MIN_CHARS``,
not a caption, not a card that prints its title twice) -- and one of these holds:

* hole: it sits *between* two paragraphs trafilatura kept (a hole in the middle of the
  article is almost always a paragraph a rule mis-fired on), at most
  ``GAP_ANCESTOR_LEVELS`` below an element holding kept paragraphs, with at least
  ``MIN_GAP_CHARS`` characters (any length for a list item or subheading beside kept ones);
  a hole paragraph of ``FAR_HOLE_MIN_CHARS`` or more comes back wherever it sits in the
  tree (articles split across wrappers), unless it is a caption;
* chunk: its parent has the same tag and class as the parent of kept paragraphs (the
  article split into repeated chunks);
* lead: it is one of the ``LEAD_WINDOW_BLOCKS`` blocks just before the first kept
  paragraph (the standfirst trafilatura often drops), not an ``<h1>`` and not a caption,
  with at least ``LEAD_MIN_CHARS`` characters; likewise a closing paragraph among the
  ``TAIL_WINDOW_BLOCKS`` blocks after the last one, if it sits near kept paragraphs;
* short base: trafilatura kept less than ``SHORT_BASE_SHARE`` of the prose of the
  readability-style main container (``dom.density``): then that container's prose blocks
  come back too, as trafilatura's own fallback would.

What comes back is still judged by the text rule engine afterwards, so a widget that
slips through here can be removed there with a reason.
"""

from __future__ import annotations

import copy
import functools
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from cleaner.adapters.html_split import split_joined
from cleaner.dom.density import TextBlock, main_container, text_blocks

logger = logging.getLogger(__name__)

BIG_TREE_NODES = 25_000
"""Trees with more elements than this skip trafilatura and use the linear density extraction."""
RECOVERABLE_TAGS = frozenset({"p", "blockquote", "pre", "li", "h2", "h3", "h4", "h5", "h6"})
"""Only these leaf blocks are put back (never loose container text or captions)."""
GAP_ANCESTOR_LEVELS = 4
"""A hole paragraph may sit this many levels below an element that holds kept paragraphs."""
SHORT_SIBLING_TAGS = frozenset({"li", "h2", "h3", "h4", "h5", "h6"})
"""A list item or subheading in a hole, beside kept paragraphs, comes back whatever its length."""
MIN_GAP_CHARS = 40
"""A recovered paragraph has at least this many characters."""
FAR_HOLE_MIN_CHARS = 100
"""A hole paragraph this long comes back wherever it sits in the tree (articles split across wrappers)."""
MAX_GAP_LINK_DENSITY = 0.3
"""... and at most this share of its characters in links."""
LOOSE_TEXT_TAGS = frozenset({"div", "section", "article", "main", "span", "font", "center"})
"""Containers whose own loose text (sentences not wrapped in <p>) can be a paragraph ..."""
LOOSE_TEXT_MIN_CHARS = 80
"""... from this many characters."""
LEAD_WINDOW_BLOCKS = 3
"""A lead (standfirst) may sit this many blocks before trafilatura's first paragraph."""
TAIL_WINDOW_BLOCKS = 3
"""A closing paragraph may sit this many blocks after trafilatura's last one (and near it in the tree)."""
LEAD_MIN_CHARS = 80
"""A lead or closing paragraph has at least this many characters ..."""
CAPTION_ANCESTOR_LEVELS = 4
TWICE_HEAD_CHARS = 30
"""Loose text whose first this-many characters come back later in it is a card, not a paragraph."""
"""... and neither it nor its nearest ancestors are a figure or say caption (captions sit beside leads)."""
SHORT_BASE_SHARE = 0.5
"""trafilatura's text under this share of the main container's prose: the container's prose comes back too."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """The body paragraphs found on a page and how many the recall safeguard put back."""

    paragraphs: tuple[str, ...]
    recovered: int = 0
    big_tree: bool = False


def _norm(text: str) -> str:
    return " ".join(text.split())


@functools.cache
def _base_options() -> Any:
    """trafilatura's options for cleaner's call, built once: fast mode, no comments, tables, no metadata.

    Building them reads trafilatura's config file section and formats today's date (0.7 ms a page).
    """
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=True, comments=False, tables=True, with_metadata=False)


def trafilatura_paragraphs(root: HtmlElement, url: str | None) -> list[str]:
    """Run trafilatura (fast mode, no comments) on an already-parsed tree; return its paragraphs."""
    import trafilatura

    options = copy.copy(_base_options())  # per call: trafilatura keeps the URL on it
    options.url = options.source = url
    doc: Any = trafilatura.bare_extraction(root, url=url, options=options)
    text = getattr(doc, "text", None) if doc is not None else None
    return [p for p in (_norm(line) for line in (text or "").splitlines()) if p]


def _position(blocks: list[TextBlock]) -> dict[str, int]:
    index: dict[str, int] = {}
    for b in blocks:
        index.setdefault(b.text, b.order)
    return index


def _inside(el: HtmlElement, region: HtmlElement | None) -> bool:
    if region is None:
        return False
    return el is region or any(a is region for a in el.iterancestors())


def _signature(el: HtmlElement | None) -> tuple[str, str] | None:
    """Tag and class of a paragraph's parent: the mark of a repeated article chunk, if it has a class."""
    if el is None or not el.get("class"):
        return None
    return str(el.tag), " ".join(sorted(el.get("class", "").split()))


def _near(el: HtmlElement, kept_parents: set[HtmlElement]) -> bool:
    """True when one of the few nearest ancestors also holds a kept paragraph (embeds, quotes, lists)."""
    for depth, anc in enumerate(el.iterancestors()):
        if depth >= GAP_ANCESTOR_LEVELS:
            return False
        if anc in kept_parents:
            return True
    return False


def _prose(b: TextBlock, counts: Counter[str], joined: str, min_chars: int = MIN_GAP_CHARS) -> bool:
    size_ok = (b.tag in RECOVERABLE_TAGS and len(b.text) >= min_chars) or (
        b.tag in LOOSE_TEXT_TAGS
        and len(b.text) >= LOOSE_TEXT_MIN_CHARS
        and not _caption_like(b.element)
        and not _says_twice(b.text)
    )
    return (
        size_ok
        and b.link_density <= MAX_GAP_LINK_DENSITY
        and counts[b.text] == 1
        and b.text not in joined
    )


def container_blocks(blocks: list[TextBlock], counts: Counter[str]) -> list[TextBlock]:
    """The prose blocks of the readability-style main container: the density candidate."""
    container = main_container(blocks)
    if container is None:
        return []
    return [
        b
        for b in blocks
        if b.link_density <= MAX_GAP_LINK_DENSITY and counts[b.text] == 1 and _inside(b.element, container)
    ]


def _short_base_extra(base: list[str], blocks: list[TextBlock], counts: Counter[str]) -> dict[int, str]:
    """The density candidate's blocks when trafilatura kept under ``SHORT_BASE_SHARE`` of its text."""
    joined = " ".join(base)
    prose_chars = sum(len(b.text) for b in blocks if b.link_density <= MAX_GAP_LINK_DENSITY)
    if len(joined) >= SHORT_BASE_SHARE * prose_chars:
        return {}  # the container holds at most the page's prose: no need to find it
    candidate = container_blocks(blocks, counts)
    if len(joined) >= SHORT_BASE_SHARE * sum(len(b.text) for b in candidate):
        return {}
    return {b.order: b.text for b in candidate if b.text not in joined}


def merge_candidates(base: list[str], blocks: list[TextBlock]) -> Extraction:
    """Fill holes in ``base`` (trafilatura) with prose blocks of the page, following the module's policy."""
    if not blocks:
        return Extraction(tuple(base))
    counts = Counter(b.text for b in blocks)
    where = _position(blocks)
    short = _short_base_extra(base, blocks, counts)
    placed = [(where[p], p) for p in base if p in where]
    if len(placed) < 2:
        return _assemble(base, where, short)
    first, last = min(o for o, _ in placed), max(o for o, _ in placed)
    joined = " ".join(base)
    parents = [blocks[o].element.getparent() for o, _ in placed]
    # the set holds the elements themselves, not id()s: lxml frees an element proxy nobody references and
    # a later proxy can reuse its address, which made the recovered set depend on memory layout
    kept_parents = {p for p in parents if p is not None}
    chunk_sigs = {sig for sig in map(_signature, parents) if sig is not None}
    extra: dict[int, str] = dict(short)
    chunks: list[int] = []
    for _ in range(2):  # the second pass lets siblings of recovered list items come back too
        # ... and holes between the article chunks the first pass put back (an embed between two chunks)
        lo, hi = min([first, *chunks]), max([last, *chunks])
        for b in blocks:
            parent = b.element.getparent()
            sibling = lo < b.order < hi and parent in kept_parents and b.tag in SHORT_SIBLING_TAGS
            if b.order in extra or not _prose(b, counts, joined, 1 if sibling else MIN_GAP_CHARS):
                continue
            in_gap = lo < b.order < hi and (_near(b.element, kept_parents) or _far_hole(b))
            if in_gap or _signature(parent) in chunk_sigs:
                extra[b.order] = b.text
                chunks.append(b.order)
                if parent is not None:
                    kept_parents.add(parent)
    extra.update(_lead_and_tail(blocks, first, last, kept_parents, counts, joined))
    return _assemble(base, where, extra)


def _far_hole(b: TextBlock) -> bool:
    """A long hole paragraph away from kept ones in the tree: it comes back unless it is a caption."""
    return len(b.text) >= FAR_HOLE_MIN_CHARS and not _caption_like(b.element)


def _lead_and_tail(
    blocks: list[TextBlock], first: int, last: int, kept: set[HtmlElement], counts: Counter[str], joined: str
) -> dict[int, str]:
    """Prose just before trafilatura's first paragraph (the lead) or just after its last one, near it."""
    out: dict[int, str] = {}
    for b in blocks[max(0, first - LEAD_WINDOW_BLOCKS) : first]:
        if b.tag != "h1" and _prose(b, counts, joined, LEAD_MIN_CHARS) and not _caption_like(b.element):
            out[b.order] = b.text
    for b in blocks[last + 1 : last + 1 + TAIL_WINDOW_BLOCKS]:
        if _prose(b, counts, joined, LEAD_MIN_CHARS) and _near(b.element, kept) and not _caption_like(b.element):
            out[b.order] = b.text
    return out


def _says_twice(text: str) -> bool:
    """True when the text's opening words come back inside it: a teaser card printing its title twice."""
    head = text[:TWICE_HEAD_CHARS]
    return len(text) >= 2 * TWICE_HEAD_CHARS and head in text[TWICE_HEAD_CHARS:]


def _caption_like(el: HtmlElement) -> bool:
    """True inside a figure or an element whose class or id says caption: image captions sit next to leads."""
    for depth, a in enumerate((el, *el.iterancestors())):
        if depth > CAPTION_ANCESTOR_LEVELS:
            return False
        if a.tag in ("figure", "figcaption") or "caption" in f"{a.get('class', '')} {a.get('id', '')}".lower():
            return True
    return False


def _assemble(base: list[str], where: dict[str, int], extra: dict[int, str]) -> Extraction:
    """``base`` with the ``extra`` blocks put in at their place in the page."""
    if not extra:
        return Extraction(tuple(base))
    out: list[str] = []
    pending = sorted(extra.items())
    for p in base:
        pos = where.get(p)
        while pending and pos is not None and pending[0][0] < pos:
            out.append(pending.pop(0)[1])
        out.append(p)
    out.extend(t for _, t in pending)
    logger.debug("recall safeguard put back %d paragraph(s)", len(extra))
    return Extraction(tuple(out), recovered=len(extra))


def density_paragraphs(blocks: list[TextBlock]) -> list[str]:
    """The prose blocks of the readability-style main container (the linear-time fallback)."""
    container = main_container(blocks)
    if container is None:
        return []
    return [
        b.text
        for b in blocks
        if b.link_density <= MAX_GAP_LINK_DENSITY and _inside(b.element, container) and b.element is not container
    ] or [b.text for b in blocks if b.element is container]


def extract_body(root: HtmlElement, url: str | None, *, nodes: int = 0) -> Extraction:
    """trafilatura's body of the (pruned) page, with holes filled by the recall safeguard.

    Past ``BIG_TREE_NODES`` elements trafilatura slows down sharply (issue 8: 50,000
    sibling paragraphs take seconds), so only the linear density candidate runs.
    """
    blocks = text_blocks(root)
    if nodes > BIG_TREE_NODES:
        return Extraction(tuple(density_paragraphs(blocks)), big_tree=True)
    # trafilatura's one-line fallback (a short page's paragraphs run together) is cut back into blocks first
    base = split_joined(trafilatura_paragraphs(root, url), blocks)
    return merge_candidates(base, blocks)
