"""STR007: prose far below the article that shares no words with it goes; beside on-topic prose it stays."""

from __future__ import annotations

from pathlib import Path

import cleaner

FIXTURE = Path(__file__).parent.parent / "fixtures" / "teasers-far-below-article" / "input.txt"
TEASER = "A local bakery has won a national award for its sourdough bread for the third year running."
ON_TOPIC = "The council said the riverside parks budget would also pay for new benches along the river paths."


def _removed_by(text: str) -> dict[str, str]:
    """Each removed line with the rule that removed it."""
    return {line: r.rule for r in cleaner.clean(text, kind="text").removed for line in r.text.split("\n")}


def test_off_topic_prose_far_below_goes() -> None:
    removed = _removed_by(FIXTURE.read_text(encoding="utf-8"))
    assert removed.get(TEASER) == "STR007"


def test_off_topic_prose_beside_on_topic_prose_stays() -> None:
    # The region missed a stretch of the article: an on-topic paragraph next to the off-topic one
    # (near_topic) says the off-topic one may be the article's too.
    text = FIXTURE.read_text(encoding="utf-8").replace(TEASER, f"{TEASER}\n{ON_TOPIC}")
    out = cleaner.clean(text, kind="text").text
    assert TEASER in out
    assert ON_TOPIC in out
