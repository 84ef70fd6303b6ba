"""Hostile HTML returns a Result or a clear CleanerError within a time bound (issue 8 traps included)."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable

import pytest

import cleaner
from cleaner.config import Config
from cleaner.dom.parse import flatten_deep_tags, parse_html
from cleaner.errors import CleanerError
from cleaner.model import Result

PARA = "<p>The harbour master said the storm had passed and the boats could leave at first light.</p>"
LATE = "<p>This later paragraph comes after the trap and must survive in the cleaned text.</p>"


def _run(content: str | bytes, seconds: float) -> Result | CleanerError:
    start = time.perf_counter()
    try:
        out: Result | CleanerError = cleaner.clean(content, kind="html")
    except CleanerError as exc:
        out = exc
    assert time.perf_counter() - start < seconds
    return out


def _page(body: str) -> str:
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


CASES: dict[str, Callable[[], str | bytes]] = {
    "no-closing-tags": lambda: _page("<div><p>" + "<p>Unclosed paragraph number one with some words in it." * 200),
    "10k-nested-divs": lambda: _page(PARA * 3 + "<div>" * 10_000 + PARA + "</div>" * 10_000 + LATE),
    "300-unclosed-font": lambda: _page(PARA * 3 + "<font>" * 300 + PARA + LATE),
    "billion-laughs": lambda: (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        + "]><html><body><p>&lol9;</p>" + PARA * 3 + "</body></html>"
    ),
    "external-entity": lambda: (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>&xxe;</p>'
        + '<iframe src="file:///etc/passwd"></iframe><img src="file:///etc/shadow">' + PARA * 3 + "</body></html>"
    ),
    "binary-png": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
    "binary-gzip": lambda: gzip.compress(b"<html><body>" + PARA.encode() * 50 + b"</body></html>"),
    "nul-bytes": lambda: _page(PARA.replace(" ", "\x00 ") * 5),
    "empty": lambda: "",
    "whitespace": lambda: " \n\t " * 100,
    "script-only": lambda: _page("<script>" + "var x = 1;" * 10_000 + "</script>"),
    "unterminated-tag": lambda: _page(PARA * 3) + "<a" * 50_000,
    "unterminated-comment": lambda: _page(PARA * 3) + "<!--" + "x" * 100_000,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_is_bounded(case: str) -> None:
    out = _run(CASES[case](), seconds=15)
    assert isinstance(out, Result | CleanerError)
    if isinstance(out, Result):
        assert "root:" not in out.text  # no /etc/passwd content
        assert "lollol" not in out.text  # no entity expansion


@pytest.mark.parametrize("case", ["10k-nested-divs", "300-unclosed-font"])
def test_text_after_deep_nesting_survives(case: str) -> None:
    out = _run(CASES[case](), seconds=15)
    assert isinstance(out, Result)
    assert "This later paragraph comes after the trap" in out.text
    assert any("nested deeper" in w for w in out.warnings)


def test_flatten_keeps_text_and_bounds_depth() -> None:
    html, removed = flatten_deep_tags("<div>" * 500 + "deep text" + "</div>" * 500 + "<p>after</p>", 50)
    assert removed > 0 and "deep text" in html and "<p>after</p>" in html
    page = parse_html(html, config=Config())
    assert page is not None and "after" in page.root.text_content()


def test_node_limit_is_a_clear_error() -> None:
    with pytest.raises(CleanerError, match="max_html_nodes"):
        cleaner.Cleaner(config=Config(max_html_nodes=100)).clean(_page(PARA * 500), kind="html")


def test_size_limit_is_a_clear_error() -> None:
    with pytest.raises(CleanerError, match="max_input_bytes"):
        cleaner.Cleaner(config=Config(max_input_bytes=1000)).clean(_page(PARA * 50).encode(), kind="html")


@pytest.mark.slow
def test_20mb_of_markup() -> None:
    body = ("<div class='row'><span>cell</span>" + PARA + "</div>") * (20_000_000 // 130)
    out = _run(_page(body), seconds=120)
    assert isinstance(out, Result | CleanerError)
