"""The generators are honest: every boilerplate line is a form its family's rule claims, and the link-farm
headers cover every header LNK001 knows."""

from __future__ import annotations

import re

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.engine.packs import re2_options
from tests.conftest import full_catalogue
from tests.property import boilerplate as bp
from tests.property.conftest import examples
from tests.property.prose import Chunk, stories

CATALOGUE = full_catalogue()
# Families whose claim needs page context: only these lines carry the pattern (the rest is the
# context rule's: a masthead above the title, a caption's duplicate, the headlines of a link farm).
PATTERN_LINES = {"masthead": (), "caption-archive": (0,), "link-farm": (0,)}


def _pattern_rules(chunk: Chunk) -> list[object]:
    rules = [CATALOGUE.by_id(r) for r in chunk.rules]
    return [r for r in rules if r is not None and r.pattern is not None]


@st.composite
def any_boilerplate(draw: st.DrawFn) -> Chunk:
    story = draw(stories())
    return draw(st.one_of(bp.top_families("A title"), bp.meta_families(story), bp.inline_families(story), bp.bottom_families(story), bp.mastheads()))


@settings(max_examples=examples(1))
@given(any_boilerplate())
def test_every_boilerplate_line_is_claimed_by_its_rule(chunk: Chunk) -> None:
    assert chunk.rules and all(CATALOGUE.by_id(r) is not None for r in chunk.rules), chunk
    rules = _pattern_rules(chunk)
    indices = PATTERN_LINES.get(chunk.family, range(len(chunk.lines)))
    for i in indices:
        line = chunk.lines[i].strip()
        assert any(r.pattern.search(line) for r in rules), f"{chunk.family}: no rule of {chunk.rules} matches {line!r}"  # type: ignore[attr-defined]


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of LNK001's header group."""
    start = pattern.index("(?:", pattern.index("]*")) + 3
    depth, parts, current = 0, [], []
    for ch in pattern[start:]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def test_link_farm_headers_cover_every_header_lnk001_knows() -> None:
    rule = CATALOGUE.by_id("LNK001")
    assert rule is not None and rule.pattern_source is not None
    headers = [re.sub(r"^[#*•\-–\s]*|\s*:?$", "", h) for h in bp.LINK_FARM_HEADERS]
    missing = []
    for alt in _alternatives(rule.pattern_source):
        compiled = re2.compile(f"(?i)^(?:{alt})$", re2_options())
        if not any(compiled.search(h) for h in headers):
            missing.append(alt)
    assert not missing, f"LNK001 knows headers the generator never writes: {missing}"
    assert all(rule.pattern.search(h) for h in bp.LINK_FARM_HEADERS)  # type: ignore[attr-defined]
