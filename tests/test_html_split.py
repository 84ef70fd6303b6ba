"""html_split: trafilatura's one-line fallback is cut back into the page's blocks, losing nothing."""

from __future__ import annotations

import lxml.html

from cleaner.adapters.html_split import split_joined
from cleaner.dom.density import text_blocks

PAGE = (
    "<html><body><article><h1>Metro line to open in March</h1><p>The city said on Monday that the line would open.</p>"
    "<figure><figcaption>?? Evan Vucci, AP ?? The mayor speaks.</figcaption></figure>"
    "<p>Officials said 12,000 households would be served.</p></article></body></html>"
)


def _blocks() -> list:  # type: ignore[type-arg]
    return text_blocks(lxml.html.fromstring(PAGE))


def test_a_joined_line_is_cut_at_the_blocks() -> None:
    joined = (
        "Metro line to open in March The city said on Monday that the line would open. "
        "?? Evan Vucci, AP ?? The mayor speaks. Officials said 12,000 households would be served."
    )
    assert split_joined([joined], _blocks()) == [
        "Metro line to open in March",
        "The city said on Monday that the line would open.",
        "?? Evan Vucci, AP ?? The mayor speaks.",
        "Officials said 12,000 households would be served.",
    ]


def test_text_between_blocks_is_kept_as_a_piece() -> None:
    joined = "Metro line to open in March EXTRA WORDS The city said on Monday that the line would open."
    assert split_joined([joined], _blocks()) == [
        "Metro line to open in March",
        "EXTRA WORDS",
        "The city said on Monday that the line would open.",
    ]


def test_normal_extractions_are_left_alone() -> None:
    paragraphs = ["The city said on Monday that the line would open."]
    assert split_joined(paragraphs, _blocks()) == paragraphs
    many = ["a", "b", "c"]
    assert split_joined(many, _blocks()) == many


def test_what_no_leaf_covers_is_cut_at_loose_container_text() -> None:
    page = (
        "<html><body><article><p>The city said on Monday that the line would open.</p>"
        "<p>Officials said 12,000 households would be served.</p>"
        "<div><b>Top stories</b></div><div>Council agrees new budget.</div><div>Choir wins contest.</div>"
        "</article></body></html>"
    )
    joined = (
        "The city said on Monday that the line would open. Officials said 12,000 households would be served. "
        "Top stories Council agrees new budget. Choir wins contest."
    )
    assert split_joined([joined], text_blocks(lxml.html.fromstring(page))) == [
        "The city said on Monday that the line would open.",
        "Officials said 12,000 households would be served.",
        "Top stories",
        "Council agrees new budget.",
        "Choir wins contest.",
    ]
