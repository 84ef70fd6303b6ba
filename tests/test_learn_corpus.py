"""Reading and grouping a corpus for ``cleaner learn``: files, JSON lines, URL headers, hidden folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.errors import InputError
from cleaner.learn.corpus import header_url, iter_documents, split_lines
from cleaner.learn.mine import MineOptions, group_documents, line_key


def test_split_lines_strips_and_drops_blanks() -> None:
    assert split_lines("  A \r\n\r\n B\u2028C\n") == ("A", "B", "C")


def test_header_url_only_near_the_top() -> None:
    assert header_url(["Title", "URL: https://www.site.example/a"]) == "https://www.site.example/a"
    assert header_url(["Source = http://x.example/b"]) == "http://x.example/b"
    assert header_url(["1", "2", "3", "4", "5", "url: https://late.example/"]) is None


def test_documents_from_files_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "site" / "2024").mkdir(parents=True)
    (tmp_path / "site" / "2024" / "a.txt").write_text("URL: https://www.site.example/a\nHello\n")
    (tmp_path / "top.md").write_text("Top\n")
    (tmp_path / "skip.html").write_text("<p>no</p>")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    records = [
        {"url": "https://news.example/1", "text": "One\nTwo"},
        {"text": "URL: https://b.example/\nBody"},
        {"x": 1},
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n\n")
    docs = list(iter_documents([tmp_path], patterns=("*.txt", "*.md")))
    by_name = {
        Path(d.name.split(":")[0]).name + (":" + d.name.split(":")[-1] if ".jsonl" in d.name else ""): d for d in docs
    }
    assert sorted(by_name) == ["a.txt", "dump.jsonl:1", "dump.jsonl:2", "top.md"]
    assert by_name["a.txt"].host == "site.example"
    assert by_name["a.txt"].directory == str(tmp_path / "site")  # grouped by the first folder below DIR
    assert by_name["top.md"].directory == str(tmp_path)
    assert by_name["dump.jsonl:1"].host == "news.example" and by_name["dump.jsonl:1"].lines == ("One", "Two")
    assert by_name["dump.jsonl:2"].host == "b.example"


def test_bad_jsonl_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"}\nnot json\n')
    with pytest.raises(InputError, match=r"bad.jsonl:2: not a JSON object"):
        list(iter_documents([tmp_path], patterns=("*.txt",)))


def test_missing_root_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        list(iter_documents([tmp_path / "nope"], patterns=("*.txt",)))


def test_small_groups_are_dropped(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(f"Same first line\nBody {i}\n")
    docs = list(iter_documents([tmp_path], patterns=("*.txt",)))
    assert group_documents(docs, MineOptions(min_support=5)) == []
    keys = {g.key for g in group_documents(docs, MineOptions(min_support=4))}
    assert keys == {f"dir:{tmp_path}", "first-line:Same first line"}


def test_line_key_folds_numbers_and_spaces() -> None:
    assert line_key("©  2023   Daily Planet") == line_key("© 1999 Daily Planet") == "© 0 Daily Planet"


def test_lines_are_the_engines_blocks() -> None:
    # a converter that put a link on its own line: the engine joins the fragment, so learning does too
    assert split_lines("Read the full story on\nour website today.\nNext") == (
        "Read the full story on our website today.",
        "Next",
    )
