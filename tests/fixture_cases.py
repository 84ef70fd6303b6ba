"""The fixture cases: ``fixtures/<case>/input.txt|html`` beside ``expected.txt`` and ``expected.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import cleaner
from cleaner.model import Result

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
META_FIELDS = ("title", "author", "date")


@dataclass(frozen=True)
class Case:
    """One fixture folder."""

    name: str
    input: Path

    @property
    def folder(self) -> Path:
        return self.input.parent

    @property
    def kind(self) -> str:
        return "html" if self.input.suffix == ".html" else "text"

    def run(self) -> Result:
        return cleaner.clean(self.input.read_bytes(), kind=self.kind)  # type: ignore[arg-type]


def cases() -> list[Case]:
    """Every fixture folder with an input file, sorted by name."""
    out = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        inputs = sorted(folder.glob("input.*"))
        if inputs:
            out.append(Case(folder.name, inputs[0]))
    return out


def expected_meta(result: Result) -> dict[str, str | None]:
    """The metadata a fixture pins."""
    return {k: getattr(result, k) for k in META_FIELDS}


def write_expected(case: Case) -> None:
    """Regenerate a case's expectations from the current engine."""
    result = case.run()
    (case.folder / "expected.txt").write_text(result.text + ("\n" if result.text else ""), encoding="utf-8")
    (case.folder / "expected.json").write_text(
        json.dumps(expected_meta(result), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
