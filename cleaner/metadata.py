"""Title, author and date from the page itself.

The title is the headline-shaped line near the top that best matches the
topic of the body; author and date values come from the extract-metadata
rules and are normalised here (names out of ALL CAPS, dates to ISO 8601).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

TITLE_SEARCH_BLOCKS = 25
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 30
TITLE_MIN_TOPIC = 0.3

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


def pick_title(
    features: Sequence[dict[str, float]],
    content_words: Sequence[frozenset[str]],
    body_vocab: frozenset[str],
    taken: Sequence[bool],
) -> int | None:
    """Index of the title block: headline-shaped, near the top, most on-topic; None if nothing fits.

    Only blocks before the first prose block are candidates, so a headline-shaped
    line inside the body (a subhead) never becomes the title.
    """
    best: tuple[float, int] | None = None
    for i in range(min(len(features), TITLE_SEARCH_BLOCKS)):
        f = features[i]
        if f["prose"]:
            break
        if taken[i] or not TITLE_MIN_WORDS <= f["words"] <= TITLE_MAX_WORDS or f["has_url"] or f["bullet"]:
            continue
        words = content_words[i]
        if not words:
            continue
        topic = len(words & body_vocab) / len(words)
        if topic < TITLE_MIN_TOPIC:
            continue
        # Prefer on-topic, then longer, then earlier; a title printed twice is likelier the headline.
        score = topic + 0.02 * min(len(words), 10) + (0.1 if f["repeated"] > 1 else 0.0) - 0.01 * i
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None
