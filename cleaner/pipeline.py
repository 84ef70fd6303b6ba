"""The text pipeline, stage by stage: text → blocks → features → decisions → repairs → Result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from cleaner.adapters.text import normalise_newlines
from cleaner.config import MAX_LINE_CHARS
from cleaner.engine.catalogue import Catalogue
from cleaner.engine.decide import decide_blocks
from cleaner.feature_table import block_features
from cleaner.invariants import debug_check
from cleaner.language import guess_language, stopwords_for
from cleaner.limits import bound_blocks, restore_blocks
from cleaner.model import Decision, Kind, Removed, Result, Segment
from cleaner.repairs import body_paragraphs
from cleaner.segment import split_blocks

LANGUAGE_SAMPLE_CHARS = 20_000


def clean_text(
    text: str,
    catalogue: Catalogue,
    *,
    url: str | None = None,
    warnings: Sequence[str] = (),
    meta: Mapping[str, str | None] | None = None,
    kind: Kind = "text",
    max_line_chars: int = MAX_LINE_CHARS,
) -> Result:
    """Clean decoded text with the rules of ``catalogue``.

    ``meta`` (from the HTML adapter) wins over the title, author and date the
    text rules find.
    """
    text = normalise_newlines(text)
    blocks = split_blocks(text)
    blocks, long_blocks, long_warning = bound_blocks(blocks, max_line_chars)  # bounded work per line (issue 8)
    stopwords = stopwords_for(guess_language(text[:LANGUAGE_SAMPLE_CHARS]))
    table = block_features(blocks, stopwords)
    known_title = (meta or {}).get("title")
    outcome = decide_blocks(blocks, table, catalogue, page_structure=kind == "text", known_title=known_title)
    if long_blocks:
        outcome = replace(outcome, decisions=tuple(restore_blocks(outcome.decisions, long_blocks)))
    found = dict(outcome.meta)
    for key, value in (meta or {}).items():
        if value:
            found[key] = value
    paragraphs = body_paragraphs(outcome.decisions)
    result = Result(
        text="\n\n".join(p for p, _ in paragraphs),
        title=found.get("title"),
        author=found.get("author"),
        date=found.get("date"),
        kind=kind,
        removed=tuple(removed_segments(outcome.decisions, text)),
        segments=tuple(map(_segment, outcome.decisions)),
        url=url,
        site_name=found.get("site_name"),
        warnings=(*warnings, long_warning) if long_warning else tuple(warnings),
    )
    return debug_check(text, catalogue, result)  # asserts the invariants when CLEANER_DEBUG_INVARIANTS=1


def _segment(d: Decision) -> Segment:
    b = d.block
    return Segment(b.text, b.start_line, b.end_line, d.role, d.rule, d.reason)


def removed_segments(decisions: Sequence[Decision], text: str) -> list[Removed]:
    """Removed blocks as segments of the original text; adjacent blocks removed by one rule merge."""
    lines = text.split("\n")
    out: list[Removed] = []
    run: list[Decision] = []

    def flush() -> None:
        if run:
            start, end = run[0].block.start_line, run[-1].block.end_line
            original = "\n".join(lines[start - 1 : end]).strip()
            out.append(Removed(original, start, end, run[0].rule or "", run[0].reason or ""))
            run.clear()

    for d in decisions:
        if d.role in ("body", "title") or d.rule is None:
            flush()
            continue
        if run and run[-1].rule != d.rule:
            flush()
        run.append(d)
    flush()
    return out
