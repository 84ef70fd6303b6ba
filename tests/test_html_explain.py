"""Every removal on the HTML path is explained: DOM-rule removals show up in Result.removed and segments."""

from __future__ import annotations

from pathlib import Path

import cleaner
from cleaner.adapters.html import DOM_REMOVAL_LINE
from cleaner.config import Config
from cleaner.dom.packs import load_dom_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SUMMARIES = {r.id: r.summary for r in load_dom_rules(Config())}

PAGE = """<html><head><title>Bridge repairs</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge repairs</h1>
<p>Officials said the old river bridge would reopen in the spring after the repairs, a delay of four months.</p>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<p>Traffic will use the ferry road until then, and buses will run every twenty minutes instead of every hour.</p>
<input name="q"><button></button>
</article></body></html>"""


def test_dom_removals_are_in_removed_with_rule_and_reason() -> None:
    result = cleaner.clean(PAGE, kind="html")
    dom = [r for r in result.removed if r.rule.startswith("DOM")]
    assert [(r.rule, r.text) for r in dom] == [("DOM001", "Home News Sport"), ("DOM004", "Facebook Twitter")]
    for r in dom:
        assert r.reason == SUMMARIES[r.rule]
        assert r.start_line == r.end_line == DOM_REMOVAL_LINE
    assert result.removed_counts()["DOM004"]["segments"] == 1


def test_dom_removals_lead_the_segments_and_the_body_is_unchanged() -> None:
    result = cleaner.clean(PAGE, kind="html")
    roles = [(s.role, s.rule) for s in result.segments]
    assert roles[:2] == [("removed", "DOM001"), ("removed", "DOM004")]
    assert all(s.start_line > 0 for s in result.segments[2:])
    assert "ferry road" in result.text and "Facebook" not in result.text
    body = "\n\n".join(s.text for s in result.segments if s.kept)
    assert "Officials said" in body


def test_elements_without_text_are_not_listed() -> None:
    result = cleaner.clean(PAGE, kind="html")
    assert all(s.text for s in result.segments)
    assert "DOM006" not in result.removed_counts()  # the empty input and button took no text


def test_fixture_pages_explain_their_widgets() -> None:
    page = (FIXTURES / "html-related" / "input.html").read_bytes()
    result = cleaner.clean(page, kind="html")
    rules = {r.rule for r in result.removed}
    assert {"DOM005", "DOM007"} <= rules
    related = next(r for r in result.removed if r.rule == "DOM005")
    assert related.text.startswith("Related stories")
