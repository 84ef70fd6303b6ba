"""Known engine issues the property suite finds and no small fix closes yet.

Each one has a fixture folder (``fixtures/<name>/``) whose expected output is what a careful human
would keep; ``test_known_issue_fixtures`` runs those as strict xfails, so a fix turns them into
errors that ask for the entry to be deleted. The property tests match a failing example against
these narrow predicates: a match is counted and, once the whole run is done, the test reports
xfail naming the fixture; any other failure fails the test at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cleaner.invariants import normalise_space
from cleaner.model import Result
from tests.property.pages import Page
from tests.property.prose import Chunk


@dataclass(frozen=True)
class KnownIssue:
    """One open engine issue: its fixture, why it is open, and which failures it explains."""

    fixture: str
    reason: str
    matches: Callable[[Page, Result, list[str]], bool]


def _russian_title(page: Page, result: Result, problems: list[str]) -> bool:
    """A Russian headline is not recognised (the stoplist hides its content words); it stays or goes unstably."""
    if page.story.lang.code != "ru" or result.title == page.title:
        return False
    title = normalise_space(page.title)[:40]
    return all(title in normalise_space(p) or "masthead" in p for p in problems)


def _chunks_named(page: Page, problem: str) -> list[Chunk]:
    """The chunks one of whose lines (first 40 characters, whitespace-normalised) the problem quotes."""
    text = normalise_space(problem)
    return [c for c in page.chunks if any(normalise_space(line)[:40] in text for line in c.lines if line.strip())]


def _decided(page: Page, result: Result, chunk: Chunk) -> set[str]:
    """The rules the result applied to the chunk's lines ('' for kept lines)."""
    _, where = page.layout()
    lines = set(where[page.chunks.index(chunk)])
    return {s.rule or "" for s in result.segments if lines & set(range(s.start_line - 1, s.end_line))}


def _after_farm(page: Page, result: Result, chunk: Chunk) -> bool:
    """The chunk follows a link farm, with only boilerplate or body the farm also took between."""
    for c in reversed(page.chunks[: page.chunks.index(chunk)]):
        if c.family == "link-farm":
            return True
        if c.is_body and "LNK001" not in _decided(page, result, c):
            return False
    return False


def _linkfarm_boundary(page: Page, result: Result, problems: list[str]) -> bool:
    """A body sentence right after an inline farm stays in it, or the farm's last teaser goes to the body."""
    for p in problems:
        named = _chunks_named(page, p)
        if not named or not all(
            (c.is_body and _after_farm(page, result, c) and "LNK001" in _decided(page, result, c))
            or (c.family == "link-farm" and "" in _decided(page, result, c))
            for c in named
        ):
            return False
    return True


def _headline_not_title(page: Page, result: Result, problems: list[str]) -> bool:
    """The title search misses the headline (its words recur only in captions); what becomes of it is unstable."""
    lost_later = any(p.startswith("title changed on re-cleaning") for p in problems)
    if result.title == page.title and not lost_later:
        return False
    title = normalise_space(page.title)[:40]
    return all(
        title in normalise_space(p) or p.startswith(("boilerplate became Result.title", "masthead (MST001) kept"))
        for p in problems
    )


def _list_at_region_edge(page: Page, result: Result, problems: list[str]) -> bool:
    """Items of a body list between farms and labels fall outside the region and STR004 cuts them."""
    for p in problems:
        named = _chunks_named(page, p)
        if not named or not all(c.kind == "list" for c in named):
            return False
        if not p.startswith("only ") and not any({"STR001", "STR004"} & _decided(page, result, c) for c in named):
            return False
    return True


def _html_one_paragraph(page: Page, result: Result, problems: list[str]) -> bool:
    """HTML path: a short non-English article's paragraphs reach the text engine as one line."""
    if result.kind != "html" or not all("missing" in p for p in problems):
        return False
    starts = [normalise_space(p)[:30] for p in page.body(html=True)]
    return any(sum(s in normalise_space(seg.text) for s in starts) >= 2 for seg in result.segments)


def _html_masthead(page: Page, result: Result, problems: list[str]) -> bool:
    """HTML path: the site name above the headline stays; the extracted text has no headline line to anchor MST001."""
    return result.kind == "html" and all(p.startswith("masthead (MST001) kept") for p in problems)


KNOWN_ISSUES: tuple[KnownIssue, ...] = (
    KnownIssue(
        "prop-linkfarm-boundary",
        "where an inline link farm ends is guessed from the lines' shape: a body sentence sharing no words with "
        "the article stays in the farm ('Von den 62.220 Befragten ...'), a teaser ending in '!' goes to the body",
        _linkfarm_boundary,
    ),
    KnownIssue(
        "prop-ru-title-stoplist",
        "jusText's Russian stoplist (4,754 words) holds most nouns, so a Russian headline shares too few content "
        "words with the body to be the title; it then stays in the body or is dropped depending on the boilerplate",
        _russian_title,
    ),
    KnownIssue(
        "prop-list-at-region-edge",
        "list items between link farms and widget labels fall outside the article region, where STR004 (short, "
        "off-topic, beside the region) cuts the ones whose words the prose doesn't share",
        _list_at_region_edge,
    ),
    KnownIssue(
        "prop-html-one-paragraph",
        "HTML path: the paragraphs of a short Chinese or Russian article come out of extraction as one line, so "
        "a caption inside it ('?? credit ?? caption') makes CAP001 drop the whole article",
        _html_one_paragraph,
    ),
    KnownIssue(
        "prop-html-masthead",
        "HTML path: extraction leaves the headline out of the text, so the site name printed above it "
        "('Harbor City Herald') has no title to sit above and MST001 keeps it",
        _html_masthead,
    ),
    KnownIssue(
        "prop-headline-not-title",
        "a headline whose words recur in the body only in a caption is not taken as the title; the bare headline "
        "line then stays in the body on the page and is dropped when the cleaned text is cleaned again",
        _headline_not_title,
    ),
)


def known_issue(page: Page, result: Result, problems: list[str]) -> KnownIssue | None:
    """The known issue that explains all of ``problems``, if any."""
    return next((k for k in KNOWN_ISSUES if k.matches(page, result, problems)), None)
