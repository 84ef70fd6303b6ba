"""The core issue's must-shows on the two seed documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import cleaner

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_000 = (SEEDS / "000_e5dbb6f1ffdbc878.txt").read_text(encoding="utf-8")
SEED_004 = (SEEDS / "004_3f0df3139474a3af.txt").read_text(encoding="utf-8")


def sentences_in_order(body_lines: list[str], text: str) -> None:
    pos = 0
    flat = re.sub(r"\s+", " ", text)
    for line in body_lines:
        at = flat.find(re.sub(r"\s+", " ", line), pos)
        assert at >= 0, f"body line lost or out of order: {line[:60]!r}"
        pos = at


def test_seed_000() -> None:
    r = cleaner.clean(SEED_000)
    assert r.title == "Putin, Xi vow closer ties as Russia bombards Ukraine"
    assert r.author == "Felipe Dana"
    lines = [ln.strip() for ln in SEED_000.split("\n") if ln.strip()]
    body = lines[3 : lines.index("Newspapers in English") - 2]
    sentences_in_order(body, r.text)
    assert "Such a trip “will demonstrate to the whole world" in r.text
    assert "provide each other with development opportunities" in r.text
    for gone in ("The Maui News", "Newspapers in English", "Newspapers from United States", "Mikhail Klimentyev", "By FELIPE"):
        assert gone not in r.text
    rules = {x.rule for x in r.removed}
    assert {"MST001", "CAP001", "CAP010", "MST002", "MET001"} <= rules


def test_seed_004() -> None:
    r = cleaner.clean(SEED_004)
    assert r.title == "Putin focuses on trade and cultural exchanges in Harbin, China, after reaffirming ties with Xi"
    assert r.date == "2025-04-13T22:27:44"
    lines = SEED_004.split("\n")
    body = lines[4 : lines.index("___")]
    sentences_in_order(body, r.text)
    assert r.text.endswith("Wu reported from Bangkok. AP writer Vladimir Isachenkov in Tallin, Estonia, contributed to this report.")
    for gone in ("Current:Home", "View\n", "Date:", "veryGood", "Related", "Ranking", "Recommendation", "Harbaugh", "Tower 22", "Pandemic of snow"):
        assert gone not in r.text + "\n"
    assert not any(ln in r.text.split("\n") for ln in ("View", "___"))


@pytest.mark.parametrize("seed", [SEED_000, SEED_004], ids=["000", "004"])
def test_idempotent(seed: str) -> None:
    first = cleaner.clean(seed)
    second = cleaner.clean(first.to_text())
    assert second.text == first.text
    assert second.title == first.title
    assert second.to_text() == first.to_text()


@pytest.mark.parametrize("seed", [SEED_000, SEED_004], ids=["000", "004"])
def test_every_input_line_accounted_for(seed: str) -> None:
    r = cleaner.clean(seed)
    covered = {n for s in r.segments for n in range(s.start_line, s.end_line + 1)}
    nonblank = {i for i, ln in enumerate(seed.split("\n"), start=1) if ln.strip()}
    assert nonblank == covered
    removed_lines = {n for x in r.removed for n in range(x.start_line, x.end_line + 1)}
    kept = {s.start_line for s in r.segments if s.role in ("body", "title")}
    assert not kept & removed_lines
