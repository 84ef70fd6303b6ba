"""Strategies for realistic article body text: a story (people, place, subject) and its paragraphs.

A page is about one story, so its paragraphs share names and vocabulary the way real articles do.
Paragraph kinds: multi-sentence prose, one-sentence and short paragraphs (only inside the article),
datelines, quote paragraphs, paragraphs opening with words the rules look for ("Related", "Share",
"Read", "View", "Date", "Photo", "By", "Published", "Stand", "Teilen", "Von", "Por", ...), paragraphs
opening with a lower-case brand name, lists, paragraphs split over two lines by a column break, and
wire credit lines. Languages: English, German, Spanish, Russian, Chinese.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from tests.property import lexicon as lx

LANGS = ("en", "de", "es", "ru", "zh")
_FORMATTER = string.Formatter()


@dataclass(frozen=True)
class Lang:
    """The pools and templates of one language."""

    code: str
    people: tuple[tuple[str, str, str], ...]
    roles: tuple[str, ...]
    orgs: tuple[str, ...]
    places: tuple[tuple[str, str], ...]
    topics: tuple[tuple[str, ...], ...]
    companies: tuple[str, ...]
    verbs: tuple[str, ...]
    quotes: tuple[str, ...]
    days: tuple[str, ...]
    months: tuple[str, ...]
    sentences: tuple[str, ...]
    short: tuple[str, ...]
    rule_word: tuple[str, ...]
    list_leads: tuple[str, ...]
    list_items: tuple[str, ...]
    titles: tuple[str, ...]
    captions: tuple[str, ...]
    lower: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    mons: tuple[str, ...] = ()
    joiner: str = " "


def _lang(code: str, **extra: Any) -> Lang:
    up = code.upper()
    names = ["people", "roles", "orgs", "places", "topics", "companies", "verbs", "quotes", "days", "months", "sentences", "short", "rule_word", "list_leads", "list_items", "titles", "captions"]
    return Lang(code, *(getattr(lx, f"{up}_{n.upper()}") for n in names), **extra)


LANGUAGES: dict[str, Lang] = {
    "en": _lang("en", lower=lx.EN_LOWER, credits=lx.EN_CREDIT_LINES, mons=lx.EN_MON),
    "de": _lang("de"),
    "es": _lang("es"),
    "ru": _lang("ru"),
    "zh": _lang("zh", joiner=""),
}


@dataclass(frozen=True)
class Story:
    """What one generated article is about."""

    lang: Lang
    people: tuple[tuple[str, str, str], ...]
    org: str
    place: tuple[str, str]
    place2: tuple[str, str]
    things: tuple[str, ...]
    company: str


@st.composite
def stories(draw: st.DrawFn, lang: str | None = None) -> Story:
    """A story in one language (English most often)."""
    code = lang or draw(st.sampled_from(("en", "en", "en", "de", "es", "ru", "zh")))
    lg = LANGUAGES[code]
    people = tuple(draw(st.permutations(lg.people))[:3])
    places = draw(st.permutations(lg.places))
    return Story(
        lang=lg,
        people=people,
        org=draw(st.sampled_from(lg.orgs)),
        place=places[0],
        place2=places[1],
        things=draw(st.sampled_from(lg.topics)),
        company=draw(st.sampled_from(lg.companies)),
    )


def _number(draw: st.DrawFn, code: str, lo: int, hi: int) -> str:
    n = draw(st.integers(lo, hi))
    if n < 1000 or code == "zh":
        return str(n)
    sep = {"en": ",", "de": ".", "es": ".", "ru": " "}[code]
    return f"{n:,}".replace(",", sep)


def _pct(draw: st.DrawFn, code: str) -> str:
    whole = draw(st.integers(1, 60))
    tenth = draw(st.one_of(st.none(), st.integers(1, 9)))
    if code in ("en", "zh"):
        return f"{whole}.{tenth}%" if tenth else f"{whole}%"
    num = f"{whole},{tenth}" if tenth else str(whole)
    return {"de": f"{num} Prozent", "es": f"{num} %", "ru": f"{num}%"}[code]


def _money(draw: st.DrawFn, code: str) -> str:
    whole = draw(st.integers(1, 900))
    tenth = draw(st.integers(1, 9))
    if code == "en":
        unit = draw(st.sampled_from(("million", "billion")))
        return draw(st.sampled_from((f"${whole}.{tenth} {unit}", f"${whole} {unit}", f"${whole},{tenth}00")))
    if code == "de":
        return f"{whole},{tenth} Millionen Euro"
    if code == "es":
        return f"{whole},{tenth} millones de euros"
    if code == "ru":
        return f"{whole},{tenth} млрд рублей"
    return f"{whole}亿元"


def fill(draw: st.DrawFn, story: Story, template: str, *, main: bool = False) -> str:
    """Fill ``template``'s slots from the story and fresh numbers.

    ``main`` puts the story's main subject in the ``thing`` slot, as a headline and its lede do.
    """
    who = draw(st.integers(0, len(story.people) - 1))
    full, surname, pronoun = story.people[who]
    other = story.people[(who + 1) % len(story.people)]
    things = draw(st.permutations(story.things))
    if main:
        things = [story.things[0], *(t for t in things if t != story.things[0])]
    values: dict[str, str] = {}
    for _, name, _, _ in _FORMATTER.parse(template):
        if name is None or name in values:
            continue
        values[name] = _slot(draw, story, name, full, surname, pronoun, other, things)
    return template.format(**values)


def _slot(
    draw: st.DrawFn,
    story: Story,
    name: str,
    full: str,
    surname: str,
    pronoun: str,
    other: tuple[str, str, str],
    things: list[str],
) -> str:
    lg, code = story.lang, story.lang.code
    simple = {
        "P": full,
        "p": surname,
        "P2": other[0],
        "pro": pronoun,
        "Pro": pronoun[:1].upper() + pronoun[1:],
        "a": "а" if pronoun == "она" else "",
        "org": story.org,
        "Org": story.org[:1].upper() + story.org[1:],
        "place": story.place[0],
        "place2": story.place2[0],
        "thing": things[0],
        "thing2": things[1],
        "company": story.company,
    }
    if name in simple:
        return simple[name]
    if name == "role":
        return fill(draw, story, draw(st.sampled_from(lg.roles)))
    if name in ("quote", "Quote"):
        q = draw(st.sampled_from(lg.quotes))
        return q[:1].upper() + q[1:] if name == "Quote" else q[:1].lower() + q[1:] if code == "en" else q
    if name == "verb":
        return draw(st.sampled_from(lg.verbs))
    if name == "day":
        return draw(st.sampled_from(lg.days))
    if name == "month":
        return draw(st.sampled_from(lg.months))
    if name == "mon":
        return draw(st.sampled_from(lg.mons or lg.months))
    if name == "num":
        return _number(draw, code, 12, 98_000)
    if name == "n":
        return str(draw(st.integers(2, 12)))
    if name == "pct":
        return _pct(draw, code)
    if name in ("money", "money2"):
        return _money(draw, code)
    if name == "price":
        return f"{draw(st.integers(2, 140))}.{draw(st.integers(10, 99))}"
    if name == "year":
        return str(draw(st.integers(2012, 2024)))
    if name == "dom":
        return str(draw(st.integers(1, 28)))
    if name == "hours":
        return str(draw(st.integers(2, 9)))
    if name == "votes":
        a = draw(st.integers(4, 9))
        b = draw(st.integers(0, a - 1))
        return {"en": f"{a}-{b}", "de": f"{a}:{b}", "es": f"{a} a {b}"}.get(code, f"{a}:{b}")
    raise KeyError(f"unknown template slot {name!r}")


@dataclass(frozen=True)
class Chunk:
    """A run of input lines from one generated unit, and the body paragraphs it must yield.

    ``expected`` is empty for boilerplate. ``gaps[i]`` is True when a blank line separates line i
    from line i+1 in the blank-line page style.
    """

    kind: str
    lines: tuple[str, ...]
    expected: tuple[str, ...] = ()
    family: str = ""
    rules: tuple[str, ...] = ()
    gaps: tuple[bool, ...] = field(default=())

    @property
    def is_body(self) -> bool:
        """True for body text."""
        return bool(self.expected)


def sentence(draw: st.DrawFn, story: Story, *, main: bool = False) -> str:
    """One sentence of article prose."""
    return fill(draw, story, draw(st.sampled_from([t for t in story.lang.sentences if not main or "{thing}" in t])), main=main)


def _paragraph_text(draw: st.DrawFn, story: Story, lo: int, hi: int) -> str:
    # Distinct templates: a real paragraph doesn't say the same sentence twice.
    n = draw(st.integers(lo, min(hi, len(story.lang.sentences))))
    templates = draw(st.lists(st.sampled_from(story.lang.sentences), min_size=n, max_size=n, unique=True))
    return story.lang.joiner.join(fill(draw, story, t) for t in templates)


def _body(kind: str, text: str) -> Chunk:
    return Chunk(kind, (text,), (text,))


@st.composite
def prose_paragraphs(draw: st.DrawFn, story: Story) -> Chunk:
    """A multi-sentence paragraph."""
    return _body("prose", _paragraph_text(draw, story, 2, 4))


@st.composite
def one_sentence_paragraphs(draw: st.DrawFn, story: Story) -> Chunk:
    """A paragraph of one sentence."""
    return _body("one-sentence", sentence(draw, story))


@st.composite
def short_paragraphs(draw: st.DrawFn, story: Story) -> Chunk:
    """A short paragraph ("He declined to comment."): body only inside an article."""
    return _body("short", fill(draw, story, draw(st.sampled_from(story.lang.short))))


@st.composite
def dateline_paragraphs(draw: st.DrawFn, story: Story) -> Chunk:
    """An opening paragraph with a wire dateline ("KYIV, Ukraine — ...")."""
    first = sentence(draw, story, main=True)
    if story.lang.code == "zh":
        return _body("dateline", story.place[1] + first + _paragraph_text(draw, story, 0, 1))
    first = first[0].upper() + first[1:] if first[0].isalpha() else first
    rest = _paragraph_text(draw, story, 0, 2)
    return _body("dateline", f"{story.place[1]} {first}" + (f" {rest}" if rest else ""))


@st.composite
def rule_word_paragraphs(draw: st.DrawFn, story: Story) -> Chunk:
    """A paragraph that opens with a word the rules look for, sometimes followed by more sentences."""
    pool = story.lang.rule_word or story.lang.sentences
    text = fill(draw, story, draw(st.sampled_from(pool)))
    more = _paragraph_text(draw, story, 0, 1)
    return _body("rule-word", text + (story.lang.joiner + more if more else ""))


@st.composite
def lower_start_paragraphs(draw: st.DrawFn, story: Story) -> Chunk:
    """A paragraph opening with a lower-case brand name ("eBay said ..."): must not be joined to the one before."""
    pool = story.lang.lower or story.lang.sentences
    return _body("lower-start", fill(draw, story, draw(st.sampled_from(pool))))


@st.composite
def quote_paragraphs(draw: st.DrawFn, story: Story) -> Chunk:
    """A paragraph that is one attributed quote."""
    quotes = [t for t in story.lang.sentences if "Quote" in t]
    return _body("quote", fill(draw, story, draw(st.sampled_from(quotes))))


@st.composite
def list_chunks(draw: st.DrawFn, story: Story) -> Chunk:
    """A lead-in sentence and a bulleted or numbered list inside the body."""
    lead = fill(draw, story, draw(st.sampled_from(story.lang.list_leads)))
    templates = draw(st.lists(st.sampled_from(story.lang.list_items), min_size=2, max_size=5, unique=True))
    marker = draw(st.sampled_from(("- ", "• ", "* ", "1. ")))
    items = []
    for i, t in enumerate(templates, start=1):
        item = fill(draw, story, t)
        items.append((f"{i}. " if marker == "1. " else marker) + item)
    lines = (lead, *items)
    gaps = tuple(draw(st.booleans()) for _ in range(len(lines) - 1))
    return Chunk("list", lines, lines, gaps=gaps)


@st.composite
def split_paragraphs(draw: st.DrawFn, story: Story) -> Chunk:
    """A paragraph split over two lines mid-sentence by a column or page break (seed 000)."""
    text = _paragraph_text(draw, story, 2, 4)
    if story.lang.code == "zh":
        return _body("prose", text)
    words = text.split(" ")
    cuts = [i for i in range(6, len(words) - 5) if not words[i - 1].endswith((".", "!", "?", ":", ";", "”", '"'))]
    if not cuts:
        return _body("prose", text)
    # Most column breaks land before a lower-case word, which the join repair mends; the rest stay two lines.
    lower_cuts = [i for i in cuts if words[i][:1].islower()]
    i = draw(st.sampled_from(lower_cuts if lower_cuts and draw(st.integers(0, 3)) else cuts))
    a, b = " ".join(words[:i]), " ".join(words[i:])
    return Chunk("split", (a, b), (text,), gaps=(draw(st.booleans()),))


@st.composite
def credit_chunks(draw: st.DrawFn, story: Story) -> Chunk:
    """A wire credit line closing the article ("Wu reported from Bangkok.")."""
    return _body("credit", fill(draw, story, draw(st.sampled_from(story.lang.credits))))


@st.composite
def titles(draw: st.DrawFn, story: Story) -> str:
    """The article's headline, built from the story's words."""
    return fill(draw, story, draw(st.sampled_from(story.lang.titles)), main=True)


MIDDLE_KINDS = (
    ("prose", 10),
    ("one-sentence", 3),
    ("short", 2),
    ("rule-word", 3),
    ("quote", 2),
    ("lower-start", 1),
    ("list", 1),
    ("split", 2),
)
_STRATEGY = {
    "prose": prose_paragraphs,
    "one-sentence": one_sentence_paragraphs,
    "short": short_paragraphs,
    "rule-word": rule_word_paragraphs,
    "quote": quote_paragraphs,
    "lower-start": lower_start_paragraphs,
    "list": list_chunks,
    "split": split_paragraphs,
}
# Dense pages: the same realistic kinds, but the ones that look like boilerplate to a rule come often.
DENSE_KINDS = (
    ("prose", 4),
    ("one-sentence", 2),
    ("short", 3),
    ("rule-word", 6),
    ("quote", 2),
    ("lower-start", 3),
    ("list", 2),
    ("split", 2),
)
_WEIGHTED = tuple(k for k, w in MIDDLE_KINDS for _ in range(w))
_DENSE = tuple(k for k, w in DENSE_KINDS for _ in range(w))


@st.composite
def article_bodies(
    draw: st.DrawFn, story: Story, min_paragraphs: int = 3, max_paragraphs: int = 10, *, dense: bool = False
) -> list[Chunk]:
    """The body of one article: an opening paragraph, a middle of mixed kinds, a closing paragraph, maybe a credit."""
    # The lede names the headline's subject; so does the rest of a real article, now and then.
    if draw(st.booleans()):
        chunks = [draw(dateline_paragraphs(story))]
    else:
        lede = sentence(draw, story, main=True)
        more = _paragraph_text(draw, story, 0, 2)
        chunks = [_body("prose", lede + (story.lang.joiner + more if more else ""))]
    for _ in range(draw(st.integers(min_paragraphs - 2, max_paragraphs - 2))):
        kind = draw(st.sampled_from(_DENSE if dense else _WEIGHTED))
        if kind == "lower-start" and not story.lang.lower:
            kind = "prose"
        chunks.append(draw(_STRATEGY[kind](story)))
    closing = draw(st.sampled_from((prose_paragraphs, one_sentence_paragraphs)))
    chunks.append(draw(closing(story)))
    if story.lang.credits and draw(st.integers(0, 2)) == 0:
        chunks.append(draw(credit_chunks(story)))
    return _distinct(chunks)


def _distinct(chunks: list[Chunk]) -> list[Chunk]:
    """Drop a paragraph that repeats one already in the article (real articles don't print a paragraph twice).

    List items count without their marker: '- by e-mail ...' and '• by e-mail ...' are one line printed
    twice, which STR006 rightly keeps once. A paragraph counts as its lines and as the paragraph they
    make: split by a column break ('… жители города уже' / 'выступали …') it is the same paragraph
    as the one-line copy, and STR006 rightly keeps it once (deep run of session 10).
    """
    seen: set[str] = set()
    out = []
    for chunk in chunks:
        keys = {_LIST_MARKER.sub("", line).strip() for line in chunk.lines}
        keys |= {" ".join(paragraph.split()) for paragraph in chunk.expected}
        if keys & seen:
            continue
        seen.update(keys)
        out.append(chunk)
    return out


_LIST_MARKER = re.compile(r"^\s*(?:[-•*]|\d+\.)\s+")
