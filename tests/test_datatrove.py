"""The datatrove step in real pipelines: JsonlReader -> CleanerStep -> JsonlWriter on the local and Ray executors."""

from __future__ import annotations

import gzip
import json
import pickle
import random
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner.batch.bench import generate_doc

pytest.importorskip("datatrove")
pytest.importorskip("orjson")  # JsonlReader / JsonlWriter

from datatrove.data import Document  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleaner.integrations.datatrove import CleanerStep  # noqa: E402

FILES = 4
DOCS_PER_FILE = 15
EMPTY_ID = "empty-page"


def _make_input(folder: Path) -> dict[str, str]:
    """Four JSONL shards of generated pages (one of them all boilerplate); returns id -> raw text."""
    folder.mkdir()
    rng = random.Random(7)
    texts: dict[str, str] = {}
    for f in range(FILES):
        rows = [generate_doc(rng, f * DOCS_PER_FILE + i) for i in range(DOCS_PER_FILE)]
        if f == 0:
            rows.append({"id": EMPTY_ID, "text": "Home\nShare on Facebook\nSubscribe to our newsletter"})
        texts.update({r["id"]: r["text"] for r in rows})
        (folder / f"shard{f}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return texts


def _read_output(folder: Path) -> list[dict[str, Any]]:
    docs = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f)
    return docs


def _pipeline(src: Path, dst: Path) -> list[Any]:
    return [JsonlReader(str(src)), CleanerStep(kind="text"), JsonlWriter(str(dst))]


def _total(stat: int | dict[str, Any]) -> int:
    """A datatrove counter from stats.json: a bare int, or a dict once merged over tasks."""
    return stat if isinstance(stat, int) else int(stat["total"])


def _check(texts: dict[str, str], out: Path, logs: Path) -> None:
    docs = _read_output(out)
    assert len(list(out.glob("*.jsonl.gz"))) == 2, "each of the 2 tasks wrote its own shard"
    by_id = {d["id"]: d for d in docs}
    expected_ids = set(texts)
    if not cleaner.clean(texts[EMPTY_ID], kind="text").text:
        expected_ids.discard(EMPTY_ID)  # dropped as empty
    assert set(by_id) == expected_ids
    for doc_id, doc in by_id.items():
        expected = cleaner.clean(texts[doc_id], kind="text", url=doc["metadata"].get("url"))
        assert doc["text"] == expected.text
        meta = doc["metadata"]
        assert (meta["cleaner_title"], meta["cleaner_author"], meta["cleaner_date"]) == (
            expected.title, expected.author, expected.date)
        assert meta["cleaner_kind"] == "text"
        counts = expected.removed_counts()
        assert meta["cleaner_removed"] == {r: {"chars": c["chars"], "lines": c["lines"]} for r, c in counts.items()}
        assert meta["cleaner_removed_chars"] == sum(c["chars"] for c in counts.values())
    stats = json.loads((logs / "stats.json").read_text())
    step = next(s for s in stats if "cleaner" in s["name"])
    assert _total(step["stats"]["total"]) == len(texts)
    assert _total(step["stats"]["forwarded"]) == len(by_id)
    assert any(k.startswith("removed_chars_") for k in step["stats"])


def test_step_pickles_without_loading_the_engine() -> None:
    step = CleanerStep(disable=["NAV001"])
    clone = pickle.loads(pickle.dumps(step))
    assert clone.config.disable == ("NAV001",)
    assert clone.kind == "auto"


def test_step_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        CleanerStep(kind="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        CleanerStep(on_error="ignore")  # type: ignore[arg-type]


def test_step_on_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: Any, content: Any, **kw: Any) -> Any:
        raise RuntimeError("engine bug")

    monkeypatch.setattr(cleaner.Cleaner, "clean", boom)
    for on_error, kept in (("drop", 0), ("keep", 1)):
        step = CleanerStep(on_error=on_error)  # type: ignore[arg-type]
        out = list(step.run(iter([Document(text="some text", id="x")])))
        assert len(out) == kept and step.stats["error"].total == 1
        if kept:
            assert out[0].text == "some text"


def test_step_counts_and_drops() -> None:
    raw = {"a": "Share on Facebook", "b": generate_doc(random.Random(1), 1)["text"], "c": "Menu"}
    docs = [Document(text=t, id=i, metadata={"date": "2020-01-01"}) for i, t in raw.items()]
    step = CleanerStep(kind="text")
    kept = list(step.run(iter(docs)))
    expected = [i for i, t in raw.items() if cleaner.clean(t, kind="text").text]
    assert "b" in expected
    assert [d.id for d in kept] == expected
    assert all(d.metadata["date"] == "2020-01-01" for d in kept), "the reader's own metadata is left alone"
    assert step.stats["total"].total == 3
    assert step.stats["forwarded"].total == len(expected)
    assert step.stats["dropped"].total == 3 - len(expected)


def test_local_executor_two_tasks(tmp_path: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor

    texts = _make_input(tmp_path / "in")
    out, logs = tmp_path / "out", tmp_path / "logs"
    LocalPipelineExecutor(_pipeline(tmp_path / "in", out), tasks=2, workers=2, logging_dir=str(logs)).run()
    _check(texts, out, logs)


def test_ray_executor_two_tasks(tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    from datatrove.executor import RayPipelineExecutor

    texts = _make_input(tmp_path / "in")
    out, logs = tmp_path / "out", tmp_path / "logs"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    try:
        RayPipelineExecutor(_pipeline(tmp_path / "in", out), tasks=2, logging_dir=str(logs), mem_per_cpu_gb=1).run()
    finally:
        ray.shutdown()
    _check(texts, out, logs)
