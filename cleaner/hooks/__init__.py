"""The pre-commit hooks ``cleaner-fix`` and ``cleaner-check`` (see ``.pre-commit-hooks.yaml``)."""
