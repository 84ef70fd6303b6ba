"""The recall safeguard (adapters.html_extract): each rule of its policy, on blocks built from small pages."""

from __future__ import annotations

import lxml.html

from cleaner.adapters.html_extract import merge_candidates
from cleaner.dom.density import TextBlock, text_blocks

PROSE = [
    "The council met on Tuesday evening to vote on next year's budget for the valley schools.",
    "After a long debate the members agreed to keep the bus service to the upper villages running.",
    "The mayor said the decision would be reviewed in the spring, once the new figures are in.",
    "Residents who want to speak at the next meeting can register with the town clerk by Friday.",
]
LEAD = "Councillors kept the school buses running after a debate that lasted well into the night, on Tuesday."


def _blocks(body: str) -> list[TextBlock]:
    return text_blocks(lxml.html.document_fromstring(f"<html><body>{body}</body></html>"))


def _article(before: str = "", middle: str = "", after: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PROSE[:2]) + middle + "".join(f"<p>{p}</p>" for p in PROSE[2:])
    return f"<div class='page'>{before}<div class='story'>{paras}</div>{after}</div>"


def test_a_hole_between_kept_paragraphs_comes_back_in_place() -> None:
    hole = "<p>A paragraph in the middle that the extractor left out for no good reason at all.</p>"
    out = merge_candidates(PROSE, _blocks(_article(middle=hole)))
    assert out.paragraphs[2].startswith("A paragraph in the middle")
    assert out.recovered == 1


def test_a_lead_just_before_the_article_comes_back_but_not_a_caption() -> None:
    lead = f"<p class='standfirst'>{LEAD}</p>"
    out = merge_candidates(PROSE, _blocks(_article(before=lead)))
    assert out.paragraphs[0] == LEAD
    caption = f"<figure><p>{LEAD}</p></figure>"
    assert LEAD not in merge_candidates(PROSE, _blocks(_article(before=caption))).paragraphs
    far = "".join(f"<h4>Menu entry {i}</h4>" for i in range(5))
    assert LEAD not in merge_candidates(PROSE, _blocks(_article(before=lead + far))).paragraphs


def test_loose_container_text_counts_unless_it_is_mostly_links_or_says_itself_twice() -> None:
    loose = "<div>The town clerk will publish the full minutes of the meeting on the council website soon.</div>"
    assert any("town clerk will publish" in p for p in merge_candidates(PROSE, _blocks(_article(middle=loose))).paragraphs)
    title = "Bridge to close for repairs in March"
    card = f"<div>{title}: the valley bridge will close for two weeks. {title}</div>"
    assert not any(title in p for p in merge_candidates(PROSE, _blocks(_article(middle=card))).paragraphs)
    links = "<div>See also <a href='/a'>the budget for the valley schools and buses</a> and <a href='/b'>more</a></div>"
    assert not any("See also" in p for p in merge_candidates(PROSE, _blocks(_article(middle=links))).paragraphs)


def test_a_short_extraction_gets_the_main_container_prose() -> None:
    out = merge_candidates(PROSE[:1], _blocks(_article()))
    assert list(out.paragraphs) == PROSE
    assert merge_candidates([], _blocks(_article())).paragraphs == tuple(PROSE)


def test_nothing_is_added_to_a_complete_extraction() -> None:
    out = merge_candidates(PROSE, _blocks(_article(after="<ul><li><a href='/x'>Home</a></li></ul>")))
    assert list(out.paragraphs) == PROSE and out.recovered == 0


def test_captions_in_figures_after_the_article_stay_out() -> None:
    gallery = "".join(
        f"<figure><img src='/{i}.jpg'><figcaption>Photo {i} of the council chamber during the long debate. "
        "Photo: Courier archive</figcaption></figure>"
        for i in range(2)
    )
    out = merge_candidates(PROSE, _blocks(_article(after=f"<div class='lightbox'>{gallery}</div>")))
    assert list(out.paragraphs) == PROSE  # fixtures/html-captions: the lightbox's loose text is its captions


def test_a_long_hole_paragraph_far_in_the_tree_comes_back_but_not_a_caption() -> None:
    far = "A long paragraph that sits deep in other wrappers but between the kept ones, with plenty of words in it."
    nested = f"<div><div><div><div><div><p>{far}</p></div></div></div></div></div>"
    assert far in merge_candidates(PROSE, _blocks(_article(middle=nested))).paragraphs
    caption = nested.replace("<p>", "<p class='image-caption'>")
    assert far not in merge_candidates(PROSE, _blocks(_article(middle=caption))).paragraphs
