"""Per-block features: the numbers every rule condition and every decision is made of.

Every feature is a number (booleans are 0/1) so rule conditions stay a tiny
language: ``"words <= 12"``, ``"prose == 0"``. ``FEATURES`` lists them all with
a one-line meaning; the catalogue test checks that rules only name these.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cleaner.segment import CLOSERS_AFTER_MARK, INVISIBLE

FEATURES: dict[str, str] = {
    "chars": "characters in the block",
    "words": "word tokens (CJK characters count half a word each)",
    "sentences": "sentence-ending punctuation marks followed by a space or the end",
    "ends_sentence": (
        "1 if the block ends with sentence punctuation (optionally inside a closing quote),"
        " or in a smiley after five words or more"
    ),
    "starts_lower": "1 if the first letter is lower case",
    "stopwords": "share of words that are function words of the document's language",
    "caps": "share of words that start with a capital letter",
    "digits": "share of characters that are digits",
    "bullet": "1 if the block starts with a list marker (-, *, •, ·, ▪, a number and a dot)",
    "has_url": "1 if the block contains a URL or an e-mail address",
    "copy_index": "how many earlier blocks have the same normalised text (0 for the first occurrence)",
    "repeated": "how many blocks of the document have the same normalised text (1 = unique)",
    "position": "relative position in the document, 0 for the first block, 1 for the last",
    "prose": "1 if the block reads like body prose (length, sentence punctuation, function words)",
    "headline": "1 if the block is shaped like a headline or menu item (short, no final full stop)",
    "doubled": "1 if the block is one phrase of 6 or more words printed twice in a row ('Big news Big news')",
    "topic": "share of the block's content words that also occur in the document's prose",
    "before_title": "1 if the block comes before the detected title",
    "after_body": "1 if the block comes after the last prose block",
    "in_region": "1 if the block lies inside the detected article region",
    "caption_repeat": "1 if the block repeats the text of a caption removed elsewhere on the page",
    "title_repeat": "1 if the block repeats the detected title (a headline printed twice)",
    "region_distance": "blocks between this block and the nearest block of the article region (0 inside it)",
    "region_topic": "share of the block's content words in the article region's prose and kept sentences (1 inside)",
    "kept_below": "lines below the article region down to this block that no rule had removed yet (0 above it)",
    "near_topic": "highest region_topic of the other prose blocks at most 3 blocks away outside the region (0 if none)",
}

CONTEXT_FEATURES = frozenset(
    {
        "before_title",
        "after_body",
        "in_region",
        "caption_repeat",
        "region_topic",
        "region_distance",
        "near_topic",
        "kept_below",
        "title_repeat",
        "copy_index",  # a copy is judged after the rules that may remove its first occurrence
    }
)
"""Features known only after the first rule pass; rules that use them run in the second pass."""
LAYOUT_FEATURES = frozenset(
    {"before_title", "after_body", "in_region", "region_topic", "region_distance", "near_topic", "kept_below"}
)
"""Features about the page around the article; meaningless for text an extractor already cut out."""

PROSE_MIN_WORDS = 8
CJK_PROSE_MIN_WORDS = 10  # 20 characters with a full stop: a short Chinese news paragraph (fixture prop-cjk-title)
PROSE_MIN_STOPWORDS = 0.15
LONG_PROSE_WORDS = 25
HEADLINE_MAX_WORDS = 30

_TOKEN = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}")
_SENT_END = re.compile(rf"[.!?…。！？](?:[\"'”’»)\]{INVISIBLE}]*)(?=\s|$)")
# A full stop closing an abbreviation ("U.S. pledges", "p.m. ET", "St. Louis", "Dr. Mehta", "z. B.") ends
# no sentence inside a line; found by the property suite (fixture prop-abbreviation-headline).
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(.“\"'])(?:[^\W\d_]|[A-Z]{2}|(?i:mr|mrs|ms|dr|st|sen|gov|rep|gen|prof|jr|sr|inc|corp|co|ltd|no|nr|vs"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|bzw|ca|sra|dra))\.$"
)
ABBREVIATION_WINDOW_CHARS = 8
"""The longest abbreviation match (delimiter, four letters, full stop) fits in this many characters."""
_ENDS_SENT = re.compile(rf"[.!?…。！？:;：；][\"'”’»)\]」』 {INVISIBLE}]*$")
# A smiley closes a sentence of informal prose as a full stop would ('… feel the beauty of Korean
# tunes 🙂'); alone or after a word or two ('Danke 🙂', a comment form's emoji picker) it ends none.
_SMILEYS = frozenset(map(chr, [*range(0x1F600, 0x1F650), *range(0x1F910, 0x1F930), *range(0x1F970, 0x1F97B), 0x263A]))
_AFTER_SMILEY = CLOSERS_AFTER_MARK + "\ufe0f"  # and the emoji presentation selector
SMILEY_SENTENCE_MIN_WORDS = 5


def ends_with_smiley(text: str, words: float) -> bool:
    """True when a line of ``words`` words (at least ``SMILEY_SENTENCE_MIN_WORDS``) ends in a smiley."""
    return words >= SMILEY_SENTENCE_MIN_WORDS and text.rstrip(_AFTER_SMILEY)[-1:] in _SMILEYS


_BULLET = re.compile(r"^(?:[-*•·▪►–—+]\s|\d{1,3}[.)]\s)")
_DIGIT = re.compile(r"\d")
_FIRST_LETTER = re.compile(r"[^\W\d_]")
# Bounded e-mail parts (RFC 5321 sizes) keep the search linear on a long line without spaces (issue 8).
_URL = re.compile(r"https?://|www\.|[^\s@]{1,64}@[^\s@]{1,255}\.\w")


@dataclass(frozen=True, slots=True)
class LineStats:
    """The features of one block that need only the block itself."""

    chars: int
    words: float
    sentences: int
    ends_sentence: int
    starts_lower: int
    stopwords: float
    caps: float
    digits: float
    bullet: int
    has_url: int
    content_words: frozenset[str]


def line_stats(text: str, stopwords: frozenset[str]) -> LineStats:
    """Features of a single line of text."""
    tokens = _TOKEN.findall(text)
    alpha = [t for t in tokens if not t.isdigit()]
    lowered = [t.lower() for t in alpha]
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    words = max(len(tokens), cjk / 2)
    stop = sum(map(stopwords.__contains__, lowered))
    caps = sum(map(str.isupper, [t[0] for t in alpha]))
    first = _FIRST_LETTER.search(text)
    n = max(len(alpha), 1)
    return LineStats(
        chars=len(text),
        words=words,
        sentences=count_sentences(text),
        ends_sentence=int(bool(_ENDS_SENT.search(text)) or ends_with_smiley(text, words)),
        starts_lower=int(first is not None and first.group().islower()),
        stopwords=stop / n if alpha else 0.0,
        caps=caps / n if alpha else 0.0,
        digits=len(_DIGIT.findall(text)) / max(len(text), 1),
        bullet=int(bool(_BULLET.match(text))),
        has_url=int(bool(_URL.search(text))),
        content_words=_content_words(text, lowered, stopwords, cjk),
    )


def _content_words(text: str, lowered: list[str], stopwords: frozenset[str], cjk: int) -> frozenset[str]:
    """Words longer than three letters that are not function words; character pairs for CJK.

    CJK writes no spaces, so a "word" token is a whole clause that never recurs; its character
    bigrams do ("杭州", "光伏"), which lets titles and topics work in Chinese and Japanese
    (found by the property suite: fixture prop-cjk-title).
    """
    words = frozenset(t for t in lowered if len(t) > 3 and t not in stopwords)
    if not cjk:
        return words
    pairs = {run[i : i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)}
    return frozenset(w for w in words if not _CJK.search(w)) | pairs


def count_sentences(text: str) -> int:
    """Sentence-ending punctuation marks, not counting abbreviation full stops inside the line."""
    n = 0
    end = -1
    for m in _SENT_END.finditer(text):
        start = m.start()
        if text[start] == ".":
            if end < 0:
                end = len(text.rstrip())
            # An abbreviation is at most ABBREVIATION_WINDOW_CHARS long: searching from 0 was quadratic (issue 8).
            window = max(0, start - ABBREVIATION_WINDOW_CHARS)
            if m.end() < end and _ABBREVIATION_END.search(text, window, start + 1):
                continue
        n += 1
    return n


def _mostly_cjk(text: str) -> bool:
    return not text.isascii() and 2 * len(_CJK.findall(text)) > len(text)


def is_prose(s: LineStats, *, cjk: bool = False) -> bool:
    """Reads like body prose: long enough, with sentence punctuation and function words."""
    if cjk:
        return s.words >= CJK_PROSE_MIN_WORDS and s.sentences >= 1
    if s.words >= LONG_PROSE_WORDS and s.stopwords >= PROSE_MIN_STOPWORDS * 0.7:
        return True
    punctuated = bool(s.ends_sentence) or s.sentences >= 1
    return s.words >= PROSE_MIN_WORDS and s.stopwords >= PROSE_MIN_STOPWORDS and punctuated


def is_headline(s: LineStats) -> bool:
    """Shaped like a headline, teaser or menu item: short and without a closing full stop."""
    if s.words == 0 or s.words > HEADLINE_MAX_WORDS:
        return False
    return not s.ends_sentence or s.sentences <= 1 and s.words <= 15


def normalise_key(text: str) -> str:
    """Lower-cased word tokens only, for repetition and caption matching."""
    return " ".join(_TOKEN.findall(text.lower()))


class Features(dict[str, float]):
    """One block's features: a plain dict, except that rarely used features are computed on first read.

    Every rule condition and pass reads ``features[name]``; the features no built-in rule reads
    (``LAZY_FEATURES``) cost nothing until one does. Fewer stored entries also keep the dict in the
    smaller of CPython's table sizes (up to 21 entries), which halves its memory on pages of many
    short lines.
    """

    __slots__ = ("text",)
    text: str  # the block's text, for the features computed on first read

    def __missing__(self, name: str) -> float:
        compute = _LAZY.get(name)
        if compute is None:
            raise KeyError(name)
        value = self[name] = compute(self)
        return value


def _caps(f: Features) -> float:
    alpha = [t for t in _TOKEN.findall(f.text) if not t.isdigit()]
    return sum(map(str.isupper, [t[0] for t in alpha])) / len(alpha) if alpha else 0.0


def _starts_lower(f: Features) -> float:
    first = _FIRST_LETTER.search(f.text)
    return int(first is not None and first.group().islower())


def _headline(f: Features) -> float:
    words = f["words"]
    if words == 0 or words > HEADLINE_MAX_WORDS:
        return 0
    return int(not f["ends_sentence"] or f["sentences"] <= 1 and words <= 15)


DOUBLED_MIN_WORDS = 6


_INNER_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)]*\s")
_LIST_NUMBER = re.compile(r"^\d{1,3}[.)]\s")


def _doubled(f: Features) -> float:
    # A teaser printed as its image's text and then its link's ('1. Tom Hanks … Rogers Tom Hanks … Rogers').
    # A headline's first copy ends no sentence; 'She said so. She said so.' is prose said twice (found by
    # the property suite: fixture prop-sentence-said-twice).
    if _INNER_SENTENCE_END.search(_LIST_NUMBER.sub("", f.text, count=1)):
        return 0
    tokens = _TOKEN.findall(f.text.lower())
    if tokens and tokens[0].isdigit():
        tokens = tokens[1:]  # the list's number: '3. Now 50% off … Now 50% off …'
    half = len(tokens) // 2
    return int(half >= DOUBLED_MIN_WORDS and len(tokens) == 2 * half and tokens[:half] == tokens[half:])


_LAZY: dict[str, Callable[[Features], float]] = {
    "chars": lambda f: len(f.text),
    "starts_lower": _starts_lower,
    "caps": _caps,
    "digits": lambda f: len(_DIGIT.findall(f.text)) / max(len(f.text), 1),
    "headline": _headline,
    "doubled": _doubled,
    "sentences": lambda f: count_sentences(f.text),
    "has_url": lambda f: 1 if ("@" in f.text or "://" in f.text or "www." in f.text) and _URL.search(f.text) else 0,
}
LAZY_FEATURES = frozenset(_LAZY)
"""Features computed on first read: no built-in rule uses them, or only on a few lines (the title search reads
``has_url``, link-farm runs and pattern hits read ``sentences``)."""
CONTEXT_DEFAULTS: dict[str, float] = {
    "before_title": 0,
    "after_body": 0,
    "in_region": 1,
    "caption_repeat": 0,
    "region_topic": 1.0,
    "region_distance": 0,
    "near_topic": 1.0,
    "kept_below": 0,
    "title_repeat": 0,
}
"""What a context feature holds until the decision stage sets it."""
