"""cleaner.parallel: ordered results from a process pool, bounded in-flight work, per-process Cleaner."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.config import Config
from cleaner.parallel import map_ordered, worker_cleaner

DOCS = [
    f"Home > News\nA sentence of the article that says something useful, number {i}.\nShare on Facebook"
    for i in range(60)
]


def _slow_square(x: int) -> int:
    # later items finish first, so only the ordering logic can put them back in order
    time.sleep(0.002 * (20 - x % 20))
    return x * x


def _pid_of(_: int) -> int:
    return os.getpid()


def _fail_on_7(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x


def _disabled_rules(_: int) -> tuple[str, ...]:
    return worker_cleaner().config.disable


def test_order_preserved_with_two_workers() -> None:
    out = list(map_ordered(_slow_square, range(100), workers=2, config=Config(), chunk_items=3))
    assert out == [x * x for x in range(100)]


def test_work_runs_in_other_processes() -> None:
    pids = set(map_ordered(_pid_of, range(40), workers=2, config=Config(), chunk_items=1))
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2


def test_exception_raised_at_its_position() -> None:
    seen: list[int] = []
    with pytest.raises(ValueError, match="seven"):
        for x in map_ordered(_fail_on_7, range(20), workers=2, config=Config(), chunk_items=4):
            seen.append(x)
    assert seen == list(range(7))


def test_in_flight_work_is_bounded() -> None:
    pulled = 0

    def source() -> Iterator[int]:
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield i

    gen = map_ordered(_slow_square, source(), workers=2, config=Config(), chunk_items=4, max_pending=3)
    assert next(gen) == 0
    # at most max_pending chunks of chunk_items were read ahead, not the whole input
    assert pulled <= 3 * 4
    gen.close()


def test_workers_build_their_cleaner_from_config() -> None:
    config = Config(disable=("NAV001",))
    assert set(map_ordered(_disabled_rules, range(4), workers=2, config=config, chunk_items=1)) == {("NAV001",)}


def test_worker_cleaner_outside_a_worker() -> None:
    with pytest.raises(RuntimeError):
        worker_cleaner()


def test_clean_many_two_workers_equals_one() -> None:
    cleaner = Cleaner()
    one = list(cleaner.clean_many(DOCS, workers=1, kind="text"))
    two = list(cleaner.clean_many(DOCS, workers=2, kind="text"))
    assert [r.text for r in two] == [r.text for r in one]
    assert two == one


def test_clean_many_keeps_the_cleaners_rules() -> None:
    cleaner = Cleaner(disable=["NAV001"])
    results = list(cleaner.clean_many(DOCS[:6], workers=2, kind="text"))
    assert all("NAV001" not in r.removed_counts() for r in results)
    assert results == [cleaner.clean(d, kind="text") for d in DOCS[:6]]


def test_workers_must_be_positive() -> None:
    with pytest.raises(ValueError):
        list(map_ordered(_pid_of, range(3), workers=0, config=Config()))


def _die_on_13(x: int) -> int:
    if x == 13:
        os._exit(3)  # a crash in native code, as far as the pool can tell
    return x


def test_a_dying_worker_raises_without_on_crash() -> None:
    from concurrent.futures.process import BrokenProcessPool

    with pytest.raises(BrokenProcessPool):
        list(map_ordered(_die_on_13, range(30), workers=2, config=Config(), chunk_items=4))


def test_a_dying_worker_costs_one_item_with_on_crash() -> None:
    out = list(map_ordered(_die_on_13, range(40), workers=2, config=Config(), chunk_items=4, on_crash=lambda x: -x))
    assert out == [x if x != 13 else -13 for x in range(40)]


def _sleepy(x: int) -> int:
    time.sleep(60 if x else 0)
    return x


def test_closing_early_does_not_wait_for_running_work() -> None:
    gen = map_ordered(_sleepy, range(8), workers=2, config=Config(), chunk_items=1)
    assert next(gen) == 0
    start = time.monotonic()
    gen.close()  # what a KeyboardInterrupt in the consumer leads to
    assert time.monotonic() - start < 20  # far less than the 60 s the running items would take


def _sleep_ten(x: int) -> int:
    time.sleep(10 if x else 0)
    return x


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def test_closing_early_ends_workers_that_inherit_a_sigterm_handler() -> None:
    """``cleaner batch`` turns SIGTERM into KeyboardInterrupt before it starts the pool, and forked workers inherit it.

    The executor's worker loop caught that KeyboardInterrupt as the item's error and took the next
    item, so terminating the workers did not end them and closing waited for the queued items.
    """
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        gen = map_ordered(_sleep_ten, range(8), workers=2, config=Config(), chunk_items=1)
        assert next(gen) == 0
        time.sleep(0.5)  # the workers are in their ten-second items
        start = time.monotonic()
        gen.close()
        assert time.monotonic() - start < 5  # a surviving worker would run the next item: 10 s more
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_teardown_error_does_not_hide_the_interruption(monkeypatch: pytest.MonkeyPatch) -> None:
    # Terminating the workers can leave the executor's pipes broken; the BrokenPipeError from tearing it
    # down replaced the KeyboardInterrupt, and `cleaner batch` exited 0 on Ctrl-C (fresh-clone CI).
    from cleaner import parallel

    real_close = parallel._Pool.close

    def close(self: parallel._Pool, *, finished: bool) -> None:
        real_close(self, finished=finished)
        if not finished:
            raise BrokenPipeError("pipe closed by a terminated worker")

    monkeypatch.setattr(parallel._Pool, "close", close)
    with pytest.raises(KeyboardInterrupt), closing(map_ordered(_slow_square, range(40), workers=2, config=Config())) as gen:
        for value in gen:  # consumed as cleaner.batch.runner does: closing() closes it on the way out
            if value == 9:
                raise KeyboardInterrupt
    assert list(map_ordered(_slow_square, range(4), workers=2, config=Config())) == [0, 1, 4, 9]


_BIG_RESULTS_SCRIPT = """
import sys
from cleaner.config import Config
from cleaner.parallel import map_ordered

def big(x):
    return bytes(32 << 20)  # 32 MiB: the worker spends most of its time writing it into the result pipe

if __name__ == "__main__":
    for attempt in range(int(sys.argv[1])):
        gen = map_ordered(big, range(40), workers=2, config=Config(), chunk_items=1)
        next(gen)
        gen.close()  # terminates the workers, one of them most likely halfway through its result
    print("closed", flush=True)
"""


def test_closing_early_while_a_worker_writes_its_result(tmp_path: Path) -> None:
    """A worker terminated halfway through writing its result left half a message in the result pipe.

    The executor's manager thread waited for the rest of it forever (the parent holds a write end,
    so no EOF came), and closing joined that thread: Ctrl-C hung ``cleaner batch`` in fresh-clone CI.
    """
    script = tmp_path / "big_results.py"
    script.write_text(_BIG_RESULTS_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    try:
        done = subprocess.run([sys.executable, str(script), "5"], capture_output=True, timeout=60, env=env, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("closing the pool hung on a half-written result")
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == b"closed\n"


def test_closing_early_leaves_the_executor_thread_to_clean_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Queued chunks cancelled from the consumer's thread made the executor's manager thread die.

    On Python 3.11 it sets an error on every pending future when the terminated workers break the
    pool, and a cancelled one raised InvalidStateError there, before it closed its queues.
    """
    died: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: died.append(args.exc_value))
    for _ in range(10):
        gen = map_ordered(_sleepy, range(12), workers=2, config=Config(), chunk_items=1)
        assert next(gen) == 0
        gen.close()
    time.sleep(0.5)  # the manager thread runs on after shutdown returns only if it died
    assert died == []


def test_a_chunk_submitted_after_a_worker_died_fails_in_its_turn() -> None:
    from concurrent.futures.process import BrokenProcessPool

    from cleaner.parallel import _Pool

    pool = _Pool(1, Config(), None)
    try:
        with pytest.raises(BrokenProcessPool):
            pool.submit(_die_on_13, [13]).result(timeout=30)
        late = pool.submit(_pid_of, [1])  # raised BrokenProcessPool here, outside the crash handling
        with pytest.raises(BrokenProcessPool):
            late.result(timeout=1)
    finally:
        pool.close(finished=False)
