"""``python -m cleaner.bench``."""

from cleaner.bench.cli import main

raise SystemExit(main())
