"""Process-pool cleaning with bounded in-flight work and results in input order.

``map_ordered`` is the one primitive: it reads the input lazily, ships small
chunks to worker processes, keeps at most ``max_pending`` chunks in flight (so
memory stays flat however long the input is) and yields results in input
order. Each worker builds its own ``Cleaner`` from the parent's ``Config``
once, at start-up; work functions reach it with ``worker_cleaner()``.
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
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from cleaner.config import Config

if TYPE_CHECKING:
    from cleaner.api import Cleaner
    from cleaner.model import Result

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
KindArg = Literal["auto", "text", "html"]

CHUNK_ITEMS = 32
"""Most items sent to a worker in one message (amortises pickling and IPC per item)."""
CHUNK_CHARS = 1 << 20
"""A chunk is closed early once its items' lengths add up to this many characters or bytes."""
PENDING_CHUNKS_PER_WORKER = 3
"""In-flight chunks per worker: enough to keep workers busy, few enough to bound memory."""
ORPHAN_CHECK_SECONDS = 1.0
"""How often a worker checks that its parent is still alive (a SIGKILLed parent leaves no one to stop it)."""

_worker_cleaner: Cleaner | None = None


def worker_cleaner() -> Cleaner:
    """The ``Cleaner`` of the current worker process (built once by the pool initializer)."""
    if _worker_cleaner is None:
        raise RuntimeError("worker_cleaner() called outside a cleaner worker process")
    return _worker_cleaner


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(ORPHAN_CHECK_SECONDS)
        if os.getppid() != parent_pid:
            os._exit(1)


def _init_worker(config: Config, parent_pid: int) -> None:
    """Pool initializer: ignore Ctrl-C (the parent handles it), build the Cleaner, die with the parent."""
    global _worker_cleaner
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="orphan-check", daemon=True).start()
    from cleaner.api import Cleaner

    _worker_cleaner = Cleaner(config=config)


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
    mp_context: str | None = None,
) -> Generator[R, None, None]:
    """Apply ``func`` to every item in ``workers`` processes, yielding results in input order.

    ``func`` must be picklable (a module-level function or a ``functools.partial`` of one).
    An exception raised for an item is re-raised here at that item's position.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    pending_limit = max_pending or workers * PENDING_CHUNKS_PER_WORKER
    ctx = multiprocessing.get_context(mp_context)
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(config, os.getpid())
    )
    pending: deque[Future[list[Any]]] = deque()
    source = _chunks(items, chunk_items, chunk_chars, weigh)
    exhausted = False
    log.debug("started %d worker processes (%s)", workers, ctx.get_start_method())
    try:
        while True:
            while not exhausted and len(pending) < pending_limit:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append(executor.submit(_run_chunk, func, chunk))
            if not pending:
                break
            for value in pending.popleft().result():
                if isinstance(value, _Failure):
                    raise value.exc
                yield value
    finally:
        for fut in pending:
            fut.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


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
