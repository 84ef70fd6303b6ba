"""Helpers shared by the property tests: clean a generated page, explain a failure readably."""

from __future__ import annotations

import hashlib
import json
import os
import re

import pytest
from hypothesis import event

import cleaner
from cleaner.invariants import normalise_space, trace_lines
from cleaner.model import Result
from tests.property.known_issues import KNOWN_ISSUES, known_issue
from tests.property.pages import Page, render_html

TRIAGE_LOG_ENV = "CLEANER_TRIAGE_LOG"
"""When set, every failure explained by a known issue is logged there as a JSON line (for mutants.py)."""
COUNTS_ENV = "CLEANER_PROPERTY_COUNTS"
"""When set, each triaged property test appends its example count (and known-issue hits) there as JSON."""
LONG_LINE_CHARS = 25
"""A boilerplate line at least this long is looked for inside output paragraphs too (shorter ones, only whole)."""


def clean_page(page: Page) -> Result:
    """Clean a page's plain-text rendering, recording its language and style for the statistics."""
    event(f"lang={page.story.lang.code}")
    event(f"style={page.style}")
    return cleaner.clean(page.render(), kind="text")


def report(page: Page, result: Result, problems: list[str]) -> str:
    """The problems, then every input line with the chunk it came from and the engine's decision."""
    if result.kind == "html":  # decisions refer to the extracted text, not to the page's lines
        rows = [f"{s.role:>8} {s.rule or '':7} | {s.text}" for s in result.segments]
        return "\n".join(["", *problems, "", "page as text:", page.describe(), "", "decisions on the extracted text:", *rows])
    lines, where = page.layout()
    owner: dict[int, str] = {}
    for chunk, numbers in zip(page.chunks, where, strict=True):
        for n in numbers:
            owner[n] = chunk.family or chunk.kind
    decided = {
        n - 1: f"{s.role} {s.rule or ''}".strip() + ("" if n == s.start_line else " +")
        for s in result.segments
        for n in range(s.start_line, s.end_line + 1)
    }
    rows = [f"{owner.get(n, ''):>16} {decided.get(n, ''):>15} | {line}" for n, line in enumerate(lines) if line.strip()]
    return "\n".join(["", *problems, "", "generated as       decided as      | input line", *rows])


def leaked_boilerplate(page: Page, result: Result) -> list[str]:
    """Boilerplate lines of ``page`` that reached ``result.text`` (traced back to their input line) or the title."""
    lines, where = page.layout()
    source = page.render()
    traced = trace_lines(source, result.text)
    if traced is None:
        return ["output cannot be traced back to input lines (see the nothing-invented property)"]
    used = {n for parts in traced for n in parts}
    body_text = {normalise_space(line) for c in page.chunks if c.kind != "boilerplate" for line in c.lines}
    problems = []
    boilerplate_lines = {normalise_space(line) for c in page.boilerplate() for line in c.lines} - body_text
    if result.title and normalise_space(result.title) in boilerplate_lines:
        problems.append(f"boilerplate became Result.title: {result.title!r}")
    for chunk, numbers in zip(page.chunks, where, strict=True):
        if chunk.kind != "boilerplate":
            continue
        for n in numbers:
            if n in used and normalise_space(lines[n]) not in body_text:
                problems.append(f"{chunk.family} ({'/'.join(chunk.rules)}) kept: {lines[n].strip()!r}")
    return problems


class Triage:
    """The failures of one property run: an unknown one fails the test at once, known ones xfail it at the end."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.examples = 0

    def check(self, page: Page, result: Result, problems: list[str], note: str = "", origin: Page | None = None) -> None:
        """Fail on unexplained problems; count the ones a known issue explains.

        ``origin`` is the page ``page`` was derived from (property 7 shows the smaller page of a pair):
        a known issue is matched against it, since the boilerplate that caused the difference may be
        exactly what the shown page left out.
        """
        self.examples += 1
        if not problems:
            return
        issue = known_issue(origin or page, result, problems)
        if issue is None:
            raise AssertionError(report(page, result, [note, *problems] if note else problems))
        event(f"known issue: {issue.fixture}")
        self.hits[issue.fixture] = self.hits.get(issue.fixture, 0) + 1
        log = os.environ.get(TRIAGE_LOG_ENV)
        if log:  # the mutation harness compares these with a run of the unbroken engine
            digest = hashlib.sha1(page.render().encode("utf-8", "surrogatepass")).hexdigest()[:16]
            test = os.environ.get("PYTEST_CURRENT_TEST", "?").split(" ")[0]
            with open(log, "a", encoding="utf-8") as f:
                f.write(json.dumps({"test": test, "page": digest, "issue": issue.fixture}) + "\n")

    def finish(self) -> None:
        """After the run: xfail naming the fixtures of the known issues that were hit."""
        counts = os.environ.get(COUNTS_ENV)
        if counts:  # examples per property, for the deep run's report
            test = os.environ.get("PYTEST_CURRENT_TEST", "?").split(" ")[0]
            with open(counts, "a", encoding="utf-8") as f:
                f.write(json.dumps({"test": test, "examples": self.examples, "known": self.hits}) + "\n")
        if self.hits:
            reasons = {k.fixture: k.reason for k in KNOWN_ISSUES}
            pytest.xfail("; ".join(f"known issue {name} ({reasons[name]})" for name in sorted(self.hits)))


def clean_html_page(page: Page, style: str) -> Result:
    """Clean a page's HTML rendering (``semantic`` or ``soup``)."""
    event(f"html={style}")
    return cleaner.clean(render_html(page, style), kind="html")


def leaked_boilerplate_html(page: Page, result: Result) -> list[str]:
    """Boilerplate lines found in the text cleaned from HTML: as a whole output paragraph, or inside one when long."""
    out = [normalise_space(re.sub(r"^[-*•·▪►]\s", "", p)) for p in result.text.split("\n\n")]
    flat = " ".join(out)
    body_text = {normalise_space(line) for c in page.chunks if c.kind != "boilerplate" for line in c.lines}
    problems = []
    for chunk in page.boilerplate():
        for line in chunk.lines:
            text = normalise_space(re.sub(r"^[-*•·▪►]\s", "", line.strip()))
            if text in body_text or not text:
                continue
            if text in out or (len(text) >= LONG_LINE_CHARS and text in flat):
                problems.append(f"{chunk.family} ({'/'.join(chunk.rules)}) kept: {line.strip()!r}")
    return problems
