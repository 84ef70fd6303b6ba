"""Config discovery: [tool.cleaner] in pyproject.toml or .cleaner.toml, walking up; CLI options override."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.config import GUARD_PROSE_SHARE, Config
from cleaner.config_files import (
    ConfigResolver,
    apply_overrides,
    find_config,
    load_config_file,
    matches_patterns,
)
from cleaner.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_pyproject_table_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\ndisable = ['LNK001']\nguard-prose-share = 0.1\n")
    doc = write(tmp_path / "corpus" / "site" / "a.txt", "text")
    assert find_config(doc) == (tmp_path / "pyproject.toml").resolve()
    cfg = ConfigResolver().config_for(doc)
    assert cfg.disable == ("LNK001",)
    assert cfg.guard_prose_share == 0.1


def test_dot_file_wins_over_pyproject_in_same_dir(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.cleaner]\ndisable = ['A']\n")
    write(tmp_path / ".cleaner.toml", "disable = ['B']\n")
    assert ConfigResolver().config_for(tmp_path / "x.txt").disable == ("B",)


def test_nearest_config_wins(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".cleaner.toml", "disable = ['OUTER']\n")
    write(tmp_path / "sub" / ".cleaner.toml", "disable = ['INNER']\n")
    resolver = ConfigResolver()
    assert resolver.config_for(tmp_path / "sub" / "deep" / "a.txt").disable == ("INNER",)
    assert resolver.config_for(tmp_path / "b.txt").disable == ("OUTER",)


def test_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", "disable = ['ROOT']\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert ConfigResolver().config_for(tmp_path / "pkg" / "a.txt").disable == ("ROOT",)


def test_walk_stops_at_repository_root(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", "disable = ['OUTSIDE']\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    doc = write(tmp_path / "repo" / "a.txt", "x")
    assert find_config(doc) is None
    assert ConfigResolver().config_for(doc) == Config()


def test_rule_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", "rules = ['rules/learned.toml']\n")
    cfg = ConfigResolver().config_for(tmp_path / "deep" / "a.txt")
    assert cfg.rules == (str((tmp_path / "rules" / "learned.toml").resolve()),)


def test_file_patterns_recorded_as_explicit(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", "file-patterns = ['corpus/*.txt']\n")
    found = ConfigResolver().found_for(tmp_path / "corpus" / "a.txt")
    assert "file_patterns" in found.explicit
    assert found.config.file_patterns == ("corpus/*.txt",)
    assert matches_patterns(tmp_path / "corpus" / "a.txt", found.config.file_patterns, base_dir=found.base_dir)
    assert not matches_patterns(tmp_path / "other" / "a.txt", found.config.file_patterns, base_dir=found.base_dir)


def test_default_patterns_match_at_any_depth(tmp_path: Path) -> None:
    assert matches_patterns(tmp_path / "a" / "b" / "c.txt", ("*.txt",), base_dir=tmp_path)
    assert not matches_patterns(tmp_path / "c.html", ("*.txt",), base_dir=tmp_path)


def test_overrides_replace_scalars_and_extend_lists(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", "disable = ['A']\nguard-prose-share = 0.3\n")
    resolver = ConfigResolver(overrides={"disable": ["B"], "guard_prose_share": 0.05})
    cfg = resolver.config_for(tmp_path / "a.txt")
    assert cfg.disable == ("A", "B")
    assert cfg.guard_prose_share == 0.05


def test_apply_overrides_resolves_rule_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cfg = apply_overrides(Config(rules=("/abs/one",)), rules=["rel"])
    assert cfg.rules == ("/abs/one", str(tmp_path.resolve() / "rel"))


def test_explicit_config_file_skips_discovery(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", "disable = ['FOUND']\n")
    explicit = write(tmp_path / "elsewhere" / "my.toml", "disable = ['EXPLICIT']\n")
    assert ConfigResolver(config_file=explicit).config_for(tmp_path / "a.txt").disable == ("EXPLICIT",)


def test_isolated_ignores_files(tmp_path: Path) -> None:
    write(tmp_path / ".cleaner.toml", "disable = ['FOUND']\n")
    cfg = ConfigResolver(isolated=True).config_for(tmp_path / "a.txt")
    assert cfg.disable == ()
    assert cfg.guard_prose_share == GUARD_PROSE_SHARE


def test_group_by_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "a" / ".cleaner.toml", "disable = ['A']\n")
    files = [tmp_path / "a" / "1.txt", tmp_path / "b" / "2.txt", tmp_path / "a" / "3.txt"]
    groups = ConfigResolver().group(files)
    assert [len(v) for v in groups.values()] == [2, 1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("disable = [", "invalid TOML"),
        ("colour = 'red'\n", "unknown setting 'colour'"),
    ],
)
def test_bad_config_names_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / ".cleaner.toml", text)
    with pytest.raises(ConfigError, match=message) as info:
        ConfigResolver().config_for(tmp_path / "a.txt")
    assert str(path.resolve()) in str(info.value)


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    with pytest.raises(ConfigError, match="no \\[tool.cleaner\\] table"):
        load_config_file(path)
