"""Reading a corpus for learning: text files under directories, and JSON-lines records.

A document is a text file (any file matching the configuration's
``file_patterns``) or one record of a ``*.jsonl`` file with a text field.
Each document carries what the grouping stage needs: the directory it came
from, its URL (a JSON field, or a ``URL:``/``Source:`` header line near the
top of a text file) and its lines.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cleaner.adapters.text import normalise_newlines
from cleaner.errors import InputError
from cleaner.segment import split_blocks

log = logging.getLogger(__name__)

JSONL_SUFFIXES = (".jsonl", ".ndjson")
URL_HEADER_LINES = 5
"""A ``URL: ...`` line counts as the document's URL only among its first lines."""
_URL_HEADER = re.compile(r"^\s*(?:url|source|link|canonical)\s*[:=]\s*(https?://\S+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Document:
    """One document of the corpus, split into the blocks the engine sees."""

    name: str
    """Where it came from, for examples and messages: ``path`` or ``path#record``."""
    directory: str
    """The grouping directory: the first folder below the learned ``DIR`` (or ``DIR`` itself)."""
    url: str | None
    lines: tuple[str, ...]
    """Its blocks' texts, in order (``split_lines``)."""

    @property
    def host(self) -> str | None:
        """The URL's host without a leading ``www.``, lower-cased."""
        if not self.url:
            return None
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.") or None


def split_lines(text: str) -> tuple[str, ...]:
    """The texts of the engine's blocks: stripped non-blank lines, sentence fragments joined as the engine joins them.

    Learning sees exactly the units the rules will match, so a learned
    line-anchored pattern fits the block it was learned from.
    """
    return tuple(b.text for b in split_blocks(normalise_newlines(text)))


def header_url(lines: Sequence[str]) -> str | None:
    """A ``URL: https://...`` (or ``Source:``, ``Link:``) header among the first lines, if any."""
    for line in lines[:URL_HEADER_LINES]:
        m = _URL_HEADER.match(line)
        if m:
            return m.group(1)
    return None


def _grouping_dir(path: Path, root: Path) -> str:
    rel = path.relative_to(root)
    return str(root / rel.parts[0]) if len(rel.parts) > 1 else str(root)


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _jsonl_documents(path: Path, directory: str, text_field: str, url_field: str) -> Iterator[Document]:
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not a JSON object: {exc.msg}") from exc
            text = record.get(text_field) if isinstance(record, dict) else None
            if not isinstance(text, str):
                log.info("%s:%d: no %r text field, skipped", path, number, text_field)
                continue
            lines = split_lines(text)
            url = record.get(url_field)
            yield Document(
                name=f"{path}:{number}",
                directory=directory,
                url=url if isinstance(url, str) and url else header_url(lines),
                lines=lines,
            )


def iter_documents(
    roots: Sequence[str | Path],
    *,
    patterns: Sequence[str],
    text_field: str = "text",
    url_field: str = "url",
) -> Iterator[Document]:
    """Every document under ``roots`` (directories or single files), in a stable order."""
    for root_arg in roots:
        root = Path(root_arg)
        if not root.exists():
            raise InputError(f"{root}: no such file or directory")
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        base = root.parent if root.is_file() else root
        for path in files:
            if any(part.startswith(".") for part in path.relative_to(base).parts):
                continue  # .git, .cache and other hidden folders
            directory = _grouping_dir(path, base)
            if path.suffix.lower() in JSONL_SUFFIXES:
                yield from _jsonl_documents(path, directory, text_field, url_field)
            elif any(path.match(p) for p in patterns):
                lines = split_lines(_read_text(path))
                yield Document(name=str(path), directory=directory, url=header_url(lines), lines=lines)
