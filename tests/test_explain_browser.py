"""The HTML explain report in real headless Chromium (Debian's ``chromium``; ``scripts/install-chromium.sh``).

Each test writes a report, opens it from disk in a fresh headless browser,
takes a screenshot and reads the DOM back with ``--dump-dom``. A small probe
script, added to a copy of the report for the test only (the report itself has
no script and forbids one), records what the browser actually rendered: whether
each segment's text is struck through, whether its label is visible, how wide
the page is. The DOM checks then compare that with ``Result.segments``.

Regenerate the committed screenshots with ``.venv/bin/python tests/test_explain_browser.py docs``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from lxml import html as lxml_html

from cleaner.explain.report import write_report
from cleaner.explain.terminal import sanitize
from cleaner.model import Result, Segment

try:
    from explain_chromium import DevTools, chromium, probed_copy, run_browser
except ImportError:  # tests/ became a package
    from tests.explain_chromium import DevTools, chromium, probed_copy, run_browser

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BIG_DOC_LINES = 100_000
BIG_DOC_BOUND_S = 60.0


def require_chromium() -> str:
    """The Chromium binary; skip without it locally, fail without it in CI (which installs it)."""
    binary = chromium()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run should have run scripts/install-chromium.sh")
        pytest.skip("chromium not installed (run scripts/install-chromium.sh)")
    return binary


def probe_facts(dom: lxml_html.HtmlElement) -> dict[str, float]:
    """The page facts the probe left on ``<body>``."""
    raw = dom.body.get("data-probe")
    assert raw, "probe script did not run"
    facts: dict[str, float] = json.loads(raw)
    return facts


def seed_docs() -> list[tuple[str, Result]]:
    """The two seeds through the real engine."""
    import cleaner

    return [(p.name, cleaner.clean(p.read_text(encoding="utf-8"))) for p in SEEDS]


def shown_text(p: lxml_html.HtmlElement) -> str:
    """The segment's own text as the page shows it (without its margin label)."""
    inner = p.find("del") if p.get("data-role") == "removed" else p.find("span[@class='t']")
    return str((inner if inner is not None else p).text_content())


def check_document(section: lxml_html.HtmlElement, result: Result) -> None:
    """Every segment is on the page in order; removed ones marked with their rule, body ones unmarked."""
    rendered = section.xpath(".//div[@class='text']//p[@data-role]")
    assert len(rendered) == len(result.segments)
    for p, seg in zip(rendered, result.segments, strict=True):
        where = f"{section.get('data-name')} line {seg.start_line}"
        assert p.get("data-role") == seg.role, where
        assert shown_text(p) == sanitize(seg.text), where
        lines = p.get("data-l")
        assert lines == (str(seg.start_line) if seg.end_line == seg.start_line
                         else f"{seg.start_line}-{seg.end_line}"), where
        if seg.role == "removed":
            assert seg.rule, where
            assert p.get("data-rule") == seg.rule, where
            assert p.find("del") is not None, where
            label = p.find("span[@class='lab']")
            assert label is not None and label.findtext("b") == seg.rule, where
            assert (seg.reason or "") in label.text_content(), where
            assert p.get("title", "").startswith(seg.rule), where
            assert p.get("data-probe-struck") == "1", f"{where}: removed text not struck through"
            assert p.get("data-probe-label") == "visible", f"{where}: rule label not visible"
        elif seg.role == "body":
            assert p.get("data-rule") is None, where
            assert p.get("title") is None, where
            assert not p.xpath(".//del|.//span[@class='lab']"), where
            assert p.get("data-probe-struck") == "0", f"{where}: kept text rendered struck through"
        else:
            assert p.get("data-probe-label") == "visible", where
            assert p.get("data-probe-struck") == "0", where


def check_seed_report(dom_text: str, docs: Sequence[tuple[str, Result]]) -> lxml_html.HtmlElement:
    """All the DOM checks for a report of ``docs``."""
    dom = lxml_html.fromstring(dom_text)
    probe_facts(dom)
    sections = {s.get("data-name"): s for s in dom.xpath("//section[@class='doc']")}
    assert set(sections) == {name for name, _ in docs}
    for name, result in docs:
        check_document(sections[name], result)
    rules_in_table = set(dom.xpath("//table[@class='rules']//tr/@data-rule"))
    assert rules_in_table == {s.rule for _, r in docs for s in r.segments if s.role == "removed"}
    return dom


def test_seed_report_in_chromium(tmp_path: Path) -> None:
    binary = require_chromium()
    docs = seed_docs()
    removed = [s for _, r in docs for s in r.segments if s.role == "removed"]
    body = [s for _, r in docs for s in r.segments if s.role == "body"]
    assert removed and body, "the seeds should have both removed and kept text"
    report = tmp_path / "seeds.html"
    write_report(docs, report, sample=None)
    # the report as shipped (CSP on, no script) renders and screenshots
    shot = tmp_path / "seeds.png"
    run_browser(binary, report, width=1280, height=2400, screenshot=shot)
    assert shot.stat().st_size > 20_000
    dom = check_seed_report(run_browser(binary, probed_copy(report), width=1280, height=2400, dump_dom=True),
                            docs)
    # wide window: labels sit in the left margin
    positions = set(dom.xpath("//section[@class='doc']//p[@data-role='removed']/@data-probe-label-pos"))
    assert positions == {"left"}


def test_narrow_window_layout(tmp_path: Path) -> None:
    binary = require_chromium()
    docs = seed_docs()
    report = tmp_path / "seeds.html"
    write_report(docs, report, sample=None)
    shot = tmp_path / "narrow.png"
    run_browser(binary, report, width=400, height=1600, screenshot=shot)  # Chromium's own screenshot mode
    with DevTools(binary) as browser:  # exact 400 px viewport, which the one-shot --dump-dom mode won't give
        browser.open(probed_copy(report), width=400, height=1600)
        dom = check_seed_report(browser.evaluate("document.documentElement.outerHTML"), docs)
        browser.screenshot(tmp_path / "narrow-devtools.png")
    facts = probe_facts(dom)
    assert facts["clientWidth"] == 400
    assert facts["scrollWidth"] <= facts["clientWidth"], "page scrolls sideways in a narrow window"
    positions = set(dom.xpath("//section[@class='doc']//p[@data-role='removed']/@data-probe-label-pos"))
    assert positions == {"above"}


def big_result(lines: int = BIG_DOC_LINES) -> Result:
    """A document of ``lines`` lines: every seventh removed, the rest kept."""
    segs = []
    for i in range(1, lines + 1):
        if i % 7 == 0:
            segs.append(Segment(f"Share this story #{i}", i, i, "removed", "SOC004", "social sharing prompt"))
        else:
            segs.append(Segment(f"Line {i}: the quick brown fox jumps over the lazy dog.", i, i, "body"))
    return Result(text="", title="A very long document", segments=tuple(segs))


def test_hundred_thousand_line_document_renders(tmp_path: Path) -> None:
    binary = require_chromium()
    report = tmp_path / "big.html"
    write_report([("big.txt", big_result())], report, sample=None)
    start = time.monotonic()
    run_browser(binary, report, width=1280, height=1000, screenshot=tmp_path / "big.png")
    dom_text = run_browser(binary, probed_copy(report), width=1280, height=1000, dump_dom=True)
    elapsed = time.monotonic() - start
    assert elapsed < BIG_DOC_BOUND_S, f"took {elapsed:.1f}s"
    facts = json.loads(re.search(r'data-probe="([^"]*)"', dom_text).group(1).replace("&quot;", '"'))  # type: ignore[union-attr]
    assert facts["scrolledMs"] < BIG_DOC_BOUND_S * 1000
    assert dom_text.count('data-role="removed"') == BIG_DOC_LINES // 7
    assert dom_text.count('data-role="body"') == BIG_DOC_LINES - BIG_DOC_LINES // 7


def main(argv: Sequence[str]) -> int:
    """Write the seed report's screenshots into the folder ``argv[0]``: whole page at 1280 px, top at 400 px."""
    binary = chromium()
    if binary is None:
        print("chromium not installed: run scripts/install-chromium.sh", file=sys.stderr)
        return 1
    out = Path(argv[0] if argv else "docs")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, DevTools(binary) as browser:
        report = Path(tmp) / "seeds.html"
        write_report(seed_docs(), report, sample=None)
        browser.open(report, width=1280, height=900)
        height = int(browser.evaluate("document.documentElement.scrollHeight"))
        browser.open(report, width=1280, height=height)
        browser.evaluate("document.querySelectorAll('.chunk').forEach(c => c.style.contentVisibility = 'visible')")
        browser.screenshot(out / "report-seeds.png")
        browser.open(report, width=400, height=1600)
        browser.screenshot(out / "report-seeds-narrow.png")
    print(f"wrote {out / 'report-seeds.png'} and {out / 'report-seeds-narrow.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
