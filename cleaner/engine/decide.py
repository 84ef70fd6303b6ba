"""The rule engine: blocks and features in, one decision per block out.

The stages, in order (``decide_blocks`` calls them):

1. local pass: every rule whose match needs only the block itself
   (protect, extract-metadata, drop), then the section rules (link farms,
   ``sections.py``);
2. context: the title, the article region, what lies before the title or
   after the body, which blocks repeat a removed caption;
3. context pass: the rules that use those context features;
4. protection: a block that reads like prose can only be removed by a
   strong rule, and never when a protect rule matched it.

Each block keeps its first-pass role beside its final role, so an
explanation shows where protection or context changed a decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cleaner.engine.announced import keep_announced
from cleaner.engine.catalogue import Catalogue
from cleaner.engine.lists import announces_list, continue_lists, continue_unmarked_lists, uses_layout
from cleaner.engine.packs import Rule, pattern_text
from cleaner.engine.region import block_score, region_mask
from cleaner.engine.sections import section_pass as _section_pass
from cleaner.engine.threads import thread_pass
from cleaner.engine.work import Hits, copies_of_removed
from cleaner.engine.work import Work as _Work
from cleaner.feature_table import FeatureTable
from cleaner.features import CONTEXT_FEATURES, LAYOUT_FEATURES, normalise_key
from cleaner.metadata import count_separators, is_date, long_stems, normalise_author, parse_date, pick_title
from cleaner.model import Block, Decision
from cleaner.segment import continues

CAPTION_PACK = "captions"
CAPTION_MIN_KEY_CHARS = 20
# A block holding a removed caption plus much more is a paragraph that quotes it (an 'Image credit: …'
# tail), not the caption printed again: the caption must make up this share of it.
CAPTION_MIN_SHARE = 0.6
TITLE_REPEAT_MIN_SHARE = 0.6
NEAR_BLOCKS = 3
TITLE_REASON = "the page title (moved to Result.title)"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The decisions for every block and the metadata the rules found."""

    decisions: tuple[Decision, ...]
    meta: dict[str, str] = field(default_factory=dict)


def _uses_context(rule: Rule) -> bool:
    return any(c.feature in CONTEXT_FEATURES for c in rule.when)


def _fits_extracted_text(rule: Rule) -> bool:
    # Of the layout rules only the one about lines above the headline: extracted text has a headline
    # copy but no page around it (see _above_headline).
    return {c.feature for c in rule.when}.isdisjoint(LAYOUT_FEATURES - {"before_title"})


def _local_pass(
    blocks: Sequence[Block], table: FeatureTable, rules: Sequence[Rule], work: list[_Work], hits: Hits
) -> dict[str, str]:
    meta: dict[str, str] = {}
    protect = [r for r in rules if r.action == "protect"]
    extract = [r for r in rules if r.action == "extract-metadata"]
    drop = [r for r in rules if r.action == "drop"]
    # Most lines match no pattern: for them only the condition-only rules are asked (the same answer, faster).
    unmatched = ([r for r in protect if r.pattern is None], [r for r in drop if r.pattern is None])
    for b, f, w, h in zip(blocks, table.values, work, hits, strict=True):
        protect_now, drop_now = (protect, drop) if h else unmatched
        w.protect = next((r for r in protect_now if r.matches(b.text, f, h)), None)
        for r in extract if h else ():
            m = r.pattern.search(pattern_text(b.text)) if r.id in h and r.holds(f) else None
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
        hit = next((r for r in drop_now if r.matches(b.text, f, h)), None)
        if hit is not None:
            w.role, w.rule = "removed", hit
    return meta


def _mark_title_repeats(table: FeatureTable, work: list[_Work], title: int, key: str | None = None) -> None:
    """Blocks that repeat the title (page title and headline both printed, or the title in a footer).

    ``key`` is the normalised title when it is known from elsewhere (the HTML page's metadata).
    """
    key = key if key is not None else table.keys[title]
    for i in range(len(work)):
        other = table.keys[i]
        # "Headline - Site name" page titles hold the on-page headline as their start.
        inside = other in key and (key.startswith(other) or len(other) >= TITLE_REPEAT_MIN_SHARE * len(key))
        whole = _holds_title(other, key) or inside
        if i != title and work[i].role == "body" and table.values[i]["words"] >= 3 and whole:
            table.values[i]["title_repeat"] = 1


def _holds_title(line: str, title: str) -> bool:
    """The line is the title with a site or section name before or after it, or mostly the title.

    A line that only names a short title inside its own words ('The Harbor Lights Reunion Tour
    2021 dates:' under the title 'Harbor Lights') is not the headline printed again.
    """
    if title not in line:
        return False
    framed = line == title or line.startswith(title + " ") or line.endswith(" " + title)
    return framed or len(title) >= TITLE_REPEAT_MIN_SHARE * len(line)


def _above_headline(table: FeatureTable, work: list[_Work]) -> None:
    """Extracted text (HTML): the lines above the on-page headline, when no prose stands there.

    The page's metadata names the title; where the extracted text prints it again (MST005 drops
    that copy) the short lines above it are the site's name, a section label or a reading time,
    not the article (known issue prop-html-masthead: 'Harbor City Herald' above the headline).
    """
    values = table.values
    for i, (f, w) in enumerate(zip(values, work, strict=True)):
        if w.role == "body" and f["prose"]:
            return  # the article started before any headline copy: nothing is above it
        if f["title_repeat"]:
            for k in range(i):
                values[k]["before_title"] = 1
            return


def _repeats(key: str, caption: str) -> bool:
    """True if ``key`` is the removed ``caption`` printed again, whole or with a little around it."""
    if key in caption:
        return True
    return caption in key and len(caption) >= CAPTION_MIN_SHARE * len(key)


def _context(
    blocks: Sequence[Block], table: FeatureTable, work: list[_Work], page_structure: bool, known_title: str | None
) -> int | None:
    """Fill in the context features; return the index of the title block."""
    values = table.values
    taken = [w.role != "body" if page_structure else True for w in work]  # no page, no title to find
    title = _title_search(blocks, table, taken)
    if title is not None:
        work[title].role = "title"
        for i in range(title):
            values[i]["before_title"] = 1
        _mark_title_repeats(table, work, title)
    elif known_title:
        _mark_title_repeats(table, work, -1, normalise_key(known_title))
        _above_headline(table, work)
    body_prose = [i for i, (f, w) in enumerate(zip(values, work, strict=True)) if f["prose"] and w.role == "body"]
    last_prose = body_prose[-1] if body_prose else -1
    if body_prose:
        for i in range(last_prose + 1, len(values)):
            values[i]["after_body"] = 1
    scores = [block_score(f, w.role != "body" and not f["prose"]) for f, w in zip(values, work, strict=True)]
    mask = region_mask(scores)
    region_vocab: set[str] = set()
    for f, w, inside, words in zip(values, work, mask, table.content_words, strict=True):
        f["in_region"] = int(inside)
        # A short sentence the region kept ('«We cannot wait», said Petrova.') names the article's
        # people as much as its long prose does (fixture prop-closing-quote-below-farm).
        if inside and (f["prose"] or (f["ends_sentence"] and w.role == "body")):
            region_vocab.update(words)
    for f, inside, words, distance in zip(values, mask, table.content_words, _distances(mask), strict=True):
        if not inside:
            f["region_topic"] = round(len(words & region_vocab) / len(words), 3) if words else 0.0
            f["region_distance"] = distance
    _near_topic(values, mask)
    last = max((i for i, inside in enumerate(mask) if inside), default=len(mask))
    kept = 0  # the lines below the region no rule has taken yet (the layout rules run after this)
    for f, w in zip(values[last + 1 :], work[last + 1 :], strict=True):
        kept += w.role == "body" or _shielded(f, w)
        f["kept_below"] = kept
    captions = [
        table.keys[i]
        for i, w in enumerate(work)
        if w.rule is not None and w.rule.pack == CAPTION_PACK and len(table.keys[i]) >= CAPTION_MIN_KEY_CHARS
    ]
    if captions:
        for i, w in enumerate(work):
            key = table.keys[i]
            if w.role == "body" and len(key) >= CAPTION_MIN_KEY_CHARS and any(_repeats(key, c) for c in captions):
                values[i]["caption_repeat"] = 1
    return title


def _near_topic(values: Sequence[dict[str, float]], mask: Sequence[bool]) -> None:
    """For each block outside the region, the best region_topic of the prose outside it nearby.

    An off-topic prose line beside on-topic prose is part of a stretch of the article the region
    missed, not a teaser among headlines.
    """
    n = len(values)
    outside_prose = [bool(f["prose"]) and not inside for f, inside in zip(values, mask, strict=True)]
    for i, f in enumerate(values):
        if mask[i]:
            continue
        window = range(max(0, i - NEAR_BLOCKS), min(n, i + NEAR_BLOCKS + 1))  # a window, not every prose line
        near = [values[j]["region_topic"] for j in window if j != i and outside_prose[j]]
        f["near_topic"] = max(near, default=0.0)


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
        protected = _shielded(f, w)
        if w.role != "body" and not protected:
            continue
        hit = next((r for r in rules if (r.strength == "strong" or not protected) and r.matches(b.text, f, h)), None)
        if hit is not None:
            w.role, w.rule = "removed", hit


def _shielded(f: dict[str, float], w: _Work) -> bool:
    """Prose a heuristic rule took: _protect gives it back to the body, so a strong context rule still may take it."""
    return w.role == "removed" and bool(f["prose"]) and w.rule is not None and w.rule.strength != "strong"


def _keep_split_halves(blocks: Sequence[Block], work: list[_Work]) -> None:
    """A line the kept body block below it finishes is the article's, whatever the layout rules said.

    'Kritiker, u. a. der Bund der' / (blank line) / 'Steuerzahler, halten …': a column break in a
    page of blank-line paragraphs leaves the first half outside the region (fixture
    prop-split-half-outside-region); the join repair then rejoins the two.
    """
    for i in range(len(work) - 2, -1, -1):
        w = work[i]
        layout = w.rule is not None and uses_layout(w.rule)
        finished_below = work[i + 1].role == "body" and continues(blocks[i].text, blocks[i + 1].text)
        if w.role == "removed" and layout and finished_below:
            w.role, w.rule = "body", None


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


def _title_search(blocks: Sequence[Block], table: FeatureTable, taken: Sequence[bool]) -> int | None:
    # The topic vocabulary comes from prose still kept, as it would be in the cleaned text.
    # A caption's copy the context pass will remove is not the article (work.copies_of_removed).
    prose = [bool(f["prose"]) and not t for f, t in zip(table.values, taken, strict=True)]
    copies = copies_of_removed(table.content_words, taken, prose)
    kept_prose = (ws for ws, p, c in zip(table.content_words, prose, copies, strict=True) if p and not c)
    vocab = frozenset().union(*kept_prose)
    long_vocab: set[str] = set()

    def shares_long_word(i: int) -> bool:  # asked rarely: a headline sharing no content word
        if not long_vocab:
            for b, f, t in zip(blocks, table.values, taken, strict=True):
                if f["prose"] and not t:
                    long_vocab.update(long_stems(b.text))
        return not long_vocab.isdisjoint(long_stems(blocks[i].text))

    separators = [count_separators(b.text) for b in blocks]
    leads = [announces_list(b.text) for b in blocks]
    return pick_title(table.values, table.content_words, vocab, taken, separators, shares_long_word, leads)


def _late_title(blocks: Sequence[Block], table: FeatureTable, work: list[_Work]) -> int | None:
    """The title as cleaning the cleaned text would find it, when the first search found none.

    The first search runs before the layout rules remove a masthead ('The Maui News - Weekender'),
    so the headline under it is not yet the page's first line; in ``to_text()`` it is, and a second
    cleaning takes it as the title (fixture prop-title-under-masthead). Searching again over the
    lines that stayed gives the same answer both times.
    """
    title = _title_search(blocks, table, [w.role != "body" for w in work])
    if title is not None:
        work[title].role = "title"
    return title


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
    rules = catalogue.rules if page_structure else tuple(r for r in catalogue.rules if _fits_extracted_text(r))
    local = [r for r in rules if r.action not in ("drop-section", "drop-thread") and not _uses_context(r)]
    sections = [r for r in rules if r.action == "drop-section"]
    threads = [r for r in rules if r.action == "drop-thread"]
    context = [r for r in rules if r.action == "drop" and _uses_context(r)]
    hits = [catalogue.patterns.hits(b.text) for b in blocks]
    meta = _local_pass(blocks, table, local, work, hits)
    _section_pass(blocks, table, sections, work, hits)
    thread_pass(blocks, table, threads, work, hits)
    title = _context(blocks, table, work, page_structure, known_title)
    if title is not None:
        meta["title"] = blocks[title].text
    _context_pass(blocks, table, context, work, hits)
    continue_lists(blocks, table, work)
    continue_unmarked_lists(blocks, table, work)
    keep_announced(blocks, table, work)
    _keep_split_halves(blocks, work)
    _keep_one_copy(table, work)
    _protect(table, work)
    if title is None and page_structure:
        title = _late_title(blocks, table, work)
        if title is not None:
            meta["title"] = blocks[title].text
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
