"""The benchmark face: quality and speed of cleaner on the shared benchmark data (``python -m cleaner.bench``)."""
