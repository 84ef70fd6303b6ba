"""The per-block state the decision passes share while they run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.engine.packs import Rule
from cleaner.model import Role


@dataclass(slots=True)
class Work:
    """Mutable per-block state while the engine's passes run (``decide`` and ``sections``)."""

    role: Role = "body"
    rule: Rule | None = None
    first: Role = "body"
    protect: Rule | None = None


Hits = Sequence[frozenset[str]]
"""Per block, the ids of the rules whose pattern matched it (one RE2 set scan per line)."""
