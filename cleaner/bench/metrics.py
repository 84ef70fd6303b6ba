"""Typed access to the official metrics (``textbench.py`` and ``score.py`` of the data folder).

The numbers come from the data folder's own code, so they match ``score_text.py`` and
``score.py`` exactly; this module only adds typing, accuracy for the text Zyte set
(share of pages whose token sequence equals the reference, as ``score.py`` defines it)
and the per-page diagnostics behind ``--worst``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.bench.data import Record, htmlscore, textbench

Counts = tuple[float, ...]
SHINGLE_SIZE = 4


@dataclass(frozen=True, slots=True)
class Scores:
    """Corpus scores of one system on one group of pages (``*_std``: bootstrap, HTML sets only)."""

    f1: float
    precision: float
    recall: float
    accuracy: float
    n: int
    f1_std: float | None = None


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's precision and recall (None where undefined) with its raw counts."""

    record: Record
    output: str
    counts: Counts
    precision: float | None
    recall: float | None


def is_shingle(record: Record) -> bool:
    """True for records scored by shingle overlap (Zyte), False for snippets (trafilatura)."""
    return "expected" in record


class Scorer:
    """The metrics of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.tb = textbench(data_dir)

    def tokens(self, text: str) -> list[str]:
        """The metric's tokens (``\\w+``)."""
        toks: list[str] = self.tb.tokens(text)
        return toks

    def doc_counts(self, record: Record, predicted: str) -> Counts:
        """(tp, fp, fn) normalised for shingle records, (tp, fp, fn, tn) for snippet records."""
        counts: Counts = tuple(self.tb.score_doc(record, predicted))
        return counts

    def aggregate(self, records: Sequence[Record], outputs: Sequence[str], counts: Sequence[Counts]) -> Scores:
        """Scores of one homogeneous group, computed by ``textbench.aggregate``."""
        s = self.tb.aggregate(list(records), list(counts))
        if "accuracy" in s:
            acc = float(s["accuracy"])
        else:
            exact = [self.tokens(r["expected"]) == self.tokens(o) for r, o in zip(records, outputs, strict=True)]
            acc = sum(exact) / len(exact) if exact else 0.0
        return Scores(float(s["f1"]), float(s["precision"]), float(s["recall"]), acc, len(records))

    def html_scores(
        self, records: Sequence[Record], outputs: Sequence[str], *, n_bootstrap: int = 1000
    ) -> tuple[Scores, list[Counts]]:
        """Scores of one HTML set by ``score.py`` (with bootstrap std) and its per-page counts."""
        score = htmlscore(self.data_dir)
        if all(is_shingle(r) for r in records):
            res = score.zyte_scores(
                [(r["expected"], o) for r, o in zip(records, outputs, strict=True)], n_bootstrap=n_bootstrap
            )
        else:
            res = score.snippet_scores(list(zip(records, outputs, strict=True)), n_bootstrap=n_bootstrap)
        per_doc: list[Counts] = [tuple(c) for c in res["per_doc"]]
        scores = Scores(
            float(res["f1"]),
            float(res["precision"]),
            float(res["recall"]),
            float(res["accuracy"]),
            int(res["n"]),
            float(res["f1_std"]),
        )
        return scores, per_doc


def page_precision_recall(record: Record, counts: Counts) -> tuple[float | None, float | None]:
    """The page's own precision and recall, None where the metric leaves them undefined."""
    if is_shingle(record):
        tp, fp, fn = counts[:3]
        if fp == 0 and fn == 0:
            return (1.0 if tp else None), (1.0 if tp else None)
        p = tp / (tp + fp) if tp + fp else None
        r = tp / (tp + fn) if tp + fn else None
        return p, r
    tp, fp, fn = counts[:3]
    return (tp / (tp + fp) if tp + fp else None), (tp / (tp + fn) if tp + fn else None)


def page_scores(records: Sequence[Record], outputs: Sequence[str], counts: Sequence[Counts]) -> list[PageScore]:
    """Per-page precision and recall of a run."""
    return [PageScore(r, o, c, *page_precision_recall(r, c)) for r, o, c in zip(records, outputs, counts, strict=True)]


def _shingles(toks: Sequence[str]) -> list[tuple[str, ...]]:
    if len(toks) < SHINGLE_SIZE:
        return [tuple(toks)] if toks else []
    return [tuple(toks[i : i + SHINGLE_SIZE]) for i in range(len(toks) - SHINGLE_SIZE + 1)]


def unmatched_spans(toks: Sequence[str], other: Sequence[str]) -> list[str]:
    """Runs of ``toks`` covered by no shingle that ``other`` shares (multiset, left to right), as text."""
    remaining = Counter(_shingles(other))
    covered = [False] * len(toks)
    for i, sh in enumerate(_shingles(toks)):
        if remaining[sh] > 0:
            remaining[sh] -= 1
            covered[i : i + len(sh)] = [True] * len(sh)
    spans: list[str] = []
    start: int | None = None
    for i, c in enumerate([*covered, True]):
        if not c and start is None:
            start = i
        elif c and start is not None:
            spans.append(" ".join(toks[start:i]))
            start = None
    return spans


def shingle_diff(scorer: Scorer, expected: str, predicted: str) -> tuple[list[str], list[str]]:
    """(missing, extra): reference text the output lacks and output text the reference lacks."""
    exp, pred = scorer.tokens(expected), scorer.tokens(predicted)
    return unmatched_spans(exp, pred), unmatched_spans(pred, exp)


def snippet_diff(scorer: Scorer, record: Record, predicted: str) -> tuple[list[str], list[str]]:
    """(missed 'with' snippets, found 'without' snippets) for a snippet record."""
    norm = scorer.tb.norm_ws
    out = norm(predicted)
    missed = [s for s in record.get("with", []) if norm(s) not in out]
    found = [s for s in record.get("without", []) if norm(s) in out]
    return missed, found
