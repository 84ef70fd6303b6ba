"""Find the shared benchmark folder, import its scorers and load its records."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from cleaner.errors import InputError

Record = dict[str, Any]
ENV_DATA = "CLEANER_BENCH_DATA"
SETS = ("zyte", "trafilatura")
STYLES = ("html_text", "inscriptis", "bs4")
HTML_ANNOTATIONS = {"zyte": "zyte-ground-truth.json", "trafilatura": "trafilatura-evaldata.json"}
_REPO_ROOT = Path(__file__).resolve().parents[2]


def add_record_options(parser: Any) -> None:
    """``--data`` and ``--limit``, the options of the modes that read every text record."""
    folder = f"the shared/bench folder (default: ${ENV_DATA} or ../shared/bench)"
    parser.add_argument("--data", metavar="DIR", help=folder)
    parser.add_argument("--limit", type=int, metavar="N", help="at most N pages per set and style")


def records_of(args: Any) -> tuple[Path, list[Record]]:
    """The data folder and the text records that ``add_record_options``' options choose."""
    data_dir = find_data_dir(args.data)
    return data_dir, load_text_records(data_dir, limit=args.limit)


def data_candidates(explicit: str | None = None) -> list[Path]:
    """Where the benchmark folder is looked for, in order."""
    if explicit:
        return [Path(explicit)]
    if os.environ.get(ENV_DATA):
        return [Path(os.environ[ENV_DATA])]
    return [_REPO_ROOT.parent / "shared" / "bench", Path.cwd().parent / "shared" / "bench"]


def find_data_dir(explicit: str | None = None) -> Path:
    """The benchmark folder (``--data``, then $CLEANER_BENCH_DATA, then ../shared/bench)."""
    candidates = data_candidates(explicit)
    for c in candidates:
        if (c / "text").is_dir() or (c / "score.py").is_file():
            return c.resolve()
    tried = ", ".join(str(c) for c in candidates)
    raise InputError(f"benchmark data not found (tried {tried}); pass --data DIR or set {ENV_DATA}")


def _import_file(name: str, path: Path) -> ModuleType:
    if name in sys.modules and getattr(sys.modules[name], "__file__", None) == str(path):
        return sys.modules[name]
    if not path.is_file():
        raise InputError(f"{path} not found: is --data the shared/bench folder?")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise InputError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def textbench(data_dir: Path) -> ModuleType:
    """The official text metric module ``text/textbench.py`` of the data folder."""
    return _import_file("_cleaner_bench_textbench", data_dir / "text" / "textbench.py")


def htmlscore(data_dir: Path) -> ModuleType:
    """The official HTML scorer module ``score.py`` of the data folder."""
    return _import_file("_cleaner_bench_score", data_dir / "score.py")


def load_text_records(
    data_dir: Path,
    *,
    sets: tuple[str, ...] = SETS,
    styles: tuple[str, ...] = STYLES,
    limit: int | None = None,
) -> list[Record]:
    """Text records of the chosen sets and styles, at most ``limit`` per (set, style)."""
    tb = textbench(data_dir)
    seen: dict[tuple[str, str], int] = {}
    out: list[Record] = []
    for path in tb.bench_files(str(data_dir / "text")):
        named = tuple(Path(path).name.split(".")[:2])  # files are <set>.<style>.jsonl[.gz]
        if named[0] in SETS and (named[0] not in sets or named[1] not in styles):
            continue
        for r in tb.read_jsonl(path):
            key = (r["set"], r["style"])
            if key[0] not in sets or key[1] not in styles:
                continue
            if limit is not None and seen.get(key, 0) >= limit:
                if key == named:
                    break
                continue
            seen[key] = seen.get(key, 0) + 1
            out.append(r)
    if not out:
        raise InputError(f"no text records for sets {sets} and styles {styles} in {data_dir / 'text'}")
    return out


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page of a benchmark set with its scoring record."""

    record: Record
    content: str | bytes

    @property
    def size_bytes(self) -> int:
        """Size of the page as stored (UTF-8 for the decoded Zyte pages)."""
        c = self.content
        return len(c) if isinstance(c, bytes) else len(c.encode("utf-8"))


def _html_record(set_name: str, key: str, ann: Record) -> Record:
    if set_name == "zyte":
        return {
            "id": key,
            "set": set_name,
            "style": "html",
            "url": ann.get("url", ""),
            "expected": ann.get("articleBody", ""),
        }
    url = key if key.startswith(("http://", "https://")) else ""
    return {
        "id": key,
        "set": set_name,
        "style": "html",
        "url": url,
        "file": ann["file"],
        "with": list(ann.get("with", [])),
        "without": list(ann.get("without", [])),
    }


def load_html_pages(data_dir: Path, *, sets: tuple[str, ...] = SETS, limit: int | None = None) -> list[Page]:
    """The HTML dev pages present in ``html/<set>/``, at most ``limit`` per set, sorted by id."""
    pages: list[Page] = []
    for set_name in sets:
        ann_path = data_dir / HTML_ANNOTATIONS[set_name]
        if not ann_path.is_file():
            raise InputError(f"{ann_path} not found: is --data the shared/bench folder?")
        annotations: dict[str, Record] = json.loads(ann_path.read_text(encoding="utf-8"))
        n = 0
        for key in sorted(annotations):
            if limit is not None and n >= limit:
                break
            ann = annotations[key]
            if set_name == "zyte":
                path = data_dir / "html" / "zyte" / f"{key}.html.gz"
                if not path.is_file():
                    continue
                with gzip.open(path, "rt", encoding="utf-8") as f:
                    content: str | bytes = f.read()
            else:
                path = data_dir / "html" / "trafilatura" / ann["file"]
                if not path.is_file():
                    continue
                content = path.read_bytes()
            pages.append(Page(_html_record(set_name, key, ann), content))
            n += 1
    if not pages:
        raise InputError(f"no HTML pages for sets {sets} in {data_dir / 'html'}")
    return pages
