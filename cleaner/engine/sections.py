"""The section pass: link-farm headers and the run of teasers after each, with what goes back to the body.

Part of the decision passes (``decide.py`` runs it after the local pass): a section rule
(``action = "drop-section"``) drops its header line and the run of items after it; the run's
edges are where the article's own lines are told from the farm's (see ``section_pass`` and
``_give_back``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from cleaner.engine.packs import Rule
from cleaner.engine.work import Hits, Work, copies_of_removed
from cleaner.feature_table import FeatureTable
from cleaner.metadata import word_stems
from cleaner.model import Block
from cleaner.segment import continues

_CLOSING_QUOTES = "\"'”’»)"
_FULL_STOPS = (".", "。")
MIN_TITLE_WORDS = 4
TEASER_MAX_MEAN_WORDS = 10
"""A run's line of two or more sentences averaging this many words or more is article prose, not a teaser."""


def _removed_by_drop(w: Work) -> bool:
    return w.role == "removed" and w.rule is not None and w.rule.action != "extract-metadata"


def _continues(rule: Rule, w: Work, features: dict[str, float]) -> bool:
    # A protected line (a wire credit, a dateline) is body: it ends the run (fixture prop-linkfarm-before-credit).
    return w.role == "body" and w.protect is None and rule.item_matches(features)


def section_pass(
    blocks: Sequence[Block], table: FeatureTable, rules: Sequence[Rule], work: list[Work], hits: Hits
) -> None:
    """Drop each section header and the run of items after it.

    The run ends at a line that is not an item, at a bulleted line in an unbulleted run (or the
    reverse: the article's own list after a farm), and at a line the next line continues (half of a
    sentence a column break split); sentences just before the resumed body go back to it (fixtures
    prop-linkfarm-short-paragraph, prop-linkfarm-then-list).
    """
    n = len(blocks)
    topic = _SurvivingTopic(table, work)
    for rule in rules:
        i = 0
        while i < n:
            if work[i].role not in ("body", "removed") or not rule.matches(blocks[i].text, table.values[i], hits[i]):
                i += 1
                continue
            label = work[i].role == "removed"  # another rule took the header already ('Read more': a lone label)
            if work[i].role == "body":
                work[i].role, work[i].rule = "removed", rule
            j = i + 1
            sentence_next = j < n and work[j].role == "body" and _full_stop(blocks[j].text)
            if label and sentence_next and not table.values[j]["bullet"]:
                i = j  # a label above a sentence, not a farm above its teasers: the article goes on
                continue
            bulleted: float | None = None  # the run's items are all bulleted or all not, as its first item sets
            while j < n and (
                _removed_by_drop(work[j])
                or (
                    not rule.matches(blocks[j].text, table.values[j], hits[j])  # the next farm's header starts a run
                    and _continues(rule, work[j], topic.features(j))
                    and table.values[j]["bullet"] == (bulleted if bulleted is not None else table.values[j]["bullet"])
                    and not (j + 1 < n and work[j + 1].role == "body" and continues(blocks[j].text, blocks[j + 1].text))
                    and not _repeats_page_title(table.keys, j)
                )
            ):
                if work[j].role == "body":
                    work[j].role, work[j].rule = "removed", rule
                    bulleted = table.values[j]["bullet"] if bulleted is None else bulleted
                j += 1
            resumed = j < n and work[j].role == "body" and not rule.matches(blocks[j].text, table.values[j], hits[j])
            _give_back(rule, i, j, blocks, table, work, resumed)
            i = j
    _keep_some_prose(table, work)


def _repeats_page_title(keys: Sequence[str], j: int) -> bool:
    """True when block ``j`` prints the page's first line (its <title> in a page dump) again.

    The headline is where the article starts: a farm above it ('Latest' and a menu) ends there and
    does not run on into the lead (the byline and lead under a repeated headline).
    """
    if j == 0 or not keys[j] or len(keys[j].split()) < MIN_TITLE_WORDS:
        return False
    return keys[j] == keys[0] or keys[0].startswith(keys[j] + " ")


class _SurvivingTopic:
    """The ``topic`` feature measured against the prose the local pass kept, for a farm's items.

    A teaser may share words with a caption the local pass already removed ("AP Photos of the Day
    Wednesday" beside "... on Wednesday. (AP Photo)"), or with the caption's copy printed without its
    '??' markers, which only the context pass removes (its words are all in the removed caption;
    fixture prop-teaser-shares-caption-copy); only the article's own prose tells a teaser from the
    body. Computed for the lines a run reaches, not for every line, from the roles as the pass
    began, when a run first asks (pages without a farm never pay for it).
    """

    def __init__(self, table: FeatureTable, work: list[Work]) -> None:
        self.table = table
        self.roles = [w.role for w in work]  # as the local pass left them
        self.counts: Counter[str] = Counter()
        self.kept: set[str] = set()  # each distinct kept prose line counts once (a teaser printed twice is one)
        self.ready = False

    def _count(self) -> None:
        table, roles = self.table, self.roles
        prose = [bool(f["prose"]) and r == "body" for f, r in zip(table.values, roles, strict=True)]
        copies = copies_of_removed(table.content_words, [r == "removed" for r in roles], prose)
        for key, words, p, copy in zip(table.keys, table.content_words, prose, copies, strict=True):
            if p and key not in self.kept:
                self.kept.add(key)
                if not copy:  # a caption's second copy, removed later (CAP010)
                    self.counts.update(words)
        self.ready = True

    def features(self, i: int) -> dict[str, float]:
        features = self.table.values[i]
        own = self.table.content_words[i]
        if not own:
            return features
        if not self.ready:
            self._count()
        mine = 1 if self.table.keys[i] in self.kept else 0
        shared = sum(1 for w in own if self.counts[w] - mine > 0)
        return _Override(features, "topic", shared / len(own))


class _Override(dict[str, float]):
    """A block's features with one value replaced (the features object itself stays untouched)."""

    def __init__(self, base: dict[str, float], key: str, value: float) -> None:
        super().__init__()
        self.base, self.key, self.value = base, key, value

    def __getitem__(self, name: str) -> float:
        return self.value if name == self.key else self.base[name]


def _keep_some_prose(table: FeatureTable, work: list[Work]) -> None:
    """Link farms never hold the whole article: if they took every prose line, those lines are the body.

    A label that reads like a farm header ('Read more') above a short article whose sentences share
    few words (three Chinese sentences) would otherwise start a run that swallows it.
    """
    taken = [w for w, f in zip(work, table.values, strict=True) if f["prose"] and _by_section(w)]
    if taken and not any(f["prose"] and w.role == "body" for w, f in zip(work, table.values, strict=True)):
        for w in taken:
            w.role, w.rule = "body", None


def _by_section(w: Work) -> bool:
    return w.role == "removed" and w.rule is not None and w.rule.action == "drop-section"


def _give_back(
    rule: Rule,
    start: int,
    end: int,
    blocks: Sequence[Block],
    table: FeatureTable,
    work: list[Work],
    resumed: bool,
) -> None:
    """The sentences that end a run are the article's, not the farm's.

    A short sentence after an inline link farm ("He declined to comment.") is shaped like a teaser
    with a full stop; only where it sits tells them apart (fixture prop-linkfarm-short-paragraph).
    Where the body resumes at ``end`` they go back to it; where the run ends at the page's end or
    at the next farm's header, only when a teaser the farm keeps (a headline, a two-sentence teaser)
    is left above them, so a farm of one-sentence teasers stays whole (fixtures
    prop-linkfarm-before-last-paragraph, prop-linkfarm-between-farms). A line with the farm's
    bullet is one of its items, whatever its shape; a line ending in a colon right above the
    resumed body announces it ("The plan includes:", fixture prop-linkfarm-list-lead).
    """
    back: list[int] = []
    headline = False
    article = _ArticleStems(blocks, table, work)
    for k in range(end - 1, start, -1):
        w = work[k]
        f = table.values[k]
        sentence = not f["bullet"] and _full_stop(blocks[k].text) and _article_sentence(f, blocks[k].text, article)
        lead = resumed and k == end - 1 and not f["bullet"] and blocks[k].text.rstrip().endswith((":", "："))
        if w.rule is rule and (sentence or lead):
            back.append(k)
        elif w.rule is rule or not _removed_by_drop(w):
            headline = w.rule is rule  # a teaser the farm keeps stands above what goes back
            break  # a teaser headline: the farm proper starts here
        # else a prompt or label another rule removed ("Subscribe now") sits between: look past it
    if resumed or headline:
        for k in back:
            work[k].role, work[k].rule = "body", None


def _full_stop(text: str) -> bool:
    # Teasers exclaim and ask ("Bonus: ... Don't Tell Me!"); the article's sentences end in a full stop.
    return text.rstrip().rstrip(_CLOSING_QUOTES).endswith(_FULL_STOPS)


def _article_sentence(features: dict[str, float], text: str, article: _ArticleStems) -> bool:
    # One sentence ("He declined to comment."), or prose sharing a word (a name, a place; in another
    # inflection: 'сказал' / 'сказала') with the article: 'В 2012 г. жители … — сказал Соколов.'
    # between two farms shares no content word through jusText's Russian stoplist, yet is the
    # article's (fixture prop-linkfarm-russian-two-sentences). Recall first: a teaser of two short
    # sentences that happens to share a word ('Tax filing opens today. …' and 'filing') goes back too
    # (known issue prop-teaser-shares-a-word); one sharing none ("They found a head in her fridge. …",
    # seed 004) stays in the farm. Teasers are written in short sentences (none on the dev set averages
    # over 8.5 words): a paragraph whose sentences average ten words or more is the article's, whatever
    # it shares (fixture prop-paragraph-after-farm).
    if features["sentences"] <= 1 or features["words"] >= TEASER_MAX_MEAN_WORDS * features["sentences"]:
        return True
    return bool(features["prose"]) and (features["topic"] > 0 or article.shares(text))


class _ArticleStems:
    """Stems of the longer words (function words too) of the prose the article keeps, of its list
    items, and of the headline-shaped lines above its first prose line (the headline: 'Власти
    Новосибирске …' vouches for '… в Новосибирске пострадали …' between two farms, fixture
    prop-paragraph-shares-headline; the item '- новые проверки стоимость проезда;' for 'Критики
    считают, что решение о стоимость проезда …' after the last farm, fixture prop-paragraph-shares-list-item),
    built on first use."""

    def __init__(self, blocks: Sequence[Block], table: FeatureTable, work: list[Work]) -> None:
        self.blocks, self.table, self.work = blocks, table, work
        self.stems: set[str] | None = None

    def shares(self, text: str) -> bool:
        if self.stems is None:
            self.stems = set()
            above_prose = True  # the page's top: its headline (found only later) shares the article's words
            for b, f, w in zip(self.blocks, self.table.values, self.work, strict=True):
                above_prose = above_prose and not f["prose"]
                if w.role == "body" and (f["prose"] or f["bullet"] or (above_prose and f["headline"])):
                    self.stems.update(word_stems(b.text))
        return not self.stems.isdisjoint(word_stems(text))
