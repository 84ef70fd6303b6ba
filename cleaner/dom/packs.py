"""DOM rule packs: strict loading of ``rules/dom/*.toml`` into compiled selector rules.

Each rule has a stable id (``DOM001``), a one-line summary that doubles as the
explanation, one CSS or XPath selector, an action and ``[[rule.example]]`` HTML
snippets with ``expect = "drop"`` or ``"keep"``. Any problem raises
``RulePackError`` naming the file and the rule.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import lxml.etree
from cssselect import GenericTranslator, SelectorError

from cleaner.config import Config
from cleaner.errors import RulePackError

DomAction = Literal["drop"]
DomExpect = Literal["drop", "keep"]

PACK_KEYS = {"name", "summary", "default"}
RULE_KEYS = {"id", "name", "summary", "action", "css", "xpath", "class_words", "when", "example"}
SELECTOR_KEYS = ("css", "xpath", "class_words")
CLASS_WORD_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WHEN_KEYS = {"min_link_density", "max_link_density", "max_chars", "min_links", "max_page_share", "repeated"}
EXAMPLE_KEYS = {"expect", "html", "text"}
ACTIONS = ("drop",)
RULE_ID_RE = re.compile(r"^DOM[A-Z]?\d{3}$")
XPATH_NAMESPACES = {"re": "http://exslt.org/regular-expressions"}


@dataclass(frozen=True, slots=True)
class DomExample:
    """An HTML snippet and a piece of its text the rule must drop or keep."""

    expect: DomExpect
    html: str
    text: str


@dataclass(frozen=True, slots=True)
class DomWhen:
    """Conditions on a selected element; all given ones must hold for the action to apply."""

    min_link_density: float | None = None
    max_link_density: float | None = None
    max_chars: int | None = None
    min_links: int | None = None
    max_page_share: float | None = None
    repeated: bool = False


@dataclass(frozen=True, slots=True)
class DomRule:
    """One compiled DOM rule."""

    id: str
    name: str
    summary: str
    action: DomAction
    selector: str
    xpath: Any  # lxml.etree.XPath
    attr_re: re.Pattern[str] | None  # for class_words rules: the exact word match on class and id
    when: DomWhen
    examples: tuple[DomExample, ...]
    pack: str
    path: str
    class_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DomPack:
    """A file of DOM rules; ``default = false`` packs (site packs) load only when enabled by name."""

    name: str
    summary: str
    default: bool
    rules: tuple[DomRule, ...]
    path: str


def builtin_dom_dir() -> Path:
    """Where the shipped DOM packs live: ``cleaner/packs/dom`` in the wheel, ``rules/dom`` in the repo."""
    installed = Path(__file__).resolve().parents[1] / "packs" / "dom"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules" / "dom"


def _fail(path: str, message: str, rule: str | None = None) -> RulePackError:
    return RulePackError(path, message, rule)


def _class_words_selector(words: Any, path: str, rid: str) -> tuple[str, str, re.Pattern[str]]:
    """XPath prefilter (case-insensitive substring, fast in C) and the exact word regex for class_words."""
    valid = isinstance(words, list) and all(isinstance(w, str) and CLASS_WORD_RE.match(w) for w in words)
    if not valid or not words:
        raise _fail(path, "class_words must be a non-empty list of lowercase words (a-z, 0-9, '-', '_')", rid)
    lowered = f"translate(concat(@class, ' ', @id), '{_UPPER}', '{_UPPER.lower()}')"
    tests = " or ".join(f"contains({lowered}, '{w}')" for w in words)
    word_re = re.compile(r"(?:^|[\s_-])(?:" + "|".join(re.escape(w) for w in words) + r")(?:[\s_-]|$)", re.I)
    return f"class_words={words}", f"//*[@class or @id][{tests}]", word_re


def _compile_selector(raw: dict[str, Any], path: str, rid: str) -> tuple[str, Any, re.Pattern[str] | None]:
    given = [k for k in SELECTOR_KEYS if k in raw]
    if len(given) != 1:
        raise _fail(path, f"needs exactly one of {SELECTOR_KEYS}", rid)
    kind = given[0]
    attr_re: re.Pattern[str] | None = None
    if kind == "class_words":
        label, source, attr_re = _class_words_selector(raw[kind], path, rid)
    else:
        label = source = raw[kind]
        if not isinstance(source, str) or not source.strip():
            raise _fail(path, "selector must be a non-empty string", rid)
    if kind == "css":
        try:
            source = GenericTranslator().css_to_xpath(label, prefix="descendant-or-self::")
        except SelectorError as exc:
            raise _fail(path, f"bad CSS selector {label!r}: {exc}", rid) from exc
    try:
        return str(label), lxml.etree.XPath(source, namespaces=XPATH_NAMESPACES), attr_re
    except lxml.etree.XPathSyntaxError as exc:
        raise _fail(path, f"bad XPath {source!r}: {exc}", rid) from exc


def _parse_when(raw: Any, path: str, rid: str) -> DomWhen:
    if raw is None:
        return DomWhen()
    if not isinstance(raw, dict):
        raise _fail(path, "'when' must be a table", rid)
    unknown = set(raw) - WHEN_KEYS
    if unknown:
        raise _fail(path, f"unknown condition(s) {sorted(unknown)}; known: {sorted(WHEN_KEYS)}", rid)
    try:
        return DomWhen(**raw)
    except TypeError as exc:  # pragma: no cover - keys are checked above
        raise _fail(path, str(exc), rid) from exc


def _parse_example(raw: Any, path: str, rid: str) -> DomExample:
    if not isinstance(raw, dict) or set(raw) - EXAMPLE_KEYS or not {"expect", "html", "text"} <= set(raw):
        raise _fail(path, f"each example needs exactly {sorted(EXAMPLE_KEYS)}", rid)
    if raw["expect"] not in ("drop", "keep"):
        raise _fail(path, f"example expect must be 'drop' or 'keep', not {raw['expect']!r}", rid)
    if raw["text"] not in raw["html"]:
        raise _fail(path, f"example text {raw['text']!r} does not occur in its html", rid)
    return DomExample(expect=raw["expect"], html=raw["html"], text=raw["text"])


def _parse_rule(raw: Any, pack: str, path: str) -> DomRule:
    rid = raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(raw, dict) or not isinstance(rid, str) or not RULE_ID_RE.match(rid):
        raise _fail(path, f"rule id {rid!r} must look like DOM001")
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise _fail(path, f"unknown field(s) {sorted(unknown)}", rid)
    summary = raw.get("summary")
    if not isinstance(summary, str) or not summary.strip() or "\n" in summary.strip():
        raise _fail(path, "summary must be one non-empty line", rid)
    if raw.get("action") not in ACTIONS:
        raise _fail(path, f"action must be one of {ACTIONS}", rid)
    selector, xpath, attr_re = _compile_selector(raw, path, rid)
    examples = tuple(_parse_example(e, path, rid) for e in raw.get("example", ()))
    if {e.expect for e in examples} != {"drop", "keep"}:
        raise _fail(path, "needs at least one 'drop' and one 'keep' example", rid)
    return DomRule(
        id=rid,
        name=str(raw.get("name", rid.lower())),
        summary=summary.strip(),
        action="drop",
        selector=selector,
        xpath=xpath,
        attr_re=attr_re,
        when=_parse_when(raw.get("when"), path, rid),
        examples=examples,
        pack=pack,
        path=path,
        class_words=tuple(raw.get("class_words", ())),
    )


def load_dom_pack(path: Path) -> DomPack:
    """Load and compile one DOM pack file, raising ``RulePackError`` on any problem."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _fail(where, f"cannot read pack: {exc}") from exc
    meta = data.get("pack")
    if not isinstance(meta, dict) or set(meta) - PACK_KEYS or not isinstance(meta.get("name"), str):
        raise _fail(where, f"needs a [pack] table with 'name' (allowed keys {sorted(PACK_KEYS)})")
    if set(data) - {"pack", "rule"}:
        raise _fail(where, f"unknown top-level key(s) {sorted(set(data) - {'pack', 'rule'})}")
    rules = tuple(_parse_rule(r, meta["name"], where) for r in data.get("rule", ()))
    ids = [r.id for r in rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise _fail(where, "duplicate rule id", dupes[0])
    return DomPack(
        name=meta["name"],
        summary=str(meta.get("summary", "")),
        default=bool(meta.get("default", True)),
        rules=rules,
        path=where,
    )


@functools.lru_cache(maxsize=16)
def _load_dir(directory: str) -> tuple[DomPack, ...]:
    return tuple(load_dom_pack(p) for p in sorted(Path(directory).glob("*.toml")))


def load_dom_rules(config: Config, directory: Path | None = None) -> tuple[DomRule, ...]:
    """The DOM rules in force for ``config``: default packs plus enabled ones, minus disabled ids."""
    if not config.builtin_rules and directory is None:
        return ()
    packs = _load_dir(str(directory or builtin_dom_dir()))
    seen: dict[str, str] = {}
    rules: list[DomRule] = []
    for pack in packs:
        for rule in pack.rules:
            if rule.id in seen:
                raise _fail(pack.path, f"rule id already used in {seen[rule.id]}", rule.id)
            seen[rule.id] = pack.path
        if not pack.default and pack.name not in config.enable_packs:
            continue
        rules.extend(r for r in pack.rules if r.id not in config.disable)
    return tuple(rules)
