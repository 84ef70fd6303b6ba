"""Running a rule's own examples: the checks behind ``cleaner rules test`` and the pytest hook.

Each example snippet is placed in a small neutral article (at the top, in
the middle or at the bottom, as the example says) and cleaned twice: with
the rule alone and with every rule on. A "drop" example must be removed
(and the rule must fire on it alone), a "keep" example must survive both
runs, an "extract" example must yield its value. In every run the neutral
article's paragraphs must survive: an example may never cost body text.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.engine.catalogue import Catalogue
from cleaner.engine.packs import Example, Rule
from cleaner.model import Result

EXAMPLE_TITLE = "City council approves new budget for public parks"
EXAMPLE_BODY = (
    "The city council voted on Tuesday to approve a new budget for public parks, the first increase in a decade,"
    " after a long debate about maintenance and safety.",
    "Council members said the budget would pay for new playgrounds, better lighting and more staff, and that work"
    " in the parks would begin in the spring.",
    "Residents who spoke at the meeting mostly welcomed the plan, although some asked the council to spend more on"
    " the parks in the north of the city.",
)


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    """Why one example of one rule failed."""

    rule: str
    index: int
    expect: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}[{self.expect}-{self.index}]: {self.message}"


def example_document(example: Example) -> str:
    """The neutral article with the example snippet placed where the example says."""
    snippet = example.text.strip("\n")
    body = list(EXAMPLE_BODY)
    if example.where == "top":
        parts = [snippet, EXAMPLE_TITLE, *body]
    elif example.where == "bottom":
        parts = [EXAMPLE_TITLE, *body, snippet]
    else:
        parts = [EXAMPLE_TITLE, body[0], snippet, *body[1:]]
    return "\n".join(parts) + "\n"


def _lines(example: Example) -> list[str]:
    return [line.strip() for line in example.text.split("\n") if line.strip()]


def _check_run(rule: Rule, example: Example, result: Result, *, alone: bool) -> str | None:
    document = [line.strip() for line in example_document(example).split("\n")]
    run = "alone" if alone else "with every rule"
    lost = [p for p in EXAMPLE_BODY if p not in result.text]
    if lost:
        return f"{run}: removed body text of the surrounding article: {lost[0][:60]!r}"
    lines = _lines(example)
    if example.expect == "keep":
        missing = [line for line in lines if line not in result.text]
        return f"{run}: should keep {missing[0]!r}" if missing else None
    if example.expect == "extract":
        got = getattr(result, rule.field or "", None)
        if got != example.value:
            return f"{run}: should extract {rule.field} = {example.value!r}, got {got!r}"
        return None
    if alone:
        if not any(r.rule == rule.id for r in result.removed):
            return f"alone: rule did not fire on {lines[0]!r}"
        return None
    # Dropped: every snippet line occurs fewer times in the body than in the document (a repeated
    # paragraph's first copy rightly stays).
    paragraphs = result.text.split("\n\n")
    kept = [line for line in lines if paragraphs.count(line) >= document.count(line)]
    return f"{run}: should drop {kept[0]!r}" if kept else None


def check_example(rule: Rule, index: int, example: Example, full: Catalogue) -> ExampleFailure | None:
    """Run one example alone and with the full catalogue; the first failure, or None."""
    from cleaner.pipeline import clean_text  # the engine runs the examples end to end

    doc = example_document(example)
    if rule.action == "protect":
        # A protect rule only ever keeps: its positives must match, its negatives must not.
        hits = [line for line in _lines(example) if rule.matches(line, _neutral_features())]
        if (example.expect == "keep") != bool(hits):
            want = "match" if example.expect == "keep" else "not match"
            return ExampleFailure(rule.id, index, example.expect, f"protect pattern should {want} the example")
        result = clean_text(doc, full)
        message = _check_run(rule, example, result, alone=False)
        return ExampleFailure(rule.id, index, example.expect, message) if message else None
    for alone in (True, False):
        catalogue = _alone(full, rule) if alone else full
        message = _check_run(rule, example, clean_text(doc, catalogue), alone=alone)
        if message:
            return ExampleFailure(rule.id, index, example.expect, message)
    return None


def _alone(full: Catalogue, rule: Rule) -> Catalogue:
    """The rule with the other rules of its own pack: a context rule (a repeated caption) needs its siblings."""
    return full.only({r.id for r in full.rules if r.pack == rule.pack})


def _neutral_features() -> dict[str, float]:
    from cleaner.features import FEATURES

    return {name: 0.0 for name in FEATURES} | {"words": 10.0}


def check_catalogue(catalogue: Catalogue, only: set[str] | None = None) -> tuple[int, list[ExampleFailure]]:
    """Run every example of every rule (or of the rules in ``only``); return (count, failures)."""
    failures: list[ExampleFailure] = []
    count = 0
    for rule in catalogue.rules:
        if only is not None and rule.id not in only:
            continue
        for i, ex in enumerate(rule.examples, start=1):
            count += 1
            failure = check_example(rule, i, ex, catalogue)
            if failure:
                failures.append(failure)
    return count, failures
