"""Segmentation: normalised text into blocks.

Scraped text comes in two shapes (see the seeds): one paragraph per line, or
paragraphs separated by blank lines. Both reduce to the same thing here: every
non-blank line is a block, and each block remembers whether a blank line sat
before or after it.

Converters that print every inline element on its own line (a link, a bold
word) break sentences into fragments: "the president" / "tweeted" / "before
the vote.". Adjacent lines where the second plainly continues the first's
sentence are joined into one block with a space (the documented join repair,
applied early so features see whole sentences). A line continues the previous
one when the previous one ends with an opening quote or bracket, or when the
previous one ends without sentence punctuation and this one starts with closing
punctuation or in lower case, or when the previous one ends in an article or a conjunction
(German nouns start with a capital: "Kritiker, u. a. der Bund der" / "Steuerzahler, halten …").
A nested list's item under another item ('* Home' / 'o Weather', inscriptis' second-level mark)
starts with a lower-case 'o' but is never a continuation.
"""

from __future__ import annotations

import re

from cleaner.model import Block

# Format characters that print nothing: zero-width spaces and joiners, the invisible separator, a BOM,
# bidi marks and isolates, the soft hyphen. A line of nothing else is blank, and a sentence mark
# before them still ends the line ('fall. \u200b', '(flat rice noodles)\u2063').
INVISIBLE = (
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_ENDS_SENTENCE = re.compile(rf"[.!?…。！？:;|][\"'”’»)\] {INVISIBLE}]*$")
_OPENS = re.compile(r"[“‘«(\[„]$")
_STARTS_CLOSING = re.compile(r"^[,.;:)\]}»”’%](?![.?])")
_ENUMERATOR = re.compile(r"^\(\w\)")
_FIRST_WORD = re.compile(r"^[\"'“‘(]?([^\W\d_]+)")
_BULLET = re.compile(r"^(?:[-*•·▪►–—+]\s|\d{1,3}[.)]\s)")
MAX_JOINED_CHARS = 5_000
# The same tests as the three patterns above, on a line's last or first characters: a search for
# "...$" tries every position of a line that is joined to, sometimes thousands of characters long.
_OPENERS = frozenset("“‘«([„")
_SENTENCE_MARKS = frozenset(".!?…。！？:;|")
_CLOSERS = "\"'”’»)]"
_CJK_COMMAS = frozenset("、，")
_CLOSING_STARTS = frozenset(",.;:)]}»”’%")
# Words no sentence or headline ends in: articles and the commonest conjunctions, lower case, of the
# languages the benchmarks hold (fixture prop-linkfarm-split-german). A line of at least
# UNFINISHED_MIN_WORDS words ending in one is carried on by the next line.
# Not 'ein', 'an', 'um', 'du', 'uno', 'het': a German verb's particle ('zieht ins Viertelfinale ein'),
# a pronoun ('cada uno', 'ik weet het') may end a sentence.
_UNFINISHED_WORDS = (
    "the a and of der die das den dem des eine einen einem einer eines und "
    "le la les un une aux au et el los las una unos unas del al y il lo gli os uma een"
)
_UNFINISHED = frozenset(_UNFINISHED_WORDS.split())
CLOSERS_AFTER_MARK = _CLOSERS + INVISIBLE + " "
"""What may follow a line's last sentence mark: closing quotes and brackets, invisible marks, spaces."""
UNFINISHED_MIN_WORDS = 3


def _last_char(text: str) -> str:
    """The character a ``...$`` pattern sees last: ``$`` also matches before a final newline."""
    return text[-2:-1] if text.endswith("\n") else text[-1:]


def continues(prev: str, line: str) -> bool:
    """True when ``line`` carries on the sentence that ``prev`` left unfinished."""
    if _BULLET.match(line) or len(prev) > MAX_JOINED_CHARS:
        return False
    if sub_item(line) and (sub_item(prev) or _BULLET.match(prev)):
        return False  # a nested list's next item, not a lower-case continuation
    if _last_char(prev) in _OPENERS:  # _OPENS
        return True
    if ends_clause(prev):
        return False
    body = prev[:-1] if prev.endswith("\n") else prev
    if line[:1] in _CLOSING_STARTS and line[1:2] not in (".", "?"):  # _STARTS_CLOSING
        return True
    if body[-1:] in _CJK_COMMAS and line[:1].isalpha():
        return True  # '…販売する行為や、' / '権利者の…': a CJK clause goes on below
    return starts_lower_word(line) or (line[:1].isalpha() and ends_unfinished(body))


def sub_item(text: str) -> bool:
    """An item of a nested list as inscriptis prints it: 'o Weather', 'o 2019 Archive' under '* Home'.

    Only under another list item: elsewhere a line 'o Presidente …' may be a Portuguese sentence going on.
    """
    return text.startswith("o ") and not text[2:3].islower() and not text[2:3].isspace()


def ends_clause(text: str) -> bool:
    """The line ends a sentence or clause: a mark, then only closing quotes, brackets or invisible marks.

    The same test as ``_ENDS_SENTENCE``, on the line's last characters.
    """
    body = text[:-1] if text.endswith("\n") else text
    return body.rstrip(CLOSERS_AFTER_MARK)[-1:] in _SENTENCE_MARKS


def ends_unfinished(text: str) -> bool:
    """The line stops on an article or a conjunction: its sentence goes on below."""
    words = text.rsplit(None, UNFINISHED_MIN_WORDS - 1)
    return len(words) >= UNFINISHED_MIN_WORDS and words[-1] in _UNFINISHED


def starts_lower_word(line: str) -> bool:
    """True when the line's first word is all lower case ("demonstrate", not "eBay" or "iPhone").

    A brand written with an inner capital starts sentences in lower case; it never marks a
    continuation (found by the property suite: fixture prop-brand-name-start).
    """
    m = _FIRST_WORD.match(line)
    # "(c) 2024 ..." and "(a) ..." open a copyright line or an enumerated item, not a continuation
    # (found by the property suite: fixture prop-copyright-after-caption).
    return m is not None and m.group(1).islower() and not _ENUMERATOR.match(line)


def split_blocks(text: str) -> list[Block]:
    """Non-blank lines become blocks; a fragment continuing the line right above joins its block."""
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    blank_before: list[bool] = []
    blank_run = True  # the start of the document counts as a break
    number = 0
    for raw in text.split("\n"):
        number += 1
        line = raw.strip()
        if not line or (not line.isascii() and not line.strip(INVISIBLE)):
            blank_run = True
            continue
        if not blank_run and continues(texts[-1], line):
            texts[-1] = f"{texts[-1]} {line}"
            ends[-1] = number
        else:
            texts.append(line)
            starts.append(number)
            ends.append(number)
            blank_before.append(blank_run)
        blank_run = False
    blank_after = [*blank_before[1:], True]
    return list(map(Block, range(len(texts)), texts, starts, ends, blank_before, blank_after))
