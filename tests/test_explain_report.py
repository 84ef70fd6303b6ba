"""The HTML report without a browser: sampling, totals, markup contract, self-containment, the CLI."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

from cleaner.cli.main import main
from cleaner.explain.report import Sampler, collect, render_report, sample_key, write_report
from cleaner.model import Result, Segment

ROOT = Path(__file__).resolve().parent.parent


def doc(i: int, removed_every: int = 3, lines: int = 9) -> Result:
    """A small document: every ``removed_every``-th line removed by a rule named after the remainder."""
    segs = [Segment(f"Title {i}", 1, 1, "title")]
    for n in range(2, lines + 1):
        if removed_every and n % removed_every == 0:
            segs.append(Segment(f"junk {i}.{n}", n, n, "removed", f"R{n % 2}", f"reason {n % 2}"))
        else:
            segs.append(Segment(f"Body paragraph {i}.{n} with words.", n, n, "body"))
    return Result(text="", title=f"Title {i}", segments=tuple(segs))


def corpus(n: int) -> list[tuple[str, Result]]:
    return [(f"doc-{i:04d}.txt", doc(i, removed_every=2 + i % 5)) for i in range(n)]


def test_sample_is_reproducible_and_order_independent() -> None:
    docs = corpus(300)
    first = [e.name for e in collect(docs, sample=20, seed=7, outliers=0).shown]
    again = [e.name for e in collect(docs, sample=20, seed=7, outliers=0).shown]
    shuffled = docs[:]
    random.Random(1).shuffle(shuffled)
    other_order = sorted(e.name for e in collect(shuffled, sample=20, seed=7, outliers=0).shown)
    assert first == again
    assert len(first) == 20
    assert sorted(first) == other_order
    assert first != [e.name for e in collect(docs, sample=20, seed=8, outliers=0).shown]
    expected = sorted(name for name, _ in docs)
    expected.sort(key=lambda name: sample_key(name, 7))
    assert sorted(first) == sorted(expected[:20])


def test_shown_documents_keep_input_order() -> None:
    shown = collect(corpus(100), sample=10, seed=0).shown
    assert [e.index for e in shown] == sorted(e.index for e in shown)


def test_outliers_join_the_sample() -> None:
    docs = corpus(200)
    docs[123] = ("all-junk.txt", Result(text="", segments=(Segment("x" * 50, 1, 1, "removed", "R9", "all junk"),)))
    c = collect(docs, sample=5, seed=0, outliers=1)
    assert any(e.name == "all-junk.txt" and e.why == "outlier" for e in c.shown)
    assert sum(e.why == "sample" for e in c.shown) == 5


def test_sampler_keeps_memory_bounded() -> None:
    s: Sampler[int] = Sampler(3, seed=0)
    for i in range(1000):
        s.offer(f"n{i}", i, i)
    assert len(s.chosen()) == 3 and s.offered == 1000
    with pytest.raises(ValueError):
        Sampler(-1)


def test_totals_count_every_document_not_only_the_sample() -> None:
    docs = corpus(50)
    c = collect(docs, sample=5, seed=0)
    assert c.docs_seen == 50 and c.sampled
    removed = [s for _, r in docs for s in r.segments if s.role == "removed"]
    assert sum(t.chars for t in c.rules.values()) == sum(len(s.text) for s in removed) == c.chars_removed
    assert c.rules["R0"].docs == sum(any(s.rule == "R0" for s in r.segments) for _, r in docs)
    assert sum(c.histogram) == 50


def test_markup_contract_and_self_containment() -> None:
    evil = Segment('<script>alert(1)</script><img src="http://x/y.png"> \x1b[31m', 3, 3, "removed", "R<1>", 'a "b"')
    r = Result(text="", title="T", author="A. Writer", segments=(
        Segment("T", 1, 1, "title"), Segment("Kept <b>text</b>", 2, 2, "body"), evil))
    page = render_report([("x.txt", r)])
    assert re.search(r"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    dom = lxml_html.fromstring(page)
    assert not dom.xpath("//script|//img|//link|//iframe|//object|//@src")
    assert all(href.startswith("#") for href in dom.xpath("//@href"))
    section = dom.xpath("//section[@class='doc']")[0]
    body = section.xpath(".//p[@data-role='body']")[0]
    assert body.text_content() == "Kept <b>text</b>" and not body.xpath("*")
    rem = section.xpath(".//p[@data-role='removed']")[0]
    assert rem.get("data-rule") == "R<1>"
    assert rem.find("del").text_content() == '<script>alert(1)</script><img src="http://x/y.png"> \\x1b[31m'
    assert rem.get("title") == 'R<1> — a "b"'
    assert section.xpath(".//dd[@data-meta='author']")[0].text_content() == "A. Writer"


def test_big_document_is_chunked_for_the_browser() -> None:
    segs = tuple(Segment(f"line {i}", i, i, "body") for i in range(1, 2001))
    dom = lxml_html.fromstring(render_report([("big", Result(text="", segments=segs))]))
    chunks = dom.xpath("//div[@class='chunk']")
    assert len(chunks) == 8 and all("contain-intrinsic-size" in c.get("style") for c in chunks)
    assert len(dom.xpath("//p[@data-role='body']")) == 2000


def test_batch_chart_links_every_shown_document(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    stats = write_report(corpus(120), out, sample=10, seed=3)
    assert (stats.docs_seen, stats.docs_shown) == (120, len(collect(corpus(120), sample=10, seed=3).shown))
    dom = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    ids = set(dom.xpath("//section[@class='doc']/@id"))
    links = {a.get("href")[1:] for a in dom.xpath("//*[local-name()='svg'][contains(@class,'share')]//*[@href]")}
    assert links == ids and len(ids) == stats.docs_shown
    assert dom.xpath("//*[local-name()='svg'][contains(@class,'hist')]")
    assert "reproducible sample of 10" in dom.xpath("string(//p[@class='overview'])")
    assert not list(tmp_path.glob("*.tmp"))


def test_cli_explain_terminal_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    assert main(["explain", *seeds, "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert out.count("==> ") == 2 and "\x1b" not in out
    assert re.search(r"^\s*\d+ - [A-Z]+\d+ +\| ", out, re.M), "no removed line marked with a rule id"
    report = tmp_path / "report.html"
    assert main(["explain", *seeds, "--html", str(report)]) == 0
    assert "wrote" in capsys.readouterr().err
    dom = lxml_html.fromstring(report.read_text(encoding="utf-8"))
    assert len(dom.xpath("//section[@class='doc']")) == 2


def test_cli_explain_reports_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(sorted((ROOT / "seeds").glob("*.txt"))[0])
    assert main(["explain", str(tmp_path / "missing.txt"), seed, "--color", "always"]) == 1
    captured = capsys.readouterr()
    assert "missing.txt: no such file" in captured.err
    assert "\x1b[" in captured.out


def test_cli_batch_report_samples_reproducibly(tmp_path: Path) -> None:
    import json

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps({"id": f"d{i}", "text": seeds[i % 2]}) + "\n" for i in range(30))
                    + "not json\n", encoding="utf-8")
    names = []
    for run in ("a", "b"):
        report = tmp_path / f"{run}.html"
        argv = ["batch", str(data), "-o", str(tmp_path / f"{run}.jsonl"), "-j", "1", "--report", str(report),
                "--sample", "7"]
        done = batch(argv)  # in a child process: `cleaner batch` installs a SIGTERM handler
        assert done.returncode == 0, done.stderr
        assert "report:" in done.stderr
        dom = lxml_html.fromstring(report.read_text(encoding="utf-8"))
        names.append(dom.xpath("//section[@class='doc']/@data-name"))
        assert "sample of 7 of 30 documents" in dom.xpath("string(//p[@class='overview'])")
    assert names[0] == names[1] and len(names[0]) == 7
    expected = sorted((f"d{i}" for i in range(30)), key=lambda n: sample_key(n, 0))[:7]
    assert sorted(names[0]) == sorted(expected)
    assert batch(["batch", "-", "-o", str(tmp_path / "x.jsonl"), "--report", str(tmp_path / "x.html")]).returncode == 2


def batch(argv: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "cleaner", *argv], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300, check=False)
