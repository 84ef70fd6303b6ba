"""The HTML report of a batch: a reproducible sample of its documents, cleaned again and explained.

``cleaner batch`` runs its documents in worker processes and keeps only their
output lines, so the report is a second, cheap pass over the same inputs:
read each record's id (no cleaning), keep the ``sample`` records whose seeded
hash of the id is smallest (``Sampler``: the same ids and seed give the same
sample whatever the order or worker count), then clean just those in this
process and hand them to ``write_report``. Memory holds the sampled records only.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence

from cleaner.api import Cleaner
from cleaner.batch.inputs import RawRecord, iter_records, resolve_inputs
from cleaner.batch.records import RecordError, RecordOptions
from cleaner.batch.records import _parse as parse_record  # the batch's own reading of a record, id included
from cleaner.config import Config
from cleaner.explain.report import DEFAULT_SAMPLE_DOCS, ReportStats, Sampler, write_report
from cleaner.model import Result

log = logging.getLogger(__name__)


def write_batch_report(
    inputs: Sequence[str],
    path: str | os.PathLike[str],
    *,
    record: RecordOptions | None = None,
    config: Config | None = None,
    sample: int = DEFAULT_SAMPLE_DOCS,
    seed: int = 0,
    title: str = "cleaner batch report",
) -> ReportStats:
    """Write the explain report of a reproducible sample of ``sample`` documents of the batch ``inputs``.

    Records that the batch would turn into error records are left out. Inputs
    must be files (stdin can't be read a second time).
    """
    if "-" in inputs:
        raise ValueError("a batch report needs file inputs: stdin can't be read a second time")
    record = record or RecordOptions()
    sampler: Sampler[RawRecord] = Sampler(sample, seed)
    readable = 0
    for raw in iter_records(resolve_inputs(inputs)):
        if raw.error is not None:
            continue
        try:
            record_id = parse_record(raw, record)[4]
        except RecordError:
            continue
        sampler.offer(str(record_id), readable, raw)
        readable += 1
    stats = write_report(
        _clean_sample(sampler, record, Cleaner(config=config or Config())),
        path,
        sample=None,
        seed=seed,
        title=title,
        drawn_from=readable,
    )
    return ReportStats(stats.path, readable, stats.docs_shown)


def _clean_sample(sampler: Sampler[RawRecord], record: RecordOptions, cleaner: Cleaner) -> Iterator[tuple[str, Result]]:
    for _index, raw in sampler.chosen():
        fields, content, kind, _field, record_id = parse_record(raw, record)
        url = fields.get(record.url_field)
        try:
            result = cleaner.clean(content, kind=kind, url=url if isinstance(url, str) else None)
        except Exception as exc:  # noqa: BLE001 - the batch made an error record of it; the report goes on
            log.warning("%s: left out of the report: %s", record_id, exc)
            continue
        yield str(record_id), result
