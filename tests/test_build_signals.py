"""Ctrl-C or SIGTERM while two steps must happen together waits until both are done."""

from __future__ import annotations

import signal

import pytest

from pipeline.signals import signals_held


def test_ctrl_c_while_a_note_is_recorded_arrives_once_it_is_counted() -> None:
    steps: list[str] = []
    with pytest.raises(KeyboardInterrupt), signals_held():
        steps.append("recorded")
        signal.raise_signal(signal.SIGINT)
        steps.append("counted")
    assert steps == ["recorded", "counted"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_sigterm_while_held_goes_to_the_handler_it_had() -> None:
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    try:
        with signals_held():
            signal.raise_signal(signal.SIGTERM)
            assert received == []
        assert received == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_without_a_signal_nothing_happens_and_the_handlers_are_back() -> None:
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    with signals_held():
        pass
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before
