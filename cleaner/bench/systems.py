"""The systems the benchmark runs: cleaner itself and the reference baselines."""

from __future__ import annotations

import functools
import html
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import cleaner
from cleaner.bench.c4 import c4_clean
from cleaner.bench.progress import Progress

T = TypeVar("T")
TextFn = Callable[[str], str]
DEFAULT_LANGUAGE = "English"
_WORD_RE = re.compile(r"\w+")


def cleaner_text(text: str) -> str:
    """cleaner's text path: the body of ``cleaner.clean(text, kind="text")``."""
    body: str = cleaner.clean(text, kind="text").text
    return body


def cleaner_html(content: str | bytes, url: str | None = None) -> str:
    """cleaner's HTML path: the body of ``cleaner.clean(html, kind="html", url=url)``."""
    body: str = cleaner.clean(content, kind="html", url=url or None).text
    return body


def keep_everything(text: str) -> str:
    """The whole page: the recall ceiling and the precision floor."""
    return text


def lines_as_html(text: str) -> str:
    """Wrap every non-blank line in ``<p>`` so HTML extractors can run on plain text."""
    paras = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><head></head><body>\n{paras}</body></html>"


@functools.cache
def _stopword_index() -> dict[str, tuple[str, ...]]:
    import justext

    index: dict[str, list[str]] = {}
    for lang in sorted(justext.get_stoplists()):
        for word in justext.get_stoplist(lang):
            index.setdefault(word.lower(), []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def guess_language(text: str) -> str:
    """The jusText stoplist whose words occur most often in ``text`` (English on a tie or none)."""
    index = _stopword_index()
    score: Counter[str] = Counter()
    for word, n in Counter(_WORD_RE.findall(text.lower())).items():
        for lang in index.get(word, ()):
            score[lang] += n
    if not score:
        return DEFAULT_LANGUAGE
    best = max(score.values())
    return DEFAULT_LANGUAGE if score[DEFAULT_LANGUAGE] == best else max(score, key=lambda lang: score[lang])


def justext_text(text: str, language: str = "auto") -> str:
    """jusText (default thresholds) on the lines as paragraphs; keeps its final 'good' paragraphs."""
    import justext

    if not text.strip():
        return ""
    lang = guess_language(text) if language == "auto" else language
    paragraphs = justext.justext(lines_as_html(text), justext.get_stoplist(lang))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_text(text: str) -> str:
    """trafilatura's default ``extract`` on the lines wrapped as HTML paragraphs."""
    return trafilatura_html(lines_as_html(text)) if text.strip() else ""


def trafilatura_html(content: str | bytes) -> str:
    """trafilatura's default ``extract`` ('' when it returns nothing)."""
    import trafilatura

    return trafilatura.extract(content) or ""


def text_baselines(language: str = "auto") -> dict[str, TextFn]:
    """The text baselines by name, in table order."""
    return {
        "keep-everything": keep_everything,
        "c4": c4_clean,
        "justext": functools.partial(justext_text, language=language),
        "trafilatura": trafilatura_text,
    }


@dataclass(frozen=True, slots=True)
class Run:
    """One system's outputs on a list of inputs, with error count and time."""

    system: str
    outputs: tuple[str, ...]
    errors: int
    seconds: float
    first_error: str | None = None
    error_index: tuple[int, ...] = ()
    error_messages: tuple[str, ...] = ()

    def error_of(self, index: int) -> str | None:
        """The error message of item ``index``, None when it ran fine."""
        for i, msg in zip(self.error_index, self.error_messages, strict=True):
            if i == index:
                return msg
        return None


def run_system(name: str, fn: Callable[[T], str], items: Sequence[T]) -> Run:
    """Run ``fn`` on every item; an exception scores that item as empty output and is counted."""
    outputs: list[str] = []
    failed: list[int] = []
    messages: list[str] = []
    seconds = 0.0
    with Progress(name, len(items)) as bar:
        for i, item in enumerate(items):
            t0 = time.perf_counter()
            try:
                out = fn(item)
                if not isinstance(out, str):
                    raise TypeError(f"output is {type(out).__name__}, not str")
            except Exception as exc:  # a failing page is data for the report, not a crash
                out = ""
                failed.append(i)
                messages.append(f"{type(exc).__name__}: {exc}")
            seconds += time.perf_counter() - t0
            outputs.append(out)
            bar.advance()
    first_error = messages[0] if messages else None
    return Run(name, tuple(outputs), len(failed), seconds, first_error, tuple(failed), tuple(messages))
