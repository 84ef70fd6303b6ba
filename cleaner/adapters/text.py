"""Plain-text input adapter: bytes or str in, normalised text out."""

from __future__ import annotations

import re

from cleaner.adapters.decode import decode_bytes, utf16_without_bom
from cleaner.config import Config
from cleaner.errors import InputError, LimitExceeded

# Every line separator a scraped dump may carry; all become "\n".
# \u2028/\u2029 are Unicode line/paragraph separators, \x0b/\x0c vertical tab and
# form feed (page breaks in archive exports), \x85 the Latin-1 NEL.
LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x0c": "\n\n", "\x0b": "\n", "\x85": "\n"}

# C0 controls other than tab/newline carry no text; NUL in particular breaks downstream tools.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
# The same characters one by one: 29 substring tests cost a fifth of one regex scan of a page.
_CONTROL_CHARS = tuple(chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F))


SOFT_HYPHEN = "\u00ad"
"""U+00AD marks where a word may break and prints nothing unless it does. Left inside words ('Mag|da|le|ner'
with one at each bar) it splits them for every search, tokenizer and snippet match, so it goes like a control
character"""


def normalise_newlines(text: str) -> str:
    """Turn every kind of line break into ``\\n``; drop other control characters and soft hyphens."""
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for old in ("\u2028", "\u2029", "\x0c", "\x0b", "\x85"):
        if old in text:
            text = text.replace(old, LINE_BREAKS[old])
    return _CONTROL.sub("", text) if any(c in text for c in _CONTROL_CHARS) else text


BINARY_NUL_SHARE = 0.1
"""Share of NUL bytes past which input with no UTF-16/32 byte-order mark is binary, not text."""


def looks_binary(data: bytes) -> bool:
    """Many NUL bytes and no UTF-16/32 shape: a PNG, a gzip stream, an executable."""
    sample = data[:65536]
    if not sample or sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if sample.count(0) <= len(sample) * BINARY_NUL_SHARE:
        return False
    return utf16_without_bom(sample) is None


def decode_text(content: str | bytes, *, config: Config) -> tuple[str, tuple[str, ...]]:
    """Decode and normalise text input; enforce the input-size limit."""
    if isinstance(content, bytes) or (isinstance(content, str) and content.isascii()):
        size = len(content)  # an ASCII string is as long in UTF-8
    else:
        size = len(content.encode("utf-8", errors="replace"))
    if size > config.max_input_bytes:
        raise LimitExceeded(f"input is {size} bytes, over the limit of {config.max_input_bytes} (max_input_bytes)")
    if isinstance(content, bytes):
        if looks_binary(content):
            raise InputError("input looks binary (many NUL bytes), not text")
        text, warnings = decode_bytes(content, html=False)
    elif isinstance(content, str):
        text, warnings = content, ()
    else:
        raise TypeError(f"content must be str or bytes, not {type(content).__name__}")
    if text.startswith("\ufeff"):
        text = text[1:]
    return normalise_newlines(text), warnings
