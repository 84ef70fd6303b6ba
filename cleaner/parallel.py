"""Process-pool cleaning with bounded in-flight work and results in input order.

``map_ordered`` is the one primitive: it reads the input lazily, ships small
chunks to worker processes, keeps at most ``max_pending`` chunks in flight (so
memory stays flat however long the input is) and yields results in input
order. Each worker builds its own ``Cleaner`` from the parent's ``Config``
once, on first use; work functions reach it with ``worker_cleaner()``.
``clean_parallel`` (behind ``Cleaner.clean_many``) and the batch runner are
thin layers over it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from cleaner.config import Config

if TYPE_CHECKING:
    from cleaner.api import Cleaner
    from cleaner.model import Result

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
KindArg = Literal["auto", "text", "html"]

CHUNK_ITEMS = 16
"""Most items sent to a worker in one message (amortises pickling and IPC per item)."""
CHUNK_CHARS = 1 << 18
"""A chunk is closed early once its items' lengths add up to this many characters or bytes."""
PENDING_CHUNKS_PER_WORKER = 3
"""In-flight chunks per worker: enough to keep workers busy, few enough to bound memory."""
ORPHAN_CHECK_SECONDS = 1.0
"""How often a worker checks that its parent is still alive (a SIGKILLed parent leaves no one to stop it)."""
STOP_GRACE_SECONDS = 5.0
"""How long a terminated worker has to end before it is killed."""

_worker_config: Config | None = None
_worker_cleaner: Cleaner | None = None


def worker_cleaner() -> Cleaner:
    """The ``Cleaner`` of the current worker process, built from the parent's config on first use."""
    global _worker_cleaner
    if _worker_cleaner is None:
        if _worker_config is None:
            raise RuntimeError("worker_cleaner() called outside a cleaner worker process")
        from cleaner.api import Cleaner

        _worker_cleaner = Cleaner(config=_worker_config)
    return _worker_cleaner


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(ORPHAN_CHECK_SECONDS)
        if os.getppid() != parent_pid:
            os._exit(1)


def _init_worker(config: Config, parent_pid: int) -> None:
    """Pool initializer: ignore Ctrl-C (the parent handles it), die on SIGTERM, keep the config, die with the parent.

    A forked worker inherits the parent's Python signal handlers: ``cleaner batch`` turns SIGTERM
    into KeyboardInterrupt, and the executor's worker loop catches that as the running item's
    error and takes the next one, so terminating the workers on Ctrl-C did not end them and the
    run waited for every queued chunk (over 60 s in fresh-clone CI).
    """
    global _worker_config, _worker_cleaner
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="orphan-check", daemon=True).start()
    _worker_config = config
    _worker_cleaner = None  # a forked worker must not reuse a Cleaner inherited from its parent


class _Failure:
    """An exception raised by the work function for one item, carried back to the parent."""

    __slots__ = ("exc",)

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def _run_chunk(func: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in chunk:
        try:
            out.append(func(item))
        except Exception as exc:  # noqa: BLE001 - re-raised in the parent at the item's position
            out.append(_Failure(exc))
    return out


def _weight(item: object) -> int:
    return len(item) if isinstance(item, str | bytes) else 1


def _chunks(items: Iterable[T], size: int, max_chars: int, weigh: Callable[[T], int]) -> Iterator[list[T]]:
    chunk: list[T] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += weigh(item)
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


class _Pool:
    """A ProcessPoolExecutor that can be replaced when a worker dies."""

    def __init__(self, workers: int, config: Config, mp_context: str | None) -> None:
        self.workers = workers
        self.config = config
        self.ctx = multiprocessing.get_context(mp_context)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        log.debug("starting %d worker processes (%s)", self.workers, self.ctx.get_start_method())
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=self.ctx, initializer=_init_worker, initargs=(self.config, os.getpid())
        )

    def submit(self, func: Callable[[Any], Any], chunk: list[Any]) -> Future[list[Any]]:
        try:
            return self.executor.submit(_run_chunk, func, chunk)
        except BrokenProcessPool as exc:
            # A worker died since the last submit: this chunk fails like those in flight, at its own
            # position, and is retried with them (raising here lost the crash handling, a flaky test).
            failed: Future[list[Any]] = Future()
            failed.set_exception(exc)
            return failed

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self, *, finished: bool) -> None:
        if not finished:
            self._stop_workers()
        self.executor.shutdown(wait=True, cancel_futures=True)

    def _stop_workers(self) -> None:
        """Interrupted or abandoned: end the workers now instead of waiting for the chunks in progress.

        ProcessPoolExecutor has no public way to stop running work before Python 3.14. A worker
        terminated halfway through writing its result leaves half a message in the result pipe; the
        executor's manager thread would wait for the rest forever, since the parent's own write end
        keeps the pipe open, and shutdown joins that thread (Ctrl-C hung in fresh-clone CI). Once
        the workers are gone the parent's end is the last one, so closing it ends that wait with an
        EOF, which the manager takes for a broken pool and cleans up after.
        """
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        for proc in processes:
            proc.terminate()
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for proc in processes:
            proc.join(max(0.0, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join()
        result_queue = getattr(self.executor, "_result_queue", None)
        writer = getattr(result_queue, "_writer", None)
        if writer is not None:
            writer.close()


def _isolate(pool: _Pool, func: Callable[[T], R], chunk: list[T], on_crash: Callable[[T], R]) -> list[Any]:
    """Re-run a chunk that killed its worker one item at a time; an item that kills a worker alone gets on_crash."""
    values: list[Any] = []
    for item in chunk:
        try:
            values.extend(pool.submit(func, [item]).result())
        except BrokenProcessPool:
            log.warning("a worker process died on one item; recording it and going on")
            values.append(on_crash(item))
            pool.restart()
    return values


def map_ordered(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int,
    config: Config,
    chunk_items: int = CHUNK_ITEMS,
    chunk_chars: int = CHUNK_CHARS,
    max_pending: int | None = None,
    weigh: Callable[[T], int] = _weight,
    on_crash: Callable[[T], R] | None = None,
    mp_context: str | None = None,
) -> Generator[R, None, None]:
    """Apply ``func`` to every item in ``workers`` processes, yielding results in input order.

    ``func`` must be picklable (a module-level function or a ``functools.partial`` of one).
    An exception raised for an item is re-raised here at that item's position. If a worker
    process dies (a crash in native code, the OOM killer), ``BrokenProcessPool`` is raised,
    unless ``on_crash`` is given: then the pool is restarted, the chunk is retried item by item,
    and the item that kills a worker on its own yields ``on_crash(item)`` instead.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    pending_limit = max_pending or workers * PENDING_CHUNKS_PER_WORKER
    pool = _Pool(workers, config, mp_context)
    pending: deque[tuple[list[T], Future[list[Any]]]] = deque()
    source = _chunks(items, chunk_items, chunk_chars, weigh)
    exhausted = finished = False
    try:
        while True:
            while not exhausted and len(pending) < pending_limit:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append((chunk, pool.submit(func, chunk)))
            if not pending:
                finished = True
                break
            chunk, future = pending.popleft()
            try:
                values = future.result()
            except BrokenProcessPool:
                if on_crash is None:
                    raise
                pool.restart()
                values = _isolate(pool, func, chunk, on_crash)
                pending = deque((c, pool.submit(func, c)) for c, _ in pending)
            for value in values:
                if isinstance(value, _Failure):
                    raise value.exc
                yield value
    finally:
        # The queued chunks are cancelled by the executor's own shutdown, not here: a future cancelled
        # from this thread made the executor's manager thread die on InvalidStateError when the
        # terminated workers broke the pool (Python 3.11), before it closed its queues.
        try:
            pool.close(finished=finished)
        except OSError:
            if finished:
                raise
            # Interrupted: the workers were just terminated, so the executor's pipes may be broken. That
            # must not replace the interruption itself (a BrokenPipeError here made Ctrl-C exit 0).
            log.debug("worker pool teardown after an interruption failed", exc_info=True)


def _clean_item(kind: KindArg, item: str | bytes) -> Result:
    return worker_cleaner().clean(item, kind=kind)


def clean_parallel(
    cleaner: Cleaner,
    items: Iterable[str | bytes],
    *,
    workers: int,
    kind: KindArg = "auto",
) -> Iterator[Result]:
    """Clean ``items`` with ``workers`` processes, each running a copy of ``cleaner``; results in input order."""
    import functools

    func = functools.partial(_clean_item, kind)
    yield from map_ordered(func, items, workers=workers, config=cleaner.config)
