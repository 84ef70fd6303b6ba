"""Text blocks of a page in document order, and a readability-style choice of the main container.

The second extraction candidate of the recall safeguard: cheap (one pass over the
tree), independent of trafilatura's rules, and good at long runs of prose that a
rule-based extractor sometimes cuts short.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from lxml.html import HtmlElement

LEAF_BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption"}
)
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "span", "font", "center", "td"})
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head", "title", "select"}
)
BLOCK_LEVEL = LEAF_BLOCK_TAGS | frozenset(
    {"div", "section", "article", "main", "ul", "ol", "table", "tr", "header", "footer", "aside", "nav", "form"}
    | {"figure"}  # a figure's caption is its own block, never part of the loose text around it (html-captions)
)

MIN_SCORED_CHARS = 25
"""Blocks shorter than this add nothing to their container's score."""
MAX_SCORED_LINK_DENSITY = 0.5
"""Blocks whose text is mostly links add nothing to their container's score."""
GRANDPARENT_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One block of text: its position in document order, text, link share and element."""

    order: int
    text: str
    tag: str
    link_density: float
    element: HtmlElement


def _norm(text: str) -> str:
    return " ".join(text.split())


def _text(el: HtmlElement) -> str:
    """The text of ``el`` and its descendants, a line break counting as a space.

    ``itertext`` joins 'going to let<br>this happen' into 'letthis': a recovered paragraph then
    matches nothing trafilatura kept and came back as a second copy (found by the property suite).
    """
    if next(el.iter("br"), None) is None:
        return "".join(el.itertext())
    parts: list[str] = []
    stack: list[tuple[HtmlElement, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing or not isinstance(node.tag, str):  # after a subtree, or a comment: only the tail
            if node is not el:
                parts.append(node.tail or "")
            continue
        parts.append(" " if node.tag == "br" else node.text or "")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(parts)


def _has_block_child(el: HtmlElement) -> bool:
    return next(el.iterdescendants(*BLOCK_LEVEL), None) is not None


def _link_chars(el: HtmlElement) -> int:
    return sum(len(_norm("".join(a.itertext()))) for a in el.iter("a"))


def _is_block(el: HtmlElement) -> bool:
    """True for a block-level element, or a custom element (``<inline-embed>``) wrapping block-level ones.

    A custom element's tag is unknown to the tag lists; read as inline, its paragraphs were
    counted twice (in the container's loose text too), so they looked repeated on the page
    and the recall safeguard never put them back.
    """
    tag = el.tag
    return tag in BLOCK_LEVEL or ("-" in tag and _has_block_child(el))


def _direct_link_chars(el: HtmlElement) -> int:
    """Characters of link text in the inline children of ``el`` (the links of its loose text)."""
    return sum(_link_chars(child) for child in el if isinstance(child.tag, str) and not _is_block(child))


def _direct_text(el: HtmlElement) -> str:
    """Text of ``el`` that is not inside a block-level descendant (loose text in a div)."""
    parts = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str) or not _is_block(child):
            parts.append((" " if child.tag == "br" else _text(child)) if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return _norm("".join(parts))


def text_blocks(root: HtmlElement) -> list[TextBlock]:
    """Leaf text blocks (paragraphs, headings, list items, cells) and loose text of containers."""
    blocks: list[TextBlock] = []
    stack: list[HtmlElement] = [root]
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS:
            continue
        children = list(el)
        if tag in LEAF_BLOCK_TAGS and not _has_block_child(el):
            text = _norm(_text(el))
            if text:
                links = _link_chars(el)
                blocks.append(TextBlock(len(blocks), text, tag, min(1.0, links / len(text)), el))
            continue
        if tag in CONTAINER_TAGS or tag in LEAF_BLOCK_TAGS:
            text = _direct_text(el)
            if text:
                # a layout container's loose text can be a row of links; a quote's or list item's is its text
                # (and text too short to score or be recovered is not measured)
                links = _direct_link_chars(el) if tag in CONTAINER_TAGS and len(text) >= MIN_SCORED_CHARS else 0
                blocks.append(TextBlock(len(blocks), text, tag, min(1.0, links / len(text)), el))
        stack.extend(reversed(children))
    return blocks


def _score(block: TextBlock) -> float:
    return 1.0 + block.text.count(",") + block.text.count("\u3001") + min(len(block.text) / 100.0, 3.0)


def main_container(blocks: list[TextBlock]) -> HtmlElement | None:
    """The element whose paragraphs score highest (readability's parent/grandparent vote)."""
    scores: dict[HtmlElement, float] = defaultdict(float)
    for b in blocks:
        if len(b.text) < MIN_SCORED_CHARS or b.link_density > MAX_SCORED_LINK_DENSITY:
            continue
        parent = b.element.getparent()
        if parent is None:
            continue
        scores[parent] += _score(b)
        grand = parent.getparent()
        if grand is not None:
            scores[grand] += _score(b) * GRANDPARENT_WEIGHT
    if not scores:
        return None
    return max(scores.items(), key=lambda kv: kv[1])[0]
