"""Plain-text input adapter: bytes or str in, normalised text out."""

from __future__ import annotations

from cleaner.config import Config
from cleaner.errors import InputError, LimitExceeded

# Every line separator a scraped dump may carry; all become "\n".
# \u2028/\u2029 are Unicode line/paragraph separators, \x0b/\x0c vertical tab and
# form feed (page breaks in archive exports), \x85 the Latin-1 NEL.
LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x0c": "\n\n", "\x0b": "\n", "\x85": "\n"}

# C0 controls other than tab/newline carry no text; NUL in particular breaks downstream tools.
_CONTROL_TABLE = {c: None for c in range(32) if c not in (9, 10)} | {0x7F: None}


def normalise_newlines(text: str) -> str:
    """Turn every kind of line break into ``\\n`` and drop other control characters."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for old in ("\u2028", "\u2029", "\x0c", "\x0b", "\x85"):
        if old in text:
            text = text.replace(old, LINE_BREAKS[old])
    return text.translate(_CONTROL_TABLE)


def decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode bytes: BOMs first, then UTF-8, then windows-1252 with a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), ()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), ()
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace"), (
            "decoded as UTF-16 without a byte-order mark",
        )
    if data.count(b"\x00") > len(data) // 10:
        raise InputError("input looks binary (many NUL bytes), not text")
    return data.decode("cp1252", errors="replace"), ("input is not valid UTF-8; decoded as windows-1252",)


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) > 0.4 * half and min(even_nuls, odd_nuls) < 0.05 * half


def decode_text(content: str | bytes, *, config: Config) -> tuple[str, tuple[str, ...]]:
    """Decode and normalise text input; enforce the input-size limit."""
    size = len(content) if isinstance(content, bytes) else len(content.encode("utf-8", errors="replace"))
    if size > config.max_input_bytes:
        raise LimitExceeded(f"input is {size} bytes, over the limit of {config.max_input_bytes} (max_input_bytes)")
    if isinstance(content, bytes):
        text, warnings = decode_bytes(content)
    elif isinstance(content, str):
        text, warnings = content, ()
    else:
        raise TypeError(f"content must be str or bytes, not {type(content).__name__}")
    if text.startswith("\ufeff"):
        text = text[1:]
    return normalise_newlines(text), warnings
