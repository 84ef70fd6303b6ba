"""The public entry points: ``Cleaner`` compiles the rule packs once, ``clean`` uses a cached one."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from cleaner.adapters.detect import detect_kind
from cleaner.adapters.text import decode_text
from cleaner.config import Config
from cleaner.engine.catalogue import Catalogue, load_catalogue
from cleaner.model import Result
from cleaner.pipeline import clean_text

KindArg = Literal["auto", "text", "html"]


class Cleaner:
    """A reusable cleaner: loads and compiles the rule packs once.

    >>> from cleaner import Cleaner
    >>> c = Cleaner(disable=["WID003"])
    >>> c.clean("Some text.").text
    'Some text.'
    """

    def __init__(
        self,
        rules: str | Sequence[str] | None = None,
        disable: Sequence[str] | None = None,
        *,
        config: Config | None = None,
    ) -> None:
        base = config or Config()
        extra = (rules,) if isinstance(rules, str) else tuple(rules or ())
        self.config = base.merged(
            rules=tuple(base.rules) + extra,
            disable=tuple(base.disable) + tuple(disable or ()),
        )
        self.catalogue: Catalogue = load_catalogue(self.config)

    def clean(self, content: str | bytes, *, kind: KindArg = "auto", url: str | None = None) -> Result:
        """Clean one document (``str`` or ``bytes``) and return its ``Result``."""
        if kind not in ("auto", "text", "html"):
            raise ValueError(f"kind must be 'auto', 'text' or 'html', not {kind!r}")
        resolved = detect_kind(content) if kind == "auto" else kind
        if resolved == "html":
            from cleaner.adapters.html import clean_html  # lxml and trafilatura load only when needed

            result: Result = clean_html(content, catalogue=self.catalogue, config=self.config, url=url)
            return result
        text, warnings = decode_text(content, config=self.config)
        return clean_text(text, self.catalogue, url=url, warnings=warnings, max_line_chars=self.config.max_line_chars)

    def clean_many(
        self,
        items: Iterable[Any],
        *,
        workers: int = 1,
        kind: KindArg = "auto",
    ) -> Iterator[Result]:
        """Clean many documents, yielding results in input order."""
        if workers <= 1:
            for item in items:
                yield self.clean(item, kind=kind)
            return
        from cleaner.parallel import clean_parallel

        yield from clean_parallel(self, items, workers=workers, kind=kind)


@functools.lru_cache(maxsize=8)
def _cached(rules: tuple[str, ...]) -> Cleaner:
    return Cleaner(rules=rules)


def clean(
    content: str | bytes,
    *,
    kind: KindArg = "auto",
    url: str | None = None,
    rules: str | Sequence[str] | None = None,
) -> Result:
    """Clean one document with the default rule packs (plus ``rules``, if given).

    >>> from cleaner import clean
    >>> r = clean("Home > News\\nA sentence of the article that says something useful.")
    >>> r.text
    'A sentence of the article that says something useful.'
    """
    key = (rules,) if isinstance(rules, str) else tuple(rules or ())
    return _cached(key).clean(content, kind=kind, url=url)
