"""Mutation harness: run the property suite against deliberately broken engines; every mutant must be caught.

``make mutants`` (or ``python -m tests.property.mutants [NAME ...] [--fast]``) runs the seven property
test files once on the unbroken engine (the baseline) and once per mutant, in a fresh subprocess with
``CLEANER_MUTANT=<name>`` (the property ``conftest`` and the property-5 child process call
``apply_mutant``), and prints a table mutant -> caught/missed with the tests that caught it. A test
catches a mutant by failing, or by failing on a page where the baseline passed in a way a known
issue explains (it then xfails; see ``run_mutant``). ``--fast`` stops each run at the first failure.
Exit status 0 when every mutant is caught, 1 otherwise: a missed mutant is a hole in the suite.

A mutant wraps or replaces one engine function by assigning a module attribute, the way the engine
calls it (``cleaner.pipeline.body_paragraphs``, ``cleaner.engine.decide._section_pass``, ...); the
engine code itself is never edited.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PROPERTY_TESTS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "property").glob("test_p[1-7]_*.py"))


@dataclass(frozen=True)
class Mutant:
    """A deliberate engine bug: what it breaks and how to install it in this process."""

    name: str
    breaks: str
    apply: Callable[[], None]


def _last_body_dropped() -> None:
    import cleaner.pipeline as pipeline

    original = pipeline.body_paragraphs

    def body_paragraphs(decisions: Any) -> Any:
        return original(decisions)[:-1]

    pipeline.body_paragraphs = body_paragraphs  # type: ignore[assignment]


def _linkfarm_eats_next() -> None:
    import cleaner.engine.decide as decide

    original = decide._section_pass

    def section_pass(blocks: Any, table: Any, rules: Any, work: Any, hits: Any) -> None:
        original(blocks, table, rules, work, hits)
        for i in range(len(work) - 1):
            rule = work[i].rule
            if rule is not None and rule.action == "drop-section" and work[i + 1].role == "body":
                work[i + 1].role, work[i + 1].rule = "removed", rule
                break  # only the paragraph right after a run, once per page

    decide._section_pass = section_pass  # type: ignore[assignment]


def _join_after_sentence_end() -> None:
    import cleaner.repairs as repairs
    import cleaner.segment as segment

    def should_join(prev: Any, nxt: Any) -> bool:
        return bool(prev.features.get("words", 0) >= repairs.JOIN_MIN_WORDS and segment.starts_lower_word(nxt.block.text))

    def continues(prev: str, line: str) -> bool:
        return segment.starts_lower_word(line) and not segment._BULLET.match(line)

    repairs.should_join = should_join
    segment.continues = continues


def _protection_disabled() -> None:
    import cleaner.engine.decide as decide

    def protect(table: Any, work: Any) -> None:
        for w in work:
            w.first = w.role

    decide._protect = protect  # type: ignore[assignment]


def _caption_repeat_eats_next() -> None:
    import cleaner.engine.decide as decide

    original = decide._context_pass

    def context_pass(blocks: Any, table: Any, rules: Any, work: Any, hits: Any) -> None:
        original(blocks, table, rules, work, hits)
        for i in range(len(work) - 1):
            rule = work[i].rule
            if rule is not None and "caption_repeat" in {c.feature for c in rule.when} and work[i + 1].role == "body":
                work[i + 1].role, work[i + 1].rule = "removed", rule

    decide._context_pass = context_pass  # type: ignore[assignment]


def _caption_repeat_off() -> None:
    import cleaner.api as api
    import cleaner.engine.catalogue as catalogue

    original = catalogue.load_catalogue

    def load_catalogue(config: Any) -> Any:
        full = original(config)
        return full.only({r.id for r in full.rules if "caption_repeat" not in {c.feature for c in r.when}})

    api.load_catalogue = load_catalogue  # type: ignore[assignment]


def _date_rule_takes_prose() -> None:
    import cleaner.engine.decide as decide

    decide.is_date = lambda value: True  # type: ignore[assignment]


def _no_give_back() -> None:
    import cleaner.engine.sections as sections

    sections._give_back = lambda *args: None  # type: ignore[assignment]


def _rule_order_by_hash() -> None:
    import cleaner.engine.decide as decide

    original = decide._local_pass

    def local_pass(blocks: Any, table: Any, rules: Any, work: Any, hits: Any) -> Any:
        # Which rule claims a line several rules match now depends on str hashing (PYTHONHASHSEED).
        return original(blocks, table, sorted(rules, key=lambda r: hash(r.id)), work, hits)

    decide._local_pass = local_pass  # type: ignore[assignment]


def _title_first_candidate() -> None:
    import cleaner.engine.decide as decide

    def pick_title(features: Any, content_words: Any, body_vocab: Any, taken: Any, *rest: Any) -> Any:
        # The first headline-shaped line wins, whatever it shares with the body (a masthead, say).
        for i, f in enumerate(features[:25]):
            if taken[i]:
                continue
            if f["prose"]:
                return None
            if f["words"] >= 2:
                return i
        return None

    decide.pick_title = pick_title  # type: ignore[assignment]


MUTANTS: dict[str, Mutant] = {
    m.name: m
    for m in (
        Mutant("last-body-dropped", "the last body paragraph never reaches Result.text", _last_body_dropped),
        Mutant("linkfarm-eats-next", "a link-farm run also removes the body paragraph after it", _linkfarm_eats_next),
        Mutant(
            "join-after-sentence-end",
            "the join repair (segment and repairs) joins a lower-case line to one that ends a sentence",
            _join_after_sentence_end,
        ),
        Mutant("protection-disabled", "protect rules and prose protection never restore a block", _protection_disabled),
        Mutant(
            "caption-repeat-eats-next",
            "dropping a repeated caption also drops the paragraph after it",
            _caption_repeat_eats_next,
        ),
        Mutant("caption-repeat-off", "captions printed twice are no longer dropped (CAP010 gone)", _caption_repeat_off),
        Mutant("date-rule-takes-prose", "a date rule may take a prose sentence (fix 89e2c75 undone)", _date_rule_takes_prose),
        Mutant("linkfarm-no-give-back", "sentences before the resumed body stay in the link farm (fix 4ac312e undone)", _no_give_back),
        Mutant("rule-order-by-hash", "rule precedence follows str hashing, so PYTHONHASHSEED changes decisions", _rule_order_by_hash),
        Mutant(
            "title-first-candidate",
            "the first headline-shaped line is the title, whatever it shares with the body (a masthead)",
            _title_first_candidate,
        ),
    )
}


def apply_mutant(name: str) -> None:
    """Install mutant ``name`` in this process (called from the property conftest and the property-5 child)."""
    try:
        MUTANTS[name].apply()
    except KeyError:
        raise SystemExit(f"unknown mutant {name!r}; known: {', '.join(MUTANTS)}") from None


@dataclass(frozen=True)
class Outcome:
    """One mutant's run of the property suite."""

    mutant: Mutant | None
    status: str  # caught | missed | error
    caught_by: tuple[str, ...]
    seconds: float
    known_hits: frozenset[tuple[str, str, str]] = frozenset()


def _hits(log: Path) -> frozenset[tuple[str, str, str]]:
    if not log.exists():
        return frozenset()
    rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    return frozenset((r["test"], r["page"], r["issue"]) for r in rows)


def run_mutant(
    mutant: Mutant | None,
    *,
    fast: bool = False,
    workers: int = 2,
    baseline: frozenset[tuple[str, str, str]] | None = None,
) -> Outcome:
    """Run the property tests with ``mutant`` installed (None: the unbroken engine), in a subprocess.

    A failure a known issue explains makes the property xfail, not fail; so a mutant also counts as
    caught when it makes a known-issue failure appear on a page where the unbroken engine had none
    (the ci profile is derandomised: both runs see the same pages).
    """
    cmd = [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", *PROPERTY_TESTS]
    if fast:
        cmd.append("-x")
    elif workers > 1:
        cmd += ["-n", str(workers)]
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "known.jsonl"
        env = {
            **os.environ,
            "HYPOTHESIS_PROFILE": os.environ.get("HYPOTHESIS_PROFILE", "ci"),
            "CLEANER_TRIAGE_LOG": str(log),
        }
        env.pop("CLEANER_MUTANT", None)
        if mutant is not None:
            env["CLEANER_MUTANT"] = mutant.name
        start = time.monotonic()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        seconds = time.monotonic() - start
        hits = _hits(log)
    failed = {m.group(1) for m in re.finditer(r"^FAILED tests/property/(\S+?\.py::\w+)", proc.stdout, re.M)}
    new = hits - baseline if baseline is not None else frozenset()
    new_known = {f"{test.split('/')[-1]} (as {issue})" for test, _page, issue in new}
    caught = tuple(sorted(failed | new_known))
    if proc.returncode in (0, 1) and (proc.returncode == 0 or failed):
        return Outcome(mutant, "caught" if caught else "missed", caught, seconds, hits)
    tail = (proc.stdout + proc.stderr).strip().splitlines()[-5:]
    return Outcome(mutant, "error", tuple(tail), seconds, hits)


def format_table(outcomes: Sequence[Outcome]) -> str:
    """The mutant table (markdown)."""
    rows = ["| mutant | what it breaks | result | caught by | s |", "|---|---|---|---|---|"]
    for o in outcomes:
        assert o.mutant is not None
        by = ", ".join(t.replace(".py::", "::") for t in o.caught_by) if o.status != "missed" else "-"
        rows.append(f"| {o.mutant.name} | {o.mutant.breaks} | {o.status.upper()} | {by} | {o.seconds:.0f} |")
    return "\n".join(rows)


def main(argv: Sequence[str]) -> int:
    """Run the chosen mutants (all by default) and print the table; 1 if any was missed or errored."""
    fast = "--fast" in argv
    names = [a for a in argv if not a.startswith("--")] or list(MUTANTS)
    unknown = [n for n in names if n not in MUTANTS]
    if unknown:
        print(f"unknown mutant(s): {', '.join(unknown)}; known: {', '.join(MUTANTS)}", file=sys.stderr)
        return 2
    base = run_mutant(None, fast=fast)
    if base.status == "caught":  # the unbroken engine fails a property: fix that first
        print(f"the unbroken engine fails: {', '.join(base.caught_by)}", file=sys.stderr)
        return 2
    print(f"baseline: {len(base.known_hits)} known-issue failures ({base.seconds:.0f} s)", file=sys.stderr, flush=True)
    outcomes = []
    for name in names:
        outcome = run_mutant(MUTANTS[name], fast=fast, baseline=base.known_hits)
        print(f"{name}: {outcome.status} ({outcome.seconds:.0f} s)", file=sys.stderr, flush=True)
        outcomes.append(outcome)
    print(format_table(outcomes))
    return 0 if all(o.status == "caught" for o in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
