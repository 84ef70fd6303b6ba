"""A HF datatrove pipeline step that cleans ``Document.text`` with cleaner.

>>> from datatrove.executor import LocalPipelineExecutor  # doctest: +SKIP
>>> from datatrove.pipeline.readers import JsonlReader  # doctest: +SKIP
>>> from datatrove.pipeline.writers import JsonlWriter  # doctest: +SKIP
>>> from cleaner.integrations.datatrove import CleanerStep  # doctest: +SKIP
>>> LocalPipelineExecutor(  # doctest: +SKIP
...     [JsonlReader("in/"), CleanerStep(), JsonlWriter("out/")], tasks=4, logging_dir="logs/"
... ).run()

The same step runs unchanged on ``RayPipelineExecutor`` and ``SlurmPipelineExecutor``; see docs/pipelines.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from datatrove.pipeline.base import PipelineStep

from cleaner.config import Config

if TYPE_CHECKING:
    from cleaner.api import Cleaner

KindArg = Literal["auto", "text", "html"]


class CleanerStep(PipelineStep):  # type: ignore[misc]  # datatrove ships no type information
    """Boilerplate removal with cleaner's rule engine (plain text, or HTML via trafilatura and the same rules).

    Each document's text is replaced by the cleaned article body; the title, author, date, kind and
    the characters and lines removed per rule go into ``Document.metadata`` (keys prefixed with
    ``metadata_prefix``, ``cleaner_`` by default, so a WARC reader's crawl ``date`` is kept).
    Documents left empty are dropped with the reason ``empty``; documents whose cleaning fails are
    dropped with ``error`` (or passed through unchanged with ``on_error="keep"``). Every reason and
    every rule's removals are counted in datatrove's stats.

    Unlike datatrove's own trafilatura extractor this step keeps no state across documents, so its
    output does not depend on processing order, and it takes any trafilatura >= 2.
    """

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        kind: KindArg = "auto",
        rules: str | Sequence[str] | None = None,
        disable: Sequence[str] | None = None,
        config: Config | None = None,
        *,
        drop_empty: bool = True,
        on_error: Literal["drop", "keep"] = "drop",
        metadata_prefix: str = "cleaner_",
        keep_removed: bool = False,
    ) -> None:
        super().__init__()
        if kind not in ("auto", "text", "html"):
            raise ValueError(f"kind must be 'auto', 'text' or 'html', not {kind!r}")
        if on_error not in ("drop", "keep"):
            raise ValueError(f"on_error must be 'drop' or 'keep', not {on_error!r}")
        base = config or Config()
        extra = (rules,) if isinstance(rules, str) else tuple(rules or ())
        # Only plain data is kept on the step: datatrove pickles the pipeline to ship it to each task.
        self.config = base.merged(rules=tuple(base.rules) + extra, disable=tuple(base.disable) + tuple(disable or ()))
        self.kind: KindArg = kind
        self.drop_empty = drop_empty
        self.on_error = on_error
        self.metadata_prefix = metadata_prefix
        self.keep_removed = keep_removed
        self._warned_error = False

    def _cleaner(self) -> Cleaner:
        from cleaner.api import Cleaner  # rule packs, RE2 and (for HTML) trafilatura load in the task, not here

        return Cleaner(config=self.config)

    def _store(self, doc: Any, cleaned: Any) -> None:
        """Write the result's text and metadata into ``doc`` and count what each rule removed."""
        p = self.metadata_prefix
        counts = cleaned.removed_counts()
        doc.text = cleaned.text
        doc.metadata[f"{p}title"] = cleaned.title
        doc.metadata[f"{p}author"] = cleaned.author
        doc.metadata[f"{p}date"] = cleaned.date
        doc.metadata[f"{p}kind"] = cleaned.kind
        doc.metadata[f"{p}removed_chars"] = sum(c["chars"] for c in counts.values())
        doc.metadata[f"{p}removed_lines"] = sum(c["lines"] for c in counts.values())
        doc.metadata[f"{p}removed"] = {rule: {"chars": c["chars"], "lines": c["lines"]} for rule, c in counts.items()}
        if self.keep_removed:
            doc.metadata[f"{p}removed_segments"] = [r.to_dict() for r in cleaned.removed]
        self.stat_update(f"kind_{cleaned.kind}")
        for rule, c in counts.items():
            self.stat_update(f"removed_chars_{rule}", value=c["chars"])

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Any:
        """Clean every document of ``data``, yielding the kept ones."""
        from datatrove.utils.logging import logger
        from datatrove.utils.typeshelper import StatHints

        if data is None:
            return
        cleaner = self._cleaner()
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    cleaned = cleaner.clean(doc.text, kind=self.kind, url=doc.metadata.get("url"))
                except Exception as exc:  # noqa: BLE001 - one bad page must not stop a task
                    self.stat_update("error")
                    if not self._warned_error:
                        logger.warning(f"cleaner failed on document {doc.id!r}: {exc!r} (reported once per task)")
                        self._warned_error = True
                    if self.on_error == "keep":
                        self.stat_update(StatHints.forwarded)
                        yield doc
                    else:
                        self.stat_update(StatHints.dropped)
                    continue
                self.stat_update("chars_in", value=len(doc.text))
                self._store(doc, cleaned)
                self.stat_update("chars_out", value=len(doc.text))
            if self.drop_empty and not doc.text:
                self.stat_update(StatHints.dropped, "empty")
                continue
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc
