"""``python -m cleaner`` runs the CLI."""

from cleaner.cli.main import main

raise SystemExit(main())
