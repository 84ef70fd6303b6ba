"""The rule engine: blocks and features in, one decision per block out.

The stages, in order (``decide_blocks`` calls them):

1. local pass: every rule whose match needs only the block itself
   (protect, extract-metadata, drop), then the section rules (link farms);
2. context: the title, the article region, what lies before the title or
   after the body, which blocks repeat a removed caption;
3. context pass: the rules that use those context features;
4. protection: a block that reads like prose can only be removed by a
   strong rule, and never when a protect rule matched it.

Each block keeps its first-pass role beside its final role, so an
explanation shows where protection or context changed a decision.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from cleaner.engine.catalogue import Catalogue
from cleaner.engine.packs import Rule
from cleaner.engine.region import block_score, region_mask
from cleaner.features import CONTEXT_FEATURES, LAYOUT_FEATURES, FeatureTable, normalise_key
from cleaner.metadata import count_separators, is_date, normalise_author, parse_date, pick_title
from cleaner.model import Block, Decision, Role
from cleaner.segment import continues

CAPTION_PACK = "captions"
CAPTION_MIN_KEY_CHARS = 20
TITLE_REPEAT_MIN_SHARE = 0.6
TITLE_REASON = "the page title (moved to Result.title)"
_CLOSING_QUOTES = "\"'”’»)"
_FULL_STOPS = (".", "。")


@dataclass(slots=True)
class _Work:
    """Mutable per-block state, private to this module while the passes run."""

    role: Role = "body"
    rule: Rule | None = None
    first: Role = "body"
    protect: Rule | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The decisions for every block and the metadata the rules found."""

    decisions: tuple[Decision, ...]
    meta: dict[str, str] = field(default_factory=dict)


def _uses_context(rule: Rule) -> bool:
    return any(c.feature in CONTEXT_FEATURES for c in rule.when)


def _uses_layout(rule: Rule) -> bool:
    return any(c.feature in LAYOUT_FEATURES for c in rule.when)


Hits = Sequence[frozenset[str]]


def _local_pass(
    blocks: Sequence[Block], table: FeatureTable, rules: Sequence[Rule], work: list[_Work], hits: Hits
) -> dict[str, str]:
    meta: dict[str, str] = {}
    protect = [r for r in rules if r.action == "protect"]
    extract = [r for r in rules if r.action == "extract-metadata"]
    drop = [r for r in rules if r.action == "drop"]
    for b, f, w, h in zip(blocks, table.values, work, hits, strict=True):
        w.protect = next((r for r in protect if r.matches(b.text, f, h)), None)
        for r in extract:
            m = r.pattern.search(b.text) if r.id in h and all(c.holds(f) for c in r.when) else None
            if m is None:
                continue
            assert r.field is not None
            value = m.group("value") or ""
            if r.field == "date" and f["prose"] and not is_date(value):
                continue  # "Published in 2019, the report is still cited.": a sentence, not a date line
            if r.field not in meta and value.strip():
                meta[r.field] = parse_date(value) if r.field == "date" else normalise_author(value)
                w.role, w.rule = r.field, r  # type: ignore[assignment]
            else:
                w.role, w.rule = "removed", r
            break
        if w.role != "body":
            continue
        hit = next((r for r in drop if (r.pattern is None or r.id in h) and r.matches(b.text, f, h)), None)
        if hit is not None:
            w.role, w.rule = "removed", hit
    return meta


def _removed_by_drop(w: _Work) -> bool:
    return w.role == "removed" and w.rule is not None and w.rule.action != "extract-metadata"


def _continues(rule: Rule, w: _Work, features: dict[str, float]) -> bool:
    # A protected line (a wire credit, a dateline) is body: it ends the run (fixture prop-linkfarm-before-credit).
    return w.role == "body" and w.protect is None and rule.item_matches(features)


def _section_pass(
    blocks: Sequence[Block], table: FeatureTable, rules: Sequence[Rule], work: list[_Work], hits: Hits
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


class _SurvivingTopic:
    """The ``topic`` feature measured against the prose the local pass kept, for a farm's items.

    A teaser may share words with a caption the local pass already removed ("AP Photos of the Day
    Wednesday" beside "... on Wednesday. (AP Photo)"); only the article's own prose tells a teaser
    from the body. Computed for the lines a run reaches, not for every line.
    """

    def __init__(self, table: FeatureTable, work: list[_Work]) -> None:
        self.table = table
        self.counts: Counter[str] = Counter()
        self.kept: set[str] = set()  # each distinct kept prose line counts once (a teaser printed twice is one)
        for key, words, f, w in zip(table.keys, table.content_words, table.values, work, strict=True):
            if f["prose"] and w.role == "body" and key not in self.kept:
                self.kept.add(key)
                self.counts.update(words)

    def features(self, i: int) -> dict[str, float]:
        features = self.table.values[i]
        own = self.table.content_words[i]
        if not own:
            return features
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


def _keep_some_prose(table: FeatureTable, work: list[_Work]) -> None:
    """Link farms never hold the whole article: if they took every prose line, those lines are the body.

    A label that reads like a farm header ('Read more') above a short article whose sentences share
    few words (three Chinese sentences) would otherwise start a run that swallows it.
    """
    taken = [w for w, f in zip(work, table.values, strict=True) if f["prose"] and _by_section(w)]
    if taken and not any(f["prose"] and w.role == "body" for w, f in zip(work, table.values, strict=True)):
        for w in taken:
            w.role, w.rule = "body", None


def _by_section(w: _Work) -> bool:
    return w.role == "removed" and w.rule is not None and w.rule.action == "drop-section"


def _give_back(
    rule: Rule, start: int, end: int, blocks: Sequence[Block], table: FeatureTable, work: list[_Work], resumed: bool
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
    for k in range(end - 1, start, -1):
        w = work[k]
        f = table.values[k]
        sentence = not f["bullet"] and _full_stop(blocks[k].text) and _article_sentence(f)
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


def _article_sentence(features: dict[str, float]) -> bool:
    # One sentence ("He declined to comment."; a Russian one whose topic words the stoplist hides), or
    # prose sharing a word (a name, a place) with the article. A teaser of two or three short sentences
    # ("Tax filing opens today. Here's what to know ...", "They found a head in her fridge. ...",
    # seed 004) stays in the farm (fixtures prop-linkfarm-short-paragraph, prop-linkfarm-two-sentence-teaser).
    return features["sentences"] <= 1 or bool(features["prose"]) and features["topic"] > 0


def _mark_title_repeats(table: FeatureTable, work: list[_Work], title: int, key: str | None = None) -> None:
    """Blocks that repeat the title (page title and headline both printed, or the title in a footer).

    ``key`` is the normalised title when it is known from elsewhere (the HTML page's metadata).
    """
    key = key if key is not None else table.keys[title]
    for i in range(len(work)):
        other = table.keys[i]
        # "Headline - Site name" page titles hold the on-page headline as their start.
        inside = other in key and (key.startswith(other) or len(other) >= TITLE_REPEAT_MIN_SHARE * len(key))
        whole = key in other or inside
        if i != title and work[i].role == "body" and table.values[i]["words"] >= 3 and whole:
            table.values[i]["title_repeat"] = 1


def _context(
    blocks: Sequence[Block], table: FeatureTable, work: list[_Work], page_structure: bool, known_title: str | None
) -> int | None:
    """Fill in the context features; return the index of the title block."""
    values = table.values
    taken = [w.role != "body" if page_structure else True for w in work]  # no page, no title to find
    # The topic vocabulary comes from prose that survived the local pass, as it would in the cleaned text.
    prose_words = (ws for ws, f, t in zip(table.content_words, values, taken, strict=True) if f["prose"] and not t)
    vocab = frozenset().union(*prose_words)
    title = pick_title(values, table.content_words, vocab, taken, [count_separators(b.text) for b in blocks])
    if title is not None:
        work[title].role = "title"
        for i in range(title):
            values[i]["before_title"] = 1
        _mark_title_repeats(table, work, title)
    elif known_title:
        _mark_title_repeats(table, work, -1, normalise_key(known_title))
    body_prose = [i for i, (f, w) in enumerate(zip(values, work, strict=True)) if f["prose"] and w.role == "body"]
    last_prose = body_prose[-1] if body_prose else -1
    if body_prose:
        for i in range(last_prose + 1, len(values)):
            values[i]["after_body"] = 1
    scores = [block_score(f, w.role != "body") for f, w in zip(values, work, strict=True)]
    mask = region_mask(scores)
    region_vocab: set[str] = set()
    for f, inside, words in zip(values, mask, table.content_words, strict=True):
        f["in_region"] = int(inside)
        if inside and f["prose"]:
            region_vocab.update(words)
    for f, inside, words, distance in zip(values, mask, table.content_words, _distances(mask), strict=True):
        if not inside:
            f["region_topic"] = round(len(words & region_vocab) / len(words), 3) if words else 0.0
            f["region_distance"] = distance
    captions = [
        table.keys[i]
        for i, w in enumerate(work)
        if w.rule is not None and w.rule.pack == CAPTION_PACK and len(table.keys[i]) >= CAPTION_MIN_KEY_CHARS
    ]
    if captions:
        for i, w in enumerate(work):
            key = table.keys[i]
            if w.role == "body" and len(key) >= CAPTION_MIN_KEY_CHARS and any(key in c or c in key for c in captions):
                values[i]["caption_repeat"] = 1
    return title


def _distances(mask: Sequence[bool]) -> list[int]:
    """For each block, how many blocks away the nearest in-region block is (0 inside; large if none)."""
    far = len(mask) + 1
    out = [0 if m else far for m in mask]
    for i in range(1, len(out)):
        out[i] = min(out[i], out[i - 1] + 1)
    for i in range(len(out) - 2, -1, -1):
        out[i] = min(out[i], out[i + 1] + 1)
    return out


def _context_pass(
    blocks: Sequence[Block], table: FeatureTable, rules: Sequence[Rule], work: list[_Work], hits: Hits
) -> None:
    for b, f, w, h in zip(blocks, table.values, work, hits, strict=True):
        if w.role != "body":
            continue
        hit = next((r for r in rules if r.matches(b.text, f, h)), None)
        if hit is not None:
            w.role, w.rule = "removed", hit


def _continue_lists(blocks: Sequence[Block], table: FeatureTable, work: list[_Work]) -> None:
    """An item of the article's own list stays with it: the region's edge is a guess, not a rule.

    A bulleted or numbered line right after a kept line that announces a list ("The plan includes:"), or
    after a kept item with the same marker of a list that starts inside the region, continues
    that list; a layout rule (region, footer) may not cut it off (fixtures
    prop-linkfarm-between-farms, prop-list-at-region-edge).
    """
    inside = False  # the previous line is an item of a list that starts inside the region
    lead = False  # the previous line is kept body that announces a list ("The plan includes:")
    previous = ""
    for b, f, w in zip(blocks, table.values, work, strict=True):
        marker = _numbered(b.text) or (_marker(b.text) if f["bullet"] else "")
        item = bool(marker) and (lead or inside and marker == previous)
        if item and w.role == "removed" and w.rule is not None and _uses_layout(w.rule):
            w.role, w.rule = "body", None
        inside = bool(marker) and w.role == "body" and (bool(f["in_region"]) or item)
        lead = w.role == "body" and b.text.rstrip().endswith((":", "：")) and not marker
        previous = marker


def _marker(text: str) -> str:
    return text.lstrip()[:1]


def _numbered(text: str) -> str:
    # '1. ', '2) ': a numbered item; every number is the same marker ('#').
    head = text.lstrip()[:4]
    digits = len(head) - len(head.lstrip("0123456789"))
    return "#" if 0 < digits <= 2 and head[digits : digits + 1] in (".", ")") else ""


def _keep_one_copy(table: FeatureTable, work: list[_Work]) -> None:
    """A copy dropped as a repeat comes back when every earlier copy was removed for another reason."""
    kept: set[str] = set()
    for key, w in zip(table.keys, work, strict=True):
        repeat_rule = w.rule is not None and any(c.feature == "copy_index" for c in w.rule.when)
        if w.role == "removed" and repeat_rule and key not in kept:
            w.role, w.rule = "body", None
        if w.role == "body":
            kept.add(key)


def _protect(table: FeatureTable, work: list[_Work]) -> None:
    """Body protection: heuristic rules never remove prose; protect rules override every drop."""
    for f, w in zip(table.values, work, strict=True):
        w.first = w.role
        if w.role != "removed" or w.rule is None:
            continue
        if w.protect is not None or (f["prose"] and w.rule.strength != "strong"):
            w.role = "body"


def decide_blocks(
    blocks: Sequence[Block],
    table: FeatureTable,
    catalogue: Catalogue,
    *,
    page_structure: bool = True,
    known_title: str | None = None,
) -> Outcome:
    """Run the passes in order and return one decision per block.

    ``page_structure=False`` is for text an extractor already cut out of a page (the HTML
    path): there is no page around it, so no title is looked for and the rules that reason
    about the page's layout (region, masthead, footer) stay off; pattern, section and
    caption rules still apply. Those layout rules cost 3 to 4 points of recall on HTML.
    ``known_title`` (from the page's metadata) lets a headline repeated in the text go.
    """
    work = [_Work() for _ in blocks]
    rules = catalogue.rules if page_structure else tuple(r for r in catalogue.rules if not _uses_layout(r))
    local = [r for r in rules if r.action != "drop-section" and not _uses_context(r)]
    sections = [r for r in rules if r.action == "drop-section"]
    context = [r for r in rules if r.action == "drop" and _uses_context(r)]
    hits = [catalogue.patterns.hits(b.text) for b in blocks]
    meta = _local_pass(blocks, table, local, work, hits)
    _section_pass(blocks, table, sections, work, hits)
    title = _context(blocks, table, work, page_structure, known_title)
    if title is not None:
        meta["title"] = blocks[title].text
    _context_pass(blocks, table, context, work, hits)
    _continue_lists(blocks, table, work)
    _keep_one_copy(table, work)
    _protect(table, work)
    decisions = []
    for b, f, w in zip(blocks, table.values, work, strict=True):
        reason = w.rule.summary if w.rule is not None else (TITLE_REASON if w.role == "title" else None)
        if w.role == "body" and w.first == "removed" and w.rule is not None:
            reason = f"kept: reads like prose, so heuristic rule {w.rule.id} may not remove it"
        decisions.append(
            Decision(
                block=b,
                role=w.role,
                first=w.first,
                rule=w.rule.id if w.rule is not None else None,
                reason=reason,
                features=f,
            )
        )
    return Outcome(tuple(decisions), meta)
