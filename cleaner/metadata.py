"""Title, author and date from the page itself.

The title is the headline-shaped line near the top that best matches the
topic of the body; author and date values come from the extract-metadata
rules and are normalised here (names out of ALL CAPS, dates to ISO 8601).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime

TITLE_SEARCH_BLOCKS = 25
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 30
TITLE_MIN_TOPIC = 0.3
TITLE_SHARED_CAP = 6
TITLE_MAX_SEPARATORS = 3
STEM_CHARS = 6  # long words sharing their first six letters count as one (Новосибирске / Новосибирск)

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january", "januar", "janvier", "enero", "gennaio", "jänner"),
            ("feb", "february", "februar", "février", "febrero", "febbraio"),
            ("mar", "march", "märz", "mars", "marzo"),
            ("apr", "april", "avril", "abril", "aprile"),
            ("may", "mai", "mayo", "maggio"),
            ("jun", "june", "juni", "juin", "junio", "giugno"),
            ("jul", "july", "juli", "juillet", "julio", "luglio"),
            ("aug", "august", "août", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre", "settembre"),
            ("oct", "october", "oktober", "octobre", "octubre", "ottobre"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "dezember", "décembre", "diciembre", "dicembre"),
        ],
        start=1,
    )
    for m in names
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_SLASH_YMD = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_MONTH_D_Y = re.compile(r"([A-Za-zäéû]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_D_MONTH_Y = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([A-Za-zäéû]+)\.?,?\s+(?:de\s+)?(\d{4})")


def _iso(y: int, mo: int, d: int, h: int | None = None, mi: int | None = None, s: int | None = None) -> str | None:
    try:
        if h is None:
            return datetime(y, mo, d).date().isoformat()
        return datetime(y, mo, d, h, mi or 0, s or 0).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str:
    """ISO 8601 for the common formats in many languages; the value unchanged when it doesn't parse."""
    v = value.strip()
    if m := _ISO.search(v):
        y, mo, d, h, mi, s = (int(g) if g else None for g in m.groups())
        assert y is not None and mo is not None and d is not None
        return _iso(y, mo, d, h, mi, s) or v
    if m := _SLASH_YMD.search(v):
        return _iso(int(m[1]), int(m[2]), int(m[3])) or v
    if m := _DMY.search(v):
        return _iso(int(m[3]), int(m[2]), int(m[1])) or v
    if (m := _MONTH_D_Y.search(v)) and m[1].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[1].lower()], int(m[2])) or v
    if (m := _D_MONTH_Y.search(v)) and m[2].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[2].lower()], int(m[1])) or v
    return v


def is_date(value: str) -> bool:
    """True when ``value`` parses as a date (``parse_date`` turns it into ISO 8601)."""
    return parse_date(value) != value.strip()


def normalise_author(value: str) -> str:
    """Strip decoration and turn an ALL-CAPS name into Title Case."""
    v = value.strip(" \t-–—|,:;·•")
    if v.isupper():
        v = " ".join(w.capitalize() if w.isalpha() else w for w in v.split())
    return v


_SEPARATORS = re.compile(r"\s[/|•·>»]\s")


def count_separators(text: str) -> int:
    """Spaced list separators in a line ("a / b / c", "x | y")."""
    return len(_SEPARATORS.findall(text))


def _stem(word: str) -> str:
    # Short words stay whole: 'Rivera' and 'Riverside' are not one word.
    return word[:STEM_CHARS] if len(word) > STEM_CHARS else word


_LONG_WORD = re.compile(r"[^\W\d_]{7,}")


_WORD_5 = re.compile(r"[^\W\d_]{5,}")


def word_stems(text: str) -> set[str]:
    """Stems of a text's words of five letters or more, function words included ('сказала' -> 'сказал')."""
    return {_stem(w) for w in _WORD_5.findall(text.lower())}


def long_stems(text: str) -> set[str]:
    """Stems of a text's words of seven letters or more, function words included."""
    return {_stem(w) for w in _LONG_WORD.findall(text.lower())}


def pick_title(
    features: Sequence[dict[str, float]],
    content_words: Sequence[frozenset[str]],
    body_vocab: frozenset[str],
    taken: Sequence[bool],
    separators: Sequence[int] | None = None,
    shares_long_word: Callable[[int], bool] | None = None,
    leads: Sequence[bool] | None = None,
) -> int | None:
    """Index of the title block: headline-shaped, near the top, most on-topic; None if nothing fits.

    Only blocks before the first prose block are candidates, so a headline-shaped
    line inside the body (a subhead) never becomes the title. Lines already removed
    are skipped entirely, so cleaning the cleaned text picks the same title. When no
    line is on-topic enough, the headline-shaped line right above the first prose line
    is the title if it shares a word with the body (its other words may recur only in a
    caption: fixture prop-headline-not-title) or is the first line of the page;
    ``to_text()`` prints the title there too, so cleaning the output again agrees.
    ``shares_long_word(i)`` says whether line ``i`` shares a long word with the body when
    function words count too: a stoplist of 4,754 Russian words holds 'строительство' and
    'метро', so a Russian headline can share no content word with its article (fixture
    prop-ru-headline-under-masthead). ``leads[i]`` marks a line ending in a colon, which announces
    what follows ('Leitsätze des Gerichts:') and is no headline. The search looks at the first
    ``TITLE_SEARCH_BLOCKS`` lines still kept, as a second cleaning of the output would.
    """
    best: tuple[float, int] | None = None
    ordinal = 0
    body_stems = frozenset(map(_stem, body_vocab))
    last: int | None = None  # the headline-shaped line right above the first prose line, sharing a word with it
    for i in range(len(features)):
        f = features[i]
        if taken[i]:
            continue  # removed lines neither stop the search nor count: the cleaned text has none of them
        if f["prose"]:
            if best is None and last is not None:
                return last
            break
        if ordinal >= TITLE_SEARCH_BLOCKS:
            break
        ordinal += 1
        last = None
        if not TITLE_MIN_WORDS <= f["words"] <= TITLE_MAX_WORDS or f["has_url"] or f["bullet"]:
            continue
        if leads is not None and leads[i]:
            continue  # 'Leitsätze des Gerichts:' announces what follows; a headline does not end in a colon
        if separators is not None and separators[i] >= TITLE_MAX_SEPARATORS:
            continue  # a tag list or breadcrumb ("CSP / International / Photovoltaik / ..."), not a headline
        words = content_words[i]
        if not words:
            continue
        # Inflected languages print the headline's words in other forms in the body, so stems are compared.
        shared = sum(_stem(w) in body_stems for w in words)
        topic = shared / len(words)
        near = shared or ordinal == 1 or (shares_long_word is not None and shares_long_word(i))
        if near and not f["ends_sentence"]:
            last = i
        if topic < TITLE_MIN_TOPIC:
            continue
        # Prefer the line sharing the most of the body's words (a label like "Set your location" shares
        # one), then the purest (a headline without the site name), then the earliest; a title printed
        # twice is likelier the headline (a caption printed twice ends in a full stop, a headline does not).
        twice = f["repeated"] > 1 and not f["ends_sentence"]
        score = min(shared, TITLE_SHARED_CAP) + topic - 0.05 * ordinal + (0.5 if twice else 0.0)
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None
