"""Cheap sniffing of whether a document is HTML or plain text, from its first few KB."""

from __future__ import annotations

import re
from typing import Literal

SNIFF_CHARS = 4096
"""How much of the document is looked at (characters for ``str``, bytes for ``bytes``)."""
MIN_TAG_HITS = 2
"""Known block-level tags needed when the document does not open with a doctype or ``<html>``."""

# A document that opens (after whitespace, BOM, XML declaration or comments) with one of these is HTML.
_OPENING_RE = re.compile(
    r"\A(?:\s|\ufeff|<\?xml[^>]{0,200}\?>|<!--.{0,2000}?-->)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
# Tags that only markup contains; plain text quoting a tag or two is still text.
_TAG_RE = re.compile(
    r"<(?:html|head|body|div|p|span|a\s+href|meta|title|script|style|link|table|tr|td|ul|ol|li|br|h[1-6]|"
    r"article|section|header|footer|nav|main|aside|img|iframe|form|/p|/div|/a|/li|/td|/span)[\s>/]",
    re.IGNORECASE,
)

Kind = Literal["text", "html"]


def _sniff_bytes(data: bytes) -> str:
    """Decode the first bytes for sniffing: honour UTF-16/32 BOMs and NUL-interleaved UTF-16."""
    head = data[:SNIFF_CHARS]
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return head.decode("utf-32", errors="replace")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    if len(head) >= 4 and head.count(0) > len(head) // 3:
        # UTF-16 without BOM: ASCII characters alternate with NUL bytes.
        even_nuls = head[0::2].count(0)
        odd_nuls = head[1::2].count(0)
        codec = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        return head[: len(head) // 2 * 2].decode(codec, errors="replace")
    return head.decode("utf-8", errors="replace")


def detect_kind(content: str | bytes) -> Kind:
    """Return ``"html"`` when the document looks like markup, else ``"text"``.

    >>> detect_kind("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    'html'
    >>> detect_kind("Use the <p> tag for paragraphs.")
    'text'
    """
    head = _sniff_bytes(content) if isinstance(content, bytes | bytearray) else content[:SNIFF_CHARS]
    if _OPENING_RE.match(head):
        return "html"
    return "html" if len(_TAG_RE.findall(head)) >= MIN_TAG_HITS else "text"
