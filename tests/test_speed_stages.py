"""The stage breakdown of ``bench speed``: every stage reported, the pipeline left as it was."""

from __future__ import annotations

import io

import cleaner.pipeline as pipeline
from cleaner.bench.speed_stages import PATTERNS_STAGE, PIPELINE_STAGES, print_stages, stage_seconds
from cleaner.engine.matcher import PatternSet

PAGE = "Home > News\nShare this article\n" + "The council said on Tuesday that the bridge would open in spring.\n" * 3


def test_every_stage_is_reported_and_the_pipeline_restored() -> None:
    before = {attr: getattr(pipeline, attr) for attr, _ in PIPELINE_STAGES}
    hits = PatternSet.hits
    seconds = stage_seconds([PAGE, PAGE])
    assert set(seconds) == {name for _, name in PIPELINE_STAGES} | {PATTERNS_STAGE, "other (decoding, Result)"}
    assert all(s >= 0 for name, s in seconds.items() if not name.startswith("other"))
    assert {attr: getattr(pipeline, attr) for attr, _ in PIPELINE_STAGES} == before
    assert PatternSet.hits is hits


def test_print_stages_writes_a_table() -> None:
    out = io.StringIO()
    print_stages([PAGE], out)
    assert "features (features.py, feature_table.py)" in out.getvalue()
