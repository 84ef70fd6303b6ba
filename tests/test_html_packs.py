"""DOM rule packs: every example runs (rule alone, and keeps with every rule on); the loader is strict."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from cleaner.config import Config
from cleaner.dom.packs import DomRule, builtin_dom_dir, load_dom_pack, load_dom_rules
from cleaner.dom.prune import element_text, prune_tree
from cleaner.errors import RulePackError

ALL_RULES = load_dom_rules(Config().merged(enable_packs=tuple(p.stem for p in builtin_dom_dir().glob("*.toml"))))


def _cases() -> list[tuple[DomRule, int]]:
    return [(rule, i) for rule in ALL_RULES for i in range(len(rule.examples))]


def _ids() -> list[str]:
    ids = []
    for rule, i in _cases():
        ex = rule.examples[i]
        n = sum(1 for e in rule.examples[: i + 1] if e.expect == ex.expect)
        ids.append(f"{rule.id}[{ex.expect}-{n}]")
    return ids


def _apply(html: str, rules: tuple[DomRule, ...]) -> str:
    root = lxml.html.document_fromstring(f"<html><body>{html}</body></html>")
    prune_tree(root, rules)
    return element_text(root)


@pytest.mark.parametrize(("rule", "index"), _cases(), ids=_ids())
def test_example(rule: DomRule, index: int) -> None:
    ex = rule.examples[index]
    alone = _apply(ex.html, (rule,))
    assert (ex.text in alone) == (ex.expect == "keep"), f"{rule.id}: {rule.summary}"
    if ex.expect == "keep":
        assert ex.text in _apply(ex.html, ALL_RULES), f"{rule.id} keep example lost with every rule on"


def test_catalogue() -> None:
    ids = [r.id for r in ALL_RULES]
    assert len(ids) == len(set(ids))
    for rule in ALL_RULES:
        assert rule.summary and "\n" not in rule.summary
        assert {e.expect for e in rule.examples} == {"drop", "keep"}


BAD_PACKS = {
    "no-examples": ('id = "DOM901"\nsummary = "x"\naction = "drop"\ncss = "nav"\n', "DOM901"),
    "bad-css": ('id = "DOM902"\nsummary = "x"\naction = "drop"\ncss = "nav[["\n', "DOM902"),
    "two-selectors": ('id = "DOM903"\nsummary = "x"\naction = "drop"\ncss = "nav"\nxpath = "//nav"\n', "DOM903"),
    "unknown-key": ('id = "DOM904"\nsummary = "x"\naction = "drop"\ncss = "nav"\ncolour = "red"\n', "DOM904"),
    "bad-action": ('id = "DOM905"\nsummary = "x"\naction = "explode"\ncss = "nav"\n', "DOM905"),
    "bad-when": ('id = "DOM906"\nsummary = "x"\naction = "drop"\ncss = "nav"\nwhen = { max_len = 3 }\n', "DOM906"),
    "bad-id": ('id = "X1"\nsummary = "x"\naction = "drop"\ncss = "nav"\n', "X1"),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_loader_names_file_and_rule(tmp_path: Path, case: str) -> None:
    body, rule_id = BAD_PACKS[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(f'[pack]\nname = "t"\n\n[[rule]]\n{body}', encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_dom_pack(path)
    assert str(path) in str(err.value)
    assert rule_id in str(err.value)


def test_site_packs_are_off_by_default(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(
        '[pack]\nname = "site-example"\ndefault = false\n\n[[rule]]\nid = "DOMS001"\nsummary = "x"\naction = "drop"\n'
        'css = ".teaser"\n[[rule.example]]\nexpect = "drop"\nhtml = \'<div class="teaser">T</div>\'\ntext = "T"\n'
        '[[rule.example]]\nexpect = "keep"\nhtml = "<p>K</p>"\ntext = "K"\n',
        encoding="utf-8",
    )
    assert load_dom_rules(Config(), tmp_path) == ()
    assert [r.id for r in load_dom_rules(Config(enable_packs=("site-example",)), tmp_path)] == ["DOMS001"]
    assert load_dom_rules(Config(enable_packs=("site-example",), disable=("DOMS001",)), tmp_path) == ()
