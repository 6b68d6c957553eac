"""Run ``minutes`` with its output on a pseudo-terminal (POSIX only), as a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys


def minutes_on_a_terminal(arguments: list[str], env: dict[str, str]) -> bytes:
    """What ``python -m pipeline ARGUMENTS`` writes to a terminal, NO_COLOR unset unless in ``env``."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", *arguments],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env={**{k: v for k, v in os.environ.items() if k != "NO_COLOR"}, **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal is closed once the process has ended (Linux)
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks)
