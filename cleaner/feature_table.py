"""The page's feature table: every block's features in one pass, with the counts they share.

``features.py`` defines the features one line has; this module builds them for a whole page at
once (repetition counts, the prose vocabulary, nested list items) as fast as it can, and
``tests/test_features_fast.py`` checks it against the plain per-line definitions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import filterfalse

from cleaner.features import (
    _BULLET,
    _CJK,
    _ENDS_SENT,
    _TOKEN,
    CJK_PROSE_MIN_WORDS,
    CONTEXT_DEFAULTS,
    LONG_PROSE_WORDS,
    PROSE_MIN_STOPWORDS,
    PROSE_MIN_WORDS,
    Features,
    _content_words,
    count_sentences,
    ends_with_smiley,
    normalise_key,
)
from cleaner.model import Block
from cleaner.segment import INVISIBLE, sub_item


@dataclass(frozen=True, slots=True)
class FeatureTable:
    """Features of every block, plus what the title and topic measures need."""

    values: list[dict[str, float]]
    content_words: list[frozenset[str]]
    keys: list[str]
    body_vocab: frozenset[str]


# Lower-casing a whole line gives the same word tokens as lower-casing each token, except for
# U+0130 (lower-cases to two characters) and capital sigma (final or not depends on what follows).
_LOWER_BY_CONTEXT = ("\u0130", "\u03a3")
_SENT_MARK = re.compile("[.!?…。！？]")  # what _SENT_END starts with
_CLOSERS = "\"'”’»)]」』" + INVISIBLE + " "  # what may follow a line's final sentence mark
_END_MARKS = ".!?…。！？:;：；"
_EMPTY: frozenset[str] = frozenset()
# words, ends_sentence, stopwords, bullet, prose, content_words, key
_Line = tuple[float, int, float, int, int, frozenset[str], str]


def _scan_line(text: str, stopwords: frozenset[str], cjk_doc: bool) -> _Line:
    """The per-line features every page needs, in as few passes over the line as possible.

    The same values as ``line_stats``, ``normalise_key`` and ``is_prose`` (tests/test_features_fast.py).
    """
    if text.isascii():
        cjk = 0
        lower = text.lower()
        tokens = _TOKEN.findall(lower)  # the lower-cased tokens, and the repetition key
        key = " ".join(tokens)
        lowered = list(filterfalse(str.isdigit, tokens))
        marks = "." in text or "?" in text or "!" in text
    else:
        cjk = len(_CJK.findall(text))
        marks = _SENT_MARK.search(text) is not None
        if _LOWER_BY_CONTEXT[0] in text or _LOWER_BY_CONTEXT[1] in text:
            tokens = _TOKEN.findall(text)
            lowered = [t.lower() for t in tokens if not t.isdigit()]
            key = normalise_key(text)
        else:
            tokens = _TOKEN.findall(text.lower())
            key = " ".join(tokens)
            lowered = list(filterfalse(str.isdigit, tokens))
    n_tokens = len(tokens)
    words = max(n_tokens, cjk / 2)
    n_alpha = len(lowered)
    stop = sum(map(stopwords.__contains__, lowered))
    share = stop / n_alpha if stop else 0.0  # one shared 0.0 for the many lines without function words
    if cjk:
        content = _content_words(text, lowered, stopwords, cjk)
    elif n_alpha:
        content = frozenset([t for t in set(lowered).difference(stopwords) if len(t) > 3]) or _EMPTY
    else:
        content = _EMPTY
    if "\n" in text:
        ends = int(bool(_ENDS_SENT.search(text)))
    else:
        tail = text.rstrip(_CLOSERS)
        ends = 1 if tail and tail[-1] in _END_MARKS else 0
    if not ends and not text.isascii() and ends_with_smiley(text, words):
        ends = 1
    bullet = 1 if _BULLET.match(text) else 0
    # is_prose, counting sentences only where the answer depends on them (most prose ends in a full stop).
    if cjk_doc or (cjk and 2 * cjk > len(text)):
        prose = words >= CJK_PROSE_MIN_WORDS and (marks and count_sentences(text) >= 1)
    elif words >= LONG_PROSE_WORDS and share >= PROSE_MIN_STOPWORDS * 0.7:
        prose = True
    else:
        prose = (
            words >= PROSE_MIN_WORDS
            and share >= PROSE_MIN_STOPWORDS
            and (ends == 1 or (marks and count_sentences(text) >= 1))
        )
    return words, ends, share, bullet, int(prose), content, key


def _nested_items(texts: Sequence[str], bullets: list[int]) -> list[int]:
    """List markers, counting a nested list's 'o Weather' next to a list item (inscriptis' second level).

    The segmenter keeps such a line apart (``segment.sub_item``); as an item it is no title candidate.
    """
    for i, text in enumerate(texts):
        if bullets[i] or not sub_item(text):
            continue
        above = i > 0 and (bullets[i - 1] == 1 or sub_item(texts[i - 1]))
        below = i + 1 < len(texts) and sub_item(texts[i + 1])
        bullets[i] = int(above or below)
    return bullets


def block_features(blocks: Sequence[Block], stopwords: frozenset[str]) -> FeatureTable:
    """First-pass features of every block; context features are filled in by the decision stage."""
    texts = [b.text for b in blocks]
    cjk_doc = sum(1 for t in texts[:50] if _CJK.search(t)) > len(texts[:50]) // 3
    scanned: dict[str, _Line] = {}  # a line printed twice (a menu, a caption) is scanned once
    lines: list[_Line] = []
    for text in texts:
        line = scanned.get(text)
        if line is None:
            line = scanned[text] = _scan_line(text, stopwords, cjk_doc)
        lines.append(line)
    keys = [line[6] for line in lines]
    counts = Counter(keys)
    bullets = _nested_items(texts, [line[3] for line in lines])
    vocab: Counter[str] = Counter()
    vocab_keys: set[str] = set()
    # Each distinct prose text counts once: a teaser printed in two link farms must not vouch for
    # itself through its copy (fixture prop-repeated-teaser).
    for line in lines:
        if line[4] and line[6] not in vocab_keys:
            vocab_keys.add(line[6])
            vocab.update(line[5])
    # Topic: how much of the block's vocabulary the prose of the page shares; a prose block's own
    # words are discounted so it doesn't vouch for itself (it needs a word some other prose has too).
    in_vocab = set(vocab)
    in_other_prose = {w for w, c in vocab.items() if c > 1}
    last = max(len(blocks) - 1, 1)
    out: list[dict[str, float]] = []
    seen: dict[str, int] = {}
    for i, (text, line) in enumerate(zip(texts, lines, strict=True)):
        words, ends, share, _, prose, own, key = line
        bullet = bullets[i]
        if key:
            copy_index = seen.get(key, 0)
            seen[key] = copy_index + 1
            repeated = counts[key]
        else:
            copy_index, repeated = 0, 1
        shared = (len(own & in_other_prose) if prose else len(own & in_vocab)) if own else 0
        f = Features(
            words=words,
            ends_sentence=ends,
            stopwords=share,
            bullet=bullet,
            repeated=repeated,
            copy_index=copy_index,
            position=i / last,
            prose=prose,
            topic=shared / len(own) if shared else 0.0,
            **CONTEXT_DEFAULTS,
        )
        f.text = text
        out.append(f)
    return FeatureTable(out, [line[5] for line in lines], keys, frozenset(vocab))
