"""One input record in, one output line out: parse, pick the field, clean, serialise.

This runs inside the worker processes, so the parent only moves bytes. Every
failure of a single record (invalid JSON, a missing field, undecodable bytes,
an exception inside cleaning) becomes an error record instead of an exception.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from cleaner.batch.inputs import RawRecord

if TYPE_CHECKING:
    from cleaner.api import Cleaner
    from cleaner.model import Result

log = logging.getLogger(__name__)

KindArg = Literal["auto", "text", "html"]
RuleCount = tuple[str, int, int, int]
"""(rule id, segments, lines, chars) removed in one document."""


@dataclass(frozen=True, slots=True)
class RecordOptions:
    """How to read a JSONL record and what to put in the output record."""

    text_field: str = "text"
    html_field: str | None = None
    id_field: str = "id"
    url_field: str = "url"
    kind: KindArg = "text"
    """Kind given to the cleaner for the text field (the HTML field is always ``html``)."""
    keep_removed: bool = False
    drop_input_field: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one record produced: an output line or an error line, and its numbers for the summary."""

    ok: bool
    line: bytes
    offset: int = 0
    """Input bytes consumed up to and including this record (for the progress bar)."""
    chars_in: int = 0
    chars_out: int = 0
    rules: tuple[RuleCount, ...] = ()


class RecordError(Exception):
    """A record that can't be cleaned; its message goes into the error record."""

    def __init__(self, message: str, record_id: Any = None) -> None:
        super().__init__(message)
        self.record_id = record_id


def dump_line(obj: dict[str, Any]) -> bytes:
    """One compact JSON line, UTF-8, newline-terminated (the same bytes on every run)."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def error_line(raw: RawRecord, error: str, record_id: Any = None) -> bytes:
    """The error record for ``raw``: where it was, its id if known, and what went wrong."""
    return dump_line({"source": raw.source, "line": raw.line, "id": record_id, "error": error})


def _or_position(record_id: Any, raw: RawRecord) -> Any:
    """The record's own id, or ``source:line`` when it has none."""
    return f"{raw.source}:{raw.line}" if record_id is None else record_id


def _parse(raw: RawRecord, opts: RecordOptions) -> tuple[dict[str, Any], str | bytes, KindArg, str, Any]:
    """(fields, content, kind, field name, id) for ``raw``; raises RecordError."""
    if raw.kind != "jsonl":
        return {}, raw.data, raw.kind, "", raw.source
    try:
        text = raw.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(f"undecodable bytes: {exc}") from exc
    if raw.line == 1:
        text = text.removeprefix("\ufeff")  # a byte-order mark some tools put at the start of a file
    try:
        fields = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON: {exc}") from exc
    if not isinstance(fields, dict):
        raise RecordError(f"not a JSON object: {type(fields).__name__}")
    record_id = fields.get(opts.id_field)
    if opts.html_field is not None and isinstance(fields.get(opts.html_field), str):
        return fields, fields[opts.html_field], "html", opts.html_field, _or_position(record_id, raw)
    value = fields.get(opts.text_field)
    if isinstance(value, str):
        return fields, value, opts.kind, opts.text_field, _or_position(record_id, raw)
    wanted = " or ".join(repr(f) for f in (opts.html_field, opts.text_field) if f is not None)
    problem = "missing field" if value is None else "not a string:"
    raise RecordError(f"{problem} {wanted}", record_id)


def build_output(
    fields: dict[str, Any], result: Result, record_id: Any, field: str, opts: RecordOptions
) -> dict[str, Any]:
    """The output record: input fields passed through, then the id and what cleaning found."""
    out = dict(fields)
    if opts.drop_input_field and field:
        out.pop(field, None)
    out[opts.id_field] = record_id
    out["text"] = result.text
    out["title"] = result.title
    out["author"] = result.author
    out["date"] = result.date
    out["kind"] = result.kind
    out["removed"] = {rule: {"chars": c["chars"], "lines": c["lines"]} for rule, c in result.removed_counts().items()}
    if opts.keep_removed:
        out["removed_segments"] = [r.to_dict() for r in result.removed]
    if result.warnings:
        out["warnings"] = list(result.warnings)
    return out


def process_record(raw: RawRecord, opts: RecordOptions, cleaner: Cleaner) -> Outcome:
    """Clean one record with ``cleaner``; never raises for a bad record."""
    if raw.error is not None:
        return Outcome(ok=False, line=error_line(raw, raw.error), offset=raw.offset)
    record_id: Any = None
    try:
        fields, content, kind, field, record_id = _parse(raw, opts)
        url = fields.get(opts.url_field)
        result = cleaner.clean(content, kind=kind, url=url if isinstance(url, str) else None)
        line = dump_line(build_output(fields, result, record_id, field, opts))
    except RecordError as exc:
        return Outcome(ok=False, line=error_line(raw, str(exc), exc.record_id), offset=raw.offset)
    except Exception as exc:  # noqa: BLE001 - one document's failure must not stop the batch
        log.debug("record %s:%s failed", raw.source, raw.line, exc_info=True)
        return Outcome(ok=False, line=error_line(raw, f"{type(exc).__name__}: {exc}", record_id), offset=raw.offset)
    rules = tuple((rule, c["segments"], c["lines"], c["chars"]) for rule, c in result.removed_counts().items())
    return Outcome(
        ok=True, line=line, offset=raw.offset, chars_in=len(content), chars_out=len(result.text), rules=rules
    )


def process_in_worker(opts: RecordOptions, raw: RawRecord) -> Outcome:
    """``process_record`` with the worker process's own Cleaner (for ``map_ordered``)."""
    from cleaner.parallel import worker_cleaner

    return process_record(raw, opts, worker_cleaner())
