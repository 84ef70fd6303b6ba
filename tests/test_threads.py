"""The thread pass: a reader-comment thread goes from its start to the end; one mark proves nothing."""

from __future__ import annotations

import cleaner

ARTICLE = [
    "The city council approved on Tuesday a budget that raises spending on public parks by a fifth.",
    "Members said the money would repair playgrounds, plant trees along the river and reopen two pools.",
    "Work on the first playground will begin in the spring, and the pools should open again next summer.",
]


def _clean(lines: list[str]) -> str:
    return cleaner.clean("\n\n".join(lines), kind="text").text


def _thread_rules(lines: list[str]) -> dict[str, str | None]:
    """Each removed line and the rule that removed it (to tell the thread pass from the footer rules)."""
    result = cleaner.clean("\n\n".join(lines), kind="text")
    return {line: r.rule for r in result.removed for line in r.text.split("\n") if line.strip()}


def test_thread_with_count_header_goes_to_the_end() -> None:
    thread = ["2 responses to “Parks”", "harborfan says:", "Good news at last, the pools are back.", "janedoe says:", "About time."]
    out = _clean([*ARTICLE, *thread])
    assert all(line in out for line in ARTICLE)
    assert "harborfan" not in out and "About time." not in out
    removed = _thread_rules([*ARTICLE, *thread])
    assert removed["2 responses to “Parks”"] == "PRM019" and removed["About time."] == "PRM019"


def test_three_commenter_lines_are_a_thread_without_header() -> None:
    thread = ["harborfan says:", "Good news.", "janedoe says:", "About time.", "Bob says:", "And the courts?"]
    out = _clean([*ARTICLE, *thread])
    assert "Good news." not in out and "And the courts?" not in out
    removed = _thread_rules([*ARTICLE, *thread])
    assert removed["harborfan says:"] == "PRM020" and removed["And the courts?"] == "PRM020"


def test_one_or_two_name_lines_are_the_article() -> None:
    lines = [*ARTICLE, "The mayor says:", "“We have waited long enough,” she said after the vote.", "Her deputy says:"]
    lines.append("“The pools will open by June,” he said, and the council agreed.")
    out = _clean(lines)
    assert "The mayor says:" in out and "The pools will open by June" in out


def test_marks_at_the_top_are_not_a_thread() -> None:
    top = ["3 comments on “Parks”", "harborfan says:", "janedoe says:"]
    out = _clean([*top, *ARTICLE])
    assert all(line in out for line in ARTICLE)


def test_marks_are_counted_apart_in_the_lines_that_stay() -> None:
    """Date lines and 'Reply' prompts between comments go before the thread pass; they do not hold marks apart.

    Counted on the page, the comments below are 13 blocks apart (more than MAX_MARK_GAP) and no
    thread is found; in the cleaned text they are 7 apart, so cleaning the cleaned text would
    find the thread the first cleaning missed. Counting only what stayed finds it both times.
    """
    comment = [
        "Good news at last, the pools are back and the children will swim again this summer.",
        "I hope the council keeps its word this time, as it did not the last time it promised.",
        "The river path needs trees more than anything, and the playgrounds need new swings.",
        "Thank you for the report, which was clearer than the council's own notes on the vote.",
        "We will see in the spring whether any of it happens, but it is a start for the parks.",
        "My children used the old pool every day until it closed, and they miss it very much.",
    ]
    thread: list[str] = []
    for name in ("harborfan", "janedoe", "riverwalker"):
        thread += [f"{name} says:", "June 27, 2016 at 12:10 pm", *comment, *(["Reply"] * 6)]
    page = "\n\n".join([*ARTICLE * 3, *thread])
    first = cleaner.clean(page, kind="text")
    assert "harborfan says:" not in first.text and "riverwalker says:" not in first.text
    assert all(line in first.text for line in ARTICLE)
    assert cleaner.clean(first.to_text(), kind="text").to_text() == first.to_text()


def test_a_full_thread_under_a_one_paragraph_post() -> None:
    """A count header and three commenter lines need no place low on the page: they fill most of it.

    Five comments of two paragraphs each under a post of one paragraph start well above 30% of
    the page, and the post has a single prose block above them.
    """
    post = ARTICLE[:1]
    thread = ["3 responses to “Parks”"]
    for name, place in (("harborfan", "the river"), ("janedoe", "the old town"), ("riverwalker", "the harbor")):
        thread += [f"{name} says:", f"Good news for {place} at last, and the children will swim again.", f"See you at {place}."]
    out = _clean([*post, *thread])
    assert post[0] in out
    assert "harborfan" not in out and "See you at the harbor." not in out
    removed = _thread_rules([*post, *thread])
    assert removed["3 responses to “Parks”"] == "PRM019"


def test_a_header_and_two_commenters_at_the_top_of_a_short_page_are_not_a_thread() -> None:
    top = ["2 responses to “Parks”", "harborfan says:", "janedoe says:"]
    out = _clean([*ARTICLE[:1], *top, *ARTICLE[1:]])
    assert all(line in out for line in ARTICLE)


def test_a_count_header_quoting_the_title_is_a_thread_alone() -> None:
    """'6 thoughts on “Title”' above comments whose names carry no 'says:' (numbered names instead)."""
    thread = ["2 thoughts on “Parks”", "1. Harbor Fan", "Good news at last, the pools are back.", "2. Jane Doe"]
    thread.append("About time the council did something for the children of the city.")
    out = _clean([*ARTICLE, *thread])
    assert all(line in out for line in ARTICLE)
    assert "Harbor Fan" not in out and "About time the council" not in out


def test_a_subhead_shaped_like_a_count_header_keeps_the_article_below() -> None:
    lines = [*ARTICLE, "Three thoughts on the budget"]
    lines += ["The parks budget is the first increase in a decade, and the council should be thanked for it."]
    lines += ["The pools will need staff as well as repairs, and the budget says little about that."]
    out = _clean(lines)
    assert all(line in out for line in lines[-2:])


def test_a_long_comment_does_not_split_the_thread() -> None:
    """A comment longer than MAX_MARK_GAP blocks between two runs of commenter lines, each a thread on its own."""
    long_comment = [f"Paragraph {n} of a long reply about the pools, the river path and the budget vote." for n in range(16)]
    thread: list[str] = []
    for name in ("harborfan", "janedoe", "riverwalker"):
        thread += [f"{name} says:", f"A short note from {name} about the parks and the new pools."]
    thread += long_comment
    for name in ("tomruiz", "annaberg", "joeblack"):
        thread += [f"{name} says:", f"Another short note from {name} about the swings."]
    page = "\n\n".join([*ARTICLE * 3, *thread])
    out = cleaner.clean(page, kind="text").text
    assert all(line in out for line in ARTICLE)
    assert "harborfan says:" not in out and "Paragraph 3 of a long reply" not in out and "joeblack" not in out


def test_a_long_thread_needs_no_place_low_on_the_page() -> None:
    """Six commenter lines and more are a thread wherever they start: many comments fill most of the page."""
    thread: list[str] = []
    for n in range(10):
        thread += [f"reader{n} says:", f"Comment {n} on the parks budget and the pools, which open next summer."]
        thread += [f"Comment {n} goes on about the river path, the playgrounds and the trees."]
    out = _clean([*ARTICLE, *thread])
    assert all(line in out for line in ARTICLE)
    assert "reader0 says:" not in out and "Comment 9 goes on" not in out
