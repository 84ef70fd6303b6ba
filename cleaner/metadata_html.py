"""Page metadata of an HTML page: title, author, date and site name, cheapest sources first.

trafilatura's ``extract_metadata`` also looks for categories, tags, a licence and the
host's registered domain, which cleaner never reports; on the HTML dev pages those
searches took about two thirds of its time (issue 5, speed target). This module runs
the same field extractors in the same order for the four fields ``Result`` carries, so
the values are the ones trafilatura would give:

1. meta tags (OpenGraph, ``name=``, ``itemprop=``), then JSON-LD, which override them;
2. title: ``<h1>``/title-class XPaths/``<title>`` (``extract_title``) only when 1. has none;
3. author: the byline search over the whole tree only when 1. has none. It is
   trafilatura's ``extract_author`` with its XPaths restated without EXSLT regular
   expressions (each ``re:test`` is a Python call per element; every pattern there is a
   plain alternation, so ``contains``/``starts-with`` say the same in C, 4x faster);
   ``tests/test_html_metadata.py`` checks both give the same author;
4. date: htmldate without extensive search (meta tags, JSON-LD, ``<time>``, URL);
5. site name: from 1., else from the ``<title>`` parts, else from the URL.

Very large pages get ``quick_metadata``: meta tags only, linear time.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from typing import Any

import lxml.etree
from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

META_FIELDS = ("title", "author", "date", "site_name")
SITE_FROM_URL_RE = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")
"""The host part of a URL without ``www.``: trafilatura's last-resort site name."""
AUTHOR_MAX_CHARS = 120
"""A byline longer than this is not an author line (trafilatura's limit)."""


AUTHOR_CANDIDATES = lxml.etree.XPath("//*[@class or @id or @itemprop or @rel or @data-testid or @data-component]")
AUTHOR_TAGS_1 = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
AUTHOR_TAGS_2 = frozenset({"a", "div", "h3", "h4", "p", "span"})
DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
AUTHOR_HINT_RE = re.compile(
    "author|Author|byl|Byl|BBL|username|zuozhe|bianji|xiaobian|channel-name|submitted-by|posted-by"
    "|journalist-name|screenname|writer"
)


def _has(value: str, needles: tuple[str, ...]) -> bool:
    return any(n in value for n in needles)


def _author_rank(el: HtmlElement) -> int:
    """Which of trafilatura's three author XPaths selects ``el`` first (0-2), or 3 for none."""
    tag, get = el.tag, el.get
    cls, eid, prop = get("class") or "", get("id") or "", get("itemprop") or ""
    if not AUTHOR_HINT_RE.search(f"{cls} {eid} {prop} {get('rel')} {get('data-testid')} {get('data-component')}"):
        return 3  # every test below needs one of these words: most elements stop here
    if tag in AUTHOR_TAGS_1 and (
        get("rel") == "author"
        or eid == "author"
        or cls == "author"
        or prop == "author name"
        or get("data-testid") in ("AuthorCard", "AuthorURL")
        or _has(cls, ("authorname", "author-name", "AuthorName", "authorName"))
    ):
        return 0
    if tag in AUTHOR_TAGS_2 and (
        cls in ("byline", "username", "byl", "BBL")
        or "author" in prop
        or _has(eid, ("author", "zuozhe", "bianji", "xiaobian"))
        or _has(cls, ("author", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by", "posted-by"))
        or "journalist-name" in cls
    ):
        return 1
    if (
        "Byline" in (get("data-component") or "")
        or "author" in prop
        or _has(eid, ("Author", "author"))
        or _has(cls, ("Author", "author", "screenname", "writer", "Byline", "byline"))
    ):
        return 2
    return 3


def _discarded(el: HtmlElement) -> bool:
    """trafilatura's AUTHOR_DISCARD_XPATHS: comment lists, sidebars, quotes, dates, figures..."""
    tag = el.tag
    if tag in ("time", "figure"):
        return True
    if tag not in DISCARD_TAGS:
        return False
    cls, eid = el.get("class") or "", el.get("id") or ""
    return (
        eid.startswith("comments")
        or cls in ("comments", "title", "date")
        or _has(eid, ("commentlist", "comment-list", "ProductReviews"))
        or cls.startswith(("Comments", "comments"))
        or _has(cls, ("commentlist", "comments-list", "sidebar", "is-hidden", "quote", "embedly-instagram"))
        or _has(cls, ("article-share", "article-support", "print", "category", "meta-date", "meta-reviewer"))
        or "Figure" in (el.get("data-component") or "")
    )


def _pruned_text(el: HtmlElement) -> str:
    """The element's text once discarded descendants are deleted, as ``extract_author`` reads it."""
    from trafilatura.utils import trim
    from trafilatura.xml import delete_element

    if not any(_discarded(d) for d in el.iterdescendants()):
        return trim(" ".join(el.itertext()))
    copy = deepcopy(el)
    copy.tail = None
    for d in [d for d in copy.iterdescendants() if _discarded(d) and d.tag not in ("time", "figure")]:
        delete_element(d)  # the comment/sidebar pass first, then time and figure, as trafilatura does
    for d in [d for d in copy.iterdescendants() if d.tag in ("time", "figure")]:
        delete_element(d)
    return trim(" ".join(copy.itertext()))


def extract_author(root: HtmlElement) -> str | None:
    """trafilatura's ``extract_author`` byline search, done in one pass over elements with attributes.

    trafilatura copies the tree, deletes discarded regions and runs three XPaths with
    EXSLT regular expressions (7 ms a page here); the same predicates in Python on the
    few elements with class, id or itemprop take a fifth of that. Pages with the rare
    ``<author>`` or ``<rel>`` elements go to trafilatura's own function.
    """
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.metadata import extract_author as trafilatura_author

    if root.find(".//author") is not None or root.find(".//rel") is not None:
        result: str | None = trafilatura_author(root)
        return result
    ranked: list[list[HtmlElement]] = [[], [], []]
    for el in AUTHOR_CANDIDATES(root):
        rank = _author_rank(el)
        if rank < 3:
            ranked[rank].append(el)
    for candidates in ranked:
        for el in candidates:
            if any(_discarded(a) for a in (el, *el.iterancestors())):
                continue
            content = _pruned_text(el)
            if content and 2 < len(content) < AUTHOR_MAX_CHARS:
                result = normalize_authors(None, content)
                return result
    return None


def page_metadata(root: HtmlElement, url: str | None) -> dict[str, str | None]:
    """Title, author, date and site name from trafilatura's field extractors, cheapest sources first."""
    try:
        return _page_metadata(root, url)
    except Exception as exc:  # noqa: BLE001 - metadata is optional: a failure must not lose the body
        logger.debug("metadata extraction failed: %s", exc)
        return {}


def _page_metadata(root: HtmlElement, url: str | None) -> dict[str, str | None]:
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.settings import set_date_params

    doc: Any = tm.examine_meta(root)
    if doc.author and " " not in doc.author:  # a single token is a handle, not a name (as trafilatura)
        doc.author = None
    try:
        doc = tm.extract_meta_json(root, doc)
    except Exception as exc:  # noqa: BLE001 - bugs in trafilatura's JSON-LD parsing
        logger.debug("JSON-LD metadata failed: %s", exc)
    if not doc.title:
        doc.title = tm.extract_title(root)
    if not doc.author:
        doc.author = extract_author(root)
    if not doc.url:
        doc.url = tm.extract_url(root, url)
    date_params = set_date_params(False)
    date_params["url"] = doc.url
    doc.date = find_date(root, **date_params)
    if not doc.sitename:
        doc.sitename = tm.extract_sitename(root)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url and (m := SITE_FROM_URL_RE.match(doc.url)):
        doc.sitename = m[1]
    doc.clean_and_trim()
    return {
        "title": doc.title or None,
        "author": doc.author or None,
        "date": doc.date or None,
        "site_name": doc.sitename or None,
    }


def quick_metadata(root: HtmlElement) -> dict[str, str | None]:
    """Title, author, date and site name from meta tags alone: the linear-time path for very large pages."""

    def first(*xpaths: str) -> str | None:
        for xp in xpaths:
            for value in root.xpath(xp):
                text = " ".join(str(value).split())
                if text:
                    return text
        return None

    return {
        "title": first('//meta[@property="og:title"]/@content', "//head/title//text()", "(//h1)[1]//text()"),
        "author": first('//meta[@name="author"]/@content', '//meta[@property="article:author"]/@content'),
        "date": first('//meta[@property="article:published_time"]/@content', "(//time/@datetime)[1]"),
        "site_name": first('//meta[@property="og:site_name"]/@content'),
    }
