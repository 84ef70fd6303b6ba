"""The fast feature path and the split pattern sets give exactly what the plain definitions give.

``block_features`` scans each line once and computes some features only when read; the
reference below is the straightforward definition (``line_stats`` per block, a Counter of
prose vocabulary, a dict of every feature), as it was before the speed work of issue 4.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import segment
from cleaner.api import Cleaner
from cleaner.engine.matcher import anchored_at_start
from cleaner.feature_table import block_features
from cleaner.features import (
    _CJK,
    CONTEXT_DEFAULTS,
    FEATURES,
    is_headline,
    is_prose,
    line_stats,
    normalise_key,
)
from cleaner.language import stopwords_for
from cleaner.model import Block

ENGLISH = stopwords_for("English")
GERMAN = stopwords_for("German")

LINES = [
    "The council said on Tuesday that the new bridge would open in the spring of 2025, after delays.",
    "Home > News > Local",
    "Share this article",
    "By JOHN SMITH",
    "U.S. pledges aid. Dr. Mehta spoke at 5 p.m. ET in St. Louis.",
    "İstanbul'da büyük bir toplantı yapıldı.",  # U+0130 lower-cases to two characters
    "Η ΟΔΟΣ'Α ΣΟΦΙΑΣ:ΑΘΗΝΑ",  # a capital sigma before an apostrophe is not final in the whole line
    "ΑΘΗΝΑ ΣΤΗΝ ΠΟΛΗ.",
    "杭州光伏企业发布了新的年度报告。这是一个很长的句子，用来测试中文。",
    "Die Regierung hat am Montag beschlossen, dass die Steuern für alle Bürger sinken werden.",
    "- a bulleted item with words",
    "1. first",
    "Contact us: news@example.com or www.example.com",
    "2019 2020 2021",
    "“Quoted,” he said…",
    "(c) 2024 Example Media. All rights reserved.",
    "",
    "x" * 300 + " end.",
    "Ça va? Ñandú. ß straße STRASSE ǅemal ﬁne",
    "We will keep bringing these dances to every festival 🙂",  # a smiley ends the sentence
    "Danke 🙂",  # after a word or two it ends none
    "😉",
    "See you all at the next festival in the park ☺️",
]


def _reference(blocks: Sequence[Block], stopwords: frozenset[str]) -> list[dict[str, float]]:
    """block_features as first written: one LineStats per block and a dict of every feature."""
    stats = [line_stats(b.text, stopwords) for b in blocks]
    cjk_doc = sum(1 for b in blocks[:50] if _CJK.search(b.text)) > len(blocks[:50]) // 3
    keys = [normalise_key(b.text) for b in blocks]
    counts = Counter(keys)
    mostly_cjk = [not b.text.isascii() and 2 * len(_CJK.findall(b.text)) > len(b.text) for b in blocks]
    prose = [is_prose(s, cjk=cjk_doc or m) for s, m in zip(stats, mostly_cjk, strict=True)]
    vocab: Counter[str] = Counter()
    vocab_keys: set[str] = set()
    for s, p, key in zip(stats, prose, keys, strict=True):
        if p and key not in vocab_keys:
            vocab_keys.add(key)
            vocab.update(s.content_words)
    last = max(len(blocks) - 1, 1)
    seen: Counter[str] = Counter()
    bullets = [s.bullet for s in stats]
    for i, b in enumerate(blocks):  # a nested list's 'o Item' beside another item is a list item too
        nested = segment.sub_item(b.text)
        above = i > 0 and (bullets[i - 1] == 1 or segment.sub_item(blocks[i - 1].text))
        below = i + 1 < len(blocks) and segment.sub_item(blocks[i + 1].text)
        if not bullets[i] and nested:
            bullets[i] = int(above or below)
    out = []
    for i, (s, key, p) in enumerate(zip(stats, keys, prose, strict=True)):
        copy_index = seen[key] if key else 0
        seen[key] += 1
        own = s.content_words
        shared = sum(1 for w in own if vocab[w] - (1 if p else 0) > 0)
        out.append(
            {
                "chars": s.chars,
                "words": s.words,
                "sentences": s.sentences,
                "ends_sentence": s.ends_sentence,
                "starts_lower": s.starts_lower,
                "stopwords": s.stopwords,
                "caps": s.caps,
                "digits": s.digits,
                "bullet": bullets[i],
                "has_url": s.has_url,
                "repeated": counts[key] if key else 1,
                "copy_index": copy_index,
                "position": i / last,
                "prose": int(p),
                "headline": int(is_headline(s)),
                "doubled": _doubled_reference(blocks[i].text, key),
                "topic": shared / len(own) if own else 0.0,
                **CONTEXT_DEFAULTS,
            }
        )
    return out


def _doubled_reference(text: str, key: str) -> int:
    body = re.sub(r"^\d{1,3}[.)]\s", "", text, count=1)
    if any(c in ".!?…。！？" and re.match(r"[\"'”’»)]*\s", body[i + 1 :]) for i, c in enumerate(body)):
        return 0
    words = key.split()
    if words and words[0].isdigit():
        words = words[1:]
    n = len(words)
    return int(n >= 12 and n % 2 == 0 and words[: n // 2] == words[n // 2 :])


def _blocks(texts: Sequence[str]) -> list[Block]:
    return [Block(i, t, i + 1, i + 1) for i, t in enumerate(texts)]


def _same(texts: Sequence[str], stopwords: frozenset[str]) -> None:
    blocks = _blocks(texts)
    table = block_features(blocks, stopwords)
    expected = _reference(blocks, stopwords)
    for got, want in zip(table.values, expected, strict=True):
        # Same values and the same types (1 is not 1.0 in a JSON explanation).
        assert [(k, got[k], type(got[k])) for k in FEATURES] == [(k, want[k], type(want[k])) for k in FEATURES]
    assert table.keys == [normalise_key(t) for t in texts]
    assert table.content_words == [line_stats(t, stopwords).content_words for t in texts]


def test_fixed_lines_match_the_reference() -> None:
    _same(LINES, ENGLISH)
    _same(LINES, GERMAN)
    _same([*LINES, *LINES], ENGLISH)  # repeated lines: copy_index, repeated, the scan cache


def test_doubled_phrases_match_the_reference() -> None:
    doubled = "The best Black Friday TV deals of 2019"
    _same([f"2. {doubled} {doubled}", f"{doubled} {doubled}", f"{doubled} {doubled}.", f"{doubled} {doubled} too"], ENGLISH)
    said = "She said the report would be published in May."
    lines = [f"2. {doubled} {doubled}", "Big news Big news", doubled, f"{said} {said}"]
    values = block_features(_blocks(lines), ENGLISH).values
    assert [f["doubled"] for f in values] == [1, 0, 0, 0]


def test_cjk_page_matches_the_reference() -> None:
    _same([LINES[7]] * 3 + LINES, ENGLISH)


_ALPHABET = st.sampled_from(
    list("abcXYZ İıΣσςΑ杭州光伏。！？.!?…:;,\"'”’»)]「」『』-*•·0123456789 @/www") + ["://", "www.", "p.m.", "Dr.", " the ", "\u200b", "\u2063", "\u00ad"]
)
_LINE = st.lists(_ALPHABET, max_size=40).map("".join).map(str.strip)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=12))
def test_generated_lines_match_the_reference(texts: list[str]) -> None:
    _same([t for t in texts if t] or ["x"], ENGLISH)


def test_lazy_features_are_stored_once_read() -> None:
    f = block_features(_blocks(["Some Words here, 12 of them."]), ENGLISH).values[0]
    assert "caps" not in f
    assert f["caps"] == line_stats("Some Words here, 12 of them.", ENGLISH).caps
    assert "caps" in f


def test_pattern_set_hits_equal_each_rule_searched_alone() -> None:
    catalogue = Cleaner().catalogue
    rules = [r for r in catalogue.rules if r.pattern is not None]
    texts = [*LINES, *(e.text for r in rules for e in r.examples if "\n" not in e.text)]
    for text in [*texts, *(f"* {t}" for t in texts[:40]), *(f"- {t}" for t in texts[40:80])]:
        item = re.match(r"[*•·+\-–]\s+(?=\S)", text)
        inner = text[item.end() :] if item else text
        want = {r.id for r in rules if r.pattern.search(text) is not None or r.pattern.search(inner) is not None}
        assert catalogue.patterns.hits(text) == want, text


def test_a_list_mark_does_not_hide_a_label() -> None:
    """Converters print menus and footers as lists: '* Impressum' is the footer link 'Impressum'."""
    hits = Cleaner().catalogue.patterns.hits
    assert "NAV003" in hits("* Impressum")
    assert "NAV003" in hits("• Impressum")
    assert {"WID002", "WID010"} <= hits("* Facebook")
    assert hits("* Impressum follows the law of 1998, which the court upheld.") == hits(
        "Impressum follows the law of 1998, which the court upheld."
    )


def test_no_break_spaces_read_as_spaces() -> None:
    """A pattern's ' ' matches the no-break spaces a page prints between words, in the set and in the engine."""
    engine = Cleaner()
    hits = engine.catalogue.patterns.hits
    nbsp = "Die Internetseite\u00a0verwendet\u00a0teilweise Cookies und andere Technologien."
    assert hits(nbsp) == hits(nbsp.replace("\u00a0", " ")) != frozenset()
    assert hits("Share\u00a0this:\u202fFacebook Twitter") == hits("Share this: Facebook Twitter")
    article = "The council approved the budget on Tuesday, and the parks director said work would begin soon."
    result = engine.clean(f"{article}\n\nDiese Website\u00a0verwendet Cookies.\n\n{article} Really.", kind="text")
    assert [r.rule for r in result.removed] == ["PRM003"]


def test_anchored_at_start() -> None:
    assert anchored_at_start("^Share this$")
    assert anchored_at_start("(?i)^(?:a|b)$")
    assert not anchored_at_start("(?i)^a|\\bb\\b")
    assert not anchored_at_start("all rights reserved")
    assert not anchored_at_start("[|^]x")


def _continues_by_regex(prev: str, line: str) -> bool:
    if segment._BULLET.match(line) or len(prev) > segment.MAX_JOINED_CHARS:
        return False
    if segment._OPENS.search(prev):
        return True
    if segment._ENDS_SENTENCE.search(prev):
        return False
    if segment._STARTS_CLOSING.match(line):
        return True
    body = prev[:-1] if prev.endswith("\n") else prev
    if re.search("[、，]\\Z", body) and re.match(r"[^\W\d_]", line):
        return True  # a CJK clause ending in a comma goes on below
    return segment.starts_lower_word(line)


_JOIN_PIECES = st.sampled_from([*"aZ .!?…。:;|\"'”’»)]“‘«([„,}%\n-1、，商\u200b\u2063", "", "(c)", "eBay"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_JOIN_PIECES, max_size=6).map("".join), st.lists(_JOIN_PIECES, max_size=6).map("".join))
def test_continues_equals_its_regex_definition(prev: str, line: str) -> None:
    assert segment.continues(prev, line) == _continues_by_regex(prev, line)
    assert segment.ends_clause(prev) == bool(segment._ENDS_SENTENCE.search(prev))


def test_nested_list_items_match_the_reference() -> None:
    lines = ["* Home", "o Weather", "o School Closings", "o lower case goes on", "Text", "o Alone", "o Pair", "o 2019"]
    _same(lines, ENGLISH)
    values = block_features(_blocks(lines), ENGLISH).values
    assert [f["bullet"] for f in values] == [1, 1, 1, 0, 0, 1, 1, 1]


def test_a_smiley_ends_a_sentence_of_five_words_or_more() -> None:
    ends = [line_stats(text, ENGLISH).ends_sentence for text in LINES[-4:]]
    assert ends == [1, 0, 0, 1]
