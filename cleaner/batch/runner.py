"""The batch run: inputs -> records -> (workers) -> ordered output, errors, stats.

One short function holds the stages in order; ``cleaner batch`` is a thin face
over ``run_batch`` and Python callers can use it directly.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import time
from collections.abc import Generator, Iterator
from contextlib import closing
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Any, BinaryIO, TextIO

from cleaner.batch.inputs import InputSpec, RawRecord, iter_records, resolve_inputs, total_bytes
from cleaner.batch.output import STDOUT, BatchWriter, default_errors_path, drop_torn_line, partial_path
from cleaner.batch.records import Outcome, RecordOptions, error_line, process_in_worker, process_record
from cleaner.batch.stats import BatchStats, Progress
from cleaner.config import Config

log = logging.getLogger(__name__)

MANIFEST_FORMAT = 1


def available_cores() -> int:
    """CPU cores this process may run on (the default for ``--workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Everything one batch run needs besides the cleaning ``Config``."""

    inputs: tuple[str, ...]
    output: str
    errors: str | None = None
    """Error records file; None means next to the output (or stderr when the output is stdout)."""
    workers: int = 1
    record: RecordOptions = field(default_factory=RecordOptions)
    resume: bool = False
    stats_path: str | None = None


def errors_target(opts: BatchOptions) -> str | None:
    """The error-records path for ``opts`` (None: write them to the error stream)."""
    if opts.errors is not None:
        return opts.errors
    return None if opts.output == STDOUT else default_errors_path(opts.output)


def _manifest(opts: BatchOptions, specs: list[InputSpec], config: Config) -> dict[str, Any]:
    from cleaner import __version__

    return {
        "format": MANIFEST_FORMAT,
        "cleaner": __version__,
        "inputs": [[s.path, s.size] for s in specs],
        "errors": errors_target(opts),
        "record": asdict(opts.record),
        "config": repr(config),
    }


def _outcomes(records: Iterator[RawRecord], opts: BatchOptions, config: Config) -> Generator[Outcome, None, None]:
    if opts.workers <= 1:
        from cleaner.api import Cleaner

        cleaner = Cleaner(config=config)
        return (process_record(raw, opts.record, cleaner) for raw in records)
    from cleaner.parallel import map_ordered

    func = functools.partial(process_in_worker, opts.record)
    return map_ordered(
        func, records, workers=opts.workers, config=config, weigh=lambda r: len(r.data), on_crash=_crashed
    )


def _crashed(raw: RawRecord) -> Outcome:
    """The error record for a document that killed its worker process."""
    error = "worker process died while cleaning this document"
    return Outcome(ok=False, line=error_line(raw, error), offset=raw.offset)


def _already_complete(opts: BatchOptions, stats: BatchStats) -> bool:
    if not opts.resume or opts.output == STDOUT:
        return False
    if os.path.exists(partial_path(opts.output)) or not os.path.exists(opts.output):
        return False
    errors = errors_target(opts)
    stats.resumed_errors = drop_torn_line(errors) if errors and os.path.exists(errors) else 0
    stats.resumed_docs = drop_torn_line(opts.output) + stats.resumed_errors
    log.info("%s is already complete; nothing to resume", opts.output)
    return True


def run_batch(
    opts: BatchOptions,
    config: Config | None = None,
    *,
    progress_stream: TextIO | None = None,
    error_stream: BinaryIO | None = None,
) -> BatchStats:
    """Clean every input document into ``opts.output``; return the run's counters.

    Bad records become error records and the run goes on. If the run is
    interrupted the output stays in ``OUT.partial`` for ``resume=True``.
    """
    config = config or Config()
    stats = BatchStats()
    if _already_complete(opts, stats):
        stats.finished = stats.started
        return stats
    specs = resolve_inputs(opts.inputs)
    writer = BatchWriter(
        opts.output,
        errors_target(opts),
        manifest=_manifest(opts, specs, config),
        resume=opts.resume,
        error_stream=error_stream,
    )
    stats.resumed_docs = writer.resumed.records
    stats.resumed_errors = writer.resumed.errors
    if stats.resumed_docs:
        log.info("resuming after %d documents already written", stats.resumed_docs)
    records = islice(iter_records(specs), stats.resumed_docs, None)
    progress = Progress(progress_stream, total_bytes(specs))
    committed = False
    try:
        with closing(_outcomes(records, opts, config)) as outcomes:
            for outcome in outcomes:
                if progress.start_bytes == 0 and stats.docs == 0 and stats.resumed_docs:
                    progress.start_bytes = outcome.offset
                stats.add(outcome)
                if outcome.ok:
                    writer.write_record(outcome.line)
                else:
                    if writer.errors is None:
                        progress.clear()
                    writer.write_error(outcome.line)
                progress.update(stats.docs + stats.resumed_docs, outcome.offset, skipped=stats.resumed_docs)
        writer.commit()
        committed = True
    finally:
        progress.clear()
        if not committed:
            writer.close()
    stats.finished = time.monotonic()
    if opts.stats_path:
        with open(opts.stats_path, "w", encoding="utf-8") as f:
            json.dump(stats.to_dict(), f, indent=2)
            f.write("\n")
    return stats
