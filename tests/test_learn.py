"""``cleaner learn`` on a generated corpus of several sources.

Four sources, each grouped a different way: a directory (planet), URL hosts in
a JSON-lines dump (courier), and two sites sharing one folder told apart by
their first line (gazette, herald). Every document has its own body prose;
some body lines are shared by a few documents (a quote, a stock sentence) and
must not be learned; captions differ per document and must not be learned.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cleaner.api import Cleaner
from cleaner.cli.main import main as cli_main
from cleaner.config import Config
from cleaner.engine.catalogue import load_catalogue
from cleaner.engine.examples import check_catalogue
from cleaner.engine.packs import Rule, load_pack
from cleaner.learn import MineOptions, learn_corpus
from cleaner.learn.corpus import iter_documents
from cleaner.learn.mine import line_key, mine_corpus
from cleaner.learn.pack import block_pattern, toml_pattern, toml_string

SUBJECTS = (
    "The council",
    "A local farmer",
    "The new mayor",
    "Our reporter",
    "The school board",
    "A nurse at the clinic",
)
VERBS = ("said on Tuesday that", "explained during the meeting that", "told residents that", "warned on Monday that")
OBJECTS = (
    "the bridge over the river would close for repairs in the spring",
    "the budget for the parks had grown by a third since last year",
    "more families were moving into the old mill district",
    "the harvest was late because of the long and wet summer",
    "the hospital needed more staff for its night shifts",
    "a storm had damaged several roofs near the harbour",
)
NAMES = ("Ann Lee", "Bo Chen", "Cy Díaz", "Dee Moss", "Eli Park", "Fay Wong", "Gus Ode", "Hal Roy", "Ida Kim", "Jo Bell",
         "Kai Ng", "Lu Fox", "Max Orr", "Ned Ash", "Oli Yu")  # fmt: skip
PLACES = ("Harbor Street", "Mill Lane", "Oak Avenue", "Bridge Road", "Station Square", "Market Hall", "Riverside Park",
          "Church Hill", "North Gate", "Castle Green", "Elm Court", "Lake Drive", "Quarry Way", "Fern Close", "Salt Row")  # fmt: skip

QUOTE = "“We will not give up on this town,” the mayor told the crowd at the square on Saturday."
STOCK = "Officials did not respond to a request for comment on Friday afternoon about the plans."
COURIER_STANDARD = (
    "The Courier is an independent newspaper that has served the valley since 1887, and it relies on readers like you."
)


@dataclass
class Corpus:
    """The generated corpus: its root, each source's boilerplate, and every body line."""

    root: Path
    boilerplate: dict[str, list[str]] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)
    not_learnable: list[str] = field(default_factory=list)
    files: dict[str, list[Path]] = field(default_factory=dict)


def _body(rng: random.Random, n: int, k: int = 5) -> list[str]:
    def sentence(m: int) -> str:
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, as report {m} of the series records."

    return [f"{sentence(n)} {sentence(n * 7 + i)}" for i in range(k)]


def make_corpus(root: Path, seed: int = 7) -> Corpus:
    """Write the four-source corpus under ``root``."""
    rng = random.Random(seed)
    c = Corpus(root)
    planet = root / "planet"
    planet.mkdir(parents=True)
    c.boilerplate["planet"] = [
        "The Daily Planet",
        "Home | World | Sports | Weather | Opinion",
        "Subscribe to the Daily Planet newsletter",
        "© 2023 Daily Planet Media Group",
        "Contact us | Privacy policy | Advertise",
    ]
    c.files["planet"] = []
    for i in range(10):
        body = _body(rng, i)
        caption = f"Photo: {NAMES[i]} at {PLACES[-i]} for the Daily Planet"
        lines = [*c.boilerplate["planet"][:2], f"{PLACES[i]}: {rng.choice(OBJECTS)}", *body]
        if i < 3:
            lines.insert(5, QUOTE)  # a quote three stories share: body text, 30% of the source
        if i < 6:
            lines.append(STOCK)  # a stock sentence in 60% of the source: prose, below the prose share
        lines += [caption, "Subscribe to the Daily Planet newsletter", f"© {2020 + i % 4} Daily Planet Media Group"]
        lines.append("Contact us | Privacy policy | Advertise")
        path = planet / f"story{i}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        c.files["planet"].append(path)
        c.body += body
        c.not_learnable.append(caption)
    c.not_learnable += [QUOTE, STOCK]

    feeds = root / "feeds"
    feeds.mkdir()
    c.boilerplate["courier"] = [
        COURIER_STANDARD,
        "Follow The Courier on Facebook and Twitter",
        "Read more local news at courier.example",
    ]
    with (feeds / "dump.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(8):
            body = _body(rng, 100 + i)
            text = "\n".join([f"{NAMES[i]} reports from {PLACES[i]}", *body, *c.boilerplate["courier"]])
            fh.write(json.dumps({"url": f"https://www.courier.example/news/{i}", "text": text}) + "\n")
            c.body += body
        for i in range(3):  # another site in the same dump, too few documents to learn from
            body = _body(rng, 200 + i)
            fh.write(json.dumps({"url": f"https://other.example/{i}", "text": "\n".join(["Other", *body, "Footer"])}))
            fh.write("\n")
            c.body += body
            c.not_learnable.append("Footer")

    mixed = root / "mixed"
    mixed.mkdir()
    c.boilerplate["gazette"] = ["Valley Gazette Online Edition", "Share this article", "Tweet", "Email"]
    c.boilerplate["herald"] = ["HERALD NEWS NETWORK", "Sign up for our morning briefing"]
    c.files["gazette"], c.files["herald"] = [], []
    for i in range(14):
        body = _body(rng, 300 + i)
        if i % 2:
            head = f"{PLACES[i]} {rng.choice(['reopens', 'is closed', 'gets new lights', 'floods again'])}"
            lines = [
                "Valley Gazette Online Edition",
                head,
                *body[:2],
                "Share this article",
                "Tweet",
                "Email",
                *body[2:],
            ]
            source = "gazette"
        else:
            head = f"{NAMES[i]} {rng.choice(['wins the prize', 'retires', 'opens a bakery', 'runs for council'])}"
            lines = ["HERALD NEWS NETWORK", head, *body, "Sign up for our morning briefing"]
            source = "herald"
        path = mixed / f"item{i:02d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        c.files[source].append(path)
        c.body += body
    return c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return make_corpus(tmp_path_factory.mktemp("learn") / "corpus")


@pytest.fixture(scope="module")
def learned(corpus: Corpus) -> tuple[Path, list[Rule]]:
    out = corpus.root.parent / "rules" / "learned.toml"
    assert cli_main(["learn", str(corpus.root), "--out", str(out)]) == 0
    return out, list(load_pack(out).rules)


def _matching(rules: list[Rule], line: str) -> list[str]:
    return [r.id for r in rules if r.pattern.search(line)]


def test_learns_each_sources_boilerplate(corpus: Corpus, learned: tuple[Path, list[Rule]]) -> None:
    _, rules = learned
    for source, lines in corpus.boilerplate.items():
        for line in lines:
            assert _matching(rules, line), f"{source}: {line!r} not learned"
    # years vary per document: the learned pattern folds the number
    assert _matching(rules, "© 2031 Daily Planet Media Group")


def test_learns_nothing_from_body_text(corpus: Corpus, learned: tuple[Path, list[Rule]]) -> None:
    _, rules = learned
    for line in corpus.body + corpus.not_learnable:
        assert not _matching(rules, line), f"learned body text: {line!r}"


def test_learned_pack_is_an_ordinary_pack(learned: tuple[Path, list[Rule]]) -> None:
    out, rules = learned
    catalogue = load_catalogue(Config(rules=(str(out),)))
    count, failures = check_catalogue(catalogue, only={r.id for r in rules})
    assert count == 2 * len(rules)
    assert failures == []
    assert cli_main(["rules", "test", str(out)]) == 0
    for rule in rules:
        assert re.fullmatch(r"LRN\d{3}", rule.id)
        assert rule.summary.startswith("Learned boilerplate:") and " of " in rule.summary
        assert {e.expect for e in rule.examples} == {"drop", "keep"}
    text = out.read_text(encoding="utf-8")
    assert text.count("# support: ") == len(rules)
    # The prose-like standard paragraph needs a strong rule, the short lines stay heuristic.
    courier = next(r for r in rules if r.pattern.search(COURIER_STANDARD))
    assert courier.strength == "strong"
    assert next(r for r in rules if r.pattern.search("Tweet")).strength == "heuristic"


def test_cleaning_with_learned_pack_removes_the_boilerplate(corpus: Corpus, learned: tuple[Path, list[Rule]]) -> None:
    out, _ = learned
    # Built-in rules off: whatever goes, the learned pack removed.
    cleaner = Cleaner(config=Config(builtin_rules=False, rules=(str(out),)))
    for source in ("planet", "gazette", "herald"):
        for path in corpus.files[source]:
            original = path.read_text(encoding="utf-8")
            result = cleaner.clean(original, kind="text")
            cleaned = result.to_text().split("\n")
            for line in corpus.boilerplate[source]:
                assert line not in cleaned, f"{path.name}: {line!r} survived"
            assert all(r.rule.startswith("LRN") for r in result.removed)
            for line in original.split("\n"):
                if line in corpus.body:
                    assert line in cleaned, f"{path.name}: body line lost"
    record = json.loads((corpus.root / "feeds" / "dump.jsonl").read_text(encoding="utf-8").split("\n")[0])
    cleaned = cleaner.clean(record["text"], kind="text").to_text()
    assert COURIER_STANDARD not in cleaned and "Follow The Courier" not in cleaned


def test_relearning_keeps_ids_and_output(corpus: Corpus, learned: tuple[Path, list[Rule]]) -> None:
    out, rules = learned
    before = out.read_text(encoding="utf-8")
    report = learn_corpus([corpus.root], config=Config(rules=(str(out),)), out=out, command="x")
    assert [d.id for d in report.rules] == [r.id for r in rules]
    assert report.text.split("[pack]")[1] == before.split("[pack]")[1]


def test_ids_follow_the_boilerplate_not_the_order(tmp_path: Path, corpus: Corpus) -> None:
    out = tmp_path / "learned.toml"
    out.write_text(
        '[pack]\nname = "learned"\n\n[[rule]]\nid = "LRN042"\nname = "x"\nsummary = "x"\naction = "drop"\n'
        'pattern = \'^Tweet$\'\n[[rule.example]]\nexpect = "drop"\ntext = "Tweet"\n'
        '[[rule.example]]\nexpect = "keep"\ntext = "Body."\n',
        encoding="utf-8",
    )
    report = learn_corpus([corpus.root], out=out, command="x")
    ids = {d.block.lines[0].variants[0]: d.id for d in report.rules}
    gazette_share = next(d.id for d in report.rules if any(v == "Tweet" for ln in d.block.lines for v in ln.variants))
    assert gazette_share == "LRN042"
    assert all(int(i[3:]) > 42 for t, i in ids.items() if i != "LRN042")


def test_disabled_ids_stay_in_the_pack(corpus: Corpus, learned: tuple[Path, list[Rule]]) -> None:
    out, rules = learned
    rejected = rules[0].id
    report = learn_corpus([corpus.root], config=Config(disable=(rejected,)), out=out, command="x")
    assert rejected in {d.id for d in report.rules}
    assert report.disabled == {rejected}


def test_dry_run_prints_a_table_and_writes_nothing(
    corpus: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli_main(["learn", str(corpus.root), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["ID", "SUPPORT", "LINES"]
    assert "Subscribe to the Daily Planet newsletter" in out
    assert "courier.example (url)" in out
    assert list(tmp_path.iterdir()) == []


def test_minimum_support_is_respected(corpus: Corpus) -> None:
    docs = list(iter_documents([corpus.root], patterns=("*.txt",)))
    strict = mine_corpus(docs, MineOptions(min_support=11))
    assert strict == []  # no source has 11 documents
    loose = mine_corpus(docs, MineOptions(min_support=5, min_share=0.5))
    assert any("Sign up for our morning briefing" in b.text for b in loose)


def test_prose_is_learned_only_when_nearly_universal(corpus: Corpus) -> None:
    docs = list(iter_documents([corpus.root / "planet"], patterns=("*.txt",)))
    texts = [b.text for b in mine_corpus(docs, MineOptions(prose_share=0.5))]
    assert any(STOCK in t for t in texts), "60% < default prose share, but over a lowered one"
    assert not any(STOCK in t for t in (b.text for b in mine_corpus(docs)))


def test_groupings_can_be_restricted(corpus: Corpus) -> None:
    docs = list(iter_documents([corpus.root], patterns=("*.txt",)))
    only_dirs = mine_corpus(docs, MineOptions(groupings=("dir",)))
    assert {b.group.key.split(":")[0] for b in only_dirs} == {"dir"}
    by_url = mine_corpus(docs, MineOptions(groupings=("url",)))
    assert {b.group.key for b in by_url} == {"url:courier.example"}


@pytest.mark.parametrize(
    "argv",
    [
        ["learn", "x", "--dry-run", "--group-by", "colour"],
        ["learn", "x", "--dry-run", "--min-support", "1"],
        ["learn", "x", "--dry-run", "--id-prefix", "lrn"],
    ],
)
def test_bad_options_are_one_line_errors(argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").mkdir()
    assert cli_main(argv) == 1


def test_out_or_dry_run_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli_main(["learn", "corpus"])
    assert info.value.code == 2


def test_patterns_and_strings_round_trip_through_toml() -> None:
    import tomllib

    import re2

    for text in ['a "quoted" line', "it's", "tab\there", "back\\slash", "del\x7f", "ünïcødé — ok"]:
        assert tomllib.loads(f"v = {toml_string(text)}")["v"] == text
    line = "Price: $5 (or 10%) [see] {x} a|b ^c? *d+ \\e"
    from cleaner.learn.mine import LearnedLine

    learned = LearnedLine(line_key(line), (line,), 5, False, 0.5, ())
    pattern = block_pattern([learned])
    assert tomllib.loads(f"p = {toml_pattern(pattern)}")["p"] == pattern
    compiled = re2.compile(pattern)
    assert compiled.search(line) and compiled.search(line.replace("$5", "$12"))
    assert not compiled.search("x" + line)


def test_cli_clean_uses_the_learned_pack(
    corpus: Corpus, learned: tuple[Path, list[Rule]], capsys: pytest.CaptureFixture[str]
) -> None:
    # What the maintainer types: `cleaner clean --rules rules/ FILE --format json`.
    out, _ = learned
    path = corpus.files["planet"][0]
    assert cli_main(["clean", "--isolated", "--rules", str(out.parent), str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    learned_ids = {r["rule"] for r in doc["removed"] if r["rule"].startswith("LRN")}
    assert learned_ids, "no removal by a learned rule"
    for line in corpus.boilerplate["planet"]:
        assert line not in doc["text"].split("\n")
