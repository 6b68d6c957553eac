"""Ctrl-C and SIGTERM, the same way for every command.

SIGTERM is raised as :class:`Terminated`, a :class:`KeyboardInterrupt`, so that both
stop a command through the same clean-up (summary so far, report) and only the exit
status differs. Only ``signal.signal`` is used: it accepts SIGINT and SIGTERM on
Windows too. Off the main thread handlers cannot be changed, and nothing is.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import FrameType
from typing import Any

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM

Handlers = tuple[Any, Any]  # what SIGINT and SIGTERM had


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises :class:`KeyboardInterrupt`."""

    signum = 15  # signal.SIGTERM, the same number on POSIX and Windows


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def exit_status_for(stop: BaseException) -> int:
    """130 after Ctrl-C, 143 after SIGTERM."""
    return EXIT_TERMINATED if isinstance(stop, Terminated) else EXIT_INTERRUPTED


def handle_sigterm() -> Any:
    """From now on SIGTERM raises :class:`Terminated`; the handler it had."""
    try:
        return signal.signal(signal.SIGTERM, stop_on_sigterm)
    except (ValueError, OSError):  # not the main thread
        return signal.getsignal(signal.SIGTERM)


def ignore_signals() -> Handlers | None:
    """Ignore Ctrl-C and SIGTERM; the handlers they had, or None off the main thread."""
    try:
        return (
            signal.signal(signal.SIGINT, signal.SIG_IGN),
            signal.signal(signal.SIGTERM, signal.SIG_IGN),
        )
    except ValueError:
        return None


def restore_signals(handlers: Handlers | None) -> None:
    if handlers is not None:
        with suppress(ValueError, TypeError):
            signal.signal(signal.SIGINT, handlers[0])
            signal.signal(signal.SIGTERM, handlers[1])


@contextmanager
def signals_ignored() -> Iterator[None]:
    """Ctrl-C and SIGTERM are ignored inside: a clean-up that must not be cut in half."""
    handlers = ignore_signals()
    try:
        yield
    finally:
        restore_signals(handlers)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back inside, then deliver them to the handlers they had:
    for two steps that must happen together or not at all."""
    held: list[int] = []

    def hold(signum: int, frame: object) -> None:
        held.append(signum)

    try:
        handlers = (signal.signal(signal.SIGINT, hold), signal.signal(signal.SIGTERM, hold))
    except ValueError:  # not the main thread: nothing to hold
        yield
        return
    try:
        yield
    finally:
        restore_signals(handlers)
    if held:
        handler = handlers[0] if held[0] == signal.SIGINT else handlers[1]
        if callable(handler):
            handler(held[0], None)
        elif held[0] == signal.SIGINT and handler != signal.SIG_IGN:
            raise KeyboardInterrupt
