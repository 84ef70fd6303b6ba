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


def copies_of_removed(
    content_words: Sequence[frozenset[str]], taken: Sequence[bool], among: Sequence[bool]
) -> list[bool]:
    """For each block of ``among`` (kept ones): are all its content words in one removed block?

    A caption printed twice ('?? Jane Doe, City Press ?? María … en Sevilla el lunes.' and the same
    text without the markers) loses its first copy in the local pass and its second only in the
    context pass (CAP010). Until then the copy is no evidence of the article's topic: not for a
    farm's items (fixture prop-teaser-shares-caption-copy), not for the title search ('Harbor City
    Herald' sharing 'city' with 'City Press'; fixture prop-masthead-shares-caption-copy).

    Linear time: each kept block is compared only with the removed blocks holding its rarest word,
    and not at all when that word is in more than ``MAX_COPY_CANDIDATES`` of them (it then counts as
    the article's, as it did before this check).
    """
    removed: dict[frozenset[str], int] = {}
    postings: dict[str, list[int]] = {}
    for words, t in zip(content_words, taken, strict=True):
        if t and words and words not in removed:
            removed[words] = len(removed)
            for w in words:
                postings.setdefault(w, []).append(removed[words])
    if not removed:
        return [False] * len(taken)
    sets = list(removed)
    out: list[bool] = []
    for words, t, asked in zip(content_words, taken, among, strict=True):
        lists = [postings.get(w) for w in words] if asked and words and not t else []
        if not lists or any(found is None for found in lists):
            out.append(False)  # a word no removed block has: not a copy
            continue
        rarest = min((found for found in lists if found is not None), key=len)
        out.append(len(rarest) <= MAX_COPY_CANDIDATES and any(words <= sets[j] for j in rarest))
    return out


MAX_COPY_CANDIDATES = 64
