"""Turning learned blocks into an ordinary, reviewable rule pack (``rules/*.toml`` format).

One rule per learned block: a stable id, a generated name and one-line
summary that states the support, an anchored RE2 pattern matching the
block's lines, a ``drop`` example (the block as the corpus has it) and a
``keep`` example (a prose line of the same source). A comment above each rule
says where the evidence came from. Every rule is run through the same example
checks as ``cleaner rules test`` before it is written; a rule whose examples
fail (a protect rule keeps the line, say) is left out and listed as skipped.
"""

from __future__ import annotations

import json
import re
import tempfile
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import re2

from cleaner.engine.catalogue import Catalogue
from cleaner.engine.examples import check_example
from cleaner.engine.packs import Example, Rule, load_pack
from cleaner.learn.mine import LearnedBlock, LearnedLine

DEFAULT_ID_PREFIX = "LRN"
DEFAULT_PACK_NAME = "learned"
PACK_SUMMARY = "Boilerplate learned from the corpus: lines and short blocks repeated across a source's documents."
MAX_PATTERN_CHARS = 4000
"""Below the engine's limit on pattern length (``cleaner.engine.packs.MAX_PATTERN_CHARS``)."""
KEEP_CANDIDATES = 8
"""How many prose lines of a source are tried as a rule's keep example."""
TOP_SHARE, BOTTOM_SHARE = 0.34, 0.66
_ID = re.compile(r"^([A-Z]+)(\d+)$")
_SPECIAL = set(r"\.^$|?*+()[]{}-/#&~")
_SLUG = re.compile(r"[^a-z0-9]+")


class Pattern(Protocol):
    """A compiled RE2 pattern, as far as this module uses it."""

    def search(self, text: str) -> object:
        """A match object, or None."""


HEADER = """\
# Boilerplate learned from the corpus by `cleaner learn`.
# Review each rule: its comment gives its support and where it was seen. To reject a rule,
# add its id to `disable` in [tool.cleaner]; a later `cleaner learn` keeps the same id for
# the same boilerplate, so it stays disabled. Check the examples with `cleaner rules test`.
"""


@dataclass(frozen=True, slots=True)
class RuleDraft:
    """A learned rule before it is written: everything the TOML needs, plus the evidence."""

    id: str
    block: LearnedBlock
    pattern: str
    keep: str
    keep_candidates: tuple[str, ...]

    @property
    def where(self) -> str:
        """Where the drop example goes in the example article: top, middle or bottom."""
        pos = self.block.position
        return "top" if pos < TOP_SHARE else "bottom" if pos > BOTTOM_SHARE else "middle"

    @property
    def strength(self) -> str:
        """Strong for prose-like lines (a heuristic rule may never remove prose), heuristic otherwise."""
        return "strong" if self.block.prose else "heuristic"

    @property
    def name(self) -> str:
        """``learned-`` and the first words of the block."""
        words = _SLUG.sub("-", self.block.lines[0].variants[0].lower()).strip("-").split("-")
        return "learned-" + ("-".join(w for w in words if w)[:40].strip("-") or "line")

    @property
    def summary(self) -> str:
        """The one-line explanation users see when the rule removes something."""
        b = self.block
        what = "line" if len(b.lines) == 1 else f"{len(b.lines)}-line block"
        prose = ", worded exactly alike" if b.prose else ""
        where = f"{b.support} of {len(b.group.documents)} documents of {b.group.label}"
        return f"Learned boilerplate: a {what} repeated in {where}{prose}."


@dataclass(frozen=True, slots=True)
class Skipped:
    """A learned block that did not make it into the pack, and why."""

    block: LearnedBlock
    reason: str


def _escape(text: str, *, fold_digits: bool) -> str:
    out: list[str] = []
    for token in re.findall(r"\s+|\d+|.", text, flags=re.DOTALL):
        if token.isspace():
            out.append(r"\s+")
        elif fold_digits and token.isdigit():
            out.append(r"\d+")
        else:
            out.append("".join("\\" + c if c in _SPECIAL else c for c in token))
    return "".join(out)


def line_pattern(line: LearnedLine) -> str:
    """The regex body for one learned line: prose exactly as worded, other lines with numbers folded."""
    return _escape(line.variants[0], fold_digits=not line.prose)


def block_pattern(lines: Sequence[LearnedLine]) -> str:
    """An anchored pattern matching any one line of the block."""
    parts = list(dict.fromkeys(line_pattern(line) for line in lines))
    return f"^{parts[0]}$" if len(parts) == 1 else "^(?:" + "|".join(parts) + ")$"


def split_long_blocks(blocks: Sequence[LearnedBlock]) -> list[LearnedBlock]:
    """Split blocks whose pattern would be too long for the engine into shorter runs of lines."""
    out: list[LearnedBlock] = []
    for block in blocks:
        run: list[LearnedLine] = []
        for line in block.lines:
            if run and len(block_pattern([*run, line])) > MAX_PATTERN_CHARS:
                out.append(replace(block, lines=tuple(run), support=min(x.support for x in run)))
                run = []
            if len(block_pattern([line])) <= MAX_PATTERN_CHARS:
                run.append(line)
        if run:
            out.append(replace(block, lines=tuple(run), support=min(x.support for x in run)))
    return out


def keep_candidates(
    block: LearnedBlock, learned: Sequence[Pattern], is_prose: Callable[[str], bool]
) -> tuple[str, ...]:
    """Prose lines of the block's source (one per document) that no learned pattern matches, as keep examples."""
    found: list[str] = []
    for doc in block.group.documents:
        for line in doc.lines:
            if line not in found and is_prose(line) and not any(p.search(line) for p in learned):
                found.append(line)
                break
        if len(found) >= KEEP_CANDIDATES:
            break
    return tuple(found)


def existing_ids(path: Path) -> list[tuple[str, Pattern]]:
    """The (id, compiled pattern) of every rule in an earlier learned pack at ``path``, if it exists."""
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    out: list[tuple[str, Pattern]] = []
    for rule in data.get("rule", []):
        if isinstance(rule, dict) and isinstance(rule.get("id"), str) and isinstance(rule.get("pattern"), str):
            try:
                out.append((rule["id"], re2.compile(rule["pattern"])))
            except Exception:  # an edited pattern RE2 rejects: its id is still taken
                out.append((rule["id"], re2.compile("$^")))
    return out


def assign_ids(
    blocks: Sequence[LearnedBlock], previous: Sequence[tuple[str, Pattern]], *, prefix: str, taken: set[str]
) -> list[str]:
    """An id per block: the earlier id of the same boilerplate when there is one, else the next unused number."""
    numbers = [
        int(m.group(2)) for i in [*taken, *(p for p, _ in previous)] if (m := _ID.match(i)) and m.group(1) == prefix
    ]
    next_number = max(numbers, default=0) + 1
    used = set(taken)
    ids: list[str] = []
    for block in blocks:
        texts = [line.variants[0] for line in block.lines]
        scored = [(sum(1 for t in texts if pat.search(t)), rid) for rid, pat in previous if rid not in used]
        best = max(scored, default=(0, ""))
        if best[0] > 0:
            rule_id = best[1]
        else:
            rule_id = f"{prefix}{next_number:03d}"
            next_number += 1
        used.add(rule_id)
        ids.append(rule_id)
    return ids


def toml_string(text: str) -> str:
    """A TOML basic string ("..." with escapes)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_pattern(pattern: str) -> str:
    """A pattern as a TOML literal string ('...', backslashes as written) when it can be one."""
    if "'" not in pattern and pattern.isprintable():
        return f"'{pattern}'"
    return toml_string(pattern)


def _multiline(text: str) -> str:
    plain = '"' not in text and "\\" not in text and text.replace("\n", "").isprintable()
    if "\n" in text and plain:
        return f'"""\n{text}"""'
    return toml_string(text)


def render_rule(draft: RuleDraft) -> str:
    """One ``[[rule]]`` with its evidence comment and two examples."""
    b = draft.block
    seen = ", ".join(dict.fromkeys(ex for line in b.lines for ex in line.examples))
    lines = [
        f"# support: {b.support} of {len(b.group.documents)} documents ({b.share:.0%}) of {b.group.label};"
        f" prose-like: {'yes' if b.prose else 'no'}; position: {draft.where}",
        f"# seen in: {seen}",
        "[[rule]]",
        f"id = {toml_string(draft.id)}",
        f"name = {toml_string(draft.name)}",
        f"summary = {toml_string(draft.summary)}",
        'action = "drop"',
        f"strength = {toml_string(draft.strength)}",
        f"pattern = {toml_pattern(draft.pattern)}",
        "",
        "[[rule.example]]",
        'expect = "drop"',
        f"text = {_multiline(b.text)}",
        f"where = {toml_string(draft.where)}",
        "",
        "[[rule.example]]",
        'expect = "keep"',
        f"text = {toml_string(draft.keep)}",
    ]
    return "\n".join(lines) + "\n"


def render_pack(drafts: Sequence[RuleDraft], *, name: str, command: str) -> str:
    """The whole pack file."""
    parts = [
        HEADER + f"# Generated by: {command}\n",
        "[pack]",
        f"name = {toml_string(name)}",
        f"summary = {toml_string(PACK_SUMMARY)}",
        "",
    ]
    body = "\n".join(render_rule(d) for d in drafts)
    return "\n".join(parts) + "\n" + body


def load_rendered(text: str) -> dict[str, Rule]:
    """Load rendered pack text with the engine's strict loader; the rules by id."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "learned.toml"
        path.write_text(text, encoding="utf-8")
        return {r.id: r for r in load_pack(path).rules}


def verify_drafts(drafts: Sequence[RuleDraft], base: Catalogue, *, name: str) -> tuple[list[RuleDraft], list[Skipped]]:
    """Run each draft's examples as ``cleaner rules test`` would; try other keep lines, skip what still fails."""
    if not drafts:
        return [], []
    rules = load_rendered(render_pack(drafts, name=name, command="verify"))
    full = Catalogue.build(base.packs, base.rules + tuple(rules[d.id] for d in drafts))
    ok: list[RuleDraft] = []
    skipped: list[Skipped] = []
    for draft in drafts:
        rule = rules[draft.id]
        failure = check_example(rule, 1, Example("drop", draft.block.text, draft.where), full)  # type: ignore[arg-type]
        if failure is not None:
            skipped.append(Skipped(draft.block, f"drop example fails: {failure.message}"))
            continue
        keep = next(
            (k for k in draft.keep_candidates if check_example(rule, 2, Example("keep", k), full) is None), None
        )
        if keep is None:
            skipped.append(Skipped(draft.block, "no prose line of the source survives as a keep example"))
            continue
        ok.append(replace(draft, keep=keep))
    return ok, skipped
