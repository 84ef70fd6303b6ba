"""Rule packs: strict loading of ``rules/*.toml`` into frozen ``Rule`` values.

Load strictly, run leniently: any problem in a pack (bad TOML, unknown field,
a pattern RE2 rejects, a condition naming an unknown feature, a rule without
both kinds of example) raises ``RulePackError`` naming the file and the rule.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any, Literal

import re2

from cleaner.engine.conditions import Condition, Test, compile_conditions, compile_groups, parse_condition
from cleaner.errors import RulePackError

Action = Literal["drop", "drop-section", "drop-thread", "extract-metadata", "protect"]
Strength = Literal["strong", "heuristic"]
Expect = Literal["drop", "keep", "extract"]
Where = Literal["top", "middle", "bottom"]

ACTIONS: tuple[str, ...] = ("drop", "drop-section", "drop-thread", "extract-metadata", "protect")
STRENGTHS: tuple[str, ...] = ("strong", "heuristic")
FIELDS: tuple[str, ...] = ("title", "author", "date")
PACK_KEYS = {"name", "summary", "default"}
RULE_KEYS = {"id", "name", "summary", "action", "strength", "pattern", "when", "field", "items", "example"}
EXAMPLE_KEYS = {"expect", "text", "where", "value"}
MAX_PATTERN_CHARS = 4096
# RE2's default 8 MB budget overflows its DFA on Unicode classes with counted repeats and then
# logs to stderr on every match; 64 MB keeps the (still linear-time) DFA and the library silent.
RE2_MAX_MEM_BYTES = 64 << 20


def re2_options() -> Any:
    """RE2 options shared by every compiled rule pattern."""
    options = re2.Options()
    options.max_mem = RE2_MAX_MEM_BYTES
    options.log_errors = False
    return options


@dataclass(frozen=True, slots=True)
class Example:
    """A line or snippet a rule must drop (or keep, or extract a value from)."""

    expect: Expect
    text: str
    where: Where = "middle"
    value: str | None = None


_SPACE_CHARACTERS = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[{_SPACE_CHARACTERS}]")


def pattern_text(text: str) -> str:
    """``text`` as the rule patterns read it: every space character is a plain space.

    Pages print no-break spaces (U+00A0) between words ('Die Internetseite verwendet teilweise
    Cookies' in a German consent dialog), and a pattern's ' ' must match them as the reader sees
    them. Most lines have none: no copy for them (``str.translate`` cost 4 µs a line, this 0.4).
    """
    if text.isascii() or _SPACES.search(text) is None:
        return text
    return _SPACES.sub(" ", text)


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule: a stable id, a one-line summary, its match and its action."""

    id: str
    name: str
    summary: str
    action: Action
    strength: Strength
    pattern: Any  # re2 compiled pattern, or None for condition-only rules
    pattern_source: str | None
    when: tuple[Condition, ...]
    items: tuple[tuple[Condition, ...], ...]
    field: str | None
    examples: tuple[Example, ...]
    pack: str
    path: str
    # ``when`` and ``items`` compiled to one function each (conditions.compile_groups), made from them here.
    holds: Test = dataclass_field(init=False, repr=False, compare=False)
    continues_run: Test = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "holds", compile_conditions(self.when))
        object.__setattr__(self, "continues_run", compile_groups(self.items))

    def matches(self, text: str, features: dict[str, float], hits: frozenset[str] | None = None) -> bool:
        """True when the pattern (if any) is found in ``text`` and every condition holds.

        ``hits`` (from the catalogue's pattern set) answers the pattern test without running the regex.
        """
        if self.pattern is not None:
            found = self.id in hits if hits is not None else self.pattern.search(pattern_text(text)) is not None
            if not found:
                return False
        return self.holds(features)

    def item_matches(self, features: dict[str, float]) -> bool:
        """For section rules: True when a line continues the section's run (any group of conditions holds)."""
        return self.continues_run(features)


@dataclass(frozen=True, slots=True)
class Pack:
    """A loaded rule pack: one family of rules from one file."""

    name: str
    summary: str
    default: bool
    path: str
    rules: tuple[Rule, ...]


def _fail(path: Path, message: str, rule: str | None = None) -> RulePackError:
    return RulePackError(str(path), message, rule)


def _compile(path: Path, rule_id: str, source: str) -> Any:
    if len(source) > MAX_PATTERN_CHARS:
        raise _fail(path, f"pattern longer than {MAX_PATTERN_CHARS} characters", rule_id)
    try:
        return re2.compile(source, options=re2_options())
    except Exception as exc:  # re2 raises its own error type for unsupported syntax
        raise _fail(path, f"pattern rejected by RE2 (no backreferences or look-around): {exc}", rule_id) from exc


def _examples(path: Path, rule_id: str, raw: Any) -> tuple[Example, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(path, "needs [[rule.example]] tables with expect = 'drop' and 'keep'", rule_id)
    out: list[Example] = []
    for ex in raw:
        if not isinstance(ex, dict):
            raise _fail(path, "an example must be a table", rule_id)
        unknown = set(ex) - EXAMPLE_KEYS
        if unknown:
            raise _fail(path, f"unknown example field(s): {', '.join(sorted(unknown))}", rule_id)
        if ex.get("expect") not in ("drop", "keep", "extract") or not isinstance(ex.get("text"), str):
            raise _fail(path, "an example needs expect = 'drop'|'keep'|'extract' and a text", rule_id)
        if ex.get("where", "middle") not in ("top", "middle", "bottom"):
            raise _fail(path, "example where must be 'top', 'middle' or 'bottom'", rule_id)
        out.append(Example(ex["expect"], ex["text"], ex.get("where", "middle"), ex.get("value")))
    kinds = {e.expect for e in out}
    if "keep" not in kinds or not kinds & {"drop", "extract"}:
        raise _fail(path, "needs at least one positive (drop/extract) and one negative (keep) example", rule_id)
    return tuple(out)


def _rule(path: Path, pack: str, raw: Any, section_ok: bool = True) -> Rule:
    if not isinstance(raw, dict):
        raise _fail(path, "a [[rule]] must be a table")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise _fail(path, "a rule without an id")
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise _fail(path, f"unknown field(s): {', '.join(sorted(unknown))}", rule_id)
    summary = raw.get("summary")
    if not isinstance(summary, str) or not summary.strip() or "\n" in summary.strip():
        raise _fail(path, "summary must be one non-empty line", rule_id)
    action = raw.get("action")
    if action not in ACTIONS:
        raise _fail(path, f"action must be one of {', '.join(ACTIONS)}", rule_id)
    strength = raw.get("strength", "heuristic")
    if strength not in STRENGTHS:
        raise _fail(path, "strength must be 'strong' or 'heuristic'", rule_id)
    source = raw.get("pattern")
    if source is not None and not isinstance(source, str):
        raise _fail(path, "pattern must be a string", rule_id)
    when_raw = raw.get("when", [])
    items_raw = raw.get("items", [])
    if not isinstance(when_raw, list) or not isinstance(items_raw, list):
        raise _fail(path, "when and items must be lists of conditions", rule_id)
    try:
        when = tuple(parse_condition(c) for c in when_raw)
        groups = items_raw if all(isinstance(g, list) for g in items_raw) else [items_raw]
        items = tuple(tuple(parse_condition(c) for c in group) for group in groups if group)
    except ValueError as exc:
        raise _fail(path, str(exc), rule_id) from exc
    if source is None and not when:
        raise _fail(path, "a rule needs a pattern or at least one condition", rule_id)
    if action == "drop-section" and (source is None or not items):
        raise _fail(path, "a drop-section rule needs a header pattern and item conditions", rule_id)
    if action == "drop-thread" and source is None:
        raise _fail(path, "a drop-thread rule needs a pattern for its mark", rule_id)
    field = raw.get("field")
    if action == "extract-metadata":
        if field not in FIELDS:
            raise _fail(path, f"extract-metadata needs field = one of {', '.join(FIELDS)}", rule_id)
        if source is None or "(?P<value>" not in source:
            raise _fail(path, "extract-metadata needs a pattern with a (?P<value>...) group", rule_id)
    elif field is not None:
        raise _fail(path, "field is only for extract-metadata rules", rule_id)
    return Rule(
        id=rule_id,
        name=str(raw.get("name", rule_id)),
        summary=summary.strip(),
        action=action,
        strength=strength,
        pattern=_compile(path, rule_id, source) if source is not None else None,
        pattern_source=source,
        when=when,
        items=items,
        field=field,
        examples=_examples(path, rule_id, raw.get("example")),
        pack=pack,
        path=str(path),
    )


def load_pack(path: Path) -> Pack:
    """Read and validate one pack file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"invalid TOML: {exc}") from exc
    unknown = set(data) - {"pack", "rule"}
    if unknown:
        raise _fail(path, f"unknown top-level table(s): {', '.join(sorted(unknown))}")
    meta = data.get("pack", {})
    if not isinstance(meta, dict) or set(meta) - PACK_KEYS:
        raise _fail(path, f"[pack] may only hold {', '.join(sorted(PACK_KEYS))}")
    name = str(meta.get("name", path.stem))
    rules = tuple(_rule(path, name, r) for r in data.get("rule", []))
    ids = [r.id for r in rules]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise _fail(path, "duplicate rule id", sorted(dupes)[0])
    return Pack(name, str(meta.get("summary", "")), bool(meta.get("default", True)), str(path), rules)


def pack_files(location: Path) -> list[Path]:
    """The pack files at ``location``: the file itself, or the ``*.toml`` directly inside a directory."""
    if location.is_file():
        return [location]
    if location.is_dir():
        return sorted(location.glob("*.toml"))
    raise RulePackError(str(location), "no such rule file or directory")
