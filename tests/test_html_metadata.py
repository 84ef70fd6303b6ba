"""HTML metadata: cleaner's cheap-first metadata gives what trafilatura's extract_metadata gives."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from trafilatura.metadata import extract_author as trafilatura_author
from trafilatura.metadata import extract_metadata

from cleaner.adapters.decode import decode_content
from cleaner.config import Config
from cleaner.dom.parse import parse_html
from cleaner.metadata_html import extract_author, page_metadata

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HTML_FIXTURES = sorted(FIXTURES.glob("html-*/input.html"))

BYLINES = {
    "class-author": '<div class="post"><span class="author">Jane Doe</span><p>Text of the post.</p></div>',
    "rel-author": '<p>Posted by <a rel="author" href="/u/jd">Jane Doe</a></p>',
    "byline-class": '<div class="byline">By Jane Doe and John Roe</div>',
    "author-name-class": '<span class="c-author-name">Jane Doe</span>',
    "itemprop": '<span itemprop="author"><span itemprop="name">Jane Doe</span></span>',
    "id-Author": '<h5 id="postAuthor">Jane Doe</h5>',
    "writer": '<em class="writer-box">Jane Doe</em>',
    "data-component": '<div data-component="Byline">Jane Doe</div>',
    "in-sidebar": '<div class="sidebar"><span class="author">Sidebar Person</span></div><b class="Byline">Jane Doe</b>',
    "in-comments": '<div id="comments"><span class="author">Commenter</span></div>',
    "time-inside": '<span class="author">Jane <time>May 5</time>Doe</span>',
    "figure-only": '<figure><figcaption class="author">Photo Person</figcaption></figure>',
    "too-long": f'<span class="author">{"word " * 40}</span>',
    "too-short": '<span class="author">JD</span><p class="byline">Jane Doe</p>',
    "quote-nested": '<div class="author">Jane <div class="quote">said this</div> Doe</div>',
    "author-element": "<author>Jane Doe</author>",
    "none": "<p>No byline here at all, just text.</p>",
}


def _root(body: str) -> lxml.html.HtmlElement:
    page = parse_html(f"<html><head><title>T</title></head><body>{body}</body></html>", config=Config())
    assert page is not None
    return page.root


@pytest.mark.parametrize("case", sorted(BYLINES))
def test_author_search_matches_trafilatura(case: str) -> None:
    root = _root(BYLINES[case])
    assert extract_author(root) == trafilatura_author(root)


@pytest.mark.parametrize("path", HTML_FIXTURES, ids=lambda p: p.parent.name)
def test_page_metadata_matches_trafilatura(path: Path) -> None:
    page = parse_html(decode_content(path.read_bytes(), html=True)[0], config=Config())
    assert page is not None
    doc = extract_metadata(page.root, None, None, False)
    expected = {"title": doc.title, "author": doc.author, "date": doc.date, "site_name": doc.sitename}
    assert page_metadata(page.root, None) == expected


def test_meta_tags_win_over_the_byline_search() -> None:
    root = _root('<span class="author">Byline Person</span>')
    head = root.find("head")
    assert head is not None
    head.append(lxml.html.fromstring('<meta name="author" content="Meta Person">'))
    assert page_metadata(root, None)["author"] == "Meta Person"
