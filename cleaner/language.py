"""Function-word lists per language (jusText's stoplists) and a cheap language guess.

jusText ships stoplists for about 100 languages; function-word density is the
strongest single signal that a line is prose rather than navigation. The
language of a document is guessed once, by which stoplist covers most of its
first words.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from collections import Counter
from pathlib import Path

GUESS_SAMPLE_WORDS = 3000
# jusText's "Simple_English" is a subset of its English list, not a language; being shorter it
# would win the size-normalised vote on ordinary English pages and cost function words.
NOT_LANGUAGES = frozenset({"Simple_English"})
MIN_GUESS_HITS = 5
OTHER_LINE_WEIGHT = 0.3  # a word of a line that ends no sentence counts this much
SCRIPT_SAMPLE_LETTERS = 2000  # non-ASCII letters looked up to find the sentences' script
_ASCII_LETTERS = re.compile(r"[a-z]+")
_OTHER_LETTERS = re.compile(r"[^\W\da-z_]")
_SENTENCE_LINE = re.compile(r"^[^\n]*[.!?…。！？][\"'”’»)]*[ \t]*$", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """word -> languages that list it; language -> its stoplist."""
    # Only jusText's data files are used; importing the package would pull in lxml.html.clean.
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return {}, {}
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    lists: dict[str, frozenset[str]] = {}
    for path in sorted(folder.glob("*.txt")):
        if path.stem in NOT_LANGUAGES:
            continue
        words = path.read_text(encoding="utf-8").split("\n")
        lists[path.stem] = frozenset(w.strip().lower() for w in words if w.strip())
    by_word: dict[str, list[str]] = {}
    for lang, stop in lists.items():
        for w in stop:
            by_word.setdefault(w, []).append(lang)
    return {w: tuple(v) for w, v in by_word.items()}, lists


def _script(letter: str) -> str:
    """The Unicode script a letter belongs to, from its name ('CYRILLIC SMALL LETTER A' -> 'CYRILLIC')."""
    return unicodedata.name(letter, "?").split(" ", 1)[0]


@functools.lru_cache(maxsize=1)
def _scripts() -> dict[str, str]:
    """language -> the script most of its stoplist's letters are written in."""
    _, lists = _index()
    out: dict[str, str] = {}
    for lang, stop in lists.items():
        letters: Counter[str] = Counter()
        for ch, times in Counter("".join(stop)).items():  # each distinct character named once, not each letter
            if ch.isalpha():
                letters[_script(ch)] += times
        if letters:
            out[lang] = letters.most_common(1)[0][0]
    return out


def _main_script(sentences: str) -> str | None:
    """The script most letters of the sentences are written in (None when there are none)."""
    ascii_letters = len(sentences) - len(_ASCII_LETTERS.sub("", sentences))  # no list of every letter
    others = _OTHER_LETTERS.findall(sentences)
    if not ascii_letters and not others:
        return None
    if ascii_letters >= len(others):
        return "LATIN"
    counts = Counter(map(_script, others[:SCRIPT_SAMPLE_LETTERS]))
    counts["LATIN"] += round(ascii_letters * min(1.0, SCRIPT_SAMPLE_LETTERS / len(others)))
    return counts.most_common(1)[0][0]


def guess_language(text: str) -> str | None:
    """The stoplist language that covers most of the text's first words, or None."""
    by_word, lists = _index()
    counts: dict[str, float] = {}
    # Sentences speak the page's language; menus and teasers are often another's (English
    # headlines around a Russian article: fixture prop-ru-headline-under-masthead), so words of
    # lines that end a sentence weigh more. Counted in C: a Counter of each class's words first.
    chunk = text[: GUESS_SAMPLE_WORDS * 8].lower()
    sentences = " ".join(_SENTENCE_LINE.findall(chunk))
    others = _SENTENCE_LINE.sub(" ", chunk)
    for part, weight in ((sentences, 1.0), (others, OTHER_LINE_WEIGHT)):
        for word, times in Counter(_WORD.findall(part)[:GUESS_SAMPLE_WORDS]).items():
            langs = by_word.get(word)
            if langs:
                for lang in langs:
                    counts[lang] = counts.get(lang, 0.0) + times * weight
    # Only languages written in the sentences' script: a few English teasers can't outvote a short
    # Russian article's function words (fixture prop-ru-teaser-added). Scripts without a stoplist
    # (Chinese, Japanese) leave every language in.
    script = _main_script(sentences)
    scripts = _scripts()
    if script is not None and script in scripts.values():
        counts = {lang: n for lang, n in counts.items() if scripts.get(lang) == script}
    if not counts:
        return None
    # Normalise by list size a little, so huge stoplists don't win by default.
    best = max(counts, key=lambda lang: (counts[lang] / (len(lists[lang]) ** 0.25), lang))
    return best if counts[best] >= MIN_GUESS_HITS else None


def stopwords_for(language: str | None) -> frozenset[str]:
    """The stoplist of ``language``; English's when unknown (the commonest boilerplate language)."""
    _, lists = _index()
    if language and language in lists:
        return lists[language]
    return lists.get("English", frozenset())
