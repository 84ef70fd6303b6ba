"""``learn_corpus``: read a corpus, mine its boilerplate, draft, verify and render a rule pack.

The stages are ``cleaner.learn.corpus`` (documents) → ``cleaner.learn.mine``
(learned blocks) → ``cleaner.learn.pack`` (drafts, example checks, TOML).
Nothing here writes files or prints: the CLI decides (``cleaner learn``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import re2

from cleaner.config import Config
from cleaner.engine.catalogue import Catalogue, load_catalogue
from cleaner.learn.corpus import Document, iter_documents
from cleaner.learn.mine import LearnedBlock, MineOptions, mine_corpus, prose_checker
from cleaner.learn.pack import (
    DEFAULT_ID_PREFIX,
    DEFAULT_PACK_NAME,
    RuleDraft,
    Skipped,
    assign_ids,
    block_pattern,
    existing_ids,
    keep_candidates,
    render_pack,
    split_long_blocks,
    verify_drafts,
)


@dataclass(frozen=True, slots=True)
class LearnReport:
    """What learning found: the rules to write, the blocks left out and why, and the pack text."""

    documents: int
    sources: int
    rules: tuple[RuleDraft, ...]
    skipped: tuple[Skipped, ...]
    text: str
    """The rendered pack; empty when nothing was learned."""
    disabled: frozenset[str] = field(default_factory=frozenset)
    """Ids among ``rules`` that the configuration disables (kept in the pack so the id stays)."""


def base_catalogue(config: Config, out: Path | None) -> tuple[Catalogue, set[str]]:
    """The catalogue the learned rules join (without an earlier version of ``out``), and every id in use."""
    catalogue = load_catalogue(config.merged(disable=()))
    target = out.resolve() if out is not None else None
    packs = tuple(p for p in catalogue.packs if Path(p.path).resolve() != target)
    rules = tuple(r for r in catalogue.rules if Path(r.path).resolve() != target)
    in_force = tuple(r for r in rules if r.id not in config.disable)
    return Catalogue.build(packs, in_force), {r.id for r in rules}


def draft_rules(
    blocks: Sequence[LearnedBlock],
    *,
    previous: Path | None,
    prefix: str,
    taken: set[str],
) -> list[RuleDraft]:
    """A draft per block with a stable id, its pattern and candidate keep examples."""
    blocks = split_long_blocks(blocks)
    ids = assign_ids(blocks, existing_ids(previous) if previous else [], prefix=prefix, taken=taken)
    patterns = [block_pattern(b.lines) for b in blocks]
    compiled = [re2.compile(p) for p in patterns]
    checkers = {}
    drafts: list[RuleDraft] = []
    for rule_id, block, pattern in zip(ids, blocks, patterns, strict=True):
        if block.group.key not in checkers:
            checkers[block.group.key] = prose_checker(block.group.documents)
        candidates = keep_candidates(block, compiled, checkers[block.group.key])
        drafts.append(RuleDraft(rule_id, block, pattern, candidates[0] if candidates else "", candidates))
    drafts.sort(key=lambda d: (len(d.id), d.id))
    return drafts


def learn_corpus(
    roots: Sequence[str | Path],
    *,
    config: Config | None = None,
    options: MineOptions | None = None,
    out: Path | None = None,
    prefix: str = DEFAULT_ID_PREFIX,
    pack_name: str = DEFAULT_PACK_NAME,
    command: str = "cleaner learn",
    text_field: str = "text",
    url_field: str = "url",
    documents: Sequence[Document] | None = None,
) -> LearnReport:
    """Learn a rule pack from the documents under ``roots`` (or the given ``documents``).

    ``out`` is where the pack will go: an earlier pack there lends its ids to
    the same boilerplate and is left out of the catalogue the new rules are
    checked against.
    """
    config = config or Config()
    docs = (
        list(documents)
        if documents is not None
        else list(iter_documents(roots, patterns=config.file_patterns, text_field=text_field, url_field=url_field))
    )
    blocks = mine_corpus(docs, options)
    base, taken = base_catalogue(config, out)
    drafts = draft_rules(blocks, previous=out, prefix=prefix, taken=taken)
    no_keep = [d for d in drafts if not d.keep_candidates]
    ok, skipped = verify_drafts([d for d in drafts if d.keep_candidates], base, name=pack_name)
    skipped = [Skipped(d.block, "no prose line of the source to use as a keep example") for d in no_keep] + skipped
    text = render_pack(ok, name=pack_name, command=command) if ok else ""
    sources = len({b.group.key for b in blocks})
    return LearnReport(
        documents=len(docs),
        sources=sources,
        rules=tuple(ok),
        skipped=tuple(skipped),
        text=text,
        disabled=frozenset(d.id for d in ok if d.id in config.disable),
    )
