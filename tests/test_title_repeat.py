"""MST005: a line is the headline printed again when it frames the title, not when it only names it."""

from __future__ import annotations

import pytest

import cleaner

ARTICLE = (
    "Thirty years after their first record, Harbor Lights are going back on the road this summer.\n\n"
    "The four founding members will reunite for a run of shows, the band said on Tuesday, the first time "
    "they have toured together since 1998.\n\n"
    "Tickets go on sale on Friday through the venues' own box offices, and a new album is due in the spring.\n"
)


def _rule_of(text: str, line: str) -> str | None:
    result = cleaner.clean(text, kind="text")
    return next((r.rule for r in result.removed if line in r.text), None)


@pytest.mark.parametrize(
    "copy",
    [
        "Harbor Lights | Music News | The Daily Courier",  # the page title: headline, then the site
        "The Daily Courier - Harbor Lights",  # the site, then the headline
    ],
)
def test_a_framed_title_is_a_repeat(copy: str) -> None:
    assert _rule_of(f"Harbor Lights\n\n{copy}\n\n{ARTICLE}", copy) == "MST005"


def test_a_line_naming_a_short_title_is_not_a_repeat() -> None:
    lead = "The Harbor Lights Reunion Tour 2021 dates:"  # the title inside the line's own words
    dates = ["June 4 -- Riverside Pavilion, Dayton, OH", "June 6 -- Lakefront Arena, Erie, PA", "June 9 -- Granite Hall, Concord, NH"]
    text = f"Harbor Lights\n\n{ARTICLE}\n" + "\n\n".join([lead, *dates]) + "\n"
    result = cleaner.clean(text, kind="text")
    assert result.removed == ()  # taken for the headline, the lead left its list to the footer rule (MST004)
