"""``copies_of_removed``: which kept blocks only repeat a removed block's words."""

from __future__ import annotations

from cleaner.engine.work import MAX_COPY_CANDIDATES, copies_of_removed


def _w(text: str) -> frozenset[str]:
    return frozenset(text.split())


def test_copy_of_a_removed_caption_is_found() -> None:
    words = [_w("jane city press maria sevilla"), _w("city press maria sevilla"), _w("embalse coste maria")]
    assert copies_of_removed(words, [True, False, False], [False, True, True]) == [False, True, False]
    assert copies_of_removed(words, [True, False, False], [False, False, True]) == [False, False, False]


def test_nothing_removed_or_empty_words() -> None:
    assert copies_of_removed([_w("a b"), frozenset()], [False, False], [True, True]) == [False, False]
    assert copies_of_removed([_w("a b"), frozenset()], [True, False], [True, True]) == [False, False]


def test_a_word_in_too_many_removed_blocks_is_not_compared() -> None:
    # Linear time on hostile pages: thousands of removed lines sharing the kept line's words.
    removed = [_w(f"alpha beta n{i}") for i in range(MAX_COPY_CANDIDATES + 1)]
    words = [*removed, _w("alpha beta")]
    assert copies_of_removed(words, [True] * len(removed) + [False], [True] * len(words))[-1] is False
    few = removed[:MAX_COPY_CANDIDATES]
    assert copies_of_removed([*few, _w("alpha beta")], [True] * len(few) + [False], [True] * (len(few) + 1))[-1] is True
