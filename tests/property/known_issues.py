"""Known engine issues the property suite finds and no small fix closes yet.

Each one has a fixture folder (``fixtures/<name>/``) whose expected output is what a careful human
would keep; ``test_known_issue_fixtures`` runs those as strict xfails, so a fix turns them into
errors that ask for the entry to be deleted. The property tests match a failing example against
these narrow predicates: a match is counted and, once the whole run is done, the test reports
xfail naming the fixture; any other failure fails the test at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cleaner.engine.sections import TEASER_MAX_MEAN_WORDS
from cleaner.features import count_sentences, is_prose, line_stats
from cleaner.invariants import normalise_space
from cleaner.language import guess_language, stopwords_for
from cleaner.model import Result
from cleaner.segment import continues
from tests.property.pages import Page


@dataclass(frozen=True)
class KnownIssue:
    """One open engine issue: its fixture, why it is open, and which failures it explains."""

    fixture: str
    reason: str
    matches: Callable[[Page, Result, list[str]], bool]


_QUOTED_ANY = re.compile(r": (['\"])(.*)\1$")
_QUOTED = re.compile(r"^(?:link-farm \(LNK001\) kept|only with|only without): (['\"])(.*)\1$")


def _every_problem(problems: list[str], quoting: re.Pattern[str], explained: Callable[[str], bool]) -> bool:
    """There are problems, and each quotes (per ``quoting``) a text that ``explained`` accepts."""
    for problem in problems:
        m = quoting.search(problem)
        quoted = m.group(2).rstrip("…") if m else ""
        if not quoted or not explained(quoted):
            return False
    return bool(problems)


def _taken_by_farms(result: Result) -> str:
    # A run's lines are merged into one removed segment, so lines are looked up inside the joined text.
    return " | ".join(normalise_space(r.text) for r in result.removed if r.rule == "LNK001")


def _teaser_shares_a_word(page: Page, result: Result, problems: list[str]) -> bool:
    """A farm's teaser of two or more sentences went back to the body (it shares a word with the article)."""
    teasers = [
        normalise_space(line)
        for chunk in page.chunks
        if chunk.family == "link-farm"
        for line in chunk.lines
        if count_sentences(line) >= 2
    ]
    return _every_problem(problems, _QUOTED, lambda quoted: any(t.startswith(quoted) for t in teasers))


def _split_half_under_farm(page: Page, result: Result, problems: list[str]) -> bool:
    """The first half of a sentence split by a column break, under a link farm, ended the farm's run.

    Only where nothing shows the break: the second half opens with a capital (a German noun), the
    first ends on no article or conjunction, so the half reads as one more headline of the farm.
    Lost: that half, the article's short lines between the farm's header and it (the run's give-back
    stops at the first headline it meets from below), and the second half when it reads like a
    teaser of two sentences sharing no word with the article.
    """
    taken = _taken_by_farms(result)
    lost: list[str] = []
    farm = -1
    for i, chunk in enumerate(page.chunks):
        if chunk.family == "link-farm":
            farm = i
        elif chunk.kind == "split" and farm >= 0 and not continues(*chunk.lines):
            first = normalise_space(chunk.lines[0])
            if first in taken:
                between = [c for c in page.chunks[farm + 1 : i] if c.kind != "boilerplate"]
                lost += [normalise_space(line) for c in between for line in c.lines]
                lost += [*(normalise_space(line) for line in chunk.lines), normalise_space(chunk.expected[0])]
    return _every_problem(problems, _QUOTED_ANY, lambda quoted: any(text.startswith(quoted) for text in lost))


_WORD = re.compile(r"[^\W\d_]{4,}")


def _teaser_on_topic(page: Page, result: Result, problems: list[str]) -> bool:
    """A farm's headline shares half its content words with the article, so the run stops there.

    'PHOTO COLLECTION: AP Top Photos of the Day Wednesday August 7, 2024' on a page whose body says
    'Photo radar cameras …' and 'on Wednesday': on the article's topic by the measure the run uses
    (LNK001's items need topic < 0.5), it and the headlines after it stay.
    """
    body = " ".join(line for c in page.chunks if c.kind != "boilerplate" for line in c.lines)
    stop = stopwords_for(guess_language(body))
    vocab = {w for w in _WORD.findall(body.lower()) if w not in stop}
    # The engine's own measure too: content words of every line that reads as prose, boilerplate included
    # (a teaser of the next farm may be prose), as the run's topic counts them (found by deep run 14).
    stats = [line_stats(normalise_space(line), stop) for c in page.chunks for line in c.lines]
    prose = [s.content_words for s in stats if is_prose(s)]
    return _every_problem(
        problems, _QUOTED, lambda quoted: _below_on_topic_headline(page, quoted, vocab, prose, stop)
    )


def _below_on_topic_headline(
    page: Page, quoted: str, vocab: set[str], prose: list[frozenset[str]], stop: frozenset[str]
) -> bool:
    for chunk in page.chunks:
        if chunk.family != "link-farm":
            continue
        lines = [normalise_space(line) for line in chunk.lines]
        at = next((i for i, line in enumerate(lines) if line.startswith(quoted)), None)
        if at is None:
            continue
        for line in lines[1 : at + 1]:
            words = [w for w in _WORD.findall(line.lower()) if w not in stop]
            if words and sum(w in vocab for w in words) >= len(words) / 2:
                return True
            own = line_stats(line, stop).content_words
            others = frozenset().union(*(p for p in prose if p != own))
            if own and len(own & others) >= len(own) / 2:
                return True
    return False


def _paragraph_between_farms(page: Page, result: Result, problems: list[str]) -> bool:
    """An article paragraph of two or more short sentences between two link farms stays with the first.

    Sharing no word with the rest of the article ('«Мы больше не можем ждать», — сказал Соколов. По
    данным мэрии, в Новосибирске пострадали около 12 человек.'), it is shaped like a two-sentence
    teaser ('Tax filing opens today. Here's what to know …'), which must stay in the farm.
    """
    return _farm_took_paragraph(page, result, problems, farm_below=True)


def _paragraph_after_farm(page: Page, result: Result, problems: list[str]) -> bool:
    """An article paragraph of two or more short sentences right under a link farm stays with it.

    The article goes on below it ('Анна Петрова … заявила …'), but the paragraph shares no word with
    the rest of the article and its sentences are under ten words on average ('«Мы больше не можем
    ждать», — сказала она. Доклад опубликуют в марте.'), so it is shaped like a two-sentence teaser,
    which must stay in the farm (seed 004). Found by the deep run; longer sentences go back to the
    article (fixture prop-paragraph-after-farm).
    """
    return _farm_took_paragraph(page, result, problems, farm_below=False)


def _short_sentences(text: str) -> bool:
    """Two or more sentences, as short on average as a teaser's (longer ones go back to the article)."""
    sentences = count_sentences(text)
    return sentences >= 2 and len(text.split()) < TEASER_MAX_MEAN_WORDS * sentences


def _farm_took_paragraph(page: Page, result: Result, problems: list[str], *, farm_below: bool) -> bool:
    """Every problem quotes a paragraph of two or more sentences right under a link farm that the farm took.

    ``farm_below``: only a paragraph with another farm right under it counts, and only its single lines;
    otherwise a paragraph split over lines counts whole too.
    """
    chunks = [c for c in page.chunks if c.kind != "boilerplate" or c.family == "link-farm"]
    under: list[str] = []
    for k, (before, chunk) in enumerate(zip(chunks, chunks[1:], strict=False)):
        if before.family != "link-farm" or chunk.kind == "boilerplate":
            continue
        if farm_below and (k + 2 >= len(chunks) or chunks[k + 2].family != "link-farm"):
            continue
        joined = normalise_space(" ".join(chunk.lines))
        under += [joined] if not farm_below and _short_sentences(joined) else []
        under += [normalise_space(line) for line in chunk.lines if _short_sentences(line)]
    taken = _taken_by_farms(result)
    return _every_problem(
        problems, _QUOTED_ANY, lambda quoted: any(line.startswith(quoted) and line in taken for line in under)
    )


def _label_header_above_teaser(page: Page, result: Result, problems: list[str]) -> bool:
    """Every problem quotes a line of a farm whose header a label rule took and whose first item is a sentence.

    'READ MORE' is also a lone widget label (WID002): a label above a full sentence is where the
    article goes on, so the section pass leaves the farm's run to the body (recall first).
    """
    # A removed segment holds every adjacent line its rule took: 'View' above 'READ MORE' is one segment.
    labels = {normalise_space(line) for r in result.removed if r.rule not in (None, "LNK001") for line in r.text.split("\n")}
    kept: list[str] = []
    for chunk in page.chunks:
        if chunk.family != "link-farm" or len(chunk.lines) < 2:
            continue
        first = chunk.lines[1].strip()
        if normalise_space(chunk.lines[0]) in labels and first[-1:] in ".!?":
            kept += [normalise_space(line) for line in chunk.lines[1:]]
    return _every_problem(problems, _QUOTED, lambda quoted: any(k.startswith(quoted) for k in kept))


KNOWN_ISSUES: tuple[KnownIssue, ...] = (
    KnownIssue(
        "prop-teaser-shares-a-word",
        "a link farm's teaser of two or more short sentences that shares a word with the article ('Tax filing "
        "opens today. …' and 'filing') goes back to the body: recall first, the give-back can't tell it "
        "from the article's own short paragraph (boilerplate kept, no body lost)",
        _teaser_shares_a_word,
    ),
    KnownIssue(
        "prop-split-half-under-farm",
        "the first half of a paragraph split mid-sentence right under a link farm ('… seien weitere 1,1' / "
        "'Millionen Euro vorgesehen, …') goes with the farm when the second half opens with a capital: "
        "in one-paragraph-per-line text nothing but grammar tells the half from a headline (BODY LOST)",
        _split_half_under_farm,
    ),
    KnownIssue(
        "prop-teaser-on-topic",
        "a link farm's headline that shares half its content words with the article ('AP Top Photos of the "
        "Day Wednesday …' beside 'Photo radar cameras …' and 'on Wednesday') reads as the article resuming: "
        "the run stops there and the headlines from it on stay (boilerplate kept, no body lost)",
        _teaser_on_topic,
    ),
    KnownIssue(
        "prop-paragraph-between-farms",
        "an article paragraph of two or more short sentences (under ten words on average) between two link "
        "farms that shares no word with the rest of the article reads as a two-sentence teaser and stays "
        "with the farm (BODY LOST)",
        _paragraph_between_farms,
    ),
    KnownIssue(
        "prop-paragraph-after-farm",
        "an article paragraph of two or more short sentences (under ten words on average) right under a link "
        "farm, with the article going on below it, that shares no word with the rest of the article reads "
        "as a two-sentence teaser and stays with the farm (BODY LOST)",
        _paragraph_after_farm,
    ),
    KnownIssue(
        "prop-label-header-above-teaser",
        "a link farm whose header is also a lone widget label ('READ MORE', taken by WID002) and whose first "
        "item is a two-sentence teaser reads as a label above the article's next sentence: the farm's run "
        "stays (boilerplate kept, no body lost)",
        _label_header_above_teaser,
    ),
)


def known_issue(page: Page, result: Result, problems: list[str]) -> KnownIssue | None:
    """The known issue that explains all of ``problems``, if any.

    A page of two link farms can show two known issues at once (a label header above one farm, a
    teaser sharing a word below the other): then each problem must be explained by one of them,
    and the first is named.
    """
    whole = next((k for k in KNOWN_ISSUES if k.matches(page, result, problems)), None)
    if whole is not None or not problems:
        return whole
    each = [next((k for k in KNOWN_ISSUES if k.matches(page, result, [p])), None) for p in problems]
    return each[0] if all(k is not None for k in each) else None
