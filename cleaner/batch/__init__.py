"""Streaming batch cleaning: JSONL or files in, one JSON record per document out, in input order.

``run_batch(BatchOptions(...), config)`` is the Python entry point; ``cleaner batch`` is its CLI face.
"""

from cleaner.batch.records import RecordOptions
from cleaner.batch.runner import BatchOptions, available_cores, run_batch
from cleaner.batch.stats import BatchStats

__all__ = ["BatchOptions", "BatchStats", "RecordOptions", "available_cores", "run_batch"]
