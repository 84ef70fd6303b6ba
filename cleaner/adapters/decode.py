"""Bytes to text for HTML and plain text: BOM, declared charset, then the cheapest reading that fits.

Policy, in order (browsers do much the same):

1. A byte-order mark wins (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. NUL bytes interleaved with ASCII mean UTF-16 without a BOM.
3. Bytes that are valid UTF-8 are read as UTF-8, whatever the page declares: legacy
   encodings almost never form valid multi-byte UTF-8 by accident, and mis-declared
   UTF-8 pages are common.
4. Otherwise each charset the page declares (``<meta charset>``, ``http-equiv``, XML
   declaration), mapped the WHATWG way (ISO-8859-1 is read as windows-1252, GB2312 as
   GB18030, ...), is tried in order; the first one that decodes with few errors wins.
5. Then UTF-8 with replacement if only a few sequences are broken among many valid ones, then a statistical
   guess (charset-normalizer) on a sample, then windows-1252, which never fails.

Every fallback past step 3 leaves a warning, so a caller can see that bytes were guessed.
"""

from __future__ import annotations

import codecs
import logging
import re

logger = logging.getLogger(__name__)

SNIFF_BYTES = 8192
"""How far into the document charset declarations are looked for."""
GUESS_SAMPLE_BYTES = 65536
"""How much of the document the statistical guesser sees."""
MAX_ERROR_SHARE = 0.001
"""A candidate encoding is accepted when at most this share of its characters are replacements."""
MIN_ERRORS_ALLOWED = 3
"""... or when it has at most this many replacements (a few stray bytes in a long page)."""
UTF8_VALID_PER_ERROR = 4
"""Broken UTF-8 is kept as UTF-8 only with at least this many valid non-ASCII characters per broken one."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# WHATWG encoding labels whose browser reading differs from Python's codec of the same name.
_LABEL_MAP = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "cp819": "cp1252",
    "ibm819": "cp1252",
    "windows-1252": "cp1252",
    "x-cp1252": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "chinese": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
    # A page that declares UTF-16 in an ASCII-compatible byte stream is really UTF-8 (WHATWG).
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
}

_LATIN_LOOKALIKES = frozenset(
    {
        *("cp1250", "cp1254", "cp1257", "latin_1", "mac_roman", "mac_latin2", "cp437", "cp850", "cp858"),
        *("iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_13", "iso8859_15", "iso8859_16"),
    }
)

_DECLARED_RE = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_:.+-]{1,40})""",
    re.IGNORECASE,
)


def normalize_label(label: str) -> str | None:
    """Map a declared charset label to a Python codec name, the way browsers read it; None if unknown."""
    key = label.strip().lower()
    mapped = _LABEL_MAP.get(key, key)
    try:
        return codecs.lookup(mapped).name
    except LookupError:
        return None


def declared_charsets(data: bytes) -> list[str]:
    """Codec names declared in the first bytes of an HTML document, in order, without repeats."""
    found: list[str] = []
    for m in _DECLARED_RE.finditer(data[:SNIFF_BYTES]):
        raw = (m.group(1) or m.group(2) or b"").decode("ascii", errors="ignore")
        name = normalize_label(raw)
        if name and name not in found:
            found.append(name)
    return found


def _bom_codec(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 LE/BE from NUL bytes alternating with ASCII at the start."""
    head = data[:512]
    if len(head) < 4 or head.count(0) < len(head) // 3:
        return None
    even_nuls, odd_nuls = head[0::2].count(0), head[1::2].count(0)
    if odd_nuls > 0.8 * (len(head) // 2) and even_nuls < 0.2 * (len(head) // 2):
        return "utf-16-le"
    if even_nuls > 0.8 * (len(head) // 2) and odd_nuls < 0.2 * (len(head) // 2):
        return "utf-16-be"
    return None


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with replacement and count the replacements this decode introduced."""
    text = data.decode(codec, errors="replace")
    return text, text.count("\ufffd")


def _acceptable(errors: int, length: int) -> bool:
    return errors <= max(MIN_ERRORS_ALLOWED, int(length * MAX_ERROR_SHARE))


def _mostly_utf8(text: str, errors: int) -> bool:
    """Broken UTF-8 is still UTF-8 when valid multi-byte characters clearly outnumber the broken ones."""
    valid = sum(1 for ch in text if ch > "\x7f") - errors
    return _acceptable(errors, len(text)) and valid >= UTF8_VALID_PER_ERROR * errors


def _guess(data: bytes) -> str | None:
    """A statistical guess of the codec, or None if the guesser is missing or unsure."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer ships with trafilatura
        return None
    best = from_bytes(data[:GUESS_SAMPLE_BYTES]).best()
    name = normalize_label(best.encoding) if best is not None else None
    # Latin single-byte pages guessed as a sibling code page read best as windows-1252, like browsers.
    return "cp1252" if name in _LATIN_LOOKALIKES else name


def decode_bytes(data: bytes, *, html: bool = True) -> tuple[str, tuple[str, ...]]:
    """Decode a document's bytes to ``str``; return the text and any warnings about the guess.

    >>> decode_bytes(b'<meta charset="iso-8859-1"><p>caf\\xe9 \\x93quoted\\x94</p>')[0]
    '<meta charset="iso-8859-1"><p>café “quoted”</p>'
    """
    bom = _bom_codec(data)
    if bom is not None:
        codec, skip = bom
        text, errors = _decode_counting(data[skip:], codec)
        return text, (f"decode: {errors} invalid {codec} sequence(s) replaced",) if errors else ()
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        text, errors = _decode_counting(data[: len(data) // 2 * 2], utf16)
        if _acceptable(errors, len(text)):
            return text, (f"decode: no byte-order mark, read as {utf16}",)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    warnings: list[str] = []
    declared = declared_charsets(data) if html else []
    for codec in declared:
        if codec == "utf-8":
            continue
        text, errors = _decode_counting(data, codec)
        if _acceptable(errors, len(text)):
            return text, ((f"decode: {errors} byte(s) invalid in {codec} replaced",) if errors else ())
        warnings.append(f"decode: declared {codec} does not fit the bytes")
    text, errors = _decode_counting(data, "utf-8")
    if _mostly_utf8(text, errors):
        return text, (*warnings, f"decode: {errors} invalid UTF-8 sequence(s) replaced")
    guessed = _guess(data)
    if guessed is not None and guessed != "utf-8":
        text, errors = _decode_counting(data, guessed)
        if _acceptable(errors, len(text)):
            return text, (*warnings, f"decode: encoding guessed as {guessed}")
    text, errors = _decode_counting(data, "cp1252")
    logger.debug("decode fell back to cp1252 with %d replacement(s)", errors)
    return text, (*warnings, "decode: encoding unknown, read as cp1252")


def decode_content(content: str | bytes, *, html: bool = True) -> tuple[str, tuple[str, ...]]:
    """Return ``str`` input as is (without a leading BOM character) and decode ``bytes``."""
    if isinstance(content, str):
        return (content[1:] if content.startswith("\ufeff") else content), ()
    return decode_bytes(bytes(content), html=html)
