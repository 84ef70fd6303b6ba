"""Crash-safe batch output: a partial file flushed at record boundaries, renamed only at the end.

Records stream into ``OUT.partial`` and error records into ``ERRORS.partial``.
Only whole records are ever written, and an error record is written only after
every earlier record is on disk, so after any interruption (Ctrl-C, SIGKILL)
the two partial files together hold exactly a prefix of the input, at most with
a torn last line. ``--resume`` drops torn lines, counts that prefix and skips
it. ``OUT.resume.json`` records the inputs and options so a resume with
different ones is refused instead of producing a mixed file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import time
from dataclasses import dataclass
from typing import Any, BinaryIO

from cleaner.errors import InputError

log = logging.getLogger(__name__)

FLUSH_BYTES = 1 << 18
"""Write buffered records once this many bytes are waiting."""
FLUSH_SECONDS = 0.5
"""...or once the oldest waiting record is this old, so an interrupted run loses little work."""
STDOUT = "-"


def default_errors_path(out: str) -> str:
    """``out.jsonl`` -> ``out.errors.jsonl`` (the errors file lives next to the output)."""
    stem = out[: -len(".jsonl")] if out.endswith(".jsonl") else out
    return f"{stem}.errors.jsonl"


def partial_path(path: str) -> str:
    """Where ``path`` is written until the run completes."""
    return f"{path}.partial"


def manifest_path(out: str) -> str:
    """The resume manifest beside ``out``."""
    return f"{out}.resume.json"


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def drop_torn_line(path: str) -> int:
    """Truncate ``path`` after its last newline and return how many complete lines it holds."""
    if not os.path.exists(path):
        return 0
    lines = 0
    last_newline_end = 0
    offset = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            count = block.count(b"\n")
            if count:
                lines += count
                last_newline_end = offset + block.rindex(b"\n") + 1
            offset += len(block)
    if last_newline_end != offset:
        log.info("%s: dropping a torn last line (%d bytes)", path, offset - last_newline_end)
        os.truncate(path, last_newline_end)
    return lines


class _Sink:
    """An append-only file (or stdout) written with whole-record writes."""

    def __init__(self, path: str, *, append: bool) -> None:
        self.path = path
        if path == STDOUT:
            self.fd = sys.stdout.fileno()
            self.owned = False
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self.fd = os.open(path, flags, 0o644)
            self.owned = True

    def write(self, data: bytes) -> None:
        if data:
            _write_all(self.fd, data)

    def close(self, *, sync: bool) -> None:
        if self.owned:
            if sync:
                os.fsync(self.fd)
            os.close(self.fd)


@dataclass(frozen=True, slots=True)
class ResumePoint:
    """What an earlier, interrupted run already wrote."""

    records: int
    errors: int


class BatchWriter:
    """Writes output and error records in input order; see the module docstring for the guarantees."""

    def __init__(
        self,
        out: str,
        errors: str | None,
        *,
        manifest: dict[str, Any],
        resume: bool = False,
        error_stream: BinaryIO | None = None,
    ) -> None:
        self.out = out
        self.errors = errors
        self.streaming = out == STDOUT
        self.resumed = ResumePoint(0, 0)
        if self.streaming:
            if resume:
                raise InputError("--resume needs an output file, not stdout")
        else:
            self.resumed = self._prepare(manifest, resume)
        self._out = _Sink(self.out if self.streaming else partial_path(self.out), append=resume)
        self._err: _Sink | None = None
        self._err_stream = error_stream
        if errors is not None:
            self._err = _Sink(errors if errors == STDOUT or self.streaming else partial_path(errors), append=resume)
        self._buffer: list[bytes] = []
        self._buffered = 0
        self._oldest = 0.0

    def _prepare(self, manifest: dict[str, Any], resume: bool) -> ResumePoint:
        mpath = manifest_path(self.out)
        if resume and os.path.exists(partial_path(self.out)):
            if os.path.exists(mpath):
                with open(mpath, encoding="utf-8") as f:
                    previous = json.load(f)
                if previous != manifest:
                    changed = sorted(k for k in manifest if previous.get(k) != manifest[k])
                    raise InputError(
                        f"{partial_path(self.out)} was written with different inputs or options"
                        f" ({', '.join(changed) or 'format'}); rerun without --resume to start over"
                    )
            else:
                log.warning("%s: no resume manifest; trusting the partial file", self.out)
            records = drop_torn_line(partial_path(self.out))
            errors = drop_torn_line(partial_path(self.errors)) if self.errors else 0
            return ResumePoint(records + errors, errors)
        tmp = f"{mpath}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=1, sort_keys=True)
        os.replace(tmp, mpath)
        return ResumePoint(0, 0)

    def write_record(self, line: bytes) -> None:
        """Queue one output line; it reaches the file at the next flush."""
        if not self._buffer:
            self._oldest = time.monotonic()
        self._buffer.append(line)
        self._buffered += len(line)
        if self._buffered >= FLUSH_BYTES or time.monotonic() - self._oldest >= FLUSH_SECONDS:
            self.flush()

    def write_error(self, line: bytes) -> None:
        """Write one error line now, after every earlier output line (keeps the two files a prefix)."""
        self.flush()
        if self._err is not None:
            self._err.write(line)
        elif self._err_stream is not None:
            self._err_stream.write(line)
            self._err_stream.flush()

    def flush(self) -> None:
        """Write every queued output line, whole."""
        if self._buffer:
            data = b"".join(self._buffer)
            self._buffer.clear()
            self._buffered = 0
            self._out.write(data)

    def close(self) -> None:
        """Flush and close, leaving the partial files in place (an interrupted run)."""
        self.flush()
        self._out.close(sync=False)
        if self._err is not None:
            self._err.close(sync=False)

    def commit(self) -> None:
        """Finish the run: flush, fsync, and atomically rename the partial files to their final names."""
        self.flush()
        self._out.close(sync=True)
        if self._err is not None:
            self._err.close(sync=True)
        if self.streaming:
            return
        if self.errors is not None and self.errors != STDOUT:
            os.replace(partial_path(self.errors), self.errors)
        os.replace(partial_path(self.out), self.out)  # OUT appears last: its presence means "complete"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(manifest_path(self.out))
