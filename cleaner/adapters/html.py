"""The HTML input path: decode, parse once, DOM rules, trafilatura plus the recall safeguard, text rules.

``clean_html`` lists the stages in order; each lives in its own module:
``adapters.decode`` → ``dom.parse`` → ``dom.prune`` (rules from ``rules/dom/*.toml``)
→ ``adapters.html_extract`` → ``pipeline.clean_text``. What the DOM rules removed is
added to ``Result.removed`` and ``Result.segments`` (rule id and summary, line 0).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from cleaner.adapters.decode import decode_content
from cleaner.adapters.html_extract import extract_body
from cleaner.config import Config
from cleaner.dom.packs import load_dom_rules
from cleaner.dom.parse import parse_html
from cleaner.dom.prune import DomRemoval, prune_tree
from cleaner.errors import LimitExceeded
from cleaner.metadata_html import page_metadata, quick_metadata
from cleaner.model import Removed, Result, Segment

logger = logging.getLogger(__name__)

META_TREE_NODES = 10_000
"""Pages with more elements than this get their metadata from meta tags only."""
DOM_REMOVAL_LINE = 0
"""The line of a DOM-rule removal in ``Result.removed``/``segments``: it is not a line of the extracted text."""


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    """What the HTML stages hand to the text engine: body text, metadata, warnings, DOM removals."""

    text: str
    meta: dict[str, str | None]
    warnings: tuple[str, ...]
    dom_removed: tuple[DomRemoval, ...] = ()


def extract_html(content: str | bytes, *, config: Config, url: str | None = None) -> HtmlExtraction:
    """Run the HTML stages (no text rules): decoded, parsed, pruned, extracted text with metadata."""
    if isinstance(content, bytes | bytearray) and len(content) > config.max_input_bytes:
        raise LimitExceeded(f"HTML input of {len(content)} bytes is over max_input_bytes={config.max_input_bytes}")
    text, decode_warnings = decode_content(content, html=True)
    page = parse_html(text, config=config)
    if page is None:
        return HtmlExtraction(text="", meta={}, warnings=(*decode_warnings, "html: no markup to parse"))
    warnings = [*decode_warnings, *page.warnings]
    # trafilatura's metadata search grows faster than linearly (5 s on a 1 MB page of 23,000 elements)
    big = page.nodes > META_TREE_NODES
    meta = quick_metadata(page.root) if big else page_metadata(page.root, url)
    removed = prune_tree(page.root, load_dom_rules(config))
    body = extract_body(page.root, url, nodes=page.nodes)
    if body.big_tree:
        warnings.append(f"html: {page.nodes} elements; trafilatura skipped, linear density extraction used")
    if body.recovered:
        warnings.append(f"html: recall safeguard put back {body.recovered} paragraph(s) trafilatura left out")
    return HtmlExtraction(text="\n\n".join(body.paragraphs), meta=meta, warnings=tuple(warnings), dom_removed=removed)


def clean_html(content: str | bytes, *, catalogue: Any, config: Config, url: str | None = None) -> Result:
    """Clean one HTML page and return the same ``Result`` the text path returns (``kind="html"``)."""
    from cleaner.pipeline import clean_text

    page = extract_html(content, config=config, url=url)
    result = clean_text(
        page.text, catalogue, url=url, warnings=page.warnings, meta=page.meta, kind="html",
        max_line_chars=config.max_line_chars,
    )
    if not page.dom_removed:
        return result
    removed, segments = explain_dom_removals(page.dom_removed)
    return replace(result, removed=(*removed, *result.removed), segments=(*segments, *result.segments))


def explain_dom_removals(dom_removed: Sequence[DomRemoval]) -> tuple[tuple[Removed, ...], tuple[Segment, ...]]:
    """DOM-rule removals as ``Removed`` entries and ``removed`` segments, in page order, ahead of the text's.

    They happened before text extraction, so they have no line in the extracted text the
    other segments number: their lines are 0 (``DOM_REMOVAL_LINE``). Elements without text
    (empty widgets, form inputs) are left out: they took nothing a reader could miss.
    """
    shown = sorted((r for r in dom_removed if r.text), key=lambda r: r.source_line)
    line = DOM_REMOVAL_LINE
    return (
        tuple(Removed(r.text, line, line, r.rule, r.reason) for r in shown),
        tuple(Segment(r.text, line, line, "removed", r.rule, r.reason) for r in shown),
    )
