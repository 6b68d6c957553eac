"""Argument types shared by the subcommands (argparse calls them on the option's text)."""

from __future__ import annotations

import argparse


def job_count(text: str) -> int:
    """``-j N``: a number of processes, at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("needs at least 1 process")
    return value
