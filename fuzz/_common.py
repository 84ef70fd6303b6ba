"""Shared fuzz harness: feed bytes (and the same bytes decoded as str) to one ``Cleaner``.

A ``CleanerError`` (bad input, limit exceeded) is an accepted outcome; any other
exception is a crash that libFuzzer records with the input that caused it.
"""

from __future__ import annotations

from typing import Literal

import cleaner
from cleaner.errors import CleanerError
from cleaner.model import Result

_CLEANER: cleaner.Cleaner | None = None


def get_cleaner() -> cleaner.Cleaner:
    """One cleaner per fuzzing process (the rule packs compile once)."""
    global _CLEANER
    if _CLEANER is None:
        _CLEANER = cleaner.Cleaner()
    return _CLEANER


def check(data: bytes, kind: Literal["auto", "text", "html"]) -> None:
    """Clean ``data`` as bytes and as text; assert the Result is well formed."""
    c = get_cleaner()
    for content in (data, data.decode("utf-8", errors="replace")):
        try:
            result = c.clean(content, kind=kind)
        except CleanerError:
            continue
        assert isinstance(result, Result)
        assert isinstance(result.text, str)
        assert "\x00" not in result.text, "NUL byte in cleaned text"
        for seg in result.segments:
            assert seg.start_line <= seg.end_line, seg
