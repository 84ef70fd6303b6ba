"""Apply DOM rules to a parsed page: drop the elements they select, inside a body-protection guard."""

from __future__ import annotations

import functools
import logging
import re
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
"""Removed before any rule runs: their content is code, never text."""
_WITH_CLASS_OR_ID = lxml.etree.XPath("//*[@class or @id]")
_SEPARATORS_RE = re.compile(r"[-_]")
_PASCAL_RE = re.compile(r"(?<![\w-])[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+")
_WORD_START_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class DomRemoval:
    """One element a DOM rule removed: its rule, tag, text and line in the HTML source (0 if unknown)."""

    rule: str
    reason: str
    tag: str
    text: str
    source_line: int = 0


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


def count_links(el: HtmlElement) -> int:
    """Number of links inside ``el`` (the element itself included), without reading their text."""
    return sum(1 for _ in el.iter("a"))


class _LazyText:
    """An element's text, read at most once and only when a condition needs it."""

    __slots__ = ("el", "_text")

    def __init__(self, el: HtmlElement, text: str | None = None) -> None:
        self.el = el
        self._text = text

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = element_text(self.el)
        return self._text


def _holds(rule: DomRule, el: HtmlElement, lazy: _LazyText, page_chars: int, repeats: Counter[str]) -> bool:
    """True when every condition of the rule holds; the cheap ones (link count) are tried first."""
    w = rule.when
    if w.min_links is not None and count_links(el) < w.min_links:
        return False  # most candidates of a link-farm selector stop here, before any text is read
    text = lazy.text
    share = w.max_page_share if w.max_page_share is not None else MAX_PAGE_SHARE
    if page_chars and len(text) > share * page_chars and len(text) > 200:
        return False
    if w.max_chars is not None and len(text) > w.max_chars:
        return False
    if w.repeated and repeats[text] < 2:
        return False
    if w.min_link_density is not None or w.max_link_density is not None:
        _, link_chars = link_stats(el)
        density = link_chars / len(text) if text else 0.0
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


def split_pascal_case(attrs: str) -> str:
    """``attrs`` with each PascalCase name cut into its words: "PromoSmall-title" reads as "Promo Small-title".

    Component-style classes (``PromoSmall``, ``RelatedArticles``) name the widget in their words;
    lowerCamel names are left whole, as they are mostly states of the element (``isPaywall``
    marks a paywalled article, not a paywall prompt).
    """
    return _PASCAL_RE.sub(lambda m: _WORD_START_RE.sub(" ", m.group()), attrs)


@functools.lru_cache(maxsize=16)
def _first_parts(words: tuple[str, ...]) -> frozenset[str]:
    """The first part (up to ``-`` or ``_``) of every class word."""
    return frozenset(_SEPARATORS_RE.split(w)[0] for w in words)


def _labelled_elements(root: HtmlElement, rules: Sequence[DomRule]) -> list[tuple[HtmlElement, str]]:
    """Elements with a class or id that some class_words rule may match, with their "class id" string.

    A class word matches at ``-``/``_``/space boundaries, so its first part is then a whole
    part of the attributes split at those characters: a set test rules out most elements
    before any regex runs (the regexes cost 4 us per element, the split a fraction of it).
    """
    firsts = _first_parts(tuple(w for r in rules for w in r.class_words))
    out = []
    for el in _WITH_CLASS_OR_ID(root):
        attrs = split_pascal_case(f"{el.get('class', '')} {el.get('id', '')}")
        if not firsts.isdisjoint(attrs.casefold().replace("_", " ").replace("-", " ").split()):
            out.append((el, attrs))
    return out


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
            # class_words rules: one Python regex over class/id beats per-word XPath translate() calls 10x;
            # the elements are listed once for all such rules, keeping only those any of them could match
            if labelled is None:
                labelled = _labelled_elements(root, rules)
            word_re = rule.attr_re
            selected = [el for el, attrs in labelled if word_re.search(attrs) and el.tag not in PROTECTED_TAGS]
        else:
            selected = [el for el in rule.xpath(root) if isinstance(el, HtmlElement) and el.tag not in PROTECTED_TAGS]
        if not selected:
            continue
        if rule.when.repeated:
            lazies = [_LazyText(el, element_text(el)) for el in selected]
            repeats = Counter(lazy.text for lazy in lazies)
        else:
            lazies = [_LazyText(el) for el in selected]
            repeats = Counter[str]()
        for lazy in lazies:
            el = lazy.el
            if not _holds(rule, el, lazy, page_chars, repeats) or not _attached(el, root):
                continue
            shown = " ".join(" ".join(el.itertext()).split())  # "Most read Flood warning", not "Most readFlood"
            removed.append(DomRemoval(rule.id, rule.summary, str(el.tag), shown, el.sourceline or 0))
            el.drop_tree()
    logger.debug("DOM rules removed %d element(s)", len(removed))
    return tuple(removed)
