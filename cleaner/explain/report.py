"""The HTML explain report: one self-contained file showing what was removed from each document, and why.

Stages, in order (``write_report``):

1. ``collect`` reads the ``(name, Result)`` pairs once, as a stream: it counts
   every document into the per-rule summary and the histogram of removed share,
   and keeps only the documents the report will show — a reproducible sample
   (the ``sample`` documents whose seeded hash of the name is smallest, so the
   choice depends neither on input order nor on how a parallel batch interleaved)
   plus the few documents that lost the largest share of their text.
2. ``cleaner.explain.report_html`` renders those documents from ``Result.segments``,
   the same explanation model the terminal ``--explain`` view renders.

Memory stays bounded by the shown documents whatever the batch size.
"""

from __future__ import annotations

import hashlib
import heapq
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from cleaner.explain.report_html import iter_page
from cleaner.model import Result, RuleTotals

DEFAULT_SAMPLE_DOCS = 50
DEFAULT_OUTLIER_DOCS = 5
HISTOGRAM_BINS = 10
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DocEntry:
    """One document the report shows: its position in the input, its name, result and removal numbers."""

    index: int
    name: str
    result: Result
    chars_total: int
    chars_removed: int
    why: str  # "all", "sample" or "outlier"

    @property
    def share_removed(self) -> float:
        """Removed characters over all characters of the document's segments (0 for an empty document)."""
        return self.chars_removed / self.chars_total if self.chars_total else 0.0


@dataclass(slots=True)
class Collected:
    """Everything the report needs: totals over every document and the documents to show."""

    docs_seen: int = 0
    chars_total: int = 0
    chars_removed: int = 0
    docs_empty: int = 0
    rules: dict[str, RuleTotals] = field(default_factory=dict)
    histogram: list[int] = field(default_factory=lambda: [0] * HISTOGRAM_BINS)
    shown: list[DocEntry] = field(default_factory=list)
    sample: int | None = None
    seed: int = 0
    drawn_from: int | None = None
    """Set when the caller sampled the documents: how many there were to draw from."""

    @property
    def sampled(self) -> bool:
        """True when the report shows only part of the documents it read."""
        return len(self.shown) < self.docs_seen


@dataclass(frozen=True, slots=True)
class ReportStats:
    """What ``write_report`` wrote: documents read, documents shown, and where."""

    path: str
    docs_seen: int
    docs_shown: int


def sample_key(name: str, seed: int) -> int:
    """The document's place in the seeded sample order: a stable hash of seed and name (smaller is chosen)."""
    digest = hashlib.blake2b(f"{seed}\x00{name}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def measure(result: Result) -> tuple[int, int]:
    """``(chars in all segments, chars in removed segments)`` of one result."""
    total = removed = 0
    for s in result.segments:
        total += len(s.text)
        if s.role == "removed":
            removed += len(s.text)
    return total, removed


class Sampler(Generic[T]):
    """Keeps the ``size`` items whose seeded name hash is smallest: a reproducible, order-independent sample.

    Memory holds ``size`` items however many are offered.
    """

    def __init__(self, size: int, seed: int = 0) -> None:
        if size < 0:
            raise ValueError(f"sample size must be >= 0, not {size}")
        self.size = size
        self.seed = seed
        self.offered = 0
        # max-heap (negated keys) of the smallest keys; on equal keys the earlier item wins
        self._heap: list[tuple[int, int, T]] = []

    def offer(self, name: str, index: int, item: T) -> None:
        """Consider one item, ``index`` being its position in the input."""
        self.offered += 1
        if not self.size:
            return
        entry = (-sample_key(name, self.seed), -index, item)
        if len(self._heap) < self.size:
            heapq.heappush(self._heap, entry)
        elif entry[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, entry)

    def chosen(self) -> list[tuple[int, T]]:
        """``(index, item)`` of the chosen items, in input order."""
        return sorted(((-neg_index, item) for _key, neg_index, item in self._heap), key=lambda p: p[0])


def collect(
    docs: Iterable[tuple[str, Result]],
    *,
    sample: int | None = DEFAULT_SAMPLE_DOCS,
    seed: int = 0,
    outliers: int = DEFAULT_OUTLIER_DOCS,
    drawn_from: int | None = None,
) -> Collected:
    """Read the documents once: totals over all of them, and the sample and outliers to show.

    ``drawn_from`` says the caller already sampled ``docs`` (with ``seed``) out of that many documents.
    """
    if sample is not None and sample < 0:
        raise ValueError(f"sample must be >= 0 or None, not {sample}")
    out = Collected(sample=sample, seed=seed, drawn_from=drawn_from)
    everything: list[DocEntry] = []
    sampler: Sampler[DocEntry] = Sampler(sample or 0, seed)
    # min-heap of the `outliers` largest removed shares
    worst: list[tuple[float, int, DocEntry]] = []
    for index, (name, result) in enumerate(docs):
        total, removed = measure(result)
        entry = DocEntry(index, name, result, total, removed, "all" if sample is None else "sample")
        _count(out, result, entry)
        if sample is None:
            everything.append(entry)
            continue
        sampler.offer(name, index, entry)
        if outliers > 0 and removed:
            w = (entry.share_removed, -index, entry)
            if len(worst) < outliers:
                heapq.heappush(worst, w)
            elif w[:2] > worst[0][:2]:
                heapq.heapreplace(worst, w)
    if sample is None:
        out.shown = everything
        return out
    picked = dict(sampler.chosen())
    for _share, _neg, entry in worst:
        if entry.index not in picked:
            picked[entry.index] = DocEntry(entry.index, entry.name, entry.result, entry.chars_total,
                                           entry.chars_removed, "outlier")
    out.shown = [picked[i] for i in sorted(picked)]
    return out


def _count(out: Collected, result: Result, entry: DocEntry) -> None:
    out.docs_seen += 1
    out.chars_total += entry.chars_total
    out.chars_removed += entry.chars_removed
    if not entry.chars_total:
        out.docs_empty += 1
    else:
        out.histogram[min(int(entry.share_removed * HISTOGRAM_BINS), HISTOGRAM_BINS - 1)] += 1
    seen_here: set[str] = set()
    for s in result.segments:
        if s.role != "removed":
            continue
        rule = s.rule or "?"
        totals = out.rules.get(rule)
        if totals is None:
            totals = out.rules[rule] = RuleTotals(reason=s.reason or "")
        if rule not in seen_here:
            seen_here.add(rule)
            totals.docs += 1
        totals.segments += 1
        totals.lines += s.end_line - s.start_line + 1
        totals.chars += len(s.text)


def iter_report(
    docs: Iterable[tuple[str, Result]],
    *,
    sample: int | None = None,
    seed: int = 0,
    outliers: int = DEFAULT_OUTLIER_DOCS,
    title: str = "cleaner explain report",
    drawn_from: int | None = None,
) -> Iterator[str]:
    """The report's HTML in pieces, so a large one can be written without building one huge string."""
    collected = collect(docs, sample=sample, seed=seed, outliers=outliers, drawn_from=drawn_from)
    yield from iter_page(collected, title=title)


def render_report(
    docs: Iterable[tuple[str, Result]],
    *,
    sample: int | None = None,
    seed: int = 0,
    outliers: int = DEFAULT_OUTLIER_DOCS,
    title: str = "cleaner explain report",
    drawn_from: int | None = None,
) -> str:
    """The whole report as one HTML string (every document unless ``sample`` is given)."""
    return "".join(iter_report(docs, sample=sample, seed=seed, outliers=outliers, title=title, drawn_from=drawn_from))


def write_report(
    docs: Iterable[tuple[str, Result]],
    path: str | os.PathLike[str],
    *,
    sample: int | None = DEFAULT_SAMPLE_DOCS,
    seed: int = 0,
    outliers: int = DEFAULT_OUTLIER_DOCS,
    title: str = "cleaner explain report",
    drawn_from: int | None = None,
) -> ReportStats:
    """Write the self-contained HTML report of ``(name, Result)`` pairs to ``path``.

    Shows a reproducible sample of ``sample`` documents (all of them when
    ``sample`` is None, as ``cleaner explain`` does) plus the ``outliers``
    documents that lost the largest share of their text; the rule summary and
    histogram count every document. Same names and seed give the same sample,
    whatever their order. A caller that sampled already (``Sampler``, as
    ``cleaner batch --report`` does) passes ``sample=None, drawn_from=N``.
    """
    collected = collect(docs, sample=sample, seed=seed, outliers=outliers, drawn_from=drawn_from)
    tmp = f"{os.fspath(path)}.tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for piece in iter_page(collected, title=title):
            fh.write(piece)
    os.replace(tmp, path)
    return ReportStats(os.fspath(path), collected.docs_seen, len(collected.shown))
