"""Strict loading of rule packs: every error names the file and the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.engine.packs import load_pack
from cleaner.errors import RulePackError

GOOD_RULE = """
[[rule]]
id = "USR001"
summary = "Internal tracking line."
action = "drop"
pattern = '^TRACKING-ID: \\d+$'

[[rule.example]]
expect = "drop"
text = "TRACKING-ID: 123"

[[rule.example]]
expect = "keep"
text = "The tracking of park visitors began in May, the council said."
"""


def write(tmp_path: Path, text: str, name: str = "user.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_pack_applies(tmp_path: Path) -> None:
    write(tmp_path, GOOD_RULE)
    para = "The council voted to approve the park budget on Tuesday after a long and heated debate.\n"
    doc = "Council approves the park budget\n" + para + "TRACKING-ID: 991\n" + para.replace("Tuesday", "Monday")
    r = cleaner.Cleaner(rules=str(tmp_path)).clean(doc)
    assert "TRACKING-ID" not in r.text
    assert any(x.rule == "USR001" for x in r.removed)
    assert "TRACKING-ID" in cleaner.Cleaner(rules=str(tmp_path), disable=["USR001"]).clean(doc).text


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        (lambda s: s + "\n[[rule\n", "invalid TOML"),
        (lambda s: s.replace("'^TRACKING-ID: \\d+$'", "'(a)\\1'"), "RE2"),
        (lambda s: s.replace("'^TRACKING-ID: \\d+$'", "'(?=x)y'"), "RE2"),
        (lambda s: s.replace('action = "drop"', 'action = "explode"'), "action must be"),
        (lambda s: s.replace('action = "drop"', 'action = "drop"\ncolour = "red"'), "unknown field"),
        (lambda s: s.replace('expect = "keep"', 'expect = "drop"'), "negative (keep)"),
        (lambda s: s.replace('summary = "Internal tracking line."', 'summary = ""'), "summary"),
        (lambda s: s.replace("pattern = '^TRACKING-ID: \\d+$'", 'when = ["wordz < 3"]'), "unknown feature"),
    ],
)
def test_bad_pack_names_file_and_rule(tmp_path: Path, mutation, message: str) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, mutation(GOOD_RULE))
    with pytest.raises(RulePackError) as info:
        load_pack(path)
    text = str(info.value)
    assert str(path) in text
    assert message in text
    if message != "invalid TOML":
        assert "USR001" in text


def test_duplicate_id_across_packs_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, GOOD_RULE.replace("USR001", "NAV001"))
    with pytest.raises(RulePackError, match="NAV001"):
        cleaner.Cleaner(rules=str(tmp_path))


def test_missing_rules_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="no such rule"):
        cleaner.Cleaner(rules=str(tmp_path / "nope"))
