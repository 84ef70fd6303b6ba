"""``cleaner bench``: the same commands as ``python -m cleaner.bench`` (see ``cleaner.bench.cli``)."""

from cleaner.bench.cli import register as register
