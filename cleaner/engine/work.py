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


def copies_of_removed(content_words: Sequence[frozenset[str]], taken: Sequence[bool]) -> list[bool]:
    """For each kept block: are all its content words in one removed block (a copy of removed text)?

    A caption printed twice ('?? Jane Doe, City Press ?? María … en Sevilla el lunes.' and the same
    text without the markers) loses its first copy in the local pass and its second only in the
    context pass (CAP010). Until then the copy is no evidence of the article's topic: not for a
    farm's items (fixture prop-teaser-shares-caption-copy), not for the title search ('Harbor City
    Herald' sharing 'city' with 'City Press'; fixture prop-masthead-shares-caption-copy).
    """
    removed = [words for words, t in zip(content_words, taken, strict=True) if t and words]
    return [
        not t and bool(words) and any(words <= gone for gone in removed)
        for words, t in zip(content_words, taken, strict=True)
    ]
