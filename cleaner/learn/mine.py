"""Finding boilerplate in a corpus: lines and short blocks that repeat across a source's documents.

The stages, in order (``mine_corpus`` calls them):

1. group: documents are grouped into sources three ways — by directory, by
   the host of their URL, and by a first line many of them share (a site
   name). A line is judged within each group it belongs to.
2. count: per group, in how many documents each line occurs (numbers
   folded, so ``© 2023 X`` and ``© 2024 X`` count together).
3. filter, conservatively: a line is learned when at least ``min_support``
   documents and ``min_share`` of its group hold it. A line that reads like
   body prose is learned only when one exact wording is in ``prose_share``
   of the group (an agency's standard closing paragraph, not a quote that
   two stories share).
4. chain: learned lines that follow each other in most documents become
   one block (a three-line footer is one pattern, not three).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from cleaner.features import is_prose, line_stats
from cleaner.language import guess_language, stopwords_for
from cleaner.learn.corpus import Document

MIN_SUPPORT_DOCS = 5
"""A line must be in at least this many documents of one source."""
MIN_GROUP_SHARE = 0.5
"""... and in at least this share of that source's documents."""
PROSE_MIN_SHARE = 0.8
"""A prose-like line must be in this share of the source's documents, worded exactly alike."""
CHAIN_MIN_SHARE = 0.8
"""Two learned lines form one block when one follows the other in this share of their documents."""
MAX_BLOCK_LINES = 8
MAX_LINE_CHARS = 300
"""Longer lines are never learned: a verbatim 300-character line is body text or a licence, not a widget."""
GROUPINGS = ("dir", "url", "first-line")
PROSE_SAMPLE_DOCS = 20
PROSE_SAMPLE_CHARS = 20_000

_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")


def line_key(line: str) -> str:
    """The counting key of a line: whitespace collapsed, digit runs folded to ``0``."""
    return _DIGITS.sub("0", " ".join(line.split()))


@dataclass(frozen=True, slots=True)
class Group:
    """A source: documents grouped by one criterion (``dir:...``, ``url:...`` or ``first-line:...``)."""

    key: str
    documents: tuple[Document, ...]

    @property
    def label(self) -> str:
        """A short human name for messages and summaries."""
        kind, _, value = self.key.partition(":")
        return f"{value} ({kind})" if kind != "first-line" else f"first line {value!r}"


@dataclass(frozen=True, slots=True)
class LearnedLine:
    """One learned line: its key, the wordings seen, and where it occurs."""

    key: str
    variants: tuple[str, ...]
    """Exact wordings, most common first."""
    support: int
    prose: bool
    position: float
    """Mean relative position in its documents (0 top, 1 bottom)."""
    examples: tuple[str, ...]
    """Names of documents holding it."""


@dataclass(frozen=True, slots=True)
class LearnedBlock:
    """One learned pattern: a line or a short block of lines that repeat together."""

    group: Group
    lines: tuple[LearnedLine, ...]
    support: int
    """Documents holding every line of the block (the smallest line support)."""

    @property
    def prose(self) -> bool:
        """True when any line of the block reads like prose."""
        return any(line.prose for line in self.lines)

    @property
    def share(self) -> float:
        """Support as a share of the group's documents."""
        return self.support / len(self.group.documents)

    @property
    def position(self) -> float:
        """Where the block sits in its documents, 0 top to 1 bottom."""
        return sum(line.position for line in self.lines) / len(self.lines)

    @property
    def text(self) -> str:
        """The block as it most often reads."""
        return "\n".join(line.variants[0] for line in self.lines)


@dataclass(frozen=True, slots=True)
class MineOptions:
    """The thresholds of learning; the defaults are the conservative module constants."""

    min_support: int = MIN_SUPPORT_DOCS
    min_share: float = MIN_GROUP_SHARE
    prose_share: float = PROSE_MIN_SHARE
    groupings: tuple[str, ...] = GROUPINGS
    chain_share: float = CHAIN_MIN_SHARE
    max_block_lines: int = MAX_BLOCK_LINES


def group_documents(documents: Sequence[Document], options: MineOptions) -> list[Group]:
    """The sources of the corpus under every enabled grouping, each with at least ``min_support`` documents."""
    buckets: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        if "dir" in options.groupings:
            buckets[f"dir:{doc.directory}"].append(doc)
        if "url" in options.groupings and doc.host:
            buckets[f"url:{doc.host}"].append(doc)
        if "first-line" in options.groupings and doc.lines:
            buckets[f"first-line:{line_key(doc.lines[0])}"].append(doc)
    return [Group(key, tuple(docs)) for key, docs in buckets.items() if len(docs) >= options.min_support]


def _learnable(line: str) -> bool:
    return len(line) <= MAX_LINE_CHARS and _LETTER.search(line) is not None


@dataclass(slots=True)
class _Tally:
    docs: list[Document] = field(default_factory=list)
    variants: Counter[str] = field(default_factory=Counter)
    positions: list[float] = field(default_factory=list)


def _tally(group: Group) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for doc in group.documents:
        seen: set[str] = set()
        last = max(len(doc.lines) - 1, 1)
        for i, line in enumerate(doc.lines):
            key = line_key(line)
            if key in seen or not _learnable(line):
                continue
            seen.add(key)
            t = tallies[key]
            t.docs.append(doc)
            t.variants[line] += 1
            t.positions.append(i / last)
    return tallies


def prose_checker(documents: Sequence[Document]) -> Callable[[str], bool]:
    """A test for "reads like body prose" in the language of these documents (guessed from a sample)."""
    sample = "\n".join(line for doc in documents[:PROSE_SAMPLE_DOCS] for line in doc.lines)
    stopwords = stopwords_for(guess_language(sample[:PROSE_SAMPLE_CHARS]))

    def check(line: str) -> bool:
        return is_prose(line_stats(line, stopwords))

    return check


def learn_lines(group: Group, options: MineOptions) -> list[LearnedLine]:
    """The lines of one group that pass the support, share and prose tests."""
    size = len(group.documents)
    prose_like = prose_checker(group.documents)
    out: list[LearnedLine] = []
    for key, t in _tally(group).items():
        support = len(t.docs)
        if support < options.min_support or support / size < options.min_share:
            continue
        top, top_count = t.variants.most_common(1)[0]
        prose = prose_like(top)
        if prose and (top_count < options.min_support or top_count / size < options.prose_share):
            continue
        variants = tuple(v for v, _ in t.variants.most_common())
        if prose:
            variants = (top,)  # only the exact wording is learned for prose-like lines
            support = top_count
        out.append(
            LearnedLine(
                key=key,
                variants=variants,
                support=support,
                prose=prose,
                position=round(sum(t.positions) / len(t.positions), 3),
                examples=tuple(d.name for d in t.docs[:3]),
            )
        )
    return out


def chain_lines(group: Group, lines: Sequence[LearnedLine], options: MineOptions) -> list[LearnedBlock]:
    """Join learned lines that follow one another in most of their documents into blocks."""
    by_key = {line.key: line for line in lines}
    follows: Counter[tuple[str, str]] = Counter()
    for doc in group.documents:
        keys = [line_key(line) for line in doc.lines]
        for a, b in zip(keys, keys[1:], strict=False):
            if a in by_key and b in by_key and a != b:
                follows[(a, b)] += 1
    nxt: dict[str, str] = {}
    prev: dict[str, str] = {}
    for (a, b), count in follows.most_common():
        if a in nxt or b in prev:
            continue
        if count >= options.chain_share * max(by_key[a].support, by_key[b].support):
            nxt[a], prev[b] = b, a
    blocks: list[LearnedBlock] = []
    done: set[str] = set()
    for line in lines:
        if line.key in done or line.key in prev:
            continue
        chain = [line]
        while chain[-1].key in nxt and nxt[chain[-1].key] not in done and len(chain) < options.max_block_lines:
            follower = by_key[nxt[chain[-1].key]]
            if follower in chain:
                break
            chain.append(follower)
        done.update(c.key for c in chain)
        blocks.append(LearnedBlock(group, tuple(chain), min(c.support for c in chain)))
    for line in lines:  # lines left over by a cycle or a too-long chain
        if line.key not in done:
            done.add(line.key)
            blocks.append(LearnedBlock(group, (line,), line.support))
    return blocks


def mine_corpus(documents: Iterable[Document], options: MineOptions | None = None) -> list[LearnedBlock]:
    """Learn the boilerplate blocks of a corpus, strongest support first, each line learned once."""
    options = options or MineOptions()
    docs = list(documents)
    candidates: list[LearnedBlock] = []
    for group in group_documents(docs, options):
        candidates.extend(chain_lines(group, learn_lines(group, options), options))
    # A line found under several groupings is kept once, in the block with the best evidence.
    candidates.sort(key=lambda b: (-b.support, -b.share, -len(b.lines), b.group.key, b.text))
    taken: set[str] = set()
    out: list[LearnedBlock] = []
    for block in candidates:
        lines = tuple(line for line in block.lines if line.key not in taken)
        if not lines:
            continue
        if len(lines) != len(block.lines):
            block = LearnedBlock(block.group, lines, min(line.support for line in lines))
        taken.update(line.key for line in lines)
        out.append(block)
    return out
