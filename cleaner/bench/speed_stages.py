"""Where the text path spends its time: each stage's share of ``cleaner.clean(text, kind="text")``.

The stages are timed by wrapping the functions ``cleaner.pipeline`` calls (and the rule-pattern
set the engine calls per line) for one pass over the pages, then putting them back; the rest of
the time (decoding, building the ``Result``) is "other". Shares, not absolute times, are the
point: they say which stage a speed-up must come from.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

import cleaner
import cleaner.pipeline as pipeline
from cleaner.bench.report import table
from cleaner.engine.matcher import PatternSet

PIPELINE_STAGES: tuple[tuple[str, str], ...] = (
    ("split_blocks", "segmentation (segment.py)"),
    ("guess_language", "language guess (language.py)"),
    ("block_features", "features (features.py, feature_table.py)"),
    ("decide_blocks", "rule engine, without pattern sets (engine/)"),
    ("body_paragraphs", "repairs (repairs.py)"),
)
PATTERNS_STAGE = "rule pattern sets, RE2 (engine/matcher.py)"


def _timed(fn: Callable[..., Any], totals: dict[str, float], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - t0

    return wrapper


@contextmanager
def _instrumented(totals: dict[str, float]) -> Iterator[None]:
    originals = {attr: getattr(pipeline, attr) for attr, _ in PIPELINE_STAGES}
    hits = PatternSet.hits
    try:
        for attr, name in PIPELINE_STAGES:
            setattr(pipeline, attr, _timed(originals[attr], totals, name))
        PatternSet.hits = _timed(hits, totals, PATTERNS_STAGE)  # type: ignore[method-assign]
        yield
    finally:
        for attr, fn in originals.items():
            setattr(pipeline, attr, fn)
        PatternSet.hits = hits  # type: ignore[method-assign]


def stage_seconds(texts: Sequence[str]) -> dict[str, float]:
    """Seconds per stage (and "other") over one pass of ``cleaner.clean(text, kind="text")``."""
    if texts:
        cleaner.clean(texts[0], kind="text")  # warm-up: rule packs, stoplists
    totals = dict.fromkeys([*(name for _, name in PIPELINE_STAGES), PATTERNS_STAGE], 0.0)
    start = time.perf_counter()
    with _instrumented(totals):
        for text in texts:
            cleaner.clean(text, kind="text")
    total = time.perf_counter() - start
    engine = PIPELINE_STAGES[3][1]
    totals[engine] -= totals[PATTERNS_STAGE]  # the engine calls the pattern sets: count them once
    totals["other (decoding, Result)"] = total - sum(totals.values())
    return totals


def print_stages(texts: Sequence[str], out: TextIO) -> None:
    """The table of stage shares of cleaner's text path."""
    seconds = stage_seconds(texts)
    total = sum(seconds.values()) or 1.0
    rows = [[name, f"{s:.2f}", f"{100 * s / total:.0f}%"] for name, s in seconds.items()]
    out.write("\nwhere cleaner's time goes (one pass, stages timed in place):\n\n")
    table(["stage", "seconds", "share"], rows, out)
