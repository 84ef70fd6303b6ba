"""detect_kind: HTML vs text from the first few KB."""

from __future__ import annotations

import pytest

from cleaner.adapters.detect import detect_kind


@pytest.mark.parametrize(
    "content",
    [
        "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "  \n<html lang='en'><head><title>x</title></head></html>",
        "\ufeff<!-- saved page --><html><body>x</body></html>",
        "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body/></html>",
        "<div class='a'><p>Fragment with two tags</p></div>",
        b"<html><body><p>bytes</p></body></html>",
        "<html><body><p>UTF-16 with BOM</p></body></html>".encode("utf-16"),
        "<html><body><p>UTF-16 without BOM</p></body></html>".encode("utf-16-le"),
        "<html><body><p>UTF-16 BE</p></body></html>".encode("utf-16-be"),
    ],
)
def test_detects_html(content: str | bytes) -> None:
    assert detect_kind(content) == "html"


@pytest.mark.parametrize(
    "content",
    [
        "",
        "Plain text about the <p> tag in one sentence.",
        "Home > News\nA sentence of the article that says something useful.",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        "a < b and c > d, said the mathematician.",
    ],
)
def test_detects_text(content: str | bytes) -> None:
    assert detect_kind(content) == "text"


def test_only_sniffs_the_head() -> None:
    assert detect_kind("x" * 100_000 + "<html><body><p>late</p></body></html>") == "text"
