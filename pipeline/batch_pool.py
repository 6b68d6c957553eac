"""A small process pool that survives its workers dying.

``multiprocessing.Pool`` loses a task forever when a worker process dies (its
``imap`` then hangs) and ``ProcessPoolExecutor`` breaks every pending future.
A batch of thousands of notes must instead report the one note whose build
killed its worker and carry on, so this pool keeps, per worker, the tasks it
was sent in order: the worker answers them in that order, hence the first
unanswered task of a dead worker is the culprit, the others go back in the
queue, and a fresh worker takes its place.

Workers are forked (on Linux) after the parent has imported the build code, so
each starts warm; elsewhere (or with ``MINUTES_START_METHOD=spawn``) they are
spawned and import it themselves. They ignore SIGINT (the parent decides how to
stop) and, on Linux, die with the parent.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_STOP = None


@dataclass
class _Worker(Generic[T]):
    process: BaseProcess
    conn: Connection
    in_flight: deque[T] = field(default_factory=deque)


@dataclass(frozen=True)
class Crash(Generic[T]):
    """A task whose worker process died while running it."""

    task: T
    reason: str


START_METHOD_VARIABLE = "MINUTES_START_METHOD"


def start_method() -> str:
    """How worker processes start: ``fork`` on Linux, ``spawn`` elsewhere (Windows, macOS).

    ``MINUTES_START_METHOD=spawn`` (or ``forkserver``, ``fork``) chooses another, e.g. to
    test on Linux what Windows and macOS do.
    """
    chosen = os.environ.get(START_METHOD_VARIABLE, "").strip().lower()
    if chosen in multiprocessing.get_all_start_methods():
        return chosen
    # The parent is single-threaded when it forks, and forking shares the
    # already imported build code instead of importing it again per worker.
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _context() -> Any:
    return multiprocessing.get_context(start_method())


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        pr_set_pdeathsig = 1
        kill = getattr(signal, "SIGKILL", signal.SIGTERM)
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, kill)


def _worker_main(conn: Connection, work: Callable[[Any], Any]) -> None:
    # Forked from a parent that paused the collector for its start-up: a worker builds
    # many notes, so it collects (what it inherited is frozen, out of its passes).
    gc.enable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    if sys.platform.startswith("linux") and os.getppid() == 1:
        return  # the parent died before we could ask to follow it
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is _STOP:
            return
        for task in chunk:
            result = work(task)
            try:
                conn.send(result)
            except (BrokenPipeError, OSError):
                return


def describe_exit(exitcode: int | None) -> str:
    if exitcode is None:
        return "the worker process vanished"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"the worker process was killed by {name}"
    return f"the worker process exited with status {exitcode}"


class WorkerPool(Generic[T, R]):
    """Runs ``work(task)`` in ``processes`` worker processes, results as they come.

    ``work`` should not raise: it is expected to turn a failure into a result.
    A worker that dies anyway yields a :class:`Crash` for the task it was running.
    """

    def __init__(self, work: Callable[[T], R], processes: int, chunk_size: int = 8):
        self._work = work
        self._processes = max(1, processes)
        self._chunk_size = max(1, chunk_size)
        self._context = _context()
        self._workers: list[_Worker[T]] = []

    def imap_unordered(self, tasks: Iterable[T]) -> Iterator[R | Crash[T]]:
        source = iter(tasks)
        retry: deque[T] = deque()
        exhausted = False

        def take(count: int) -> list[T]:
            nonlocal exhausted
            chunk: list[T] = []
            while len(chunk) < count and retry:
                chunk.append(retry.popleft())
            while len(chunk) < count and not exhausted:
                try:
                    chunk.append(next(source))
                except StopIteration:
                    exhausted = True
            return chunk

        while True:
            # Keep every worker one chunk ahead so that none waits for the parent.
            for worker in list(self._workers):
                if not worker.in_flight and not worker.process.is_alive():
                    yield from self._bury(worker, retry)
                    continue
                if len(worker.in_flight) <= self._chunk_size:
                    chunk = take(self._chunk_size)
                    if chunk:
                        self._send(worker, chunk)
            while len(self._workers) < self._processes:
                chunk = take(self._chunk_size)
                if not chunk:
                    break
                self._send(self._start_worker(), chunk)
            busy = [w for w in self._workers if w.in_flight]
            if not busy:
                return
            ready = multiprocessing.connection.wait(
                [w.conn for w in busy] + [w.process.sentinel for w in busy]
            )
            for worker in busy:
                dead = worker.process.sentinel in ready
                if worker.conn in ready:
                    dead = (yield from self._receive(worker)) or dead
                if dead:
                    yield from self._bury(worker, retry)

    def _receive(self, worker: _Worker[T]) -> Generator[R, None, bool]:
        """Yields the answers waiting from ``worker``; returns True when its pipe is closed."""
        while worker.in_flight:
            try:
                if not worker.conn.poll():
                    return False
                result = worker.conn.recv()
            except (EOFError, OSError):
                return True
            worker.in_flight.popleft()
            yield result
        return False

    def _bury(self, worker: _Worker[T], retry: deque[T]) -> Iterator[R | Crash[T]]:
        yield from self._receive(worker)  # answers sent before it died still count
        worker.process.join()
        if worker.in_flight:
            culprit = worker.in_flight.popleft()
            yield Crash(culprit, describe_exit(worker.process.exitcode))
            retry.extendleft(reversed(worker.in_flight))
            worker.in_flight.clear()
        worker.conn.close()
        self._workers.remove(worker)

    def _send(self, worker: _Worker[T], chunk: list[T]) -> None:
        worker.in_flight.extend(chunk)
        # If it died, its sentinel will say so and these tasks are requeued.
        with contextlib.suppress(BrokenPipeError, OSError):
            worker.conn.send(chunk)

    def _start_worker(self) -> _Worker[T]:
        parent_end, child_end = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main,
            args=(child_end, self._work),
            name="minutes-build-worker",
            daemon=True,
        )
        process.start()
        child_end.close()
        worker: _Worker[T] = _Worker(process, parent_end)
        self._workers.append(worker)
        return worker

    def in_flight(self) -> list[T]:
        return [task for worker in self._workers for task in worker.in_flight]

    def close(self) -> None:
        """Let the workers finish and exit."""
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(_STOP)
        self._reap(grace=10)

    def terminate(self) -> None:
        """Stop the workers now, whatever they are doing."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.terminate()
        self._reap(grace=5)

    def _reap(self, grace: float) -> None:
        """Wait up to ``grace`` seconds for each worker to end, then kill it."""
        for worker in self._workers:
            worker.process.join(timeout=grace)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers.clear()
