"""Batch inputs: JSONL files (plain or gzip), ``-`` for stdin, and directories or globs of text/HTML files.

Everything here reads bytes and yields ``RawRecord``s in a fixed order; parsing,
decoding and cleaning happen later (in the worker processes), so a bad line
costs the reader nothing and becomes an error record downstream.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, cast

from cleaner.errors import InputError

RecordKind = Literal["jsonl", "text", "html"]

GZIP_MAGIC = b"\x1f\x8b"
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
"""File extensions read as one document each (a trailing ``.gz`` is allowed); anything else is JSONL."""
STDIN = "-"


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One input document, still as bytes: a JSONL line or a whole file."""

    source: str
    line: int | None
    data: bytes
    kind: RecordKind
    offset: int
    """Input bytes consumed so far, over all inputs (drives the progress bar)."""
    error: str | None = None
    """Set when the document could not even be read (it becomes an error record)."""


@dataclass(frozen=True, slots=True)
class InputSpec:
    """One resolved input: a JSONL stream or a single-document file."""

    path: str
    kind: RecordKind
    size: int | None
    """Size on disk in bytes (None for stdin)."""


def _doc_kind(path: str) -> RecordKind | None:
    name = path.lower().removesuffix(".gz")
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return None


def _file_spec(path: str) -> InputSpec:
    return InputSpec(path=path, kind=_doc_kind(path) or "jsonl", size=os.path.getsize(path))


def _dir_specs(path: str) -> list[InputSpec]:
    found = [
        str(p) for p in sorted(Path(path).rglob("*")) if p.is_file() and _doc_kind(p.name) is not None
    ]
    return [_file_spec(p) for p in found]


def resolve_inputs(inputs: Sequence[str]) -> list[InputSpec]:
    """Expand directories and globs into an ordered list of inputs; raise ``InputError`` if one matches nothing."""
    specs: list[InputSpec] = []
    for arg in inputs:
        if arg == STDIN:
            specs.append(InputSpec(path=STDIN, kind="jsonl", size=None))
        elif os.path.isdir(arg):
            found = _dir_specs(arg)
            if not found:
                raise InputError(f"{arg}: directory holds no .txt or .html files")
            specs.extend(found)
        elif os.path.isfile(arg):
            specs.append(_file_spec(arg))
        else:
            matches = sorted(glob.glob(arg, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            for m in matches:
                if os.path.isdir(m):
                    files.extend(s.path for s in _dir_specs(m))
            if not files:
                raise InputError(f"{arg}: no such file, directory or matching glob")
            specs.extend(_file_spec(f) for f in files)
    return specs


def total_bytes(specs: Sequence[InputSpec]) -> int | None:
    """Bytes to read over all inputs, or None when one of them is stdin."""
    sizes = [s.size for s in specs]
    return None if any(s is None for s in sizes) else sum(s for s in sizes if s is not None)


def _open_stream(spec: InputSpec) -> tuple[BinaryIO, BinaryIO]:
    """The stream to read lines from, and the raw stream whose position measures progress."""
    raw: BinaryIO = sys.stdin.buffer if spec.path == STDIN else open(spec.path, "rb")  # noqa: SIM115
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, raw))
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=buffered, mode="rb"), buffered  # type: ignore[return-value]
    return buffered, buffered


def _read_jsonl(spec: InputSpec, base: int) -> Iterator[RawRecord]:
    stream, raw = _open_stream(spec)
    try:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue  # blank lines are not records, here or when --resume counts them
            offset = base + min(raw.tell(), spec.size) if spec.size is not None else 0
            yield RawRecord(source=spec.path, line=number, data=line, kind="jsonl", offset=offset)
    except (OSError, EOFError) as exc:
        raise InputError(f"{spec.path}: {exc}") from exc
    finally:
        if spec.path != STDIN:
            stream.close()
            raw.close()


def _read_file(spec: InputSpec, base: int) -> RawRecord:
    kind = _doc_kind(spec.path) or "text"
    offset = base + (spec.size or 0)
    try:
        with open(spec.path, "rb") as f:
            data = f.read()
        if data[:2] == GZIP_MAGIC:
            data = gzip.decompress(data)
    except (OSError, EOFError) as exc:  # one unreadable file is a bad record, not a failed run
        return RawRecord(source=spec.path, line=None, data=b"", kind=kind, offset=offset, error=f"unreadable: {exc}")
    return RawRecord(source=spec.path, line=None, data=data, kind=kind, offset=offset)


def iter_records(specs: Sequence[InputSpec]) -> Iterator[RawRecord]:
    """Every document of every input, in order."""
    base = 0
    for spec in specs:
        if spec.kind == "jsonl":
            yield from _read_jsonl(spec, base)
        else:
            yield _read_file(spec, base)
        base += spec.size or 0
