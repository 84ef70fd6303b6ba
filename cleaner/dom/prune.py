"""Apply DOM rules to a parsed page: drop the elements they select, inside a body-protection guard."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import lxml.etree
from lxml.html import HtmlElement

from cleaner.dom.packs import DomRule

logger = logging.getLogger(__name__)

MAX_PAGE_SHARE = 0.3
"""By default a rule never drops an element holding more than this share of the page's text (body guard)."""
PROTECTED_TAGS = frozenset({"html", "body", "head"})
NON_TEXT_TAGS = ("script", "style", "template")
_WITH_CLASS_OR_ID = lxml.etree.XPath("//*[@class or @id]")
"""Removed before any rule runs: their content is code, never text."""


@dataclass(frozen=True, slots=True)
class DomRemoval:
    """One element a DOM rule removed: its rule, tag and (shortened) text."""

    rule: str
    reason: str
    tag: str
    text: str


def element_text(el: HtmlElement) -> str:
    """Whitespace-normalized text of an element, without its tail."""
    return " ".join("".join(el.itertext()).split())


def link_stats(el: HtmlElement) -> tuple[int, int]:
    """Number of links and characters of link text inside ``el`` (the element itself included)."""
    links = chars = 0
    for a in el.iter("a"):
        links += 1
        chars += len(" ".join("".join(a.itertext()).split()))
    return links, chars


def _holds(rule: DomRule, el: HtmlElement, text: str, page_chars: int, repeats: Counter[str]) -> bool:
    w = rule.when
    share = w.max_page_share if w.max_page_share is not None else MAX_PAGE_SHARE
    if page_chars and len(text) > share * page_chars and len(text) > 200:
        return False
    if w.max_chars is not None and len(text) > w.max_chars:
        return False
    if w.repeated and repeats[text] < 2:
        return False
    if w.min_link_density is not None or w.max_link_density is not None or w.min_links is not None:
        links, link_chars = link_stats(el)
        density = link_chars / len(text) if text else 0.0
        if w.min_links is not None and links < w.min_links:
            return False
        if w.min_link_density is not None and density < w.min_link_density:
            return False
        if w.max_link_density is not None and density > w.max_link_density:
            return False
    return True


def unwrap_layout_tables(root: HtmlElement) -> int:
    """Turn layout tables (cells holding paragraphs or headings) into plain divs; return how many.

    Old sites lay the whole page out in one table; extractors then read the article as a
    single table cell and flatten its paragraphs and lists (fixtures/html-linkfarm).
    """
    count = 0
    for table in list(root.iter("table")):
        if table.find(".//table") is not None or table.find(".//td//p") is None and table.find(".//td//h1") is None:
            continue
        for el in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th"):
            el.tag = "div"
            for attr in ("width", "valign", "colspan", "rowspan"):
                el.attrib.pop(attr, None)
        count += 1
    return count


def _attached(el: HtmlElement, root: HtmlElement) -> bool:
    """False when an earlier drop already took ``el`` out of the page with an ancestor."""
    top = el
    for anc in el.iterancestors():
        top = anc
    return top is root


def prune_tree(root: HtmlElement, rules: Sequence[DomRule]) -> tuple[DomRemoval, ...]:
    """Drop, in place, every element a rule selects and whose conditions hold; return what went."""
    lxml.etree.strip_elements(root, *NON_TEXT_TAGS, with_tail=False)
    unwrap_layout_tables(root)
    body = root.find("body")
    page_chars = len(element_text(body if body is not None else root))
    removed: list[DomRemoval] = []
    labelled: list[tuple[HtmlElement, str]] | None = None
    for rule in rules:
        if rule.attr_re is not None:
            # class_words rules: one Python regex over class/id beats per-word XPath translate() calls 10x
            if labelled is None:
                labelled = [(el, f"{el.get('class', '')} {el.get('id', '')}") for el in _WITH_CLASS_OR_ID(root)]
            word_re = rule.attr_re
            selected = [el for el, attrs in labelled if word_re.search(attrs) and el.tag not in PROTECTED_TAGS]
        else:
            selected = [el for el in rule.xpath(root) if isinstance(el, HtmlElement) and el.tag not in PROTECTED_TAGS]
        if not selected:
            continue
        texts = [element_text(el) for el in selected]
        repeats = Counter(texts) if rule.when.repeated else Counter[str]()
        for el, text in zip(selected, texts, strict=True):
            if not _attached(el, root) or not _holds(rule, el, text, page_chars, repeats):
                continue
            removed.append(DomRemoval(rule=rule.id, reason=rule.summary, tag=str(el.tag), text=text[:200]))
            el.drop_tree()
    logger.debug("DOM rules removed %d element(s)", len(removed))
    return tuple(removed)
